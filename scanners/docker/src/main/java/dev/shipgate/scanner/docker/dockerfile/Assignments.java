package dev.shipgate.scanner.docker.dockerfile;

import java.util.ArrayList;
import java.util.List;

/** The {@code NAME=value} pairs of {@code ENV} (both forms) and {@code ARG} instructions. */
public final class Assignments {

  /**
   * One assignment.
   *
   * @param name the variable name
   * @param value the value with quotes removed, or null for {@code ARG NAME} without a default
   * @param valueStart index of the value's first character in the instruction's {@code args()}
   * @param valueEnd index just after the value
   * @param quoted whether the value was quoted as written
   */
  public record Assignment(String name, String value, int valueStart, int valueEnd, boolean quoted) {}

  private Assignments() {}

  public static List<Assignment> of(Instruction instruction) {
    String text = instruction.args().value();
    List<Words.Word> words = Words.split(text, instruction.escape());
    List<Assignment> out = new ArrayList<>();
    if (words.isEmpty()) {
      return out;
    }
    if (instruction.is("ENV") && words.get(0).value().indexOf('=') < 0) {
      // Legacy form: ENV NAME the rest of the line is the value.
      Words.Word name = words.get(0);
      if (words.size() > 1) {
        int from = words.get(1).start();
        String raw = text.substring(from).strip();
        out.add(new Assignment(name.value(), unquote(raw), from, from + raw.length(), raw.startsWith("\"") || raw.startsWith("'")));
      }
      return out;
    }
    for (Words.Word w : words) {
      String raw = text.substring(w.start(), w.end());
      int eq = raw.indexOf('=');
      if (eq < 0) {
        out.add(new Assignment(w.value(), null, w.end(), w.end(), false));
        continue;
      }
      String name = raw.substring(0, eq);
      int valueEq = w.value().indexOf('=');
      String value = valueEq < 0 ? "" : w.value().substring(valueEq + 1);
      char first = eq + 1 < raw.length() ? raw.charAt(eq + 1) : 0;
      out.add(new Assignment(name, value, w.start() + eq + 1, w.end(), first == '"' || first == '\''));
    }
    return out;
  }

  private static String unquote(String raw) {
    if (raw.length() >= 2 && ((raw.startsWith("\"") && raw.endsWith("\"")) || (raw.startsWith("'") && raw.endsWith("'")))) {
      return raw.substring(1, raw.length() - 1);
    }
    return raw;
  }
}
