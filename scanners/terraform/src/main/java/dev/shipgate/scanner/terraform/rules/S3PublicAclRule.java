package dev.shipgate.scanner.terraform.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.terraform.Fixes;
import dev.shipgate.scanner.terraform.Module;
import dev.shipgate.scanner.terraform.Report;
import dev.shipgate.scanner.terraform.Resource;
import dev.shipgate.scanner.terraform.TerraformRule;
import dev.shipgate.scanner.terraform.hcl.Attribute;
import java.util.Set;

/** A canned ACL that makes every object of an S3 bucket readable (or writable) by anyone. */
public final class S3PublicAclRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/aws/s3-public-acl", "terraform")
      .title("S3 bucket has a public canned ACL")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-732", "CWE-284")
      .description("The canned ACL `public-read` lets anyone on the internet list and download the bucket's objects, "
          + "`public-read-write` also lets anyone upload and overwrite them (critical), and `authenticated-read` opens the "
          + "bucket to every AWS account in the world. Public buckets are the most common source of cloud data leaks.")
      .fix("Set `acl = \"private\"` (or remove the ACL and set `object_ownership = \"BucketOwnerEnforced\"`), keep an "
          + "`aws_s3_bucket_public_access_block` with all four flags true, and serve public content through CloudFront with "
          + "an origin access control instead.")
      .tags("cis-aws:2.1.5", "owasp-top10:A01:2021", "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.3", "soc2:CC6.1")
      .build();

  private static final Set<String> PUBLIC = Set.of("public-read", "public-read-write", "authenticated-read");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Module m, Report out) {
    for (Resource r : m.resources("aws_s3_bucket", "aws_s3_bucket_acl")) {
      Attribute acl = r.attribute("acl");
      String value = m.string(acl);
      if (value != null && PUBLIC.contains(value)) {
        Severity severity = value.equals("public-read-write") ? Severity.CRITICAL : Severity.HIGH;
        out.add(RULE, r, acl.start(), "acl", r.address() + " has the canned ACL " + value + m.via(acl.value())
            + (value.equals("public-read-write") ? ": anyone can read and overwrite its objects" : ": its objects are readable beyond the account"),
            Fixes.replace(r, acl, "\"private\"", "set acl to \"private\""), severity);
      }
    }
  }
}
