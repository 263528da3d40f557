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
import dev.shipgate.scanner.terraform.hcl.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A canned ACL or an ACL grant that makes an S3 bucket readable (or writable) by anyone. */
public final class S3PublicAclRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/aws/s3-public-acl", "terraform")
      .title("S3 bucket has a public ACL")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-732", "CWE-284")
      .description("The canned ACL `public-read` lets anyone on the internet list and download the bucket's objects, "
          + "`public-read-write` also lets anyone upload and overwrite them (critical), and `authenticated-read` opens the "
          + "bucket to every AWS account in the world; explicit grants to the AllUsers or AuthenticatedUsers groups do the "
          + "same. Public buckets are the most common source of cloud data leaks.")
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
      grants(m, out, r);
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

  /** Explicit grants to the AllUsers or AuthenticatedUsers groups: a public ACL written out by hand. */
  private static void grants(Module m, Report out, Resource r) {
    List<Block> grants = new ArrayList<>(r.blocks("grant"));
    for (Block policy : r.blocks("access_control_policy")) {
      grants.addAll(policy.blocks("grant"));
    }
    for (int i = 0; i < grants.size(); i++) {
      Block grant = grants.get(i);
      Attribute uri = grant.attribute("uri");
      for (Block grantee : grant.blocks("grantee")) {
        uri = uri != null ? uri : grantee.attribute("uri");
      }
      String group = m.string(uri);
      if (group != null && (group.endsWith("/global/AllUsers") || group.endsWith("/global/AuthenticatedUsers"))) {
        String who = group.endsWith("AllUsers") ? "anyone (AllUsers)" : "every AWS account (AuthenticatedUsers)";
        out.add(RULE, r, uri.start(), "grant[" + i + "]:" + group,
            r.address() + " grants " + who + " access through an ACL grant", null);
      }
    }
  }
}
