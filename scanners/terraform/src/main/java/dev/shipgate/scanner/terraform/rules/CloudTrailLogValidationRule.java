package dev.shipgate.scanner.terraform.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.terraform.Module;
import dev.shipgate.scanner.terraform.Report;
import dev.shipgate.scanner.terraform.Resource;
import dev.shipgate.scanner.terraform.TerraformRule;

/** A CloudTrail trail without log file integrity validation. */
public final class CloudTrailLogValidationRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/aws/cloudtrail-log-validation-disabled", "terraform")
      .title("CloudTrail log file validation is off")
      .severity(Severity.LOW)
      .confidence(Confidence.HIGH)
      .cwe("CWE-354", "CWE-778")
      .description("`enable_log_file_validation` defaults to false. Without the signed digest files it produces, nobody can "
          + "prove that log files were not modified or deleted after delivery, and an intruder who reaches the log bucket "
          + "can erase the evidence of what they did unnoticed.")
      .fix("Set `enable_log_file_validation = true`, and protect the log bucket with S3 Object Lock or a separate "
          + "logging account.")
      .tags("cis-aws:3.2", "owasp-top10:A09:2021", "ssdf:PO.5.1", "iso27001:2022-A.8.15", "soc2:CC7.2")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Module m, Report out) {
    for (Resource r : m.resources("aws_cloudtrail")) {
      Flags.requireTrue(RULE, m, r, "enable_log_file_validation", "", out);
    }
  }
}
