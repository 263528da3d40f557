package dev.shipgate.scanner.k8s;

import static dev.shipgate.testing.RecordingContext.lines;
import static dev.shipgate.testing.RecordingContext.scan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.model.Finding;
import dev.shipgate.testing.RecordingContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Malformed, binary, huge and malicious manifests end in one clear error naming a line, never an exception or a hang. */
@Timeout(value = 30)
class HostileInputTest {

  private static final String POD = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n"
      + "      image: app:1\n      securityContext:\n        privileged: true\n";

  private final K8sScanner scanner = new K8sScanner();

  /** A file this family cannot read is judged no further: the error is all it reports. */
  private static Coverage.ScanError onlyError(RecordingContext ctx) {
    Coverage.ScanError e = RecordingContext.onlyError(ctx);
    assertThat(ctx.findings()).isEmpty();
    return e;
  }

  @Test
  void malformedManifestIsOneErrorOnTheLineOfTheProblem() throws Exception {
    Coverage.ScanError e = onlyError(scan(scanner, "k8s/pod.yaml", "apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: a\n  hostPID: true\n"));
    assertThat(e.path()).isEqualTo("k8s/pod.yaml");
    assertThat(e.line()).isBetween(4, 6);
    assertThat(e.message()).startsWith("not valid YAML").contains("line ");
  }

  @Test
  void tabIndentationIsAnErrorOnItsLine() throws Exception {
    assertThat(onlyError(scan(scanner, "pod.yaml", "apiVersion: v1\nkind: Pod\nspec:\n\thostPID: true\n")).line()).isEqualTo(4);
  }

