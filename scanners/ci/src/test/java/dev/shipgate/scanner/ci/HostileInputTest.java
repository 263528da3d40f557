package dev.shipgate.scanner.ci;

import static dev.shipgate.testing.RecordingContext.scan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.gate.Coverage;
import dev.shipgate.testing.RecordingContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Malformed, binary, huge and malicious pipeline files end in one clear error naming a line, never an exception or a hang. */
@Timeout(value = 30)
class HostileInputTest {

  private static final String WORKFLOW = ".github/workflows/ci.yml";
  private final CiScanner scanner = new CiScanner();

  /** A file this family cannot read is judged no further: the error is all it reports. */
  private static Coverage.ScanError onlyError(RecordingContext ctx) {
    Coverage.ScanError e = RecordingContext.onlyError(ctx);
    assertThat(ctx.findings()).isEmpty();
    return e;
  }

  @Test
  void malformedYamlIsOneErrorOnTheLineOfTheProblem() throws Exception {
    Coverage.ScanError e = onlyError(scan(scanner, WORKFLOW, "on: push\njobs:\n  a:\n    steps: [run: x\n    runs-on: y\n"));
    assertThat(e.path()).isEqualTo(WORKFLOW);
    assertThat(e.line()).isBetween(4, 6);
    assertThat(e.message()).startsWith("not valid YAML");
  }

  @Test
  void tabIndentationIsAnErrorOnItsLine() throws Exception {
    assertThat(onlyError(scan(scanner, ".gitlab-ci.yml", "build:\n  script:\n\t- make\n")).line()).isEqualTo(3);
  }

