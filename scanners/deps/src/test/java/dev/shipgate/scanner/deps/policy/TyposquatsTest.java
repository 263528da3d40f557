package dev.shipgate.scanner.deps.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.scanner.deps.Ecosystem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TyposquatsTest {

  @ParameterizedTest(name = "{0} {1} imitates {2}")
  @CsvSource({
      "NPM, lodahs, lodash, true",
      "NPM, expresss, express, false",
      "NPM, crossenv, cross-env, true",
      "NPM, cross_env, cross-env, true",
      "NPM, types-node, @types/node, true",
      "NPM, @bable/core, @babel/core, true",
      "NPM, rnongoose, mongoose, true",
      "NPM, l0dash, lodash, true",
      "NPM, webpak, webpack, false",
      "PYPI, reqeusts, requests, true",
      "PYPI, python-dateutils, python-dateutil, false",
      "PYPI, pythondateutil, python-dateutil, true",
      "PYPI, djnago, django, true",
      "MAVEN, com.fasterxm1.jackson.core:jackson-databind, com.fasterxml.jackson.core, true",
      "MAVEN, org.apache.logging.log4i:log4j-core, org.apache.logging.log4j, false",
      "GO, github.com/sirupsen/logrsu, github.com/sirupsen/logrus, true",
      "CRATES_IO, serde_jsno, serde_json, true",
      "RUBYGEMS, rai1s, rails, true",
      "PACKAGIST, guzzelhttp/guzzle, guzzlehttp/guzzle, true",
      "NUGET, Newtonsoft.Jsno, newtonsoft.json, true"})
  void imitations(Ecosystem eco, String name, String popular, boolean confusion) {
    Typosquats.Match m = Typosquats.of(eco).check(name).orElseThrow(() -> new AssertionError(name + " not reported"));
    assertThat(m.popular()).isEqualTo(popular);
    assertThat(m.confusion()).isEqualTo(confusion);
  }

  @ParameterizedTest(name = "{0} {1} is not reported")
  @CsvSource({
      "NPM, lodash",
      "NPM, LoDash",
      "NPM, args",
      "NPM, @babel/preset-env",
      "NPM, @types/some-new-package",
      "NPM, my-internal-lib",
      "NPM, react",
      "PYPI, Python_Dateutil",
      "PYPI, typing_extensions",
      "MAVEN, com.fasterxml.jackson.core:jackson-newthing",
      "MAVEN, dev.shipgate:shipgate-core",
      "MAVEN, org.json:json",
      "PACKAGIST, symfony/some-component",
      "NUGET, Microsoft.Extensions.Http",
      "GO, github.com/acme/internal"})
  void genuineNames(Ecosystem eco, String name) {
    assertThat(Typosquats.of(eco).check(name)).isEmpty();
  }

  /** The promise the data files make: no listed name is reported as an imitation of another listed one. */
  @ParameterizedTest
  @EnumSource(Ecosystem.class)
  void noPopularNameIsATyposquatOfAnother(Ecosystem eco) throws IOException {
    for (String name : lines(eco)) {
      assertThat(Typosquats.of(eco).check(name)).as("%s %s", eco, name).isEmpty();
    }
  }

  @Property(tries = 300)
  void distanceIsSymmetricAndBoundedByTheLimit(@ForAll @AlphaChars @StringLength(max = 12) String a,
      @ForAll @AlphaChars @StringLength(max = 12) String b) {
    int d = Distance.osa(a, b, 2);
    assertThat(d).isEqualTo(Distance.osa(b, a, 2)).isBetween(0, 3);
    assertThat(d == 0).isEqualTo(a.equals(b));
  }

  /** The prefilter only skips pairs the distance would reject; generated near and far pairs, with separators and digits. */
  @Property(tries = 1000)
  void theCharacterCountBoundNeverSkipsAPairWithinTheLimit(
      @ForAll @StringLength(max = 14) @net.jqwik.api.constraints.Chars({'a', 'b', 'c', '-', '1', '.', 'Z'}) String a,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 3) int edits, @ForAll java.util.Random random) {
    StringBuilder b = new StringBuilder(a);
    for (int e = 0; e < edits; e++) {
      int at = b.length() == 0 ? 0 : random.nextInt(b.length());
      int kind = b.length() == 0 ? 0 : random.nextInt(3);
      switch (kind) {
        case 0 -> b.insert(at, "abz9-".charAt(random.nextInt(5)));
        case 1 -> b.deleteCharAt(at);
        default -> b.setCharAt(at, "abz9-".charAt(random.nextInt(5)));
      }
    }
    int[] counts = new int[Distance.BUCKETS];
    if (Distance.moreThanEditsApart(a.toCharArray(), b.toString().toCharArray(), 2, counts)) {
      assertThat(Distance.osa(a, b.toString(), 2)).isEqualTo(3);
    }
    assertThat(counts).containsOnly(0);
  }

  @Test
  void transpositionsCountAsOneEdit() {
    assertThat(Distance.osa("lodahs", "lodash", 2)).isEqualTo(1);
    assertThat(Distance.isTransposition("lodahs", "lodash")).isTrue();
    assertThat(Distance.isTransposition("lodasx", "lodash")).isFalse();
    assertThat(Distance.osa("abcdef", "uvwxyz", 2)).isEqualTo(3);
  }

  private static List<String> lines(Ecosystem eco) throws IOException {
    try (InputStream in = Typosquats.class.getResourceAsStream("/dev/shipgate/scanner/deps/popular/" + eco.purlType() + ".txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.endsWith("/") && !l.endsWith(".")).toList();
    }
  }
}
