package dev.shipgate.scanner.deps.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Every scheme takes any string without throwing, in bounded time; what {@link HostileVersions} refuses (too long,
 * non-ASCII digits, control characters) is exactly what no registry publishes, and the refusal never echoes the input
 * whole.
 */
class HostileVersionsPropertiesTest {

  private static final VersionScheme[] SCHEMES = {VersionSchemes.MAVEN, VersionSchemes.NPM, VersionSchemes.GO, VersionSchemes.CARGO,
      VersionSchemes.SEMVER, VersionSchemes.PYPI, VersionSchemes.RUBYGEMS, VersionSchemes.COMPOSER, VersionSchemes.NUGET};

  /** Non-ASCII decimal digits of several scripts: Arabic-Indic, Devanagari, fullwidth, Bengali, mathematical bold. */
  private static final int[] FOREIGN_ZEROS = {0x0660, 0x0966, 0xFF10, 0x09E6, 0x1D7CE};

  @Provide
  Arbitrary<String> hostile() {
    Arbitrary<String> dotted = Arbitraries.integers().between(1, 3_000).map(n -> "1" + ".1".repeat(n));
    Arbitrary<String> qualifiers = Arbitraries.of("alpha", "beta", "rc", "SNAPSHOT", "sp", "dev", "post", "pre", "final", "-", ".", "+")
        .list().ofMinSize(1).ofMaxSize(800).map(l -> "1" + String.join("", l));
    Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(600);
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(200).ofMaxLength(10_000);
    return Arbitraries.oneOf(dotted, qualifiers, anything, digits);
  }

  @Property(tries = 300)
  void everySchemeTakesAnyStringQuicklyAndLongOnesAreInvalid(@ForAll("hostile") String v) {
    long start = System.nanoTime();
    for (VersionScheme s : SCHEMES) {
      boolean valid = s.isValid(v);
      assertThat(Integer.signum(s.compare(v, "1.0.0"))).as(s.name()).isEqualTo(-Integer.signum(s.compare("1.0.0", v)));
      assertThat(s.canonical(v)).isNotNull();
      if (v.length() > VersionScheme.MAX_LENGTH) {
        assertThat(valid).as("%s accepts %d characters", s.name(), v.length()).isFalse();
        assertThat(s.compare(v, "0.0.0")).as(s.name()).isNegative();
      }
    }
    assertThat(HostileVersions.refusal(v).isPresent()).isEqualTo(v.length() > VersionScheme.MAX_LENGTH || foreignDigitOrControl(v));
    assertThat(System.nanoTime() - start).as("nanoseconds for %d characters", v.length()).isLessThan(2_000_000_000L);
  }

  @Property(tries = 200)
  void nonAsciiDigitsAreRefusedBecauseMavenReadsThemAsAsciiAndOthersReject(@ForAll @IntRange(min = 0, max = 4) int script,
      @ForAll @IntRange(min = 0, max = 9) int major, @ForAll @IntRange(min = 0, max = 9) int minor) {
    String foreign = Character.toString(FOREIGN_ZEROS[script] + major) + "." + Character.toString(FOREIGN_ZEROS[script] + minor);
    String ascii = major + "." + minor;
    assertThat(HostileVersions.refusal(foreign)).get().asString().contains("non-ASCII digit U+");
    assertThat(HostileVersions.refusal(ascii)).isEmpty();
    // The reference (ComparableVersion) and Maven's resolver take digits of the Basic Multilingual Plane as ASCII ones
    // (they read UTF-16 units, so the mathematical digits are letters to them).
    if (FOREIGN_ZEROS[script] < 0x10000) {
      assertThat(VersionSchemes.MAVEN.compare(foreign, ascii)).isZero();
    }
    for (VersionScheme s : SCHEMES) {
      if (s != VersionSchemes.MAVEN) {
        assertThat(s.isValid(foreign)).as(s.name()).isFalse();
      }
    }
  }

  @Property(tries = 200)
  void refusalsShowAtMostTheStartOfTheVersionWithoutControlCharacters(@ForAll("hostile") String v) {
    Optional<String> refusal = HostileVersions.refusal(v + "\u0000");
    assertThat(refusal).isPresent();
    assertThat(refusal.get().length()).isLessThan(300);
    assertThat(refusal.get().chars().noneMatch(Character::isISOControl)).isTrue();
  }

  @Property(tries = 100)
  void dottedVersionsUpToTheLimitStayValidAndOrdered(@ForAll @IntRange(min = 1, max = 127) int parts) {
    String longer = "1" + ".1".repeat(parts);
    String shorter = "1" + ".1".repeat(parts - 1);
    for (VersionScheme s : new VersionScheme[] {VersionSchemes.MAVEN, VersionSchemes.PYPI, VersionSchemes.RUBYGEMS}) {
      assertThat(s.isValid(longer)).as(s.name()).isTrue();
      assertThat(s.compare(shorter, longer)).as(s.name()).isNegative();
    }
    assertThat(HostileVersions.refusal(longer)).isEmpty();
  }

  private static boolean foreignDigitOrControl(String v) {
    return v.codePoints().anyMatch(c -> (c > 0x7F && Character.isDigit(c)) || Character.isISOControl(c));
  }
}
