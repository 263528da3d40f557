package dev.shipgate.scanner.change;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import java.util.function.Consumer;

/** A CODEOWNERS line GitHub skips, leaving files without the owner the author meant to require. */
final class CodeOwnersMalformedRule extends ChangeRule {

  // No CWE: a skipped ownership line is a process gap in the repository's configuration, not a software weakness.
  static final Rule RULE = rule("review/codeowners-malformed")
      .title("CODEOWNERS line is malformed and silently ignored")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .description("A line of CODEOWNERS uses syntax GitHub does not support (negation, character ranges) or names "
          + "something that is not an owner. GitHub skips such lines without telling anyone, so the files they were "
          + "meant to protect need no owner review, and the gate cannot take owners from them either.")
      .fix("Rewrite the line with supported syntax: a gitignore-style pattern followed by @user, @org/team or e-mail "
          + "owners. Split a negated pattern into positive patterns listed after the general one (the last match wins).")
      .tags("ssdf:PO.2.1", "soc2:CC8.1", "iso27001:2022-A.5.3")
      .build();

  @Override
  Rule rule() {
    return RULE;
  }

  @Override
  void check(Governance g, Consumer<Finding> out) {
    for (CodeOwners.Problem p : g.currentCodeOwners.problems()) {
      out.accept(finding(g.currentCodeOwners.path(), p.line(), "codeowners:" + p.message())
          .message(g.currentCodeOwners.path() + " line " + p.line() + ": " + p.message()).build());
    }
  }
}
