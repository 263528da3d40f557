package dev.shipgate.scanner.docker.dockerfile;

import java.util.Map;
import java.util.Optional;

/**
 * Dockerfile variable substitution ({@code $NAME}, {@code ${NAME}}, {@code ${NAME:-default}},
 * {@code ${NAME:+alternative}} and their forms without the colon) over known {@code ARG}/{@code ENV} values.
 * A variable with no known value makes the whole result unknown, so rules never judge a guess.
 */
public final class Variables {

  private Variables() {}

  public static Optional<String> expand(String text, Map<String, String> values, char escape) {
    if (text.indexOf('$') < 0) {
      return Optional.of(text);
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == escape && i + 1 < n && text.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
        continue;
      }
      if (c != '$' || i + 1 >= n) {
        out.append(c);
        i++;
        continue;
      }
      if (text.charAt(i + 1) == '{') {
        int close = text.indexOf('}', i + 2);
        if (close < 0) {
          return Optional.empty();
        }
        Optional<String> v = braced(text.substring(i + 2, close), values);
        if (v.isEmpty()) {
          return v;
        }
        out.append(v.get());
        i = close + 1;
        continue;
      }
      int j = i + 1;
      while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
        j++;
      }
      if (j == i + 1) {
        out.append(c);
        i++;
        continue;
      }
      String value = values.get(text.substring(i + 1, j));
      if (value == null) {
        return Optional.empty();
      }
      out.append(value);
      i = j;
    }
    return Optional.of(out.toString());
  }

  private static Optional<String> braced(String inner, Map<String, String> values) {
    int op = 0;
    while (op < inner.length() && (Character.isLetterOrDigit(inner.charAt(op)) || inner.charAt(op) == '_')) {
      op++;
    }
    String name = inner.substring(0, op);
    String value = values.get(name);
    if (op == inner.length()) {
      return Optional.ofNullable(value);
    }
    boolean colon = inner.charAt(op) == ':';
    int kind = colon ? op + 1 : op;
    if (kind >= inner.length()) {
      return Optional.empty();
    }
    String word = inner.substring(kind + 1);
    boolean set = value != null && (!colon || !value.isEmpty());
    return switch (inner.charAt(kind)) {
      case '-' -> Optional.of(set ? value : word);
      case '+' -> Optional.of(set ? word : "");
      default -> Optional.empty();
    };
  }
}
