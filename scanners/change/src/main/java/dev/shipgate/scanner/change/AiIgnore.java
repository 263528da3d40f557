package dev.shipgate.scanner.change;

import java.util.ArrayList;
import java.util.List;

/**
 * The section of a coding assistant's ignore file ({@code .aiexclude}, {@code .cursorignore}, ...) that shipgate
 * manages: the policy's sensitive paths between two marker lines. Lines outside the markers belong to the user and are
 * kept as they are.
 */
public final class AiIgnore {

  static final String BEGIN = "# >>> shipgate ai-ignore: managed from scanners.change.ai_ignore in shipgate.yml; "
      + "regenerate with `shipgate ai-ignore` >>>";
  static final String END = "# <<< shipgate ai-ignore <<<";

  /** An ignore file whose markers are broken, so the managed section cannot be found safely. */
  public static final class MarkerException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    MarkerException(int line, String message) {
      super(message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  /** Where the managed section stands, 1-based and inclusive of the markers; 0 when there is none. */
  public record Section(int begin, int end, List<String> lines) {}

  private AiIgnore() {}

  /** The managed section's body for these sensitive paths. */
  public static List<String> body(List<String> sensitivePaths) {
    return List.copyOf(sensitivePaths);
  }

  public static Section find(String text) throws MarkerException {
    String[] lines = text.split("\r?\n", -1);
    int begin = 0;
    int end = 0;
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.equals(BEGIN)) {
        if (begin != 0) {
          throw new MarkerException(i + 1, "a second managed-section start marker (the first is on line " + begin + ")");
        }
        begin = i + 1;
      } else if (l.equals(END)) {
        if (begin == 0 || end != 0) {
          throw new MarkerException(i + 1, "a managed-section end marker without a start marker before it");
        }
        end = i + 1;
      }
    }
    if (begin != 0 && end == 0) {
      throw new MarkerException(begin, "the managed section starts here but has no end marker (" + END + ")");
    }
    List<String> body = new ArrayList<>();
    for (int i = begin; i < end - 1; i++) {
      if (!lines[i].isBlank()) {
        body.add(lines[i].strip());
      }
    }
    return new Section(begin, end, body);
  }

  /** Whether the file's managed section lists exactly these paths. */
  public static boolean current(String text, List<String> sensitivePaths) throws MarkerException {
    Section s = find(text);
    return s.begin() != 0 && s.lines().equals(body(sensitivePaths));
  }

  /** The file's new text: the managed section replaced (or appended), every other line kept. */
  public static String update(String text, List<String> sensitivePaths) throws MarkerException {
    Section s = find(text);
    StringBuilder section = new StringBuilder(BEGIN).append('\n');
    for (String p : body(sensitivePaths)) {
      section.append(p).append('\n');
    }
    section.append(END).append('\n');
    if (s.begin() == 0) {
      if (text.isEmpty()) {
        return section.toString();
      }
      return text + (text.endsWith("\n") ? "" : "\n") + "\n" + section;
    }
    String[] lines = text.split("\r?\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.begin() - 1; i++) {
      out.append(lines[i]).append('\n');
    }
    out.append(section);
    for (int i = s.end(); i < lines.length; i++) {
      out.append(lines[i]);
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }
}
