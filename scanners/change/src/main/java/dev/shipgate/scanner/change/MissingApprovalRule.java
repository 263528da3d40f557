package dev.shipgate.scanner.change;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import java.util.function.Consumer;

/** A sensitive tier of the change lacks the owner approvals the policy requires. */
final class MissingApprovalRule extends ChangeRule {

  static final Rule RULE = rule("review/missing-approval")
      .title("Sensitive change lacks the required owner approvals")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-862")
      .description("The change touches a risk tier (authentication, permission checks, cryptography, payments, "
          + "infrastructure, CI, dependencies or security configuration, by path or by the lines it adds or removes) "
          + "whose policy requires approval by its owners, and not enough of them have approved this exact change. "
          + "AI-assisted changes need extra approvals in these tiers.")
      .fix("Ask the owners named in the finding to review and approve: on the code host (CI passes the review list "
          + "with --reviews) or with `shipgate approve --tier TIER`, committing the signed record. Approvals by the "
          + "change's own authors, by non-owners, for older commits or for another change do not count.")
      .tags("ssdf:PW.7.2", "ssdf:PO.2.1", "soc2:CC8.1", "iso27001:2022-A.8.32", "iso27001:2022-A.5.3")
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
    for (Tier tier : g.policy.tiers().values()) {
      if (!tier.security() && g.tiers.containsKey(tier.name()) && tier.required(g.aiAssisted()) > 0) {
        Approvals.judge(g, tier, this).ifPresent(out);
      }
    }
  }
}
