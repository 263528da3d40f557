package dev.shipgate.scanner.terraform.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.terraform.Module;
import dev.shipgate.scanner.terraform.Policies;
import dev.shipgate.scanner.terraform.Report;
import dev.shipgate.scanner.terraform.Resource;
import dev.shipgate.scanner.terraform.TerraformRule;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A bucket policy statement that allows {@code Principal: "*"} with no condition narrowing it. */
public final class S3PublicPolicyRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/aws/s3-public-policy", "terraform")
      .title("S3 bucket policy allows anyone")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-732", "CWE-284")
      .description("A bucket policy statement with `Effect: Allow` and `Principal: \"*\"` (or `{\"AWS\": \"*\"}`) and no "
          + "`Condition` grants its actions to every anonymous caller on the internet. Conditions on `aws:SourceVpce`, "
          + "`aws:PrincipalOrgID` or `aws:SourceArn` are what turn such a statement into a private one; without them, the "
          + "bucket is public for those actions.")
      .fix("Name the principals that need access (account, role or service ARNs), or add a `Condition` that limits the "
          + "statement (e.g. `aws:PrincipalOrgID`, `aws:SourceVpce`, or `aws:SourceArn` for a CloudFront distribution), and "
          + "keep `block_public_policy` and `restrict_public_buckets` true.")
      .tags("cis-aws:2.1.5", "owasp-top10:A01:2021", "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.3", "soc2:CC6.1")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Module m, Report out) {
    Set<String> reported = new HashSet<>();
    Map<String, Integer> counts = new HashMap<>();
    for (Resource r : m.resources("aws_s3_bucket_policy", "aws_s3_bucket")) {
      for (Policies.Statement s : Policies.of(m, r, r.attribute("policy"))) {
        if (s.allows() && s.publicPrincipal() && !s.conditioned()
            && reported.add(s.where().file().path() + ":" + s.offset())) {
          int nth = counts.merge(s.where().address(), 1, Integer::sum);
          out.add(RULE, s.where(), s.offset(), "public-statement-" + nth,
              (s.where().equals(r) ? r.address() : s.where().address() + " (used by " + r.address() + ")")
              + " allows " + (s.actions().isEmpty() ? "its actions" : String.join(", ", s.actions()))
              + " to any principal (\"*\") without a condition", null);
        }
      }
    }
  }
}
