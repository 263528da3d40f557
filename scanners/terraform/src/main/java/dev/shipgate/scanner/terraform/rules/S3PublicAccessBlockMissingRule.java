package dev.shipgate.scanner.terraform.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Fix;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.terraform.Module;
import dev.shipgate.scanner.terraform.Report;
import dev.shipgate.scanner.terraform.Resource;
import dev.shipgate.scanner.terraform.TerraformRule;

/** An S3 bucket with no {@code aws_s3_bucket_public_access_block} (and no account-wide block in the scan). */
public final class S3PublicAccessBlockMissingRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/aws/s3-public-access-block-missing", "terraform")
      .title("S3 bucket has no public access block")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-284")
      .description("S3 Block Public Access is the guard rail that stops a later ACL or bucket policy change from making a "
          + "bucket public. AWS turns it on for new buckets created in the console, but Terraform only keeps it when the "
          + "configuration declares an `aws_s3_bucket_public_access_block` (or an account-wide "
          + "`aws_s3_account_public_access_block`); without one, drift and imports can leave the bucket unprotected.")
      .fix("Add an `aws_s3_bucket_public_access_block` for the bucket with `block_public_acls`, `block_public_policy`, "
          + "`ignore_public_acls` and `restrict_public_buckets` all true, or manage the account-wide block.")
      .tags("cis-aws:2.1.5", "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.9", "soc2:CC6.1")
      .build();

  static final String TYPE = "aws_s3_bucket_public_access_block";

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Module m, Report out) {
    if (!m.complete() || S3.unmatched(m, TYPE) || !m.project().resources("aws_s3_account_public_access_block").isEmpty()) {
      return;
    }
    for (Resource bucket : m.resources("aws_s3_bucket")) {
      if (!S3.attached(m, bucket, TYPE)) {
        out.add(RULE, bucket, bucket.block().start(), "public-access-block",
            bucket.address() + " has no aws_s3_bucket_public_access_block, so nothing stops an ACL or policy from making it public",
            fix(m, bucket));
      }
    }
  }

  private static Fix fix(Module m, Resource bucket) {
    return S3.attachFix(m, bucket, TYPE, "  block_public_acls       = true\n"
        + "  block_public_policy     = true\n"
        + "  ignore_public_acls      = true\n"
        + "  restrict_public_buckets = true\n",
        "add an aws_s3_bucket_public_access_block blocking all public access");
  }
}
