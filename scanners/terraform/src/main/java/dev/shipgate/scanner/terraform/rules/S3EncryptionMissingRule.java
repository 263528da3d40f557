package dev.shipgate.scanner.terraform.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Fix;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.terraform.Module;
import dev.shipgate.scanner.terraform.Report;
import dev.shipgate.scanner.terraform.Resource;
import dev.shipgate.scanner.terraform.TerraformRule;

/**
 * An S3 bucket without a declared server-side encryption configuration. Low severity: since January 2023 S3
 * encrypts every new object with SSE-S3 anyway; what is missing is the explicit, auditable choice (and KMS).
 */
public final class S3EncryptionMissingRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/aws/s3-encryption-missing", "terraform")
      .title("S3 bucket declares no default encryption")
      .severity(Severity.LOW)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-311")
      .description("The bucket has neither an inline `server_side_encryption_configuration` nor an "
          + "`aws_s3_bucket_server_side_encryption_configuration` resource. Since January 2023 AWS applies SSE-S3 to new "
          + "objects by default, so data is not stored in clear text; but the configuration does not state the choice, "
          + "and SSE-S3 keys cannot be restricted or audited the way a KMS key can, which many compliance regimes expect.")
      .fix("Add an `aws_s3_bucket_server_side_encryption_configuration` for the bucket with `sse_algorithm = \"aws:kms\"` "
          + "(and your own `kms_master_key_id` for sensitive data, plus `bucket_key_enabled = true` to keep KMS costs down).")
      .tags("cis-aws:2.1.1", "owasp-top10:A02:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.24", "soc2:CC6.7")
      .build();

  static final String TYPE = "aws_s3_bucket_server_side_encryption_configuration";

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Module m, Report out) {
    if (!m.complete() || S3.unmatched(m, TYPE)) {
      return;
    }
    for (Resource bucket : m.resources("aws_s3_bucket")) {
      if (bucket.blocks("server_side_encryption_configuration").isEmpty() && !S3.attached(m, bucket, TYPE)) {
        out.add(RULE, bucket, bucket.block().start(), "encryption",
            bucket.address() + " declares no server-side encryption; S3 applies SSE-S3 by default, but the key choice is not stated or auditable",
            fix(m, bucket));
      }
    }
  }

  private static Fix fix(Module m, Resource bucket) {
    return S3.attachFix(m, bucket, TYPE, "  rule {\n"
        + "    apply_server_side_encryption_by_default {\n"
        + "      sse_algorithm = \"aws:kms\"\n"
        + "    }\n"
        + "    bucket_key_enabled = true\n"
        + "  }\n",
        "add an aws_s3_bucket_server_side_encryption_configuration using SSE-KMS");
  }
}
