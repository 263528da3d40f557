package dev.shipgate.scanner.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.fix.FixApplier;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.ci.rules.CheckoutCredentialsRule;
import dev.shipgate.scanner.ci.rules.MissingPermissionsRule;
import dev.shipgate.scanner.ci.rules.ScriptInjectionRule;
import dev.shipgate.testing.FixtureRunner;
import dev.shipgate.testing.RecordingContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each mechanical fix, proven on a before/after pair: exact text, and a re-scan without the finding. */
class FixesTest {

  private static final Path FIXES = Path.of("src/test/resources/fixes");
  private static final FixtureRunner RUNNER = new FixtureRunner(new CiScanner());

  private static List<Finding> checkFix(String name, String ruleId) throws Exception {
    return RUNNER.checkFix(FIXES.resolve(name + ".before.yml"), FIXES.resolve(name + ".after.yml"), ruleId);
  }

  private static List<Finding> scan(String path, String text) throws Exception {
    RecordingContext ctx = new RecordingContext();
    new CiScanner().scan(SourceFile.of(path, text), ctx);
    assertThat(ctx.errors()).isEmpty();
    return ctx.findings();
  }

  @Test
  void untrustedExpressionsMoveIntoTheStepEnvironment() throws Exception {
    List<Finding> applied = checkFix("injection", ScriptInjectionRule.RULE.id());
    assertThat(applied).hasSize(4);
  }

  @Test
  void leastPrivilegePermissionsAreInsertedBeforeTheJobsAndTheirComment() throws Exception {
    assertThat(checkFix("permissions", MissingPermissionsRule.RULE.id())).hasSize(1);
  }

  @Test
  void persistCredentialsIsAddedToBlockAndFlowWithOrANewWith() throws Exception {
    assertThat(checkFix("persist-credentials", CheckoutCredentialsRule.RULE.id())).hasSize(4);
  }

  @Test
  void insertedLinesUseTheFilesWindowsLineEndings() throws Exception {
    String text = "on: push\r\njobs:\r\n  a:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n"
        + "      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11\r\n";
    List<Finding> found = scan(".github/workflows/a.yml", text);
    String patched = FixApplier.apply(found, p -> text).patched().get(".github/workflows/a.yml");
    assertThat(patched).isEqualTo("on: push\r\npermissions:\r\n  contents: read\r\njobs:\r\n  a:\r\n    runs-on: ubuntu-latest\r\n"
        + "    steps:\r\n      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11\r\n"
        + "        with:\r\n          persist-credentials: false\r\n");
    assertThat(scan(".github/workflows/a.yml", patched)).isEmpty();
  }

  @Test
  void offsetsStayRightAfterAByteOrderMark() throws Exception {
    String text = "\uFEFFon: push\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11\n";
    String patched = FixApplier.apply(scan(".github/workflows/a.yml", text), p -> text).patched().get(".github/workflows/a.yml");
    assertThat(patched).isEqualTo("\uFEFFon: push\npermissions:\n  contents: read\njobs:\n  a:\n    steps:\n"
        + "      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11\n        with:\n          persist-credentials: false\n");
  }

  @Test
  void aFileWithoutFinalNewlineGetsOneBeforeTheInsertedLines() throws Exception {
    String text = "on: push\npermissions: {}\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11";
    List<Finding> found = scan(".github/workflows/a.yml", text);
    String patched = FixApplier.apply(found, p -> text).patched().get(".github/workflows/a.yml");
    assertThat(patched).endsWith("actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11\n        with:\n          persist-credentials: false\n");
  }

  @Test
  void noFixWhereTheEditWouldChangeMeaning() throws Exception {
    String workflow = """
        on: issues
        permissions: {}
        jobs:
          a:
            runs-on: windows-latest
            steps:
              - run: echo "${{ github.event.issue.title }}"
              - shell: bash
                run: "echo ${{ github.event.issue.title }}"
              - shell: bash
                run: |
                  cat <<'EOF'
                  ${{ github.event.issue.title }}
                  EOF
              - shell: bash
                env: {A: b}
                run: echo ${{ github.event.issue.title }}
              - shell: bash
                run: ${{ github.event.issue.title }}
              - shell: bash
                run: |
                  echo ${{
                    github.event.issue.title
                    || 'untitled'
                  }}
          b:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11
              - run: git push origin HEAD
        """;
    List<Finding> found = scan(".github/workflows/a.yml", workflow);
    // pwsh by default on Windows, a quoted YAML scalar, a quoted here-document, flow env, an expression as the whole script,
    // an expression over several lines; and a checkout whose job pushes with the persisted token.
    assertThat(found).extracting(Finding::ruleId).containsExactly("ci/github/script-injection", "ci/github/script-injection",
        "ci/github/script-injection",
        "ci/github/script-injection", "ci/github/script-injection", "ci/github/script-injection", "ci/github/checkout-persist-credentials");
    assertThat(found).allMatch(f -> f.fix() == null);
  }
}
