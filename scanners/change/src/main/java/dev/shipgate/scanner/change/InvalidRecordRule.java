package dev.shipgate.scanner.change;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import java.util.function.Consumer;

/** An approval or waiver record that proves nothing: unsigned, tampered, signed by an untrusted key, or misplaced. */
final class InvalidRecordRule extends ChangeRule {

  static final Rule RULE = rule("approval/invalid-record")
      .title("Approval or waiver record fails verification")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-345", "CWE-347")
      .description("A file under .shipgate/approvals/ is not a valid signed record: it has no signature, its payload "
          + "was altered after signing, it is signed by a key that is not in scanners.change.trusted_keys or by another "
          + "identity's key than the approver it names, its content is malformed, or it was copied or renamed. It "
          + "approves nothing, and its presence fails the gate so that a forged approval is never silently ignored.")
      .fix("Delete the file and have the approver create a new record with `shipgate approve` or `shipgate waive`, "
          + "using their own key, whose public half the policy lists under scanners.change.trusted_keys.")
      .tags("ssdf:PS.2.1", "ssdf:PO.2.1", "soc2:CC8.1", "iso27001:2022-A.8.32")
      .build();

  @Override
  Rule rule() {
    return RULE;
  }

  @Override
  void check(Governance g, Consumer<Finding> out) {
    for (Records.Problem p : g.records.problems()) {
      if (p.kind() == Records.Kind.INVALID) {
        out.accept(finding(p.path(), p.line(), "invalid-record:" + p.path()).message(p.path() + ": " + p.message()).build());
      }
    }
  }
}
