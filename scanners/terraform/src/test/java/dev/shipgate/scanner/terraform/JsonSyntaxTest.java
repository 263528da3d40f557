package dev.shipgate.scanner.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.fix.FixApplier;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.FixtureRunner;
import dev.shipgate.testing.RecordingContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code *.tf.json}: the same rules over Terraform's JSON syntax, mixed with native files of the same module. */
class JsonSyntaxTest {

  private final TerraformScanner scanner = new TerraformScanner();
  private final FixtureRunner runner = new FixtureRunner(scanner);

  private static final String JSON = """
      {
        "variable": {
          "acl": { "default": "public-read" }
        },
        "resource": {
          "aws_s3_bucket": {
            "site": {
              "bucket": "acme-site",
              "acl": "${var.acl}"
            }
          },
          "aws_security_group": {
            "web": {
              "name": "web",
              "ingress": [
                { "from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"] },
                { "from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"] }
              ],
              "tags": { "Name": "web" }
            }
          },
          "aws_db_instance": {
            "db": {
              "engine": "postgres",
              "storage_encrypted": true,
              "publicly_accessible": true
            }
          }
        },
        "data": {
          "aws_iam_policy_document": {
            "admin": {
              "statement": [{ "actions": ["*"], "resources": ["*"] }]
            }
          }
        }
      }
      """;

  @Test
  void rulesApplyToJsonSyntaxOnTheLinesOfTheKeys() throws Exception {
    RecordingContext ctx = new RecordingContext();
    List<Finding> findings = runner.run(List.of(SourceFile.of("infra/main.tf.json", JSON),
        SourceFile.of("infra/controls.tf", """
            resource "aws_s3_bucket_public_access_block" "site" {
              bucket                  = aws_s3_bucket.site.id
              block_public_acls       = true
              block_public_policy     = true
              ignore_public_acls      = true
              restrict_public_buckets = true
            }
            resource "aws_s3_bucket_server_side_encryption_configuration" "site" {
              bucket = "acme-site"
              rule {
                apply_server_side_encryption_by_default {
                  sse_algorithm = "aws:kms"
                }
              }
            }
            """)), ctx);
    assertThat(ctx.errors()).isEmpty();
    assertThat(findings).extracting(f -> f.ruleId() + "@" + f.location().startLine()).containsExactlyInAnyOrder(
        "terraform/aws/s3-public-acl@9",
        "terraform/aws/s3-access-logging-disabled@7",
        "terraform/aws/security-group-open-admin-port@17",
        "terraform/aws/rds-publicly-accessible@26",
        "terraform/aws/iam-wildcard-policy@33");
  }

  @Test
  void valueFixesEditTheJsonAndInsertionsAreNotOffered() throws Exception {
    String text = """
        {
          "resource": {
            "aws_db_instance": {
              "db": { "engine": "mysql", "publicly_accessible": true }
            },
            "aws_ebs_volume": {
              "v": { "size": 10 }
            }
          }
        }
        """;
    List<Finding> findings = runner.run(List.of(SourceFile.of("main.tf.json", text)), new RecordingContext());
    Finding pub = findings.stream().filter(f -> f.ruleId().equals("terraform/aws/rds-publicly-accessible")).findFirst().orElseThrow();
    String patched = FixApplier.apply(List.of(pub), p -> text).patched().get("main.tf.json");
    assertThat(patched).contains("\"publicly_accessible\": false }");
    assertThat(findings).filteredOn(f -> f.ruleId().equals("terraform/aws/ebs-unencrypted")
            || f.ruleId().equals("terraform/aws/rds-storage-unencrypted"))
        .hasSize(2).allSatisfy(f -> assertThat(f.fix()).isNull());
  }

  @Test
  void malformedJsonIsAnErrorOnItsLine() throws Exception {
    RecordingContext ctx = new RecordingContext();
    scanner.scan(List.of(SourceFile.of("main.tf.json", "{\n  \"resource\": {\n    \"aws_s3_bucket\": {\n  }\n")), ctx);
    assertThat(ctx.errors()).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(5);
      assertThat(e.message()).startsWith("not valid Terraform JSON");
    });
    RecordingContext notObject = new RecordingContext();
    scanner.scan(List.of(SourceFile.of("main.tf.json", "[1, 2]\n")), notObject);
    assertThat(notObject.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("one JSON object"));
  }

  @Test
  void onlyTerraformJsonFilesAreAccepted() {
    assertThat(scanner.accepts("infra/main.tf.json")).isTrue();
    assertThat(scanner.accepts("infra/main.tf")).isTrue();
    assertThat(scanner.accepts("package.json")).isFalse();
    assertThat(scanner.accepts("infra/prod.tfvars.json")).isFalse();
    assertThat(scanner.accepts(".terraform/modules/vpc/main.tf")).isFalse();
    assertThat(scanner.accepts("envs/prod/.terraform/modules/vpc/main.tf")).isFalse();
  }
}
