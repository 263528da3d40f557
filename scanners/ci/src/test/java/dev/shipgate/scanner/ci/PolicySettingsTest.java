package dev.shipgate.scanner.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;

/** The policy section {@code scanners.ci}: first-party actions' severity and the team's own trusted owners. */
class PolicySettingsTest {

  private static final String WORKFLOW = """
      on: push
      permissions: {}
      jobs:
        a:
          runs-on: ubuntu-latest
          steps:
            - uses: actions/setup-node@v4
            - uses: my-org/build-action@v2
            - uses: stranger/action@v1
        b:
          uses: my-org/workflows/.github/workflows/release.yml@a1b2c3d4e5f60718293a4b5c6d7e8f9012345678
          secrets: inherit
      """;

  private static Settings section(String yaml) throws Exception {
    return Settings.of("shipgate.yml", new Compose(LoadSettings.builder().build()).composeString(yaml).orElseThrow(), "scanners.ci");
  }

  private static List<Finding> scan(Settings settings) throws Exception {
    RecordingContext ctx = new RecordingContext(Path.of("."), settings);
    new CiScanner().scan(SourceFile.of(".github/workflows/ci.yml", WORKFLOW), ctx);
    assertThat(ctx.errors()).isEmpty();
    return ctx.findings();
  }

  private static List<String> summary(List<Finding> findings) {
    return findings.stream().map(f -> f.location().startLine() + " " + f.ruleId() + " " + f.severity()).toList();
  }

  @Test
  void declaresItsPolicyKeys() {
    assertThat(new CiScanner().settingKeys()).containsExactlyInAnyOrder("first_party_actions", "trusted_owners");
  }

  @Test
  void byDefaultGithubsOwnActionsAreLowAndOtherOwnersMedium() throws Exception {
    assertThat(summary(scan(Settings.empty("<none>")))).containsExactly(
        "7 ci/github/unpinned-action LOW", "8 ci/github/unpinned-action MEDIUM", "9 ci/github/unpinned-action MEDIUM",
        "12 ci/github/secrets-inherit HIGH");
  }

  @Test
  void trustedOwnersCountAsFirstPartyAndMayReceiveInheritedSecrets() throws Exception {
    assertThat(summary(scan(section("trusted_owners: [My-Org]\n")))).containsExactly(
        "7 ci/github/unpinned-action LOW", "8 ci/github/unpinned-action LOW", "9 ci/github/unpinned-action MEDIUM");
  }

  @Test
  void firstPartyActionsCanBeJudgedLikeAnyOtherOrIgnored() throws Exception {
    assertThat(summary(scan(section("first_party_actions: same\n")))).startsWith("7 ci/github/unpinned-action MEDIUM");
    assertThat(summary(scan(section("first_party_actions: ignore\ntrusted_owners: my-org\n"))))
        .containsExactly("9 ci/github/unpinned-action MEDIUM");
    assertThat(scan(section("first_party_actions: ignore\n"))).extracting(Finding::severity).doesNotContain(Severity.LOW);
  }

  @Test
  void malformedSettingIsOneErrorInThePolicyAndTheDefaultsStillApply() throws Exception {
    RecordingContext ctx = new RecordingContext(Path.of("."), section("first_party_actions: sometimes\n"));
    CiScanner scanner = new CiScanner();
    scanner.scan(SourceFile.of(".github/workflows/a.yml", WORKFLOW), ctx);
    scanner.scan(SourceFile.of(".github/workflows/b.yml", WORKFLOW), ctx);
    assertThat(ctx.errors()).hasSize(1);
    assertThat(ctx.errors().get(0).path()).isEqualTo("shipgate.yml");
    assertThat(ctx.errors().get(0).line()).isEqualTo(1);
    assertThat(ctx.findings()).hasSize(8);
  }
}
