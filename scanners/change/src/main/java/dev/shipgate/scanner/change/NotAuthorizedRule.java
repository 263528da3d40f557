package dev.shipgate.scanner.change;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import java.util.function.Consumer;

/** A signed record by someone the policy does not allow to approve what it approves. */
final class NotAuthorizedRule extends ChangeRule {

  static final Rule RULE = rule("approval/not-authorized")
      .title("Approval record signed by someone not allowed to approve it")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-863")
      .description("A validly signed approval names a tier whose owners (from the policy or CODEOWNERS) do not include "
          + "the approver, or a tier the policy does not define, or it accepts a finding (fingerprint, rule or waiver) "
          + "without being a security owner. The signature is genuine, but the approver's role does not cover what "
          + "was approved, so it does not count.")
      .fix("Ask an owner listed in the finding to approve instead. If the approver should be an owner, add them in a "
          + "separate change to CODEOWNERS, scanners.change.tiers.<tier>.owners, security_owners or a team's members.")
      .tags("iso27001:2022-A.5.3", "soc2:CC8.1", "ssdf:PO.2.1")
      .build();

  @Override
  Rule rule() {
    return RULE;
  }

  @Override
  void check(Governance g, Consumer<Finding> out) {
    for (Governance.Grant gr : g.grants) {
      if (gr.source() != Governance.Source.RECORD || !gr.current() || g.isAuthor(gr.identity())) {
        continue;
      }
      Tier tier = g.policy.tiers().get(gr.tier());
      String why = null;
      if (tier == null) {
        why = "names tier '" + gr.tier() + "', which the policy does not define (tiers: "
            + String.join(", ", g.policy.tiers().keySet()) + ")";
      } else if (g.tiers.containsKey(tier.name())) {
        Governance.Requirement r = g.requirement(tier);
        if (!g.mayApprove(gr.identity(), r)) {
          why = r.anyone() ? "approves tier '" + tier.name() + "', which needs a security owner, and none is configured"
              : "approves tier '" + tier.name() + "', whose owners are " + String.join(", ", r.owners()) + " (from "
                  + r.ownerSource() + "); " + gr.identity() + " is not one of them";
        }
      }
      if (why != null) {
        out.accept(finding(gr.path(), gr.line(), "not-authorized:" + gr.path()).message(gr.where() + " " + why).build());
      }
    }
    for (Records.Verified v : g.acceptances) {
      String approver = v.record().approver();
      if (!g.identities.satisfiesAny(approver, g.policy.securityOwners())) {
        out.accept(finding(v.path(), 1, "not-authorized:" + v.path())
            .message(v.path() + ": " + approver + " accepts " + v.record().subject() + ", which only a security owner "
                + "may do (" + (g.policy.securityOwners().isEmpty() ? "none is configured in scanners.change.security_owners"
                : "security owners: " + String.join(", ", g.policy.securityOwners())) + ")")
            .build());
      }
    }
  }
}
