package dev.shipgate.scanner.change;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import java.util.function.Consumer;

/** The change edits the gate itself (policy, waivers, baseline, trusted keys, CODEOWNERS) without a security owner's approval. */
final class GatePolicyChangeRule extends ChangeRule {

  static final Rule RULE = rule("review/gate-policy-change")
      .title("Change to the gate's policy, waivers or ownership lacks a security owner's approval")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-862", "CWE-284")
      .description("The change edits shipgate.yml, the waiver file, the baseline, the trusted keys or CODEOWNERS: "
          + "the files that decide what the gate lets through and who may approve. Such a change always needs a "
          + "security owner's approval, whatever else the policy relaxes, or an author could approve their own bypass.")
      .fix("Have a security owner (scanners.change.security_owners, else the CODEOWNERS owner of the file) approve "
          + "the change on the code host or with `shipgate approve --tier gate-policy`. If no security owners are "
          + "configured, add them to scanners.change.security_owners in a change approved by the current owners.")
      .tags("ssdf:PO.2.1", "ssdf:PW.7.2", "soc2:CC8.1", "iso27001:2022-A.8.32", "iso27001:2022-A.5.3")
      .build();

  @Override
  Rule rule() {
    return RULE;
  }

  @Override
  void check(Governance g, Consumer<Finding> out) {
    if (g.staged()) {
      return;
    }
    Tier tier = g.policy.tiers().get(ChangePolicy.GATE_POLICY_TIER);
    if (tier != null && g.tiers.containsKey(tier.name())) {
      Approvals.judge(g, tier, this).ifPresent(out);
    }
  }
}
