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
import java.util.ArrayList;
import java.util.List;

/** A public access block (bucket or account) with one of its four flags false or left at its default, false. */
public final class S3PublicAccessBlockDisabledRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/aws/s3-public-access-block-disabled", "terraform")
      .title("S3 public access block leaves a protection off")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-284")
      .description("Each of the four flags of an S3 public access block closes one path to a public bucket: "
          + "`block_public_acls` and `ignore_public_acls` neutralise public ACLs, `block_public_policy` and "
          + "`restrict_public_buckets` public bucket policies. In Terraform every flag defaults to false, so a block "
          + "that omits one, or sets it false, leaves that path open.")
      .fix("Set all four flags to true. If one bucket must serve public content, serve it through CloudFront with an "
          + "origin access control rather than opening the bucket.")
      .tags("cis-aws:2.1.5", "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.9", "soc2:CC6.1")
      .build();

  private static final List<String> FLAGS = List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Module m, Report out) {
    for (Resource r : m.resources("aws_s3_bucket_public_access_block", "aws_s3_account_public_access_block")) {
      List<String> missing = new ArrayList<>();
      for (String flag : FLAGS) {
        Attribute a = r.attribute(flag);
        if (a == null) {
          missing.add(flag);
        } else if (Boolean.FALSE.equals(m.bool(a))) {
          out.add(RULE, r, a.start(), flag, r.address() + " sets " + flag + " = false" + m.via(a.value()),
              Fixes.replace(r, a, true, "set " + flag + " = true"));
        }
      }
      if (!missing.isEmpty()) {
        List<String> lines = missing.stream().map(f -> f + " = true").toList();
        out.add(RULE, r, r.block().start(), "missing:" + String.join(",", missing),
            r.address() + " does not set " + String.join(", ", missing) + " (default false)",
            Fixes.insert(r, r.block(), lines, "set " + String.join(", ", missing) + " to true"));
      }
    }
  }
}
