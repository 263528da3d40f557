package dev.shipgate.scanner.deps;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.packageurl.PackageURL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** PURLs percent-encode every byte of the UTF-8 form as the spec says, so any name and version round-trips. */
class PurlsPropertiesTest {

  /** Only unreserved characters and {@code %XX} inside segments; {@code /} between them, one {@code @} before the version. */
  private static final Pattern WELL_FORMED = Pattern.compile("pkg:[a-z]+(/([A-Za-z0-9._~-]|%[0-9A-F]{2})+)+(@([A-Za-z0-9._~-]|%[0-9A-F]{2})+)?");

  /** Any Unicode text but lone surrogates (which no UTF-8 file can hold), control characters and the separators included. */
  @Provide
  Arbitrary<String> text() {
    Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0, 0x7F)),
        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x80, 0x7FF)),
        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x800, 0xFFFF).filter(c -> c < 0xD800 || c > 0xDFFF)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF)));
    return codePoints.list().ofMinSize(1).ofMaxSize(16)
        .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
  }

  @Provide
  Arbitrary<String> printableAscii() {
    return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(16);
  }

  @Property(tries = 2000)
  void anyNameAndVersionRoundTripsInEveryTypeThatKeepsNamesAsWritten(@ForAll("text") String name, @ForAll("text") String version) {
    for (Ecosystem e : List.of(Ecosystem.CRATES_IO, Ecosystem.RUBYGEMS, Ecosystem.NUGET)) {
      String purl = Purls.of(e, name, version);
      assertThat(purl).as(e + " " + name).matches(WELL_FORMED);
      assertThat(decode(purl)).containsExactly(e.purlType(), name, version);
    }
  }

  @Property(tries = 1000)
  void mavenGroupsAndNamespacedNamesRoundTripSegmentBySegment(@ForAll("text") String group, @ForAll("text") String artifact,
      @ForAll("text") String version) {
    Assume.that(!group.contains(":") && !artifact.contains("/") && !group.contains("/"));
    String purl = Purls.of(Ecosystem.MAVEN, group + ":" + artifact, version);
    assertThat(purl).matches(WELL_FORMED);
    assertThat(decode(purl)).containsExactly("maven", group, artifact, version);
    String npm = Purls.of(Ecosystem.NPM, "@" + group + "/" + artifact, version);
    assertThat(decode(npm)).containsExactly("npm", "@" + group, artifact, version);
  }

  @Property(tries = 1000)
  void pypiAndGoNamesRoundTripToTheirNormalisedForm(@ForAll("text") String name) {
    Assume.that(!name.contains("/"));
    assertThat(decode(Purls.of(Ecosystem.PYPI, name, "1.0"))).containsExactly("pypi", name.toLowerCase(Locale.ROOT).replace('_', '-'), "1.0");
    assertThat(decode(Purls.of(Ecosystem.GO, "example.com/" + name, "v1.0.0")))
        .containsExactly("golang", "example.com", name.toLowerCase(Locale.ROOT), "v1.0.0");
  }

  /** packageurl-java 1.5.0 is the reference where it encodes correctly: printable ASCII. */
  @Property(tries = 2000)
  void agreesWithPackageUrlJavaOnPrintableAscii(@ForAll("printableAscii") String namespace, @ForAll("printableAscii") String name,
      @ForAll("printableAscii") String version) throws Exception {
    Assume.that(!namespace.contains("/") && !namespace.contains(":") && !name.contains("/"));
    for (Ecosystem e : Ecosystem.values()) {
      boolean namespaced = e == Ecosystem.MAVEN || e == Ecosystem.NPM || e == Ecosystem.GO || e == Ecosystem.PACKAGIST;
      String ours = Purls.of(e, namespaced ? namespace + (e == Ecosystem.MAVEN ? ":" : "/") + name : name, version);
      String reference = new PackageURL(e.purlType(), namespaced ? namespace : null, name, version, null, null).canonicalize();
      assertThat(ours).as(e.name()).isEqualTo(reference);
    }
  }

  @Example
  void nonAsciiBytesAreTwoHexDigitsEach() {
    assertThat(Purls.of(Ecosystem.NPM, "@scöpe/näme", "1.0.0-ü")).isEqualTo("pkg:npm/%40sc%C3%B6pe/n%C3%A4me@1.0.0-%C3%BC");
    assertThat(Purls.of(Ecosystem.PYPI, "a\tb", "1")).isEqualTo("pkg:pypi/a%09b@1");
    assertThat(Purls.of(Ecosystem.CRATES_IO, "\uD83D\uDE80", "")).isEqualTo("pkg:cargo/%F0%9F%9A%80");
    assertThat(Purls.of(Ecosystem.MAVEN, "no-group", "1")).isEmpty();
  }

  /** type, namespace segments joined by {@code /} (when any), name, version ("" when none), each percent-decoded. */
  private static List<String> decode(String purl) {
    String rest = purl.substring("pkg:".length());
    String version = "";
    int at = rest.indexOf('@');
    if (at >= 0) {
      version = URLDecoder.decode(rest.substring(at + 1), StandardCharsets.UTF_8);
      rest = rest.substring(0, at);
    }
    String[] parts = rest.split("/");
    List<String> out = new ArrayList<>();
    out.add(parts[0]);
    List<String> namespace = new ArrayList<>();
    for (int i = 1; i < parts.length - 1; i++) {
      namespace.add(URLDecoder.decode(parts[i], StandardCharsets.UTF_8));
    }
    if (!namespace.isEmpty()) {
      out.add(String.join("/", namespace));
    }
    out.add(URLDecoder.decode(parts[parts.length - 1], StandardCharsets.UTF_8));
    if (!version.isEmpty()) {
      out.add(version);
    }
    return out;
  }
}
