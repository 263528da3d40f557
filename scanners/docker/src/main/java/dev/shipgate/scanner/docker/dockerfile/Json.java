package dev.shipgate.scanner.docker.dockerfile;

import java.util.ArrayList;
import java.util.List;

/** The exec (JSON array) form of instructions: a JSON array of strings, or not JSON form at all. */
final class Json {

  private Json() {}

  /** The strings of a JSON array of strings, or null when the text is anything else (then it is shell form). */
  static List<String> stringArray(String text) {
    String t = text.strip();
    if (!t.startsWith("[") || !t.endsWith("]")) {
      return null;
    }
    List<String> out = new ArrayList<>();
    int i = skip(t, 1);
    if (i < t.length() - 1) {
      while (true) {
        if (t.charAt(i) != '"') {
          return null;
        }
        StringBuilder s = new StringBuilder();
        i++;
        while (i < t.length() && t.charAt(i) != '"') {
          char c = t.charAt(i);
          if (c == '\\') {
            if (i + 1 >= t.length()) {
              return null;
            }
            char e = t.charAt(++i);
            switch (e) {
              case 'n' -> s.append('\n');
              case 't' -> s.append('\t');
              case 'r' -> s.append('\r');
              case 'b' -> s.append('\b');
              case 'f' -> s.append('\f');
              case 'u' -> {
                if (i + 4 >= t.length()) {
                  return null;
                }
                try {
                  s.append((char) Integer.parseInt(t.substring(i + 1, i + 5), 16));
                } catch (NumberFormatException ex) {
                  return null;
                }
                i += 4;
              }
              default -> s.append(e);
            }
          } else {
            s.append(c);
          }
          i++;
        }
        if (i >= t.length()) {
          return null;
        }
        out.add(s.toString());
        i = skip(t, i + 1);
        if (i >= t.length()) {
          return null;
        }
        if (t.charAt(i) == ']') {
          break;
        }
        if (t.charAt(i) != ',') {
          return null;
        }
        i = skip(t, i + 1);
      }
    }
    return i == t.length() - 1 ? out : null;
  }

  private static int skip(String t, int i) {
    while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
      i++;
    }
    return i;
  }
}
