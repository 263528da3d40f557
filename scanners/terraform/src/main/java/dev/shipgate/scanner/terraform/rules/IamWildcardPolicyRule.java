package dev.shipgate.scanner.terraform.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.terraform.Module;
import dev.shipgate.scanner.terraform.Policies;
import dev.shipgate.scanner.terraform.Report;
import dev.shipgate.scanner.terraform.Resource;
import dev.shipgate.scanner.terraform.TerraformRule;
import dev.shipgate.scanner.terraform.hcl.Block;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An IAM policy statement allowing every action ({@code *}) on every resource ({@code *}): full administrator
 * rights. Policies written with {@code jsonencode}, as JSON strings or heredocs, and as
 * {@code aws_iam_policy_document} data blocks are read.
 */
public final class IamWildcardPolicyRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/aws/iam-wildcard-policy", "terraform")
      .title("IAM policy allows all actions on all resources")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-250", "CWE-732")
      .description("A statement with `Effect: Allow`, `Action: \"*\"` and `Resource: \"*\"` is the AdministratorAccess "
          + "policy: whoever holds it (a role assumed by an application, a CI user, a Lambda function) can read every "
          + "secret, delete every resource and create new users and keys. A stolen credential or an SSRF in the "
          + "application then means the loss of the whole account.")
      .fix("Grant only the actions and resources the principal needs (e.g. `s3:GetObject` on one bucket ARN); start from "
          + "IAM Access Analyzer's policy generation based on CloudTrail activity, and keep administrator access for "
          + "break-glass roles managed outside the application's Terraform.")
      .tags("cis-aws:1.16", "owasp-top10:A01:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.2", "soc2:CC6.3")
      .build();

  private static final List<String> POLICY_TYPES = List.of("aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Module m, Report out) {
    Set<String> reported = new HashSet<>();
    Map<String, Integer> counts = new HashMap<>();
    List<Policies.Statement> statements = new ArrayList<>();
    for (Resource d : m.data("aws_iam_policy_document")) {
      statements.addAll(Policies.document(m, d));
    }
    for (Resource r : m.resources(POLICY_TYPES.toArray(String[]::new))) {
      statements.addAll(Policies.of(m, r, r.attribute("policy")));
    }
    for (Resource r : m.resources("aws_iam_role")) {
      for (Block inline : r.blocks("inline_policy")) {
        statements.addAll(Policies.of(m, r, inline.attribute("policy")));
      }
    }
    for (Policies.Statement s : statements) {
      boolean anyAction = s.actions().contains("*") || s.actions().contains("*:*");
      if (s.allows() && anyAction && s.resources().contains("*") && reported.add(s.where().file().path() + ":" + s.offset())) {
        int nth = counts.merge(s.where().address(), 1, Integer::sum);
        out.add(RULE, s.where(), s.offset(), "admin-statement-" + nth,
            s.where().address() + " allows every action on every resource (administrator access)", null);
      }
    }
  }
}
