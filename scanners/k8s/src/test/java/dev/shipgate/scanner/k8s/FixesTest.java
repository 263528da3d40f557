package dev.shipgate.scanner.k8s;

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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;

/** Every fix is proven on before/after pairs: exact text, then a re-scan without the fixed findings. */
class FixesTest {

  private static final Path FIXES = Path.of("src/test/resources/fixes");
  private static final FixtureRunner RUNNER = new FixtureRunner(new K8sScanner());

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"bare-deployment", "existing-context", "empty-flow", "compact-lists", "flip-values", "block-scalar"})
  void allFixesOfAFileTogether(String name) throws Exception {
    List<Finding> applied = RUNNER.checkFix(FIXES.resolve(name + ".before.yaml"), FIXES.resolve(name + ".after.yaml"), null);
    assertThat(applied).isNotEmpty();
  }

  @Test
  void securityContextHardeningIsOneFixPerContainerCoveringEveryRuleItTouches() throws Exception {
    Path before = FIXES.resolve("bare-deployment.before.yaml");
    List<Finding> found = scan(Files.readString(before));
    List<Finding> escalation = found.stream().filter(f -> f.ruleId().equals("k8s/pod/privilege-escalation-allowed")).toList();
    assertThat(escalation).hasSize(2).allMatch(f -> f.fix() != null);
    // The other securityContext findings of the same containers ride on that one fix.
    assertThat(found).filteredOn(f -> f.ruleId().equals("k8s/pod/writable-root-filesystem")).allMatch(f -> f.fix() == null);
    assertThat(escalation.get(0).fix().description()).contains("allowPrivilegeEscalation: false", "drop ALL capabilities",
        "readOnlyRootFilesystem: true", "runAsNonRoot: true", "seccompProfile RuntimeDefault");
  }

  @Test
  void tokenFixAloneAddsOneLineAtTheTopOfThePodSpec() throws Exception {
    List<Finding> applied = RUNNER.checkFix(FIXES.resolve("bare-deployment.before.yaml"),
        FIXES.resolve("bare-deployment.token.after.yaml"), "k8s/pod/service-account-token-automount");
    assertThat(applied).extracting(Finding::ruleId).containsExactly("k8s/pod/service-account-token-automount");
  }

  @Test
  void privilegedFixFlipsTheValueAndKeepsTheComment() throws Exception {
    List<Finding> applied = RUNNER.checkFix(FIXES.resolve("existing-context.before.yaml"),
        FIXES.resolve("existing-context.after.yaml"), null);
    assertThat(applied).extracting(Finding::ruleId)
        .containsExactly("k8s/pod/privileged-container", "k8s/pod/resource-limits-missing");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"bare-deployment", "existing-context", "empty-flow", "compact-lists", "flip-values", "block-scalar"})
  void windowsLineEndingsAreKept(String name, @TempDir Path dir) throws Exception {
    Path before = dir.resolve(name + ".before.yaml");
    Path after = dir.resolve(name + ".after.yaml");
    Files.writeString(before, Files.readString(FIXES.resolve(name + ".before.yaml")).replace("\n", "\r\n"));
    Files.writeString(after, Files.readString(FIXES.resolve(name + ".after.yaml")).replace("\n", "\r\n"));
    assertThat(RUNNER.checkFix(before, after, null)).isNotEmpty();
  }

  @Test
  void sequenceStyleIsLearnedFromTheFileEvenWhenItsFirstItemStartsWithADash() throws Exception {
    String text = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          automountServiceAccountToken: false
          containers:
            - name: app
              args:
                - -c
              image: app:1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
              resources:
                limits:
                  cpu: 100m
                  memory: 64Mi
        """;
    List<Finding> found = scan(text);
    String patched = FixApplier.apply(found, p -> text).patched().get("pod.yaml");
    assertThat(patched).contains("      securityContext:\n        allowPrivilegeEscalation: false\n        capabilities:\n"
        + "          drop:\n            - ALL\n");
    assertThat(scan(patched)).isEmpty();
  }

  @Test
  void flowStyleSecurityContextGetsNoFixButSaysWhy() throws Exception {
    String text = """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          automountServiceAccountToken: false
          containers:
            - name: app
              image: app:1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
              resources: {limits: {cpu: 100m, memory: 64Mi}}
              securityContext: {runAsNonRoot: true}
        """;
    List<Finding> found = scan(text);
    assertThat(found).isNotEmpty().allMatch(f -> f.fix() == null);
    assertThat(found).filteredOn(f -> f.ruleId().equals("k8s/pod/privilege-escalation-allowed"))
        .singleElement().satisfies(f -> assertThat(f.properties().get("fix_unavailable")).contains("flow style"));
  }

  @Test
  void flowStyleContainerAndAliasedContainerGetNoFix() throws Exception {
    String text = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p
        spec:
          automountServiceAccountToken: false
          initContainers:
            - &base {name: base, image: "app:1"}
          containers:
            - *base
        """;
    List<Finding> found = scan(text);
    assertThat(found).isNotEmpty().allMatch(f -> f.fix() == null)
        .allMatch(f -> f.ruleId().equals("k8s/pod/image-not-pinned-by-digest") || f.properties().containsKey("fix_unavailable"));
  }

  @Test
  void policyDefaultsAreTheValuesTheResourcesFixWrites() throws Exception {
    Settings settings = settings("default_limits: {cpu: '2', memory: 1Gi}\ndefault_requests: {cpu: 250m, memory: 256Mi}\n");
    String text = Files.readString(FIXES.resolve("empty-flow.before.yaml"));
    RecordingContext ctx = new RecordingContext(Path.of("."), settings);
    new K8sScanner().scan(SourceFile.of("job.yaml", text), ctx);
    assertThat(ctx.errors()).isEmpty();
    List<Finding> resources = ctx.findings().stream().filter(f -> f.ruleId().equals("k8s/pod/resource-limits-missing")).toList();
    String patched = FixApplier.apply(resources, p -> text).patched().get("job.yaml");
    assertThat(patched).contains("        resources:\n          requests:\n            cpu: 250m\n            memory: 256Mi\n"
        + "          limits:\n            cpu: 2\n            memory: 1Gi\n");
  }

  @Test
  void malformedPolicyDefaultsAreOneErrorInThePolicyAndTheBuiltInsApply() throws Exception {
    Settings settings = settings("default_limits:\n  cpu: lots\n");
    K8sScanner scanner = new K8sScanner();
    RecordingContext ctx = new RecordingContext(Path.of("."), settings);
    String text = Files.readString(FIXES.resolve("empty-flow.before.yaml"));
    scanner.scan(SourceFile.of("a.yaml", text), ctx);
    scanner.scan(SourceFile.of("b.yaml", text), ctx);
    assertThat(ctx.errors()).singleElement().satisfies(e -> {
      assertThat(e.path()).isEqualTo("shipgate.yml");
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.message()).contains("quantity");
    });
    assertThat(ctx.findings()).filteredOn(f -> f.ruleId().equals("k8s/pod/resource-limits-missing"))
        .allSatisfy(f -> assertThat(f.fix().edits().get(0).replacement()).contains("memory: 512Mi"));
  }

  @Test
  void requestAboveLimitInThePolicyIsAnError() throws Exception {
    Settings settings = settings("default_limits: {memory: 128Mi}\ndefault_requests: {memory: 1Gi}\n");
    RecordingContext ctx = new RecordingContext(Path.of("."), settings);
    new K8sScanner().scan(SourceFile.of("a.yaml", Files.readString(FIXES.resolve("empty-flow.before.yaml"))), ctx);
    assertThat(ctx.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("above the default memory limit"));
  }

  private static Settings settings(String yaml) throws Exception {
    return Settings.of("shipgate.yml", new Compose(LoadSettings.builder().build()).composeString(yaml).orElseThrow(), "scanners.k8s");
  }

  private static List<Finding> scan(String text) throws Exception {
    RecordingContext ctx = new RecordingContext();
    new K8sScanner().scan(SourceFile.of("pod.yaml", text), ctx);
    assertThat(ctx.errors()).isEmpty();
    return ctx.findings();
  }
}
