package dev.shipgate.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline expectations in a fixture: {@code expect: RULE-ID[, RULE-ID]} marks a line that must be reported,
 * {@code ok: RULE-ID} a tricky line that must not. The marker sits in a comment ({@code //}, {@code #},
 * {@code <!--}, {@code --}, {@code ;}); at the end of a line it applies to that line, alone on a line it
 * applies to the next line that is not itself a marker (for formats without trailing comments, such as
 * {@code .properties}).
 */
public final class Expectations {

  /** One marked line. {@code expected} false means an {@code ok:} marker. */
  public record Mark(int line, String ruleId, boolean expected) {}

  private static final Pattern MARKER = Pattern.compile("(?://|#|<!--|--|;)\\s*(expect|ok):\\s*([a-z0-9./,\\s-]+?)\\s*(?:-->)?\\s*$");
  private static final Pattern ONLY_MARKER = Pattern.compile("^\\s*(?://|#|<!--|--|;)\\s*(expect|ok):.*$");

  private Expectations() {}

  public static List<Mark> parse(String text) {
    String[] lines = text.split("\r?\n", -1);
    List<Mark> marks = new ArrayList<>();
    List<String[]> pending = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i];
      Matcher m = MARKER.matcher(line);
      boolean hasMarker = m.find();
      if (hasMarker && ONLY_MARKER.matcher(line).matches()) {
        pending.add(new String[] {m.group(1), m.group(2)});
        continue;
      }
      if (!pending.isEmpty() && !line.isBlank()) {
        for (String[] p : pending) {
          add(marks, lineNo, p[0], p[1]);
        }
        pending.clear();
      }
      if (hasMarker) {
        add(marks, lineNo, m.group(1), m.group(2));
      }
    }
    if (!pending.isEmpty()) {
      throw new IllegalArgumentException("a marker at the end of the fixture applies to no line");
    }
    return marks;
  }

  private static final Pattern SIDECAR_LINE = Pattern.compile("\\s*([0-9]+)\\s+(expect|ok):\\s*([a-z0-9./,\\s-]+?)\\s*");

  /**
   * The marks of a binary fixture, kept beside it: {@code LINE expect|ok: RULE-ID[, RULE-ID]} per line, blank lines
   * and {@code #} comments ignored. A line of another shape is an error, so a typo cannot silently drop a mark.
   */
  public static List<Mark> parseSidecar(String text) {
    List<Mark> marks = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      Matcher m = SIDECAR_LINE.matcher(line);
      if (!m.matches()) {
        throw new IllegalArgumentException("line " + (i + 1) + " of an .expect file is not `LINE expect|ok: RULE-ID`: " + line);
      }
      add(marks, Integer.parseInt(m.group(1)), m.group(2), m.group(3));
    }
    return marks;
  }

  private static void add(List<Mark> marks, int line, String kind, String ids) {
    for (String id : ids.split(",")) {
      String trimmed = id.trim();
      if (!trimmed.isEmpty()) {
        marks.add(new Mark(line, trimmed, kind.equals("expect")));
      }
    }
  }
}
