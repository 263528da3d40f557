package dev.shipgate.scanner.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitleaksImportTest {

  // A configuration in gitleaks' format, written for this test (an in-house token format).
  private static final String TOML = """
      title = "acme rules"

      [extend]
      useDefault = true

      [[rules]]
      id = "acme-internal-token"
      description = "ACME internal service token"
      regex = '''(?i)acme[_-]?token\\s*[:=]\\s*["']?(acme_[a-z0-9]{32})'''
      secretGroup = 1
      entropy = 3.0
      keywords = ["acme_", "acme-token"]

        [[rules.allowlists]]
        stopwords = ["acme_0000"]
        regexes = ['''acme_test[a-z0-9]+''']

      [[rules]]
      id = "acme-no-keywords"
      regex = '''zz[0-9]{20}'''

      [[rules]]
      id = "acme.path.only"
      path = '''secrets\\.ya?ml'''

      [allowlist]
      paths = ['''vendor/''']
      """;

  private List<Finding> scan(GitleaksImport.Result r, String text) throws Exception {
    List<Detector> all = new ArrayList<>(DetectorCatalog.builtIn().detectors());
    all.addAll(r.detectors());
    SecretsScanner scanner = new SecretsScanner(DetectorCatalog.of(all));
    RecordingContext ctx = new RecordingContext();
    scanner.scan(SourceFile.of("svc/config.env", text), ctx);
    return ctx.findings();
  }

  @Test
  void rulesWithKeywordsBecomeDetectorsAndTheOthersAreListedWithAReason() {
    GitleaksImport.Result r = GitleaksImport.parse("acme.toml", TOML);
    assertThat(r.detectors()).extracting(Detector::id).containsExactly("secrets/gitleaks/acme-internal-token");
    assertThat(r.skipped()).containsExactly(
        "acme-no-keywords: no keywords (shipgate runs regexes only behind its keyword prefilter)",
        "acme-path-only: path-only rule");
    Detector d = r.detectors().get(0);
    assertThat(d.rule().title()).isEqualTo("ACME internal service token");
    assertThat(d.keywords()).containsExactly("acme_", "acme-token");
    assertThat(d.minEntropy()).isEqualTo(3.0);
  }

  @Test
  void importedRuleReportsItsSecretGroupAndHonoursItsAllowlist() throws Exception {
    GitleaksImport.Result r = GitleaksImport.parse("acme.toml", TOML);
    Samples samples = new Samples(3);
    String token = "acme_" + samples.chars("abcdefghijklmnopqrstuvwxyz0123456789", 32);
    List<Finding> found = scan(r, "ACME_TOKEN=" + token + "\n");
    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo("secrets/gitleaks/acme-internal-token");
      assertThat(f.contextKey()).endsWith(SecretText.sha256Hex(token));
      assertThat(f.snippet()).doesNotContain(token);
    });
    // Allowlisted by the rule; the built-in generic detector may still judge the line on its own.
    assertThat(scan(r, "ACME_TOKEN=acme_test" + "k".repeat(24) + "abcdefgh\n")).extracting(Finding::ruleId)
        .doesNotContain("secrets/gitleaks/acme-internal-token");
    assertThat(scan(r, "ACME_TOKEN=acme_0000" + samples.chars("abcdef0123456789", 28) + "\n")).extracting(Finding::ruleId)
        .doesNotContain("secrets/gitleaks/acme-internal-token");
  }

  @Test
  void secretGroupIsNamedAcrossCharacterClassesAndNonCapturingGroups() {
    assertThat(GitleaksImport.nameGroup("(?:a|b)[(](x)(y)", 2)).isEqualTo("(?:a|b)[(](x)(?P<secret>y)");
    assertThat(GitleaksImport.nameGroup("[[:punct:](](x)", 1)).as("a ] inside a POSIX class does not end the class")
        .isEqualTo("[[:punct:](](?P<secret>x)");
  }
}
