package dev.shipgate.scanner.deps.osv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.TestDatabase;
import dev.shipgate.scanner.deps.version.VersionSchemes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RangeMatcherTest {

  private static OsvDatabase db;

  @BeforeAll
  static void importRecords(@TempDir Path dir) throws Exception {
    db = OsvDatabase.open(TestDatabase.build(dir)).orElseThrow();
  }

  private static Map<String, OsvEntry> entries(Ecosystem eco, String name) throws Exception {
    return db.lookup(eco, name).stream().collect(Collectors.toMap(OsvEntry::id, e -> e));
  }

  @ParameterizedTest(name = "log4j-core {0}: CVE-2021-44228 {1}, CVE-2021-45046 {2}")
  @CsvSource({
      "2.0-beta8, false, false", "2.0-beta9, true, true", "2.0, true, true", "2.3, true, true", "2.3.1, false, true",
      "2.4, true, true", "2.12.1, true, true", "2.12.2, false, false", "2.13.0, true, true", "2.14.1, true, true",
      "2.15.0, false, true", "2.16.0, false, false", "2.17.1, false, false", "2.15.0-rc1, true, true"})
  void log4jRangesFollowMavenOrder(String version, boolean log4shell, boolean incompleteFix) throws Exception {
    Map<String, OsvEntry> e = entries(Ecosystem.MAVEN, "org.apache.logging.log4j:log4j-core");
    RangeMatcher m = new RangeMatcher(VersionSchemes.MAVEN);
    assertThat(m.affects(e.get("GHSA-jfh8-c2jp-5v3q"), version)).isEqualTo(log4shell);
    assertThat(m.affects(e.get("GHSA-7rjr-3q55-vv33"), version)).isEqualTo(incompleteFix);
  }

  @Test
  void theFixMustClearEveryRecordOfTheGroup() throws Exception {
    Map<String, OsvEntry> e = entries(Ecosystem.MAVEN, "org.apache.logging.log4j:log4j-core");
    RangeMatcher m = new RangeMatcher(VersionSchemes.MAVEN);
    assertThat(m.smallestFix(List.of(e.get("GHSA-jfh8-c2jp-5v3q")), "2.14.1")).isEqualTo("2.15.0");
    assertThat(m.smallestFix(List.of(e.get("GHSA-jfh8-c2jp-5v3q")), "2.11.0")).isEqualTo("2.12.2");
    // 2.15.0 fixes CVE-2021-44228 but is still inside CVE-2021-45046.
    assertThat(m.smallestFix(List.of(e.get("GHSA-jfh8-c2jp-5v3q"), e.get("GHSA-7rjr-3q55-vv33")), "2.14.1")).isEqualTo("2.16.0");
  }

  @Test
  void jacksonFourPartFixVersionsCompareAsMavenDoes() throws Exception {
    OsvEntry e = entries(Ecosystem.MAVEN, "com.fasterxml.jackson.core:jackson-databind").get("GHSA-57j2-w4cx-62h2");
    RangeMatcher m = new RangeMatcher(VersionSchemes.MAVEN);
    assertThat(m.affects(e, "2.12.6")).isTrue();
    assertThat(m.affects(e, "2.12.6.1")).isFalse();
    assertThat(m.affects(e, "2.12.7")).isFalse();
    assertThat(m.affects(e, "2.13.2")).isTrue();
    assertThat(m.affects(e, "2.13.2.1")).isFalse();
    assertThat(m.smallestFix(List.of(e), "2.13.1")).isEqualTo("2.13.2.1");
  }

  @Test
  void goSemverRangesAcceptTheVPrefixAndPseudoVersions() throws Exception {
    Map<String, OsvEntry> e = entries(Ecosystem.GO, "golang.org/x/net");
    RangeMatcher m = new RangeMatcher(VersionSchemes.GO);
    assertThat(m.affects(e.get("GO-2023-1571"), "v0.6.0")).isTrue();
    assertThat(m.affects(e.get("GO-2023-1571"), "v0.7.0")).isFalse();
    assertThat(m.affects(e.get("GO-2022-0969"), "v0.0.0-20220127200216-cd36cc0744dd")).isTrue();
    assertThat(m.affects(e.get("GO-2022-0969"), "v0.0.0-20220906165146-f3363e06e74c")).isFalse();
    assertThat(m.affects(e.get("GO-2022-0969"), "v0.1.0")).isFalse();
  }

  @Test
  void pypiExplicitVersionsMatchInNormalisedForm() throws Exception {
    OsvEntry pysec = entries(Ecosystem.PYPI, "requests").get("PYSEC-2018-28");
    RangeMatcher m = new RangeMatcher(VersionSchemes.PYPI);
    assertThat(m.affects(pysec, "2.19.1")).isTrue();
    assertThat(m.affects(pysec, "2.20.0")).isFalse();
    assertThat(m.affects(pysec, "2.20")).isFalse();
    assertThat(m.affects(pysec, "2.20.0rc1")).isTrue();
  }

  @Test
  void rubyGemsFourPartPatchReleasesAreFixes() throws Exception {
    OsvEntry rack = entries(Ecosystem.RUBYGEMS, "rack").get("GHSA-wq4h-7r42-5hrr");
    RangeMatcher m = new RangeMatcher(VersionSchemes.RUBYGEMS);
    assertThat(m.affects(rack, "2.2.3")).isTrue();
    assertThat(m.affects(rack, "2.2.3.1")).isFalse();
    assertThat(m.affects(rack, "2.1.4")).isTrue();
    assertThat(m.smallestFix(List.of(rack), "2.2.3")).isEqualTo("2.2.3.1");
    assertThat(m.smallestFix(List.of(rack), "2.0.1")).isEqualTo("2.0.9.1");
  }

  private static OsvEntry synthetic(List<OsvEntry.Range> ranges, List<String> versions) {
    return new OsvEntry("SHIPGATE-TEST", List.of(), "", "", -1, "", ranges, versions, "");
  }

  private static OsvEntry.Range range(String type, String... kindVersion) {
    List<OsvEntry.Event> events = new java.util.ArrayList<>();
    for (int i = 0; i < kindVersion.length; i += 2) {
      events.add(new OsvEntry.Event(kindVersion[i], kindVersion[i + 1]));
    }
    return new OsvEntry.Range(type, events);
  }

  @Test
  void lastAffectedIncludesItsOwnVersion() {
    OsvEntry e = synthetic(List.of(range("SEMVER", "introduced", "1.0.0", "last_affected", "1.4.2")), List.of());
    RangeMatcher m = new RangeMatcher(VersionSchemes.NPM);
    assertThat(m.affects(e, "0.9.9")).isFalse();
    assertThat(m.affects(e, "1.4.2")).isTrue();
    assertThat(m.affects(e, "1.4.3-beta")).isFalse();
    assertThat(m.smallestFix(List.of(e), "1.4.2")).isNull();
  }

  @Test
  void limitBoundsARangeWithoutAFix() {
    OsvEntry e = synthetic(List.of(range("ECOSYSTEM", "introduced", "0", "limit", "3.0")), List.of());
    RangeMatcher m = new RangeMatcher(VersionSchemes.PYPI);
    assertThat(m.affects(e, "2.9")).isTrue();
    assertThat(m.affects(e, "3.0")).isFalse();
    assertThat(m.affects(e, "3.1")).isFalse();
    OsvEntry star = synthetic(List.of(range("ECOSYSTEM", "introduced", "1.0", "limit", "*")), List.of());
    assertThat(m.affects(star, "99")).isTrue();
  }

  @Test
  void eventsAreReplayedInVersionOrderWhateverTheirFileOrder() {
    OsvEntry e = synthetic(List.of(range("SEMVER", "fixed", "2.0.0", "introduced", "1.5.0", "fixed", "1.2.0", "introduced", "0")), List.of());
    RangeMatcher m = new RangeMatcher(VersionSchemes.NPM);
    assertThat(m.affects(e, "1.1.0")).isTrue();
    assertThat(m.affects(e, "1.3.0")).isFalse();
    assertThat(m.affects(e, "1.6.0")).isTrue();
    assertThat(m.affects(e, "2.0.0")).isFalse();
    assertThat(m.smallestFix(List.of(e), "1.0.0")).isEqualTo("1.2.0");
    assertThat(m.smallestFix(List.of(e), "1.7.0")).isEqualTo("2.0.0");
  }

  @Test
  void anIntroducedEventWithoutFixAffectsEveryLaterVersion() {
    OsvEntry e = synthetic(List.of(range("ECOSYSTEM", "introduced", "2.0")), List.of("1.0"));
    RangeMatcher m = new RangeMatcher(VersionSchemes.MAVEN);
    assertThat(m.affects(e, "1.0")).isTrue();
    assertThat(m.affects(e, "1.5")).isFalse();
    assertThat(m.affects(e, "2.0")).isTrue();
    assertThat(m.affects(e, "999")).isTrue();
  }

  @Test
  void gitRangesAreNotUsedForVersionMatching() throws Exception {
    Path rec = java.nio.file.Files.createTempDirectory("git-range").resolve("r.json");
    java.nio.file.Files.writeString(rec, """
        {"id": "SHIPGATE-TEST-GIT", "modified": "2025-01-01T00:00:00Z", "affected": [{"package": {"ecosystem": "npm", "name": "g"},
         "ranges": [{"type": "GIT", "repo": "https://example.test/g", "events": [{"introduced": "0"}, {"fixed": "abc123"}]}]}]}
        """);
    List<OsvRecords.Affected> a = OsvRecords.parse(OsvRecords.JSON.readTree(rec.toFile()));
    assertThat(a).hasSize(1);
    assertThat(a.get(0).entry().ranges()).isEmpty();
    assertThat(new RangeMatcher(VersionSchemes.NPM).affects(a.get(0).entry(), "1.0.0")).isFalse();
  }

  @Test
  void versionsTheSchemeCannotParseAreNotPlacedInRanges() throws Exception {
    OsvEntry lodash = entries(Ecosystem.NPM, "lodash").get("GHSA-35jh-r3h4-6jhm");
    RangeMatcher m = new RangeMatcher(VersionSchemes.NPM);
    // A git dependency locked at a commit: "introduced 0" must not swallow it.
    assertThat(m.affects(lodash, "2fca6157ce8be8c4d1d2d3d6b4c8d5b7ff4a0e3c")).isFalse();
    assertThat(m.affects(lodash, "")).isFalse();
    OsvEntry listed = synthetic(List.of(), List.of("2fca6157ce8be8c4d1d2d3d6b4c8d5b7ff4a0e3c"));
    assertThat(m.affects(listed, "2fca6157ce8be8c4d1d2d3d6b4c8d5b7ff4a0e3c")).isTrue();
  }

  @Test
  void aRangeIntroducedAndFixedAtOneVersionIsEmptyInWhateverOrderItIsWritten() {
    RangeMatcher m = new RangeMatcher(VersionSchemes.NPM);
    OsvEntry fixedFirst = synthetic(List.of(range("SEMVER", "fixed", "1.0.0", "introduced", "1.0.0")), List.of());
    OsvEntry introducedFirst = synthetic(List.of(range("SEMVER", "introduced", "1.0.0", "fixed", "1.0.0")), List.of());
    for (String v : List.of("0.9.0", "1.0.0", "1.0.1")) {
      assertThat(m.affects(fixedFirst, v)).as(v).isFalse();
      assertThat(m.affects(introducedFirst, v)).as(v).isFalse();
    }
  }

  @Test
  void anIntervalIsWhollyAffectedOnlyWhenNoEventFallsInsideIt() throws Exception {
    Map<String, OsvEntry> e = entries(Ecosystem.MAVEN, "org.apache.logging.log4j:log4j-core");
    OsvEntry log4shell = e.get("GHSA-jfh8-c2jp-5v3q");
    RangeMatcher m = new RangeMatcher(VersionSchemes.MAVEN);
    assertThat(m.affectsAll(log4shell, "2.0-beta9", "2.3", true)).isTrue();
    assertThat(m.affectsAll(log4shell, "2.0-beta9", "2.3.1", false)).isTrue();
    assertThat(m.affectsAll(log4shell, "2.0-beta9", "2.3.1", true)).isFalse(); // 2.3.1 itself is fixed
    assertThat(m.affectsAll(log4shell, "2.0", "2.13.0", false)).isFalse();    // 2.3.1 .. 2.4 is not affected
    assertThat(m.affectsAll(log4shell, "2.0-beta8", "2.1", false)).isFalse(); // the lower bound is not affected
    OsvEntry bounded = synthetic(List.of(range("SEMVER", "introduced", "1.0.0", "last_affected", "1.4.2")), List.of());
    RangeMatcher npm = new RangeMatcher(VersionSchemes.NPM);
    assertThat(npm.affectsAll(bounded, "1.0.0", "1.4.2", true)).isTrue();
    assertThat(npm.affectsAll(bounded, "1.0.0", "1.5.0", false)).isFalse();
  }
}
