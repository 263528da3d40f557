package dev.shipgate.scanner.change;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import java.util.function.Consumer;

/** Someone who wrote the change approved it (or accepted one of its findings). */
final class SelfApprovalRule extends ChangeRule {

  static final Rule RULE = rule("approval/self-approval")
      .title("Change approved by one of its own authors")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-284")
      .description("An approval of this change, or an acceptance of one of its findings, comes from an identity that "
          + "authored, committed or co-authored the change's commits (commit e-mail addresses are mapped to identities "
          + "through scanners.change.identities). Review exists to put a second person between a change and "
          + "production; a self-approval never counts.")
      .fix("Ask another owner of the tier to review and approve. If the approver did not write the change, check the "
          + "identity mapping in scanners.change.identities: an address listed under the wrong person makes them an author.")
      .tags("iso27001:2022-A.5.3", "soc2:CC8.1", "ssdf:PW.7.2", "iso27001:2022-A.8.32")
      .build();

  @Override
  Rule rule() {
    return RULE;
  }

  @Override
  void check(Governance g, Consumer<Finding> out) {
    for (Governance.Grant gr : g.grants) {
      if (gr.current() && g.isAuthor(gr.identity())) {
        out.accept(finding(gr.path() != null ? gr.path() : g.anchor(), gr.path() != null ? gr.line() : 0,
            "self:" + gr.identity() + "@" + gr.where() + "@" + g.change.id())
            .message(gr.where() + ": " + gr.identity() + " approves a change they wrote themselves; it does not count. "
                + "Authors of this change: " + String.join(", ", g.authors))
            .build());
      }
    }
    for (Records.Verified v : g.acceptances) {
      if (g.change.paths().contains(v.path()) && g.isAuthor(v.record().approver())) {
        out.accept(finding(v.path(), 1, "self:" + v.path())
            .message(v.path() + ": " + v.record().approver() + " accepts " + v.record().subject() + " in a change they "
                + "wrote themselves; it does not count. Authors of this change: " + String.join(", ", g.authors))
            .build());
      }
    }
  }
}
