package dev.shipgate.scanner.change;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import java.util.function.Consumer;

/** A signed approval or waiver whose expiry has passed. */
final class ExpiredRecordRule extends ChangeRule {

  // No CWE: an expired approval is a lapsed process decision, not a weakness in the software.
  static final Rule RULE = rule("approval/expired")
      .title("Approval or waiver record has expired")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .description("A signed approval or waiver record is past its expiry date. It no longer approves or waives "
          + "anything; like an expired entry of the waiver file it fails the gate, so that an accepted risk is looked "
          + "at again instead of lapsing silently.")
      .fix("Have the approver review the change or finding again and sign a new record with `shipgate approve` or "
          + "`shipgate waive` (with --expires), then delete the expired file.")
      .tags("soc2:CC8.1", "iso27001:2022-A.8.32", "ssdf:PW.7.2")
      .build();

  @Override
  Rule rule() {
    return RULE;
  }

  @Override
  void check(Governance g, Consumer<Finding> out) {
    for (Records.Problem p : g.records.problems()) {
      if (p.kind() == Records.Kind.EXPIRED) {
        out.accept(finding(p.path(), p.line(), "expired:" + p.path()).message(p.path() + ": " + p.message()).build());
      }
    }
  }
}
