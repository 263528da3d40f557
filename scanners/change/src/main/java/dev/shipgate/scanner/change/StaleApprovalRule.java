package dev.shipgate.scanner.change;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import java.util.function.Consumer;

/** An approval given for an earlier state of the change (older head commit, different change id). */
final class StaleApprovalRule extends ChangeRule {

  // No CWE: an approval of an earlier revision is expected after new pushes; it is reported so people know to re-approve.
  static final Rule RULE = rule("approval/stale")
      .title("Approval is for an earlier state of the change")
      .severity(Severity.LOW)
      .confidence(Confidence.HIGH)
      .description("A code-host approval was given on a commit that is not the head being checked, or a signed "
          + "approval record names another change id than this change's (the files changed after it was signed). "
          + "What was approved is not what would ship, so the approval does not count until it is renewed.")
      .fix("Ask the approver to review the new commits and approve again on the code host, or to sign a new record "
          + "with `shipgate approve` against the current head; delete records that approve earlier states.")
      .tags("soc2:CC8.1", "iso27001:2022-A.8.32", "ssdf:PW.7.2")
      .build();

  @Override
  Rule rule() {
    return RULE;
  }

  @Override
  void check(Governance g, Consumer<Finding> out) {
    for (Governance.Grant gr : g.grants) {
      if (!gr.current()) {
        out.accept(finding(gr.path() != null ? gr.path() : g.anchor(), gr.path() != null ? gr.line() : 0,
            "stale:" + gr.identity() + "@" + gr.where())
            .message(gr.where() + ": the approval by " + gr.identity() + " does not count: " + gr.staleWhy()).build());
      }
    }
  }
}