  @Test
  void binaryContentIsAnErrorNamingTheLine() throws Exception {
    byte[] junk = "apiVersion: v1\nkind: Pod\n\u0000\u0001\u0002".getBytes(StandardCharsets.UTF_8);
    Coverage.ScanError e = onlyError(scan(scanner, "pod.yaml", junk));
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.message()).contains("binary");
  }

  @Test
  void randomJunkIsAnErrorOrNothingAndNeverAnException() throws Exception {
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      byte[] junk = new byte[1 + random.nextInt(3000)];
      random.nextBytes(junk);
      byte[] prefix = "apiVersion: v1\nkind: Pod\nspec:\n".getBytes(StandardCharsets.UTF_8);
      byte[] file = Arrays.copyOf(prefix, prefix.length + junk.length);
      System.arraycopy(junk, 0, file, prefix.length, junk.length);
      RecordingContext ctx = scan(scanner, "junk.yaml", file);
      // It says apiVersion and kind, so it is a manifest: either readable or one error with a line.
      assertThat(ctx.errors().size()).as("junk %d", i).isLessThanOrEqualTo(1);
      ctx.errors().forEach(e -> assertThat(e.line()).isPositive());
      assertThat(scan(scanner, "junk.yaml", junk).errors()).as("no apiVersion: not a manifest").isEmpty();
    }
  }

  @Test
  void wrongTypesAnywhereInAPodAreNeverAnException() throws Exception {
    String[] values = {"", "[]", "{}", "[1, [2]]", "{a: b}", "7", "\"text\"", "null", "*x"};
    String[] keys = {"spec", "containers", "securityContext", "capabilities", "drop", "add", "env", "ports", "volumes",
        "hostPath", "resources", "limits", "image", "name", "seccompProfile", "privileged", "runAsUser", "items"};
    String template = "x: &x {k: v}\napiVersion: v1\nkind: Pod\nmetadata: {name: p, annotations: {a: b}}\n"
        + "spec:\n  volumes:\n    - name: v\n      hostPath:\n        path: /\n  containers:\n    - name: app\n      image: app\n"
        + "      env: [{name: A_TOKEN, value: abcdefghijkl}]\n      ports: [{hostPort: 80}]\n"
        + "      resources:\n        limits:\n          cpu: 1\n      securityContext:\n        privileged: true\n        runAsUser: 0\n"
        + "        seccompProfile:\n          type: Unconfined\n        capabilities:\n          add: [SYS_ADMIN]\n          drop: [x]\n";
    for (String key : keys) {
      for (String value : values) {
        String text = template.replaceAll("(?m)^(\\s*-?\\s*)" + key + ":.*$", "$1" + key + ": " + value);
        RecordingContext ctx = scan(scanner, "pod.yaml", text);
        assertThat(ctx.errors()).as("%s: %s", key, value).allSatisfy(e -> assertThat(e.line()).isPositive());
        // Whatever the input, the fixes apply together and leave a manifest that still parses.
        dev.shipgate.core.fix.FixApplier.Plan plan = dev.shipgate.core.fix.FixApplier.apply(ctx.findings(), p -> text);
        assertThat(plan.conflicts()).as("%s: %s", key, value).isEmpty();
        String patched = plan.patched().getOrDefault("pod.yaml", text);
        assertThat(scan(scanner, "pod.yaml", patched).errors().size()).as("%s: %s patched:%n%s", key, value, patched).isEqualTo(ctx.errors().size());
      }
    }
  }

  @Test
  void controlCharactersAreAnErrorNamingTheLine() throws Exception {
    assertThat(onlyError(scan(scanner, "pod.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: \u0007bell}\n")).line()).isEqualTo(3);
  }

  @Test
  void aliasBombIsStoppedWithAnErrorInsteadOfExpanding() throws Exception {
    StringBuilder y = new StringBuilder("apiVersion: v1\nkind: ConfigMap\na0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for (int level = 1; level <= 9; level++) {
      y.append("a").append(level).append(": &a").append(level).append(" [")
          .append(String.join(", ", Collections.nCopies(9, "*a" + (level - 1)))).append("]\n");
    }
    long start = System.nanoTime();
    Coverage.ScanError e = onlyError(scan(scanner, "bomb.yaml", y.toString()));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(e.line()).isBetween(3, 13);
  }

  @Test
  void recursiveAliasIsAnError() throws Exception {
    assertThat(onlyError(scan(scanner, "pod.yaml", "apiVersion: v1\nkind: Pod\nspec: &x\n  b: *x\n")).line()).isPositive();
  }

  @Test
  void tenThousandLevelsOfFlowNestingAreAnErrorNamingTheLine() throws Exception {
    String deep = "apiVersion: v1\nkind: Pod\nspec: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    Coverage.ScanError e = onlyError(scan(scanner, "deep.yaml", deep));
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.message()).containsAnyOf("nesting", "deep");
  }

  @Test
  void tenThousandLevelsOfBlockNestingAreAnErrorNamingTheLine() throws Exception {
    String deep = "apiVersion: v1\nkind: Pod\nspec:\n" + "- ".repeat(10_000) + "x\n";
    Coverage.ScanError e = onlyError(scan(scanner, "deep.yaml", deep));
    assertThat(e.line()).isEqualTo(4);
  }

  @Test
  void hugeFileIsRefusedWithAnErrorOnTheLineWhereTheLimitIsCrossed() throws Exception {
    byte[] huge = new byte[50 * 1024 * 1024];
    Arrays.fill(huge, (byte) 'a');
    byte[] prefix = "apiVersion: v1\nkind: ConfigMap\ndata:\n  blob: ".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(prefix, 0, huge, 0, prefix.length);
    Coverage.ScanError e = onlyError(scan(scanner, "huge.yaml", huge));
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.message()).contains("bytes");
  }

  @Test
  void textThatIsNotUtf8IsAnErrorOnTheLineOfTheFirstBadByte() throws Exception {
    byte[] latin1 = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    Coverage.ScanError e = onlyError(scan(scanner, "pod.yaml", latin1));
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.message()).contains("UTF-8");
  }

  @Test
  void windowsLineEndingsAndAByteOrderMarkKeepLinesRight() throws Exception {
    RecordingContext ctx = scan(scanner, "pod.yaml", "\uFEFF" + POD.replace("\n", "\r\n"));
    assertThat(ctx.errors()).isEmpty();
    assertThat(lines(ctx, "k8s/pod/privileged-container")).containsExactly(10);
  }

  @Test
  void multiDocumentStreamsWithEmptyAndForeignDocumentsJudgeOnlyObjects() throws Exception {
    String text = "---\n---\n# only a comment\n---\n- a list\n---\nplain scalar\n---\n" + POD + "...\n---\n";
    RecordingContext ctx = scan(scanner, "all.yaml", text);
    assertThat(ctx.errors()).isEmpty();
    assertThat(lines(ctx, "k8s/pod/privileged-container")).containsExactly(18);
  }

  @Test
  void anchorsAndMergeKeysAreFollowed() throws Exception {
    String text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - &c\n      name: a\n"
        + "      image: app:1\n      securityContext: &sc\n        privileged: true\n"
        + "    - <<: *c\n      name: b\n";
    RecordingContext ctx = scan(scanner, "pod.yaml", text);
    assertThat(ctx.errors()).isEmpty();
    // Container b inherits the privileged securityContext through the merge key, as kubectl reads it.
    assertThat(ctx.findings()).filteredOn(f -> f.ruleId().equals("k8s/pod/privileged-container"))
        .extracting(f -> f.location().startLine()).containsExactly(10, 10);
  }

  @Test
  void aPodSpecSharedThroughAnAliasIsJudgedOnce() throws Exception {
    String text = "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: a}\n"
        + "    spec: &spec\n      hostPID: true\n      containers: []\n"
        + "  - apiVersion: v1\n    kind: Pod\n    metadata: {name: b}\n    spec: *spec\n";
    assertThat(lines(scan(scanner, "list.yaml", text), "k8s/pod/host-namespace")).containsExactly(8);
  }

  @Test
  void helmTemplatesAreSkippedWithAReasonAndNotParsed() throws Exception {
    String template = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include \"app.fullname\" . }}\n"
        + "spec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: \"{{ .Values.image }}\"\n"
        + "{{- if .Values.sidecar }}\n        - name: side\n{{- end }}\n";
    RecordingContext ctx = scan(scanner, "charts/app/templates/deployment.yaml", template);
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).isEmpty();
    assertThat(ctx.skippedFiles()).singleElement().satisfies(s -> {
      assertThat(s.path()).isEqualTo("charts/app/templates/deployment.yaml");
      assertThat(s.reason()).contains("helm template");
    });
    // The same text elsewhere is a manifest that does not parse.
    assertThat(scan(scanner, "deploy/deployment.yaml", template).errors()).hasSize(1);
  }

  @Test
  void emptyCommentOnlyAndForeignFilesAreQuiet() throws Exception {
    for (String text : new String[] {"", "\n\n", "# kind: Pod apiVersion: v1\n", "---\n---\n", "kind: Pod\n",
        "apiVersion: v1\n", "apiVersion: v1\nkind: Pod\n", "apiVersion: v1\nkind: List\nitems: 3\n"}) {
      RecordingContext ctx = scan(scanner, "x.yaml", text);
      assertThat(ctx.errors()).as(text).isEmpty();
      assertThat(ctx.findings()).as(text).isEmpty();
    }
  }
}
