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

/**
 * An SQS queue with SQS-managed encryption switched off and no KMS key. New queues are encrypted with SSE-SQS by
 * default, so only the explicit opt-out is judged.
 */
public final class SqsUnencryptedRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/aws/sqs-unencrypted", "terraform")
      .title("SQS queue encryption is switched off")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-311")
      .description("Since 2022 AWS encrypts new SQS queues with SQS-managed keys (SSE-SQS) by default. "
          + "`sqs_managed_sse_enabled = false` without a `kms_master_key_id` opts out, so messages (often carrying "
          + "personal data or tokens) sit unencrypted at rest for up to the retention period.")
      .fix("Remove `sqs_managed_sse_enabled = false` or set it to true, or set `kms_master_key_id` to a KMS key for "
          + "customer-controlled encryption.")
      .tags("owasp-top10:A02:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.24", "soc2:CC6.7")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Module m, Report out) {
    for (Resource r : m.resources("aws_sqs_queue")) {
      Attribute a = r.attribute("sqs_managed_sse_enabled");
      if (Boolean.FALSE.equals(m.bool(a)) && r.attribute("kms_master_key_id") == null) {
        out.add(RULE, r, a.start(), "sqs_managed_sse_enabled", r.address() + " sets sqs_managed_sse_enabled = false without a KMS key" + m.via(a.value()),
            Fixes.replace(r, a, true, "set sqs_managed_sse_enabled = true"));
      }
    }
  }
}
