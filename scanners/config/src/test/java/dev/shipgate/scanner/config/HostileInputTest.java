package dev.shipgate.scanner.config;

import static dev.shipgate.testing.RecordingContext.onlyError;
import static dev.shipgate.testing.RecordingContext.scan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.gate.Coverage;
import dev.shipgate.testing.RecordingContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Malformed, binary, huge and malicious files end in one clear error naming a line, never an exception or a hang. */
@Timeout(value = 20)
class HostileInputTest {

  private final ConfigScanner scanner = new ConfigScanner();

  @Test
  void malformedYamlIsOneErrorOnTheLineOfTheProblem() throws Exception {
    RecordingContext ctx = scan(scanner, "config/application.yml", "server:\n  port: 8080\n  error: [always\ndebug: true\n");
    Coverage.ScanError e = onlyError(ctx);
    assertThat(e.path()).isEqualTo("config/application.yml");
    assertThat(e.line()).isBetween(3, 4);
    assertThat(e.message()).startsWith("not valid YAML");
    assertThat(ctx.findings()).isEmpty();
  }

  @Test
  void tabIndentationIsAnErrorOnItsLine() throws Exception {
    Coverage.ScanError e = onlyError(scan(scanner, "application.yml", "server:\n  port: 8080\n\terror: x\n"));
    assertThat(e.line()).isEqualTo(3);
  }

