package dev.shipgate.scanner.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.FixtureRunner;
import dev.shipgate.testing.RecordingContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;

/** Checks that need several files: a module is a directory, and its files refer to each other. */
class ProjectScanTest {

  private final TerraformScanner scanner = new TerraformScanner();
  private final FixtureRunner runner = new FixtureRunner(scanner);

  private static final String BUCKET = """
      resource "aws_s3_bucket" "data" {
        bucket = var.bucket_name
        acl    = var.acl
      }
      """;

  private static final String CONTROLS = """
      resource "aws_s3_bucket_public_access_block" "data" {
        bucket                  = aws_s3_bucket.data.id
        block_public_acls       = true
        block_public_policy     = true
        ignore_public_acls      = true
        restrict_public_buckets = true
      }
      resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
        bucket = aws_s3_bucket.data.bucket
        rule {
          apply_server_side_encryption_by_default {
            sse_algorithm = "aws:kms"
          }
        }
      }
      resource "aws_s3_bucket_logging" "data" {
        bucket        = aws_s3_bucket.data.id
        target_bucket = "acme-logs"
      }
      """;

  private static final String VARIABLES = """
      variable "bucket_name" {
        type    = string
        default = "acme-data"
      }
      variable "acl" {
        default = "public-read"
      }
      """;

  private List<Finding> scan(SourceFile... files) throws Exception {
    RecordingContext ctx = new RecordingContext();
    List<Finding> findings = runner.run(List.of(files), ctx);
    assertThat(ctx.errors()).isEmpty();
    return findings;
  }

  @Test
  void controlsInAnotherFileOfTheModuleCountForTheBucket() throws Exception {
    List<Finding> findings = scan(SourceFile.of("infra/s3.tf", BUCKET), SourceFile.of("infra/controls.tf", CONTROLS),
        SourceFile.of("infra/variables.tf", VARIABLES));
    assertThat(findings).extracting(Finding::ruleId).containsExactly("terraform/aws/s3-public-acl");
    Finding acl = findings.get(0);
    assertThat(acl.location().path()).isEqualTo("infra/s3.tf");
    assertThat(acl.location().startLine()).isEqualTo(3);
    assertThat(acl.message()).contains("public-read", "from the default of var.acl");
    assertThat(acl.fix()).as("the variable may serve other resources: no rewrite").isNull();
  }

  @Test
  void controlsInAnotherDirectoryAreAnotherModuleAndDoNotCount() throws Exception {
    List<Finding> findings = scan(SourceFile.of("infra/s3.tf", BUCKET), SourceFile.of("other/controls.tf", CONTROLS),
        SourceFile.of("infra/variables.tf", VARIABLES));
    assertThat(findings).extracting(Finding::ruleId).contains(
        "terraform/aws/s3-public-access-block-missing", "terraform/aws/s3-encryption-missing", "terraform/aws/s3-access-logging-disabled");
  }

  @Test
  void controlsMatchedByTheBucketsLiteralNameThroughAVariableDefault() throws Exception {
    String byName = CONTROLS.replace("aws_s3_bucket.data.id", "\"acme-data\"").replace("aws_s3_bucket.data.bucket", "\"acme-data\"");
    List<Finding> findings = scan(SourceFile.of("s3.tf", BUCKET), SourceFile.of("controls.tf", byName), SourceFile.of("variables.tf", VARIABLES));
    assertThat(findings).extracting(Finding::ruleId).containsExactly("terraform/aws/s3-public-acl");
  }

  @Test
  void variablesWithoutDefaultsAreUnknownAndNeverJudged() throws Exception {
    String vars = """
        variable "bucket_name" {}
        variable "acl" {
          type = string
        }
        """;
    List<Finding> findings = scan(SourceFile.of("s3.tf", BUCKET), SourceFile.of("controls.tf", CONTROLS), SourceFile.of("variables.tf", vars));
    assertThat(findings).isEmpty();
  }

