package dev.shipgate.scanner.terraform.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.terraform.Fixes;
import dev.shipgate.scanner.terraform.Module;
import dev.shipgate.scanner.terraform.Report;
import dev.shipgate.scanner.terraform.Resource;
import dev.shipgate.scanner.terraform.TerraformRule;
import java.util.List;

/** An SNS topic without a KMS key: unlike SQS, SNS does not encrypt at rest by default. */
public final class SnsUnencryptedRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/aws/sns-unencrypted", "terraform")
      .title("SNS topic is not encrypted at rest")
      .severity(Severity.LOW)
      .confidence(Confidence.HIGH)
      .cwe("CWE-311")
      .description("SNS stores messages until they are delivered, and without `kms_master_key_id` it stores them "
          + "unencrypted: SNS has no default server-side encryption. Topics that carry alerts, orders or personal data "
          + "should be encrypted, which also lets the key policy decide who may publish.")
      .fix("Set `kms_master_key_id = \"alias/aws/sns\"` (the AWS managed key) or a customer managed key whose policy allows "
          + "the publishing services to use it.")
      .tags("owasp-top10:A02:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.24", "soc2:CC6.7")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Module m, Report out) {
    for (Resource r : m.resources("aws_sns_topic")) {
      if (r.attribute("kms_master_key_id") == null) {
        out.add(RULE, r, r.block().start(), "kms_master_key_id", r.address() + " has no kms_master_key_id, so messages are stored unencrypted",
            Fixes.insert(r, r.block(), List.of("kms_master_key_id = \"alias/aws/sns\""), "encrypt the topic with the AWS managed key alias/aws/sns"));
      }
    }
  }
}