  @Test
  void binaryContentWithNulBytesIsAnErrorNamingTheLine() throws Exception {
    byte[] junk = "debug: true\nname: x\n\u0000\u0001\u0002".getBytes(StandardCharsets.UTF_8);
    Coverage.ScanError e = onlyError(scan(scanner, "application.yml", junk));
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.message()).contains("binary");
  }

  @Test
  void randomBinaryJunkIsAnErrorAndNeverAnException() throws Exception {
    Random random = new Random(42);
    for (int i = 0; i < 50; i++) {
      byte[] junk = new byte[1 + random.nextInt(4000)];
      random.nextBytes(junk);
      if (i % 2 == 0) {
        // Half the samples without NUL bytes, so they reach the decoders and parsers.
        for (int k = 0; k < junk.length; k++) {
          junk[k] = junk[k] == 0 ? (byte) 0x7f : junk[k];
        }
      }
      for (String name : new String[] {"application.yml", "application.properties"}) {
        RecordingContext ctx = scan(scanner, name, junk);
        if (name.endsWith(".yml")) {
          assertThat(ctx.errors()).as("junk %d in %s", i, name).hasSize(1);
          assertThat(ctx.errors().get(0).line()).isPositive();
        }
      }
    }
  }

  @Test
  void controlCharactersInYamlAreAnErrorNamingTheLine() throws Exception {
    Coverage.ScanError e = onlyError(scan(scanner, "application.yml", "a: 1\nb: 2\nc: \u0007bell\n"));
    assertThat(e.line()).isEqualTo(3);
  }

  @Test
  void aliasBombIsStoppedWithAnErrorInsteadOfExpanding() throws Exception {
    StringBuilder y = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for (int level = 1; level <= 9; level++) {
      String prev = "*a" + (level - 1);
      y.append("a").append(level).append(": &a").append(level).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(9, prev))).append("]\n");
    }
    long start = System.nanoTime();
    Coverage.ScanError e = onlyError(scan(scanner, "application.yml", y.toString()));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(e.message()).contains("alias");
    assertThat(e.line()).isBetween(1, 10);
  }

  @Test
  void thousandsOfAliasesAreRefusedAtTheFirstOneOverTheLimit() throws Exception {
    StringBuilder y = new StringBuilder("base: &b {k: v}\nlist:\n");
    for (int i = 0; i < 1000; i++) {
      y.append("  - *b\n");
    }
    Coverage.ScanError e = onlyError(scan(scanner, "application.yml", y.toString()));
    assertThat(e.line()).isEqualTo(3 + YamlConfigParser.MAX_ALIASES);
  }

  @Test
  void manyValuesWrittenOutWithoutAliasesAreNotMistakenForABomb() throws Exception {
    String big = "app:\n  list: [" + "1,".repeat(YamlConfigParser.MAX_ALIAS_VALUES + 10_000) + "1]\ndebug: true\n";
    RecordingContext ctx = scan(scanner, "application.yml", big);
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).extracting(f -> f.location().startLine()).containsExactly(3);
  }

  @Test
  void recursiveAliasIsAnError() throws Exception {
    RecordingContext ctx = scan(scanner, "application.yml", "a: &x\n  b: *x\n");
    assertThat(ctx.errors()).hasSize(1);
    assertThat(ctx.errors().get(0).line()).isPositive();
  }

  @Test
  void tenThousandLevelsOfFlowNestingAreAnError() throws Exception {
    String deep = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
    Coverage.ScanError e = onlyError(scan(scanner, "application.yml", deep));
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.message()).contains("nesting deeper than");
  }

  @Test
  void tenThousandLevelsOfBlockNestingAreAnError() throws Exception {
    String deep = "a:\n" + "- ".repeat(10_000) + "x\n";
    Coverage.ScanError e = onlyError(scan(scanner, "application.yml", deep));
    assertThat(e.line()).isEqualTo(2);
  }

  @Test
  void fiftyMegabyteSingleLineIsRefusedWithAnErrorOnLineOne() throws Exception {
    byte[] huge = new byte[50 * 1024 * 1024];
    Arrays.fill(huge, (byte) 'a');
    byte[] prefix = "debug=".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(prefix, 0, huge, 0, prefix.length);
    for (String name : new String[] {"application.properties", "application.yml"}) {
      Coverage.ScanError e = onlyError(scan(scanner, name, huge));
      assertThat(e.line()).isEqualTo(1);
      assertThat(e.message()).contains("bytes");
    }
  }

  @Test
  void longLineUnderTheLimitIsParsedAndLaterLinesStillJudged() throws Exception {
    String text = "app.blob=" + "x".repeat(1_500_000) + "\ndebug=true\n";
    RecordingContext ctx = scan(scanner, "application.properties", text);
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).extracting(f -> f.location().startLine()).containsExactly(2);
  }

  @Test
  void yamlThatIsNotUtf8IsAnErrorOnTheLineOfTheFirstBadByte() throws Exception {
    byte[] latin1 = "debug: true\nname: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    Coverage.ScanError e = onlyError(scan(scanner, "application.yml", latin1));
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.message()).contains("UTF-8");
  }

  @Test
  void propertiesAreReadAsLatin1LikeSpringSoAccentsAreNotErrors() throws Exception {
    byte[] latin1 = "app.name=caf\u00e9\ndebug=true\n".getBytes(StandardCharsets.ISO_8859_1);
    RecordingContext ctx = scan(scanner, "application.properties", latin1);
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).extracting(f -> f.ruleId()).containsExactly("config/spring/debug-mode");
  }

  @Test
  void loneTrailingBackslashEndsTheValueAsJavaPropertiesDoes() throws Exception {
    RecordingContext ctx = scan(scanner, "application.properties", "server.port=8080\ndebug=true\\");
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).extracting(f -> f.location().startLine()).containsExactly(2);
    assertThat(scan(scanner, "application.properties", "\\").errors()).isEmpty();
  }

  @Test
  void malformedUnicodeEscapeIsAnErrorOnItsLineAndOtherKeysAreStillJudged() throws Exception {
    RecordingContext ctx = scan(scanner, "application.properties", "app.name=\\u00zz\ndebug=true\n");
    Coverage.ScanError e = onlyError(ctx);
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.message()).contains("\\uXXXX");
    assertThat(ctx.findings()).hasSize(1);
  }

  @Test
  void yamlDocumentThatIsNotAMappingBindsToSpringsDocumentKeyWithoutError() throws Exception {
    RecordingContext ctx = scan(scanner, "application.yml", "debug: true\n---\n- just\n- a list\n---\nplain text\n");
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).extracting(f -> f.location().startLine()).containsExactly(1);
    assertThat(YamlConfigParser.parse("- a\n").entries()).containsExactly(new ConfigEntry("document[0]", "a", 1));
  }

  @Test
  void emptyAndCommentOnlyFilesAreQuiet() throws Exception {
    for (String name : new String[] {"application.yml", "application.properties"}) {
      for (String text : new String[] {"", "\n\n", "# nothing\n", "---\n---\n"}) {
        RecordingContext ctx = scan(scanner, name, text);
        assertThat(ctx.errors()).as("%s %s", name, text).isEmpty();
        assertThat(ctx.findings()).isEmpty();
      }
    }
  }
}