  @Test
  void autoLoadedVariableFilesOverrideDefaultsInTerraformsOrder() throws Exception {
    String privateByDefault = VARIABLES.replace("default = \"public-read\"", "default = \"private\"");
    List<Finding> overridden = scan(SourceFile.of("s3.tf", BUCKET), SourceFile.of("controls.tf", CONTROLS),
        SourceFile.of("variables.tf", privateByDefault), SourceFile.of("terraform.tfvars", "acl = \"public-read-write\"\n"));
    assertThat(overridden).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo("terraform/aws/s3-public-acl");
      assertThat(f.message()).contains("public-read-write", "from var.acl in terraform.tfvars");
    });
    List<Finding> autoWins = scan(SourceFile.of("s3.tf", BUCKET), SourceFile.of("controls.tf", CONTROLS),
        SourceFile.of("variables.tf", VARIABLES), SourceFile.of("z.auto.tfvars.json", "{\"acl\": \"private\"}\n"),
        SourceFile.of("terraform.tfvars", "acl = \"public-read\"\n"));
    assertThat(autoWins).isEmpty();
  }

  @Test
  void onlyAutoLoadedVariableFilesAreRead() {
    assertThat(scanner.accepts("envs/prod/terraform.tfvars")).isTrue();
    assertThat(scanner.accepts("envs/prod/terraform.tfvars.json")).isTrue();
    assertThat(scanner.accepts("envs/prod/extra.auto.tfvars")).isTrue();
    assertThat(scanner.accepts("envs/prod/prod.tfvars")).isFalse();
  }

  @Test
  void anAccountWidePublicAccessBlockAnywhereCoversEveryBucket() throws Exception {
    String account = """
        resource "aws_s3_account_public_access_block" "this" {
          block_public_acls       = true
          block_public_policy     = true
          ignore_public_acls      = true
          restrict_public_buckets = true
        }
        """;
    List<Finding> findings = scan(SourceFile.of("app/s3.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n}\n"),
        SourceFile.of("account/main.tf", account));
    assertThat(findings).extracting(Finding::ruleId).doesNotContain("terraform/aws/s3-public-access-block-missing");
  }

  @Test
  void aBrokenFileSilencesAbsenceChecksForItsModuleOnly() throws Exception {
    RecordingContext ctx = new RecordingContext();
    List<Finding> findings = runner.run(List.of(
        SourceFile.of("app/s3.tf", "resource \"aws_s3_bucket\" \"b\" {\n  acl = \"public-read\"\n}\n"),
        SourceFile.of("app/controls.tf", "resource \"aws_s3_bucket_public_access_block\" \"b\" {\n  bucket = aws_s3_bucket.b.id\n"),
        SourceFile.of("other/s3.tf", "resource \"aws_s3_bucket\" \"c\" {\n}\n")), ctx);
    assertThat(ctx.errors()).singleElement().satisfies(e -> {
      assertThat(e.path()).isEqualTo("app/controls.tf");
      assertThat(e.line()).isEqualTo(1);
      assertThat(e.message()).contains("never closed");
    });
    assertThat(findings).filteredOn(f -> f.location().path().equals("app/s3.tf")).extracting(Finding::ruleId)
        .containsExactly("terraform/aws/s3-public-acl");
    assertThat(findings).filteredOn(f -> f.location().path().equals("other/s3.tf")).extracting(Finding::ruleId)
        .contains("terraform/aws/s3-public-access-block-missing");
  }

  @Test
  void localModuleSourcesAreScannedAsTheirOwnModules() throws Exception {
    String root = """
        module "net" {
          source = "./modules/net"
          cidr   = "0.0.0.0/0"
        }
        """;
    String module = """
        variable "cidr" {
          type = string
        }
        resource "aws_security_group_rule" "ssh" {
          type              = "ingress"
          from_port         = 22
          to_port           = 22
          protocol          = "tcp"
          cidr_blocks       = [var.cidr]
          security_group_id = "sg-1"
        }
        resource "aws_security_group_rule" "rdp" {
          type              = "ingress"
          from_port         = 3389
          to_port           = 3389
          protocol          = "tcp"
          cidr_blocks       = ["0.0.0.0/0"]
          security_group_id = "sg-1"
        }
        """;
    List<Finding> findings = scan(SourceFile.of("main.tf", root), SourceFile.of("modules/net/main.tf", module));
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.location().path()).isEqualTo("modules/net/main.tf");
      assertThat(f.location().startLine()).isEqualTo(17);
      assertThat(f.message()).contains("3389 (RDP)");
    });
  }

  @Test
  void findingsCarryALineIndependentContextKey() throws Exception {
    String text = "resource \"aws_ebs_volume\" \"v\" {\n  encrypted = false\n}\n";
    Finding a = scan(SourceFile.of("main.tf", text)).get(0);
    Finding b = scan(SourceFile.of("main.tf", "\n\n# moved down\n" + text)).get(0);
    assertThat(a.contextKey()).isEqualTo(b.contextKey()).contains("aws_ebs_volume.v");
    assertThat(a.location().startLine()).isNotEqualTo(b.location().startLine());
  }

  @Test
  void adminPortsFromThePolicyAreAddedToTheBuiltInList() throws Exception {
    Settings settings = Settings.of("shipgate.yml",
        new Compose(LoadSettings.builder().build()).composeString("admin_ports: [8500, 9090]\n").orElseThrow(), "scanners.terraform");
    String text = """
        resource "aws_security_group_rule" "consul" {
          type        = "ingress"
          from_port   = 8500
          to_port     = 8500
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }
        """;
    RecordingContext ctx = new RecordingContext(Path.of("."), settings);
    assertThat(runner.run(List.of(SourceFile.of("main.tf", text)), ctx)).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("8500"));
    assertThat(scan(SourceFile.of("main.tf", text))).isEmpty();
  }

  @Test
  void aMalformedAdminPortsListIsAPolicyErrorAndTheBuiltInListStillApplies() throws Exception {
    Settings settings = Settings.of("shipgate.yml",
        new Compose(LoadSettings.builder().build()).composeString("admin_ports: [ssh]\n").orElseThrow(), "scanners.terraform");
    RecordingContext ctx = new RecordingContext(Path.of("."), settings);
    String text = """
        resource "aws_security_group_rule" "r" {
          type        = "ingress"
          from_port   = 22
          to_port     = 22
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }
        """;
    assertThat(runner.run(List.of(SourceFile.of("main.tf", text)), ctx)).hasSize(1);
    assertThat(ctx.errors()).singleElement().satisfies(e -> {
      assertThat(e.path()).isEqualTo("shipgate.yml");
      assertThat(e.line()).isEqualTo(1);
      assertThat(e.message()).contains("admin_ports", "ssh");
    });
  }
}
