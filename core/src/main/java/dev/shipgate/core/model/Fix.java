package dev.shipgate.core.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A mechanical remediation of one finding: text edits that {@code shipgate fix} applies and then proves by
 * scanning the patched files again. Edits replace exact character ranges, so everything the fix does not
 * touch (formatting, comments) stays as it was.
 *
 * @param description one line saying what the fix does, e.g. "pin actions/checkout to its commit"
 * @param edits non-overlapping replacements, possibly in several files
 */
public record Fix(String description, List<Edit> edits) {

  public Fix {
    if (description == null || description.isBlank()) {
      throw new IllegalArgumentException("a fix needs a description");
    }
    if (edits == null || edits.isEmpty()) {
      throw new IllegalArgumentException("a fix needs at least one edit");
    }
    List<Edit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparing(Edit::path).thenComparingInt(Edit::start));
    for (int i = 1; i < sorted.size(); i++) {
      Edit a = sorted.get(i - 1);
      Edit b = sorted.get(i);
      if (a.path().equals(b.path()) && b.start() < a.end()) {
        throw new IllegalArgumentException("overlapping edits in " + a.path() + " at " + a.start() + " and " + b.start());
      }
    }
    edits = List.copyOf(sorted);
  }

  /** A fix made of a single edit. */
  public static Fix of(String description, Edit edit) {
    return new Fix(description, List.of(edit));
  }

  /**
   * Replaces the characters {@code [start, end)} of the decoded text ({@code SourceFile.text()}) of the file
   * at {@code path} (repository-relative, forward slashes) with {@code replacement}. {@code start == end}
   * inserts.
   */
  public record Edit(String path, int start, int end, String replacement) {

    public Edit {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(replacement, "replacement");
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("bad edit range [" + start + ", " + end + ") in " + path);
      }
    }

    public static Edit insert(String path, int at, String text) {
      return new Edit(path, at, at, text);
    }
  }
}
