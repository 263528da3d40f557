package dev.shipgate.scanner.terraform.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.terraform.Module;
import dev.shipgate.scanner.terraform.Report;
import dev.shipgate.scanner.terraform.Resource;
import dev.shipgate.scanner.terraform.TerraformRule;

/** A CloudTrail trail that records only its own region. */
public final class CloudTrailMultiRegionRule implements TerraformRule {

  public static final Rule RULE = Rule.builder("terraform/aws/cloudtrail-multi-region-disabled", "terraform")
      .title("CloudTrail trail records one region only")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-778")
      .description("`is_multi_region_trail` defaults to false, so the trail records API calls in its home region only. "
          + "An attacker with stolen credentials works in a region nobody watches (crypto-mining instances in an unused "
          + "region are the classic case), and global service events are easy to miss.")
      .fix("Set `is_multi_region_trail = true` (and keep `include_global_service_events = true`), or use an organization "
          + "trail that covers every account and region.")
      .tags("cis-aws:3.1", "owasp-top10:A09:2021", "ssdf:PO.5.1", "iso27001:2022-A.8.15", "soc2:CC7.2")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Module m, Report out) {
    for (Resource r : m.resources("aws_cloudtrail")) {
      Flags.requireTrue(RULE, m, r, "is_multi_region_trail", "", out);
    }
  }
}
