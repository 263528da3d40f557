package dev.shipgate.scanner.change;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** The commits show AI assistance, the policy requires a note for such changes, and there is none. */
final class NoteMissingRule extends ChangeRule {

  static final Rule RULE = rule("ai/note-missing")
      .title("AI-assisted change has no change note")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-1059")
      .description("Commits of this change carry AI-assistance trailers (Assisted-by, Generated-by, or a Co-authored-by "
          + "naming a coding assistant) or were authored by an assistant, and the policy requires a note for such "
          + "changes: which tools were used, which files they generated, the security assumptions the code makes, and "
          + "what context was shared with the tools. Without it reviewers cannot tell what to scrutinise.")
      .fix("Add the note as .shipgate/notes/<branch>.md in the change, or pass the pull-request description with "
          + "--note-file. It needs four sections: Tools used; Files generated or heavily modified; Security assumptions; "
          + "Data handling. A policy may drop the requirement only with a reason (scanners.change.ai.require_note).")
      .tags("owasp-llm:LLM09:2025", "ssdf:PS.3.1", "ssdf:PW.7.2", "soc2:CC8.1", "iso27001:2022-A.8.32")
      .build();

  @Override
  Rule rule() {
    return RULE;
  }

  @Override
  void check(Governance g, Consumer<Finding> out) {
    if (!g.policy.requireNote() || g.ai.isEmpty() || g.note.isPresent()) {
      return;
    }
    List<AiAssistance.Evidence> shown = g.ai.subList(0, Math.min(3, g.ai.size()));
    String sections = String.join("; ", Arrays.stream(ChangeNote.Section.values()).map(ChangeNote.Section::heading).toList());
    out.accept(finding(g.anchor(), 0, "note-missing@" + g.change.id())
        .message("this change is AI-assisted (" + String.join("; ", shown.stream().map(Object::toString).toList())
            + (g.ai.size() > 3 ? "; and " + (g.ai.size() - 3) + " more" : "") + ") but has no change note: add "
            + String.join(" or ", g.noteCandidates) + " to the change, or pass the pull-request description with "
            + "--note-file; the note needs the sections " + sections)
        .build());
  }
}
