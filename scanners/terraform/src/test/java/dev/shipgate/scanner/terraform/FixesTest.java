package dev.shipgate.scanner.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.FixtureRunner;
import dev.shipgate.testing.RecordingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fix, proven on a before/after pair: exact text, and a re-scan without the finding and nothing new. */
class FixesTest {

  private static final Path FIXES = Path.of("src/test/resources/fixes");
  private static final FixtureRunner RUNNER = new FixtureRunner(new TerraformScanner());

  static Stream<Arguments> pairs() {
    return Stream.of(
        Arguments.of("s3_acl", "terraform/aws/s3-public-acl", 2),
        Arguments.of("s3_block_flags", "terraform/aws/s3-public-access-block-disabled", 3),
        Arguments.of("s3_block_missing", "terraform/aws/s3-public-access-block-missing", 1),
        Arguments.of("s3_encryption", "terraform/aws/s3-encryption-missing", 1),
        Arguments.of("ebs", "terraform/aws/ebs-unencrypted", 3),
        Arguments.of("rds", "terraform/aws/rds-storage-unencrypted", 2),
        Arguments.of("rds_public", "terraform/aws/rds-publicly-accessible", 1),
        Arguments.of("azure_storage", null, 4),
        Arguments.of("azure_sql", "terraform/azure/sql-public-network-access", 1),
        Arguments.of("cloudtrail", "terraform/aws/cloudtrail-multi-region-disabled", 1),
        Arguments.of("alb_tabs", "terraform/aws/alb-access-logs-disabled", 1),
        Arguments.of("gcp_sql", "terraform/gcp/sql-ssl-not-required", 2),
        Arguments.of("sqs_sns", null, 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void fixTurnsBeforeIntoAfter(String dir, String ruleId, int fixes) throws Exception {
    List<Finding> applied = RUNNER.checkFix(FIXES.resolve(dir).resolve("main.tf.before"), FIXES.resolve(dir).resolve("main.tf.after"), ruleId);
    assertThat(applied).hasSize(fixes);
    assertThat(applied).allSatisfy(f -> assertThat(f.fix().description()).isNotBlank());
  }

  @Test
  void everyPairIsTested() throws Exception {
    try (Stream<Path> dirs = Files.list(FIXES)) {
      assertThat(dirs.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(pairs().map(a -> (String) a.get()[0]).toList());
    }
  }

  @Test
  void windowsLineEndingsAreKeptInInsertedAndAppendedText(@TempDir Path tmp) throws Exception {
    for (String[] pair : new String[][] {{"ebs", "terraform/aws/ebs-unencrypted"}, {"s3_block_missing", "terraform/aws/s3-public-access-block-missing"}}) {
      Path before = tmp.resolve(pair[0] + ".tf.before");
      Path after = tmp.resolve(pair[0] + ".tf.after");
      Files.writeString(before, Files.readString(FIXES.resolve(pair[0]).resolve("main.tf.before")).replace("\n", "\r\n"));
      Files.writeString(after, Files.readString(FIXES.resolve(pair[0]).resolve("main.tf.after")).replace("\n", "\r\n"));
      assertThat(RUNNER.checkFix(before, after, pair[1])).isNotEmpty();
    }
  }

  @Test
  void noFixWhenTheValueComesFromAVariableOrTheBlockIsOnOneLine() throws Exception {
    String text = """
        variable "acl" {
          default = "public-read"
        }
        resource "aws_s3_bucket" "b" {
          acl = var.acl
        }
        resource "aws_ebs_volume" "v" { size = 1 }
        resource "aws_s3_bucket" "many" {
          count  = 2
          bucket = "many-${count.index}"
        }
        """;
    List<Finding> findings = RUNNER.run(List.of(SourceFile.of("main.tf", text)), new RecordingContext());
    assertThat(findings).filteredOn(f -> f.ruleId().equals("terraform/aws/s3-public-acl"))
        .singleElement().satisfies(f -> {
          assertThat(f.fix()).isNull();
          assertThat(f.message()).contains("from the default of var.acl");
        });
    assertThat(findings).filteredOn(f -> f.ruleId().equals("terraform/aws/ebs-unencrypted"))
        .singleElement().satisfies(f -> assertThat(f.fix()).isNull());
    assertThat(findings).filteredOn(f -> f.ruleId().equals("terraform/aws/s3-public-access-block-missing")
            && f.message().contains("aws_s3_bucket.many"))
        .singleElement().satisfies(f -> assertThat(f.fix()).isNull());
  }
}
