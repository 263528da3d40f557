package dev.shipgate.scanner.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.policy.Policy;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.PolicyLoader;
import dev.shipgate.core.scan.ScanEngine;
import dev.shipgate.core.scan.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detectors a team adds in shipgate.yml: their own file, or their gitleaks configuration. */
class PolicyDetectorsTest {

  @TempDir Path root;

  private static final String CUSTOM = """
      version: 1
      detectors:
        - id: secrets/acme/deploy-token
          title: ACME deploy token
          provider: ACME
          severity: high
          confidence: high
          keywords: [acmedt_]
          regex: '\\b(acmedt_[a-z0-9]{24})\\b'
      """;

  private static final String GITLEAKS = """
      [[rules]]
      id = "initech-key"
      description = "Initech API key"
      regex = '''initech_([A-Z0-9]{20})'''
      keywords = ["initech_"]
      """;

  private ScanEngine.Result scan(String policyText, SourceFile file) throws Exception {
    SecretsScanner scanner = new SecretsScanner();
    Files.writeString(root.resolve("shipgate.yml"), policyText);
    Set<String> ids = scanner.rules().stream().map(Rule::id).collect(Collectors.toSet());
    Policy policy = new PolicyLoader(Map.of("secrets", scanner.settingKeys()), ids).load(root.resolve("shipgate.yml"), "shipgate.yml", "");
    return new ScanEngine(List.of(scanner), ids, policy, root, 1, Map.of(), null).run(List.of(file));
  }

  @Test
  void findsSecretsOfTheTeamsOwnDetectorsAndGitleaksRules() throws Exception {
    Files.writeString(root.resolve("acme.yml"), CUSTOM);
    Files.writeString(root.resolve(".gitleaks.toml"), GITLEAKS);
    String token = "acmedt_" + "k3j5h7g9f1d2s4a6q8w0e2r4";
    String key = "initech_" + "Q7XK2M9PL4VT8RZN3WBJ";
    ScanEngine.Result r = scan("version: 1\nscanners:\n  secrets:\n    detectors: [acme.yml]\n    gitleaks_config: .gitleaks.toml\n",
        SourceFile.of("deploy.sh", "export ACME_TOKEN=" + token + "\nINITECH=" + key + "\n"));
    assertThat(r.findings()).extracting(Finding::ruleId).contains("secrets/acme/deploy-token", "secrets/gitleaks/initech-key");
    assertThat(r.findings()).allSatisfy(f -> assertThat(f.message() + f.snippet()).doesNotContain(token).doesNotContain(key));
    assertThat(r.coverage()).flatExtracting(Coverage::errors).isEmpty();
  }

  @Test
  void aMissingOrInvalidDetectorFileIsAPositionedScanError() throws Exception {
    ScanEngine.Result r = scan("version: 1\nscanners:\n  secrets:\n    detectors: [missing.yml]\n", SourceFile.of("a.txt", "hello\n"));
    assertThat(r.coverage()).flatExtracting(Coverage::errors)
        .anySatisfy(e -> assertThat(e.line() + " " + e.message()).startsWith("4 ").contains("missing.yml"));
    Files.writeString(root.resolve("bad.yml"), "version: 1\ndetectors:\n  - id: secrets/bad/one\n    regex: '(unclosed'\n");
    ScanEngine.Result bad = scan("version: 1\nscanners:\n  secrets:\n    detectors: [bad.yml]\n", SourceFile.of("a.txt", "hello\n"));
    assertThat(bad.coverage()).flatExtracting(Coverage::errors).anySatisfy(e -> assertThat(e.message()).contains("bad.yml"));
  }

  @Test
  void keywordsTooManyForTheAutomatonAreAPositionedScanError() throws Exception {
    StringBuilder keywords = new StringBuilder();
    for (int i = 0; i < KeywordIndex.MAX_STATES / 4; i++) {
      // Digits reversed, so the keywords share few automaton states.
      keywords.append(i == 0 ? "" : ", ").append("k").append(new StringBuilder(String.format("%08d", i)).reverse());
    }
    Files.writeString(root.resolve("huge.yml"), CUSTOM.replace("[acmedt_]", "[" + keywords + "]"));
    ScanEngine.Result r = scan("version: 1\nscanners:\n  secrets:\n    detectors: [huge.yml]\n", SourceFile.of("a.txt", "hello\n"));
    assertThat(r.coverage()).flatExtracting(Coverage::errors)
        .anySatisfy(e -> assertThat(e.line() + " " + e.message()).startsWith("4 ").contains("automaton states"));
  }

  @Test
  void badLimitsAndKeyTypesFailWhenThePolicyLoads() throws Exception {
    SecretsScanner scanner = new SecretsScanner();
    for (String bad : List.of("    max-file-size: -5\n", "    history-max-blob-size: lots\n", "    detectors: {a: b}\n")) {
      Files.writeString(root.resolve("shipgate.yml"), "version: 1\nscanners:\n  secrets:\n" + bad);
      Policy policy = new PolicyLoader(Map.of("secrets", scanner.settingKeys()), Set.of())
          .load(root.resolve("shipgate.yml"), "shipgate.yml", "");
      assertThatThrownBy(() -> scanner.validate(policy.settings("secrets")))
          .as(bad).isInstanceOf(PolicyException.class).hasMessageContaining("shipgate.yml:4");
    }
    Files.writeString(root.resolve("shipgate.yml"), "version: 1\nscanners:\n  secrets:\n    max-file-size: 2048\n");
    Policy good = new PolicyLoader(Map.of("secrets", scanner.settingKeys()), Set.of())
        .load(root.resolve("shipgate.yml"), "shipgate.yml", "");
    org.assertj.core.api.Assertions.assertThatCode(() -> scanner.validate(good.settings("secrets"))).doesNotThrowAnyException();
  }
}
