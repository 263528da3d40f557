package dev.shipgate.scanner.change;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** The note lists a file as generated or modified that the change does not touch. */
final class NoteNamesUnchangedFileRule extends ChangeRule {

  static final Rule RULE = rule("ai/note-names-unchanged-file")
      .title("AI change note names a file that is not in the change")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-1059")
      .description("The note's list of files generated or heavily modified by an assistant names a path this change "
          + "does not add, modify, rename or delete. Either the note was copied from another change, or the files the "
          + "assistant wrote are elsewhere: in both cases reviewers are pointed at the wrong code.")
      .fix("List exactly the repository paths (relative to the repository root) that the assistant generated or "
          + "heavily modified in this change, as list items under the 'Files generated or heavily modified' heading.")
      .tags("owasp-llm:LLM09:2025", "ssdf:PS.3.1", "ssdf:PW.7.2")
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
    Set<String> changed = new TreeSet<>(g.change.paths());
    for (ChangeNote.Item item : n.note().namedFiles()) {
      if (!changed.contains(item.value())) {
        String path = n.repoPath() != null ? n.repoPath() : g.anchor();
        out.accept(finding(path, n.repoPath() != null ? item.line() : 0, "note-names:" + item.value())
            .message("the change note " + n.displayPath() + " (line " + item.line() + ") names " + item.value()
                + ", which this change does not touch; list only files of this change (" + changed.size()
                + " changed since " + g.baseRef + ")")
            .build());
      }
    }
  }
}
