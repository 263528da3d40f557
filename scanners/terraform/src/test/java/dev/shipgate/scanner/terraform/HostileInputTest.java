package dev.shipgate.scanner.terraform;

import static dev.shipgate.testing.RecordingContext.onlyError;
import static dev.shipgate.testing.RecordingContext.scan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Malformed, binary, huge and deeply nested files end in one error naming a line, never an exception or a hang. */
@Timeout(value = 30)
class HostileInputTest {

  private final TerraformScanner scanner = new TerraformScanner();

  @Test
  void unclosedBlockIsAnErrorAtTheBlockThatIsNeverClosed() throws Exception {
    Coverage.ScanError e = onlyError(scan(scanner, "infra/main.tf", "variable \"a\" {}\n\nresource \"aws_s3_bucket\" \"b\" {\n  acl = \"public-read\"\n"));
    assertThat(e.path()).isEqualTo("infra/main.tf");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.message()).startsWith("not valid HCL").contains("never closed");
  }

  @Test
  void strayClosingBraceIsAnErrorOnItsLine() throws Exception {
    Coverage.ScanError e = onlyError(scan(scanner, "main.tf", "locals {\n  a = 1\n}\n}\n"));
    assertThat(e.line()).isEqualTo(4);
  }

  @Test
  void unterminatedStringIsAnErrorOnItsLine() throws Exception {
    Coverage.ScanError e = onlyError(scan(scanner, "main.tf", "resource \"a\" \"b\" {\n  x = 1\n  acl = \"public-read\n}\n"));
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.message()).contains("string");
  }

  @Test
  void unterminatedHeredocIsAnErrorAtItsStart() throws Exception {
    Coverage.ScanError e = onlyError(scan(scanner, "main.tf", "resource \"a\" \"b\" {\n  policy = <<EOT\n{\n}\n}\n"));
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.message()).contains("heredoc <<EOT");
  }

  @Test
  void unclosedInterpolationAndCommentAreErrors() throws Exception {
    assertThat(onlyError(scan(scanner, "main.tf", "locals {\n  a = \"${var.x\"\n}\n")).line()).isEqualTo(2);
    assertThat(onlyError(scan(scanner, "main.tf", "locals {\n  a = 1\n}\n/* never closed\n")).line()).isEqualTo(4);
  }

  @Test
  void missingValueAndBadTokensAreErrorsOnTheirLine() throws Exception {
    assertThat(onlyError(scan(scanner, "main.tf", "locals {\n  a =\n}\n")).line()).isEqualTo(2);
    assertThat(onlyError(scan(scanner, "main.tf", "locals {\n  a = 1 2\n}\n")).line()).isEqualTo(2);
    assertThat(onlyError(scan(scanner, "main.tf", "locals {\n  a = [1, 2\n}\n")).line()).isEqualTo(3);
    assertThat(onlyError(scan(scanner, "main.tf", "locals {\n  a = 1\n  @b = 2\n}\n")).message()).contains("U+0040");
  }

  @Test
  void binaryContentIsAnErrorNamingTheLineOfTheFirstNulByte() throws Exception {
    Coverage.ScanError e = onlyError(scan(scanner, "main.tf", "locals {}\n\n\u0000\u0001\u0002".getBytes(StandardCharsets.UTF_8)));
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.message()).contains("binary");
  }

  @Test
  void invalidUtf8IsAnErrorOnItsLine() throws Exception {
    byte[] bytes = "locals {\n  a = \"x\"\n  b = \"\u00ff\"\n}\n".getBytes(StandardCharsets.ISO_8859_1);
    Coverage.ScanError e = onlyError(scan(scanner, "main.tf", bytes));
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.message()).contains("UTF-8");
  }

  @Test
  void randomJunkIsAnErrorOrParsesButNeverThrows() throws Exception {
    Random random = new Random(7);
    String alphabet = "{}[]()\"'=<>-#/*$%\\\n\r\t abcxyz019.,:?!";
    for (int i = 0; i < 300; i++) {
      StringBuilder b = new StringBuilder();
      int len = 1 + random.nextInt(400);
      for (int k = 0; k < len; k++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      RecordingContext ctx = scan(scanner, "junk.tf", b.toString());
      assertThat(ctx.errors().size()).as("junk %d", i).isLessThanOrEqualTo(1);
      ctx.errors().forEach(e -> assertThat(e.line()).isPositive());
    }
    for (int i = 0; i < 50; i++) {
      byte[] junk = new byte[1 + random.nextInt(4000)];
      random.nextBytes(junk);
      assertThat(scan(scanner, "bin.tf", junk).errors()).hasSize(1);
    }
  }

  @Test
  void tenThousandLevelsOfBlockNestingAreAnError() throws Exception {
    String deep = "a {\n".repeat(10_000) + "}\n".repeat(10_000);
    Coverage.ScanError e = onlyError(scan(scanner, "main.tf", deep));
    assertThat(e.message()).contains("nesting deeper than");
    assertThat(e.line()).isEqualTo(101);
  }

  @Test
  void tenThousandLevelsOfExpressionNestingAreAnError() throws Exception {
    for (String deep : new String[] {
        "locals {\n  a = " + "[".repeat(10_000) + "]".repeat(10_000) + "\n}\n",
        "locals {\n  a = " + "{ x = ".repeat(10_000) + "1" + " }".repeat(10_000) + "\n}\n",
        "locals {\n  a = " + "f(".repeat(10_000) + ")".repeat(10_000) + "\n}\n",
        "locals {\n  a = 1 + " + "(".repeat(10_000) + ")".repeat(10_000) + "\n}\n"}) {
      Coverage.ScanError e = onlyError(scan(scanner, "main.tf", deep));
      assertThat(e.line()).isEqualTo(2);
    }
  }

  @Test
  void deepUnaryOperatorsAndNestedInterpolationsAreErrorsNotStackOverflows() throws Exception {
    assertThat(onlyError(scan(scanner, "main.tf", "locals {\n  a = " + "!".repeat(200_000) + "true\n}\n")).message()).contains("nesting deeper than");
    assertThat(onlyError(scan(scanner, "main.tf", "locals {\n  a = " + "-".repeat(200_000) + "1\n}\n")).line()).isEqualTo(2);
    Coverage.ScanError e = onlyError(scan(scanner, "main.tf", "locals {\n  a = " + "\"${".repeat(100_000) + "\n}\n"));
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.message()).contains("nested deeper than");
  }

  @Test
  void hugeFileIsRefusedWithAnErrorNamingTheLine() throws Exception {
    byte[] huge = new byte[TerraformScanner.MAX_BYTES + 100];
    Arrays.fill(huge, (byte) ' ');
    huge[10] = '\n';
    Coverage.ScanError e = onlyError(scan(scanner, "main.tf", huge));
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.message()).contains("bytes");
  }

  @Test
  void longFileUnderTheLimitIsParsedAndJudged() throws Exception {
    String text = "locals {\n  blob = \"" + "x".repeat(2_000_000) + "\"\n}\nresource \"aws_ebs_volume\" \"v\" {\n  encrypted = false\n}\n";
    RecordingContext ctx = scan(scanner, "main.tf", text);
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).extracting(f -> f.location().startLine()).containsExactly(5);
  }

  @Test
  void windowsLineEndingsGiveTheSameFindingsOnTheSameLines() throws Exception {
    String unix = "# comment\r\nresource \"aws_db_instance\" \"d\" {\n  publicly_accessible = true\n  policy = <<-EOT\n    x\n  EOT\n}\n";
    RecordingContext lf = scan(scanner, "main.tf", unix.replace("\r\n", "\n"));
    RecordingContext crlf = scan(scanner, "main.tf", unix.replace("\r\n", "\n").replace("\n", "\r\n"));
    assertThat(crlf.errors()).isEmpty();
    assertThat(crlf.findings()).extracting(f -> f.ruleId() + "@" + f.location().startLine())
        .containsExactlyElementsOf(lf.findings().stream().map(f -> f.ruleId() + "@" + f.location().startLine()).toList())
        .contains("terraform/aws/rds-publicly-accessible@3");
  }

  @Test
  void byteOrderMarkIsAccepted() throws Exception {
    RecordingContext ctx = scan(scanner, "main.tf", "\uFEFFresource \"aws_ebs_volume\" \"v\" {\n  encrypted = false\n}\n");
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).hasSize(1);
  }

  @Test
  void oneBrokenFileDoesNotStopTheOthers() throws Exception {
    RecordingContext ctx = new RecordingContext();
    scanner.scan(List.of(SourceFile.of("a/broken.tf", "resource {"), SourceFile.of("b/main.tf",
        "resource \"aws_ebs_volume\" \"v\" {\n  encrypted = false\n}\n")), ctx);
    assertThat(ctx.errors()).extracting(Coverage.ScanError::path).containsExactly("a/broken.tf");
    assertThat(ctx.findings()).extracting(Finding::ruleId).containsExactly("terraform/aws/ebs-unencrypted");
  }

  @Test
  void emptyAndCommentOnlyFilesAreFine() throws Exception {
    for (String text : new String[] {"", "\n\n", "# only a comment", "/* block */", "// x\r\n"}) {
      RecordingContext ctx = scan(scanner, "main.tf", text);
      assertThat(ctx.errors()).as("%s", text).isEmpty();
      assertThat(ctx.findings()).isEmpty();
    }
  }

  @Test
  void interpolationsAndUnknownValuesAreNeverJudged() throws Exception {
    String text = """
        resource "aws_s3_bucket_acl" "a" {
          acl = "${var.prefix}public-read"
        }
        resource "aws_db_instance" "d" {
          storage_encrypted   = var.encrypt
          publicly_accessible = var.env == "dev"
        }
        resource "aws_security_group_rule" "r" {
          type        = "ingress"
          from_port   = var.port
          to_port     = var.port
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }
        """;
    RecordingContext ctx = scan(scanner, "main.tf", text);
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).isEmpty();
  }

  @Test
  void cyclicLocalsEndWithoutAnswer() throws Exception {
    String text = "locals {\n  a = local.b\n  b = local.a\n}\nresource \"aws_ebs_volume\" \"v\" {\n  encrypted = local.a\n}\n";
    RecordingContext ctx = scan(scanner, "main.tf", text);
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).isEmpty();
  }

  @Test
  void aFailingCheckIsAnErrorAndTheOtherChecksStillReport() throws Exception {
    TerraformRule broken = new TerraformRule() {
      @Override
      public dev.shipgate.core.model.Rule rule() {
        return dev.shipgate.scanner.terraform.rules.SnsUnencryptedRule.RULE;
      }

      @Override
      public void check(Module module, Report out) {
        throw new IllegalStateException("boom");
      }
    };
    TerraformScanner withBroken = new TerraformScanner(List.of(broken, new dev.shipgate.scanner.terraform.rules.EbsUnencryptedRule()));
    RecordingContext ctx = new RecordingContext();
    withBroken.scan(List.of(SourceFile.of("app/main.tf", "resource \"aws_ebs_volume\" \"v\" {\n  encrypted = false\n}\n")), ctx);
    assertThat(ctx.errors()).singleElement().satisfies(e -> {
      assertThat(e.path()).isEqualTo("app/main.tf");
      assertThat(e.message()).contains("terraform/aws/sns-unencrypted", "boom");
    });
    assertThat(ctx.findings()).extracting(Finding::ruleId).containsExactly("terraform/aws/ebs-unencrypted");
  }
}
