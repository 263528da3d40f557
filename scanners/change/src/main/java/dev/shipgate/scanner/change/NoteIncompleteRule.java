package dev.shipgate.scanner.change;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import java.util.List;
import java.util.function.Consumer;

/** The change note lacks a required section, or a section still holds only template text. */
final class NoteIncompleteRule extends ChangeRule {

  static final Rule RULE = rule("ai/note-incomplete")
      .title("AI change note is missing a section or still holds template text")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-1059")
      .description("The note of an AI-assisted change must say which tools were used, which files they generated or "
          + "heavily modified, what security assumptions the code makes and what context was shared with the tools. "
          + "A section that is absent, empty, or holds only placeholders (<...>, TODO, TBD) tells reviewers nothing.")
      .fix("Fill in each section named in the finding under a heading containing its name (e.g. '## Security "
          + "assumptions'), replacing every placeholder with what is true of this change.")
      .tags("owasp-llm:LLM09:2025", "ssdf:PS.3.1", "ssdf:PW.7.2", "soc2:CC8.1")
      .build();

  @Override
  Rule rule() {
    return RULE;
  }

  @Override
  void check(Governance g, Consumer<Finding> out) {
    if (g.note.isEmpty()) {
      return;
    }
    Governance.Note n = g.note.get();
    List<ChangeNote.Section> missing = n.note().incomplete();
    if (missing.isEmpty()) {
      return;
    }
    List<String> what = missing.stream()
        .map(s -> "'" + s.heading() + "' " + (n.note().line(s) == 0 ? "(no such heading)" : "(line " + n.note().line(s) + " has no content but template text)"))
        .toList();
    String path = n.repoPath() != null ? n.repoPath() : g.anchor();
    int line = n.repoPath() != null ? n.note().line(missing.get(0)) : 0;
    out.accept(finding(path, line, "note-incomplete:" + missing)
        .message("the change note " + n.displayPath() + " is incomplete: " + String.join(", ", what)
            + "; write what is true of this change under each heading")
        .build());
  }
}