  @Test
  void binaryContentIsAnErrorNamingTheLine() throws Exception {
    Coverage.ScanError e = onlyError(scan(scanner, WORKFLOW, "on: push\njobs:\n\u0000\u0001".getBytes(StandardCharsets.UTF_8)));
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.message()).contains("binary");
  }

  @Test
  void invalidUtf8IsAnErrorOnTheLineOfTheBadByte() throws Exception {
    byte[] latin1 = "on: push\nname: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    Coverage.ScanError e = onlyError(scan(scanner, WORKFLOW, latin1));
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.message()).contains("UTF-8");
  }

  @Test
  void randomJunkIsAnErrorOrNothingButNeverAnException() throws Exception {
    Random random = new Random(7);
    for (int i = 0; i < 60; i++) {
      byte[] junk = new byte[1 + random.nextInt(3000)];
      random.nextBytes(junk);
      for (String path : new String[] {WORKFLOW, "action.yml", ".gitlab-ci.yml"}) {
        RecordingContext ctx = scan(scanner, path, junk);
        assertThat(ctx.errors().size() + ctx.skippedFiles().size()).as("junk %d in %s", i, path).isLessThanOrEqualTo(1);
        ctx.errors().forEach(err -> assertThat(err.line()).isNotNegative());
      }
    }
  }

  @Test
  void hugeFileIsRefusedOnTheLineWhereTheLimitIsCrossed() throws Exception {
    byte[] huge = new byte[20 * 1024 * 1024];
    Arrays.fill(huge, (byte) 'a');
    Coverage.ScanError e = onlyError(scan(scanner, WORKFLOW, huge));
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.message()).contains("bytes");
  }

  @Test
  void aliasBombIsRefusedQuickly() throws Exception {
    StringBuilder y = new StringBuilder("on: push\na0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for (int level = 1; level <= 12; level++) {
      y.append("a").append(level).append(": &a").append(level).append(" [")
          .append(String.join(", ", Collections.nCopies(9, "*a" + (level - 1)))).append("]\n");
    }
    long start = System.nanoTime();
    Coverage.ScanError e = onlyError(scan(scanner, WORKFLOW, y.toString()));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(e.line()).isBetween(1, 14);
  }

  @Test
  void anchoredStepsSharedByJobsAreJudgedAndReportedOnce() throws Exception {
    String text = """
        on: issues
        permissions: {}
        jobs:
          a:
            runs-on: ubuntu-latest
            steps:
              - &greet
                run: echo "${{ github.event.issue.title }}"
          b:
            runs-on: ubuntu-latest
            steps:
              - *greet
        """;
    RecordingContext ctx = scan(scanner, WORKFLOW, text);
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).extracting(f -> f.location().startLine()).containsExactly(8);
  }

  @Test
  void deepNestingIsAnErrorNamingTheLineWhereItGetsTooDeep() throws Exception {
    String deep = "on: push\njobs: " + "[".repeat(50_000) + "]".repeat(50_000) + "\n";
    Coverage.ScanError e = onlyError(scan(scanner, WORKFLOW, deep));
    assertThat(e.line()).isEqualTo(2);
    String deepBlock = "on: push\njobs:\n" + "- ".repeat(5_000) + "x\n";
    RecordingContext ctx = scan(scanner, WORKFLOW, deepBlock);
    assertThat(ctx.findings()).isEmpty();
    assertThat(ctx.errors().size()).isLessThanOrEqualTo(1);
  }

  @Test
  void unrenderedTemplatesAreAnErrorOnTheTemplateLine() throws Exception {
    Coverage.ScanError e = onlyError(scan(scanner, WORKFLOW, "on: push\njobs:\n  build:\n    runs-on: {{ .Runner }}\n    steps: []\n"));
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.message()).contains("template");
    Coverage.ScanError jinja = onlyError(scan(scanner, ".gitlab-ci.yml", "build:\n  script:\n{% for s in steps %}\n    - {{ s }}\n{% endfor %}\n"));
    assertThat(jinja.line()).isEqualTo(3);
  }

  @Test
  void goTemplatesInsideScriptsAreOrdinaryText() throws Exception {
    String text = "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        + "      - run: docker inspect --format '{{ .State.Health.Status }}' db\n";
    RecordingContext ctx = scan(scanner, WORKFLOW, text);
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).isEmpty();
  }

  @Test
  void windowsLineEndingsAndAByteOrderMarkKeepLinesRight() throws Exception {
    String text = "\uFEFFon: issues\r\npermissions: {}\r\njobs:\r\n  a:\r\n    runs-on: ubuntu-latest\r\n    steps:\r\n"
        + "      - run: |\r\n          echo ok\r\n          echo \"${{ github.event.issue.body }}\"\r\n";
    RecordingContext ctx = scan(scanner, WORKFLOW, text);
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).extracting(f -> f.location().startLine()).containsExactly(9);
  }

  @Test
  void documentsThatAreNotMappingsAreErrorsAndUnrelatedActionFilesAreSkipped() throws Exception {
    Coverage.ScanError e = onlyError(scan(scanner, WORKFLOW, "- just\n- a list\n"));
    assertThat(e.line()).isEqualTo(1);
    RecordingContext ansible = scan(scanner, "roles/web/action.yml", "name: restart\nhandler: nginx\n");
    assertThat(ansible.errors()).isEmpty();
    assertThat(ansible.skippedFiles()).hasSize(1);
    RecordingContext notWorkflow = scan(scanner, ".github/workflows/labels.yml", "bug: {color: red}\n");
    assertThat(notWorkflow.errors()).isEmpty();
    assertThat(notWorkflow.skippedFiles()).extracting(sk -> sk.reason()).singleElement().asString().contains("jobs:");
  }

  @Test
  void pathologicalScriptsUnderTheSizeLimitAreJudgedQuickly() throws Exception {
    String head = "on: issues\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ";
    String curls = head + "curl ".repeat(300_000) + "| x\n";
    String expressions = head + "echo ${{ github.event.issue.title }}".repeat(40_000) + "\n";
    long start = System.nanoTime();
    RecordingContext a = scan(scanner, WORKFLOW, curls);
    RecordingContext b = scan(scanner, WORKFLOW, expressions);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(a.errors()).isEmpty();
    assertThat(b.errors()).isEmpty();
    assertThat(b.findings()).hasSize(1).allMatch(f -> f.fix() == null && f.snippet().length() < 400);
  }

  @Test
  void mutatedFixturesNeverThrowAndTheirFixesStayInsideTheFile() throws Exception {
    Random random = new Random(11);
    java.util.List<java.nio.file.Path> sources;
    try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/test/resources"))) {
      sources = files.filter(java.nio.file.Files::isRegularFile).filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    }
    assertThat(sources).hasSizeGreaterThan(20);
    String noise = " \n\t:-|'\"{}[]#&*!>%@`${{ }}";
    for (java.nio.file.Path source : sources) {
      String original = java.nio.file.Files.readString(source);
      // Fixtures keep their realistic path; fix pairs (plain names) are offered as workflows.
      String relative = source.toString().replace('\\', '/').replaceFirst("^.*?/resources/(fixtures|fixes)/", "");
      String path = scanner.accepts(relative) ? relative : WORKFLOW;
      for (int i = 0; i < 25; i++) {
        StringBuilder text = new StringBuilder(original);
        for (int edits = 1 + random.nextInt(4); edits > 0 && text.length() > 0; edits--) {
          int at = random.nextInt(text.length());
          if (random.nextBoolean()) {
            text.deleteCharAt(at);
          } else {
            text.insert(at, noise.charAt(random.nextInt(noise.length())));
          }
        }
        String mutated = text.toString();
        RecordingContext ctx = scan(scanner, path, mutated);
        ctx.errors().forEach(e -> assertThat(e.line()).isNotNegative());
        for (var f : ctx.findings()) {
          if (f.fix() != null) {
            for (var e : f.fix().edits()) {
              assertThat(e.end()).as("%s mutation %d", source, i).isLessThanOrEqualTo(mutated.length());
            }
          }
        }
        dev.shipgate.core.fix.FixApplier.apply(ctx.findings(), p -> mutated);
      }
    }
  }

  @Test
  void emptyAndCommentOnlyFilesAreQuiet() throws Exception {
    for (String text : new String[] {"", "\n", "# nothing yet\n", "---\n---\n"}) {
      RecordingContext ctx = scan(scanner, WORKFLOW, text);
      assertThat(ctx.errors()).as(text).isEmpty();
      assertThat(ctx.findings()).isEmpty();
    }
  }

  @Test
  void secretValuesNeverReachMessagesOrSnippets() throws Exception {
    String token = "glpat-" + "Xk2m9QpL4vR7tY1wZ3aB"; // assembled so the literal is not a planted secret in our own tree
    RecordingContext ctx = scan(scanner, ".gitlab-ci.yml", "variables:\n  DEPLOY_TOKEN: " + token + "\nbuild:\n  script:\n"
        + "    - 'curl -H \"PRIVATE-TOKEN: " + token + "\" https://x.example/i.sh | sh'\n");
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).hasSize(2);
    assertThat(ctx.findings()).allSatisfy(f -> {
      assertThat(f.message()).doesNotContain(token);
      assertThat(f.snippet()).doesNotContain(token).isNotEmpty();
      assertThat(f.contextKey()).doesNotContain(token);
    });
  }
}
