package dev.shipgate.scanner.docker;

import static dev.shipgate.testing.RecordingContext.onlyError;
import static dev.shipgate.testing.RecordingContext.scan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.model.Finding;
import dev.shipgate.testing.RecordingContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Malformed, binary, huge and malicious files end in a clear error naming a line, never an exception or a hang. */
@Timeout(value = 30)
class HostileInputTest {

  private final DockerScanner scanner = new DockerScanner();

  @Test
  void unterminatedContinuationAtTheEndOfTheFileIsAnErrorOnItsLineAndTheRestIsJudged() throws Exception {
    RecordingContext ctx = scan(scanner, "Dockerfile", "FROM alpine:3.19\nUSER 1000\nRUN curl -s https://x.example/i.sh | sh \\\n");
    Coverage.ScanError e = onlyError(ctx);
    assertThat(e.path()).isEqualTo("Dockerfile");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.message()).contains("continuation");
    assertThat(ctx.findings()).extracting(Finding::ruleId).containsExactly("docker/dockerfile/pipe-to-shell");
  }

  @Test
  void unterminatedHeredocIsAnErrorOnTheInstructionsLine() throws Exception {
    Coverage.ScanError e = onlyError(scan(scanner, "Dockerfile", "FROM alpine:3.19\nUSER 1000\n\nRUN <<EOT\necho hi\nEOT \n"));
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.message()).contains("<<EOT").contains("never closed");
  }

  @Test
  void unknownInstructionsAndInstructionsBeforeFromAreErrorsNamingTheirLines() throws Exception {
    RecordingContext ctx = scan(scanner, "Dockerfile", "ENV A=1\nFROM alpine:3.19\n{% if prod %}\nUSER 1000\n");
    assertThat(ctx.errors()).extracting(Coverage.ScanError::line).containsExactlyInAnyOrder(1, 3);
    assertThat(ctx.errors()).anyMatch(e -> e.message().contains("unknown instruction '{%'"));
  }

  @Test
  void envMixingBothFormsIsAnErrorOnItsLine() throws Exception {
    Coverage.ScanError e = onlyError(scan(scanner, "Dockerfile", "FROM alpine:3.19\nENV A=1 B\nUSER 1\n"));
    assertThat(e.line()).isEqualTo(2);
  }

  @Test
  void fileWithoutFromIsAnError() throws Exception {
    Coverage.ScanError e = onlyError(scan(scanner, "Dockerfile", "# just a comment\nRUN echo hi\n"));
    assertThat(e.line()).isEqualTo(2);
  }

  @Test
  void emptyAndCommentOnlyFilesAreQuiet() throws Exception {
    for (String name : new String[] {"Dockerfile", "compose.yaml"}) {
      for (String text : new String[] {"", "\n\n", "# nothing here\n"}) {
        RecordingContext ctx = scan(scanner, name, text);
        assertThat(ctx.errors()).as("%s %s", name, text).isEmpty();
        assertThat(ctx.findings()).isEmpty();
      }
    }
  }

  @Test
  void binaryContentIsAnErrorNamingTheLineOfTheFirstNulByte() throws Exception {
    for (String name : new String[] {"Dockerfile", "docker-compose.yml"}) {
      Coverage.ScanError e = onlyError(scan(scanner, name, "FROM alpine\nRUN x\n\u0000\u0001\u0002".getBytes(StandardCharsets.UTF_8)));
      assertThat(e.line()).isEqualTo(3);
      assertThat(e.message()).contains("binary");
    }
  }

  @Test
  void randomJunkIsAnErrorOrQuietButNeverAnException() throws Exception {
    Random random = new Random(7);
    for (int i = 0; i < 60; i++) {
      byte[] junk = new byte[1 + random.nextInt(5000)];
      random.nextBytes(junk);
      if (i % 2 == 0) {
        for (int k = 0; k < junk.length; k++) {
          junk[k] = junk[k] == 0 ? (byte) 'x' : junk[k];
        }
      }
      for (String name : new String[] {"Dockerfile", "docker-compose.yml"}) {
        RecordingContext ctx = scan(scanner, name, junk);
        assertThat(ctx.errors()).as("junk %d in %s", i, name).isNotEmpty().allMatch(e -> e.line() > 0);
      }
    }
  }

  @Test
  void twoMegabyteSingleLineIsRefusedWithAnErrorOnLineOne() throws Exception {
    byte[] huge = new byte[2 * 1024 * 1024];
    Arrays.fill(huge, (byte) 'a');
    System.arraycopy("RUN ".getBytes(StandardCharsets.UTF_8), 0, huge, 0, 4);
    for (String name : new String[] {"Dockerfile", "compose.yml"}) {
      Coverage.ScanError e = onlyError(scan(scanner, name, huge));
      assertThat(e.line()).isEqualTo(1);
      assertThat(e.message()).contains("bytes");
    }
  }

  @Test
  void longLinesUnderTheLimitAreParsedAndLaterLinesStillJudged() throws Exception {
    String text = "FROM alpine:3.19\nRUN echo " + "x".repeat(900_000) + "\nRUN curl https://x | sh\nUSER 1\n";
    long start = System.nanoTime();
    RecordingContext ctx = scan(scanner, "Dockerfile", text);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).extracting(f -> f.location().startLine()).containsExactly(3);
  }

  @Test
  void tensOfThousandsOfContinuationLinesAreOneInstruction() throws Exception {
    String text = "FROM alpine:3.19\nRUN true" + " \\\n && true".repeat(50_000) + "\nUSER 1\n";
    RecordingContext ctx = scan(scanner, "Dockerfile", text);
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).isEmpty();
  }

  @Test
  void manyInstructionsThatNeedVariablesStayLinear() throws Exception {
    String text = "FROM alpine:3.19\nARG P=22\n" + "EXPOSE $P\nCOPY --from=$P / /\n".repeat(8_000) + "USER 1\n";
    long start = System.nanoTime();
    RecordingContext ctx = scan(scanner, "Dockerfile", text);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).filteredOn(f -> f.ruleId().endsWith("expose-ssh")).hasSize(8_000);
  }

  @Test
  void keywordDenseMegabyteRunLineStaysLinear() throws Exception {
    String text = "FROM alpine:3.19\nRUN " + "curl -k sh apt-get install pip --trusted-host x | ".repeat(8_000) + "true\nUSER 1\n";
    long start = System.nanoTime();
    RecordingContext ctx = scan(scanner, "Dockerfile", text);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).extracting(Finding::ruleId).containsExactly("docker/dockerfile/verification-disabled");
  }

  @Test
  void windowsLineEndingsGiveTheSameFindingsOnTheSameLines() throws Exception {
    String unix = "FROM node\nENV DB_PASSWORD=hunter2hunter2\nRUN curl -s https://x \\\n  | sh\n";
    RecordingContext a = scan(scanner, "Dockerfile", unix);
    RecordingContext b = scan(scanner, "Dockerfile", unix.replace("\n", "\r\n"));
    assertThat(b.errors()).isEmpty();
    assertThat(b.findings()).extracting(f -> f.location().startLine() + " " + f.ruleId())
        .containsExactlyElementsOf(a.findings().stream().map(f -> f.location().startLine() + " " + f.ruleId()).toList())
        .hasSize(4);
  }

  @Test
  void invalidEscapeDirectiveIsAnErrorOnLineOne() throws Exception {
    Coverage.ScanError e = onlyError(scan(scanner, "Dockerfile", "# escape=x\nFROM alpine:3.19\nUSER 1\n"));
    assertThat(e.line()).isEqualTo(1);
  }

  @Test
  void malformedComposeYamlIsAnErrorOnTheLineOfTheProblem() throws Exception {
    Coverage.ScanError e = onlyError(scan(scanner, "docker-compose.yml", "services:\n  web:\n    image: [nginx\n    privileged: true\n"));
    assertThat(e.line()).isBetween(3, 4);
    assertThat(e.message()).startsWith("not valid YAML");
  }

  @Test
  void composeDocumentThatIsNotAMappingIsAnError() throws Exception {
    Coverage.ScanError e = onlyError(scan(scanner, "compose.yaml", "- services\n- web\n"));
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.message()).contains("not a Compose file");
  }

  @Test
  void composeAliasBombIsRefusedQuicklyAndAliasesUnderTheLimitAreNeverExpanded() throws Exception {
    for (int width : new int[] {9, 12}) {
      StringBuilder y = new StringBuilder("x-a0: &a0 {SECRET_TOKEN: abcdefghijkl, privileged: true}\n");
      for (int level = 1; level <= 9; level++) {
        y.append("x-a").append(level).append(": &a").append(level).append(" [")
            .append(String.join(", ", Collections.nCopies(width, "*a" + (level - 1)))).append("]\n");
      }
      y.append("services:\n  web: {image: nginx:1.25, environment: *a9, <<: *a0}\n");
      long start = System.nanoTime();
      RecordingContext ctx = scan(scanner, "docker-compose.yml", y.toString());
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      if (width == 9) {
        // 81 aliases: read as a graph, judged once per node.
        assertThat(ctx.errors()).isEmpty();
        assertThat(ctx.findings()).extracting(Finding::ruleId).containsExactly("docker/compose/privileged");
      } else {
        assertThat(onlyError(ctx).line()).isPositive();
      }
    }
  }

  @Test
  void selfMergingAnchorsDoNotLoop() throws Exception {
    RecordingContext ctx = scan(scanner, "compose.yml", "x: &x\n  privileged: true\n  <<: {pid: host}\nservices:\n  a:\n    <<: [*x, *x]\n    image: busybox:1.36\n");
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).extracting(Finding::ruleId).containsExactlyInAnyOrder("docker/compose/privileged", "docker/compose/host-namespace");
  }

  @Test
  void deeplyNestedComposeIsAnErrorNotAStackOverflow() throws Exception {
    String deep = "services:\n  a: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n";
    RecordingContext ctx = scan(scanner, "compose.yml", deep);
    assertThat(ctx.errors()).hasSize(1);
  }
}
