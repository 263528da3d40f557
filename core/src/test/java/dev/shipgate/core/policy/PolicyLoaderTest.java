package dev.shipgate.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {

  private final PolicyLoader loader = new PolicyLoader(
      Map.of("config", Set.of(), "secrets", Set.of("history_max_blob")),
      Set.of("config/spring/debug-enabled", "config/spring/h2-console", "secrets/github/pat"));

  private Policy parse(String yaml) throws PolicyException {
    return loader.parse(yaml, "shipgate.yml", "");
  }

  @Test
  void minimalPolicyGetsTheDefaults() throws Exception {
    Policy p = parse("version: 1\n");
    assertThat(p.failOn()).isEqualTo(new Threshold(Severity.HIGH, Confidence.HIGH));
    assertThat(p.report()).isEqualTo(new Threshold(Severity.LOW, Confidence.LOW));
    assertThat(p.failOnErrors()).isTrue();
    assertThat(p.maxFileSize()).isEqualTo(Policy.DEFAULT_MAX_FILE_SIZE);
    assertThat(p.digest()).startsWith("sha256:");
  }

  @Test
  void builtInDefaultsCarryTheDigestOfTheirMarker() {
    assertThat(Policy.defaults().digest()).isEqualTo(PolicyLoader.sha256(PolicyLoader.DEFAULTS_MARKER));
  }

  @Test
  void fullPolicyIsRead() throws Exception {
    Policy p = parse("""
        version: 1
        fail_on: {severity: medium, confidence: medium}
        report: {severity: info}
        scanners:
          config: {enabled: false}
          secrets: {history_max_blob: 100}
        rules:
          config/spring/debug-enabled: {severity: critical, reason: "prod must never debug"}
          "secrets/*": {enabled: false, reason: "handled by another tool"}
        paths:
          exclude: ["**/fixtures/**", "docs/"]
        limits: {max_file_size: 2MiB, scanner_timeout: 90s}
        errors: {fail: false, reason: "pilot phase"}
        """);
    assertThat(p.failOn()).isEqualTo(new Threshold(Severity.MEDIUM, Confidence.MEDIUM));
    assertThat(p.report().severity()).isEqualTo(Severity.INFO);
    assertThat(p.familyEnabled("config")).isFalse();
    assertThat(p.familyEnabled("secrets")).isTrue();
    assertThat(p.settings("secrets").integer("history_max_blob", 0)).isEqualTo(100);
    assertThat(p.overrideFor("config/spring/debug-enabled")).get().extracting(RuleOverride::severity).isEqualTo(Severity.CRITICAL);
    assertThat(p.overrideFor("secrets/github/pat")).get().extracting(RuleOverride::enabled).isEqualTo(false);
    assertThat(p.inScope("a/fixtures/x.java")).isFalse();
    assertThat(p.inScope("docs/readme.md")).isFalse();
    assertThat(p.inScope("src/Main.java")).isTrue();
    assertThat(p.maxFileSize()).isEqualTo(2L * 1024 * 1024);
    assertThat(p.scannerTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(p.failOnErrors()).isFalse();
  }

  @Test
  void unknownTopLevelKeyNamesFileLineAndColumn() {
    assertThatThrownBy(() -> parse("version: 1\nfail-on: {severity: high}\n"))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith("shipgate.yml:2:1: unknown key 'fail-on'");
  }

  @Test
  void wrongTypeIsPositioned() {
    assertThatThrownBy(() -> parse("version: 1\nfail_on:\n  severity: [high]\n"))
        .hasMessageStartingWith("shipgate.yml:3:13:").hasMessageContaining("single value");
    assertThatThrownBy(() -> parse("version: 1\nfail_on:\n  severity: urgent\n"))
        .hasMessageContaining("'urgent' is not a severity");
  }

  @Test
  void badGlobIsPositioned() {
    assertThatThrownBy(() -> parse("version: 1\npaths:\n  exclude: [\"src/[a\"]\n"))
        .hasMessageStartingWith("shipgate.yml:3:12:").hasMessageContaining("bad glob");
  }

  @Test
  void overrideNeedsAReason() {
    assertThatThrownBy(() -> parse("version: 1\nrules:\n  config/spring/debug-enabled: {enabled: false}\n"))
        .hasMessageStartingWith("shipgate.yml:3:3:").hasMessageContaining("needs a 'reason'");
  }

  @Test
  void overrideOfAnUnknownRuleIsAnError() {
    assertThatThrownBy(() -> parse("version: 1\nrules:\n  config/spring/debugg: {enabled: false, reason: x}\n"))
        .hasMessageContaining("matches no known rule");
  }

  @Test
  void unknownFamilyAndUnknownFamilySettingAreErrors() {
    assertThatThrownBy(() -> parse("version: 1\nscanners:\n  cobol: {}\n")).hasMessageContaining("unknown scanner family 'cobol'");
    assertThatThrownBy(() -> parse("version: 1\nscanners:\n  config: {depth: 3}\n")).hasMessageContaining("unknown key 'depth' in scanners.config");
  }

  @Test
  void versionIsRequiredAndChecked() {
    assertThatThrownBy(() -> parse("fail_on: {severity: high}\n")).hasMessageContaining("missing 'version: 1'");
    assertThatThrownBy(() -> parse("version: 2\n")).hasMessageContaining("unsupported policy version 2");
    assertThatThrownBy(() -> parse("")).hasMessageContaining("empty");
  }

  @Test
  void allowingErrorsNeedsAReason() {
    assertThatThrownBy(() -> parse("version: 1\nerrors: {fail: false}\n")).hasMessageContaining("needs a 'reason'");
  }

  @Test
  void malformedYamlIsPositioned() {
    assertThatThrownBy(() -> parse("version: 1\nfail_on: {severity: high\n")).hasMessageStartingWith("shipgate.yml:").hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> parse("version: 1\nversion: 1\n")).hasMessageContaining("duplicate").isInstanceOf(PolicyException.class);
  }

  @Test
  void aliasBombIsRejected() {
    StringBuilder y = new StringBuilder("version: 1\na: &a [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 0; i < 60; i++) {
      y.append("b").append(i).append(": &b").append(i).append(" [*a, *a, *a]\n");
    }
    assertThatThrownBy(() -> parse(y.toString())).isInstanceOf(PolicyException.class);
  }

  @Test
  void sizesAndDurationsAreValidated() {
    assertThatThrownBy(() -> parse("version: 1\nlimits: {max_file_size: lots}\n")).hasMessageContaining("not a size");
    assertThatThrownBy(() -> parse("version: 1\nlimits: {scanner_timeout: 0s}\n")).hasMessageContaining("must be positive");
  }

  @Test
  void discoveryWalksUpToTheStopDirectory(@TempDir Path tmp) throws Exception {
    Path repo = tmp.resolve("repo");
    Path deep = Files.createDirectories(repo.resolve("a/b"));
    assertThat(PolicyLoader.discover(deep, repo)).isEmpty();
    Files.writeString(repo.resolve("shipgate.yml"), "version: 1\n");
    assertThat(PolicyLoader.discover(deep, repo)).contains(repo.resolve("shipgate.yml").toAbsolutePath());
    Files.writeString(tmp.resolve("shipgate.yml"), "version: 1\n");
    Files.delete(repo.resolve("shipgate.yml"));
    assertThat(PolicyLoader.discover(deep, repo)).as("does not look above the git root").isEmpty();
  }

  @Test
  void globsAreRelativeToThePolicyDirectory() throws Exception {
    Policy p = loader.parse("version: 1\npaths: {exclude: [\"build/\"]}\n", "svc/shipgate.yml", "svc");
    assertThat(p.inScope("svc/build/x.class")).isFalse();
    assertThat(p.inScope("svc/src/A.java")).isTrue();
  }
}
