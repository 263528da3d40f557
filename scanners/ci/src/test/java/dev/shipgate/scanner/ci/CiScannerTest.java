package dev.shipgate.scanner.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.testing.RecordingContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.Node;

class CiScannerTest {

  private final CiScanner scanner = new CiScanner();

  @Test
  void acceptsPipelineFilesByPathOnly() {
    assertThat(List.of(".github/workflows/ci.yml", "services/api/.github/workflows/release.yaml", "action.yml",
        "tools/setup/action.yaml", ".gitlab-ci.yml", "templates/build.gitlab-ci.yml", ".gitlab/ci/deploy/review.yml"))
        .allMatch(scanner::accepts);
    assertThat(List.of(".github/workflows/nested/ci.yml", ".github/dependabot.yml", ".github/workflows/README.md",
        "src/main/resources/application.yml", "docker-compose.yml", "my-action.yml", "gitlab-ci.yml.bak"))
        .noneMatch(scanner::accepts);
  }

  @Test
  void identifiesItselfAsTheCiFamily() {
    assertThat(scanner.family()).isEqualTo("ci");
    assertThat(scanner.version()).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(scanner.reportsSensitiveValues()).isFalse();
    assertThat(scanner.rules()).hasSize(CiRules.ALL.size());
  }

  @Test
  void everyDocumentOfAMultiDocumentFileIsJudged() throws Exception {
    RecordingContext ctx = new RecordingContext();
    scanner.scan(SourceFile.of(".gitlab-ci.yml", "spec:\n  inputs:\n    stage: {default: test}\n---\nlint:\n  script:\n"
        + "    - curl -s https://x.example/lint.sh | sh\n"), ctx);
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).extracting(Finding::ruleId, f -> f.location().startLine())
        .containsExactly(tuple("ci/gitlab/curl-pipe-shell", 7));
  }

  @Test
  void contentDecidesTheKindWhenThePathDoesNot() throws Exception {
    assertThat(CiScanner.kindOf(first("on: push\njobs: {}\n"))).isEqualTo(CiFile.Kind.GITHUB_WORKFLOW);
    assertThat(CiScanner.kindOf(first("runs: {using: composite, steps: []}\n"))).isEqualTo(CiFile.Kind.GITHUB_ACTION);
    assertThat(CiScanner.kindOf(first("build:\n  script: [make]\n"))).isEqualTo(CiFile.Kind.GITLAB_CI);
    assertThat(CiScanner.kindOf(first("name: x\nversion: 2\n"))).isNull();
    RecordingContext ctx = new RecordingContext();
    scanner.scan(SourceFile.of("notes.yml", "name: x\n"), ctx);
    assertThat(ctx.skippedFiles()).hasSize(1);
    assertThat(ctx.errors()).isEmpty();
  }

  private static Node first(String yaml) throws Exception {
    return YamlFile.parse("t.yml", yaml).documents().get(0);
  }
}
