package dev.shipgate.scanner.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import dev.shipgate.testing.RuleCatalogChecks;
import dev.shipgate.testing.RuleCatalogChecks.TagScheme;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class CatalogueTest {

  private static final SecretsScanner SCANNER = new SecretsScanner();
  private static final List<Detector> DETECTORS = DetectorCatalog.builtIn().detectors();

  static List<Finding> scan(String path, String text) throws IOException {
    RecordingContext ctx = new RecordingContext();
    SCANNER.scan(SourceFile.of(path, text), ctx);
    assertThat(ctx.errors()).isEmpty();
    return ctx.findings();
  }

  @TestFactory
  Stream<DynamicTest> everyDetectorMatchesItsTrueSamplesAndNoneOfItsFalseSamples() {
    return DETECTORS.stream().map(d -> DynamicTest.dynamicTest(d.id(), () -> {
      Samples samples = new Samples(d.id().hashCode());
      assertThat(d.trueSamples()).as("%s has true samples", d.id()).isNotEmpty();
      assertThat(d.falseSamples()).as("%s has false samples", d.id()).isNotEmpty();
      for (String t : d.trueSamples()) {
        for (int round = 0; round < 5; round++) {
          String text = samples.expand(t).text();
          assertThat(scan("src/app.env", text)).as("%s on true sample %s", d.id(), t)
              .extracting(Finding::ruleId).contains(d.id());
        }
      }
      for (String f : d.falseSamples()) {
        String text = samples.expand(f).text();
        assertThat(scan("src/app.env", text)).as("%s on false sample %s", d.id(), f)
            .extracting(Finding::ruleId).doesNotContain(d.id());
      }
    }));
  }

  @Test
  void everyRuleCarriesFullMetadataAndEverySettingIsDocumented() throws IOException {
    // The detectors' rules and the key-store file rule.
    RuleCatalogChecks.idsAreUniqueAndShaped(SCANNER, "secrets/[a-z0-9-]+/[a-z0-9-]+", DETECTORS.size() + 1);
    RuleCatalogChecks.everyRuleCarriesCompleteMetadata(SCANNER,
        EnumSet.of(TagScheme.OWASP_TOP10, TagScheme.ASVS, TagScheme.CWE_TOP25), TagScheme.OWASP_TOP10, TagScheme.ASVS);
    RuleCatalogChecks.everyRuleIsDocumented(SCANNER, Path.of("README.md"));
    RuleCatalogChecks.everySettingIsDocumented(SCANNER, Path.of("README.md"));
  }

  @Test
  void detectorsSayToRevokeAndMatchLowerCaseKeywords() {
    for (Detector d : DETECTORS) {
      assertThat(d.rule().fix()).as(d.id()).contains("Revoke").contains("history");
      assertThat(d.keywords()).as(d.id()).allSatisfy(k -> assertThat(k).isLowerCase());
    }
    assertThat(DETECTORS).hasSizeGreaterThanOrEqualTo(80);
  }

  @Test
  void everyBuiltInRegexCompilesWithAGroupForTheSecret() {
    // The built-in catalogue compiles its regexes on first use, so load-time checks of user files are made here.
    for (Detector d : DETECTORS) {
      assertThat(d.regex().groupCount()).as(d.id()).isGreaterThanOrEqualTo(1);
      if (d.contextSource() != null) {
        assertThat(d.context()).as(d.id()).isNotNull();
      }
      assertThat(d.allow()).allSatisfy(a -> assertThat(a.pattern()).as(d.id()).isNotNull());
    }
  }

  @Test
  void everyRegexIsLinearOnPathologicalInput() throws IOException {
    // Each keyword repeated with near-miss tails: a backtracking engine would blow up on several patterns.
    StringBuilder sb = new StringBuilder();
    for (Detector d : DETECTORS) {
      for (String k : d.keywords()) {
        sb.append(k).append("a".repeat(300)).append(k.toUpperCase()).append("=".repeat(50)).append(":@").append('\n');
      }
    }
    String line = sb.toString().replace("\n", " ");
    String text = (sb + line).repeat(5);
    long t0 = System.nanoTime();
    scan("big.txt", text);
    assertThat((System.nanoTime() - t0) / 1_000_000).as("ms for %d chars", text.length()).isLessThan(5_000);
  }
}
