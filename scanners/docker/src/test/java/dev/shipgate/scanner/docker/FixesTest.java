package dev.shipgate.scanner.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.fix.FixApplier;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.FixtureRunner;
import dev.shipgate.testing.RecordingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;

/** Every fix is proven on a before/after pair: the patched text is exact and a re-scan no longer reports it. */
class FixesTest {

  private static final Path FIXES = Path.of("src/test/resources/fixtures/fixes");
  private static final FixtureRunner RUNNER = new FixtureRunner(new DockerScanner());

  private static List<Finding> check(String dir, String name, String rule) throws Exception {
    return RUNNER.checkFix(FIXES.resolve(dir).resolve(name + ".before"), FIXES.resolve(dir).resolve(name + ".after"), rule);
  }

  @Test
  void nonRootUserGoesBeforeCmdAndUsesTheNodeImagesOwnUser() throws Exception {
    List<Finding> fixed = check("user", "Dockerfile", "docker/dockerfile/root-user");
    assertThat(fixed).singleElement().satisfies(f -> assertThat(f.fix().description()).isEqualTo("add `USER node` before CMD"));
  }

  @Test
  void nonRootUserGoesAtTheEndOfTheFinalStageWhenThereIsNoCmd() throws Exception {
    check("user-end", "Dockerfile", "docker/dockerfile/root-user");
  }

  @Test
  void insertedUserFollowsLowercaseKeywordsIndentationAndWindowsLineEndings() throws Exception {
    check("user-crlf", "Dockerfile", "docker/dockerfile/root-user");
  }

  @Test
  void distrolessImagesGetTheirNonrootUser() throws Exception {
    check("user-distroless", "app.Dockerfile", "docker/dockerfile/root-user");
  }

  @Test
  void lastUserRootIsOverriddenAfterTheStepsThatNeedRoot() throws Exception {
    check("user-root", "Dockerfile", "docker/dockerfile/root-user");
  }

  @Test
  void localAddBecomesCopyKeepingFlagsAndCase() throws Exception {
    assertThat(check("add", "Dockerfile", "docker/dockerfile/add-instead-of-copy")).hasSize(2);
  }

  @Test
  void privilegedLineIsRemovedFromServicesAndSharedAnchors() throws Exception {
    assertThat(check("privileged", "docker-compose.yml", "docker/compose/privileged")).hasSize(2);
  }

  @Test
  void privilegedInAFlowMappingIsReportedWithoutAFix() throws Exception {
    RecordingContext ctx = new RecordingContext();
    RUNNER.run(List.of(SourceFile.of("compose.yml", "services:\n  a: {image: x:1.0, privileged: true}\n")), ctx);
    assertThat(ctx.findings()).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo("docker/compose/privileged");
      assertThat(f.fix()).isNull();
    });
  }

  @Test
  void unpinnedImagesArePinnedOnlyToWhatThePolicySays() throws Exception {
    Settings settings = settings("""
        pins:
          node: 20.11.1-alpine3.19
          python: sha256:4b8e1c2a3d5f7e9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b
        """);
    Path dir = FIXES.resolve("pins");
    String before = Files.readString(dir.resolve("Dockerfile.before"));
    List<Finding> found = scan(settings, before);
    List<Finding> fixable = found.stream().filter(f -> f.fix() != null).toList();
    assertThat(fixable).extracting(Finding::ruleId).containsOnly("docker/dockerfile/base-image-unpinned").hasSize(2);
    FixApplier.Plan plan = FixApplier.apply(fixable, p -> p.equals("Dockerfile") ? before : null);
    assertThat(plan.conflicts()).isEmpty();
    String after = plan.patched().get("Dockerfile");
    assertThat(after).isEqualTo(Files.readString(dir.resolve("Dockerfile.after")));
    // debian has no pin in the policy: it is still reported, and nothing else is.
    assertThat(scan(settings, after)).extracting(f -> f.location().startLine() + " " + f.ruleId())
        .containsExactly("5 docker/dockerfile/base-image-unpinned");
    // Without pins there is nothing to pin to: shipgate is offline.
    assertThat(scan(Settings.empty("<none>"), before)).allMatch(f -> f.fix() == null);
  }

  @Test
  void digestPinsFixTaggedImagesWhenDigestsAreRequired() throws Exception {
    String digest = "sha256:" + "a1".repeat(32);
    Settings settings = settings("require_digest: true\npins:\n  redis: 7.2.4-alpine@" + digest + "\n  nginx: 1.25.4\n");
    String text = "FROM redis:7.2.4-alpine\nUSER redis\n";
    List<Finding> found = scan(settings, text);
    assertThat(found).extracting(Finding::ruleId).containsExactly("docker/dockerfile/base-image-no-digest");
    String patched = FixApplier.apply(found, p -> text).patched().get("Dockerfile");
    assertThat(patched).isEqualTo("FROM redis:7.2.4-alpine@" + digest + "\nUSER redis\n");
    assertThat(scan(settings, patched)).isEmpty();
    // A tag-only pin cannot satisfy a digest requirement, so it is not offered.
    assertThat(scan(settings, "FROM nginx:1.25\nUSER nginx\n")).singleElement().satisfies(f -> assertThat(f.fix()).isNull());
  }

  private static List<Finding> scan(Settings settings, String text) throws Exception {
    RecordingContext ctx = new RecordingContext(Path.of("."), settings);
    RUNNER.run(List.of(SourceFile.of("Dockerfile", text)), ctx);
    assertThat(ctx.errors()).isEmpty();
    return ctx.findings();
  }

  static Settings settings(String yaml) throws Exception {
    return Settings.of("shipgate.yml", new Compose(LoadSettings.builder().build()).composeString(yaml).orElseThrow(), "scanners.docker");
  }
}
