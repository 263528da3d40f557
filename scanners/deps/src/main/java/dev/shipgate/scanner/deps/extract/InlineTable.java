package dev.shipgate.scanner.deps.extract;

import java.util.Map;

/** A TOML inline table ({@code { a = "x", b.c = "y", d = { e = "z" } }}) flattened to dotted keys and string values. */
final class InlineTable {

  private final String text;
  private final int line;
  private int pos;

  private InlineTable(String text, int line) {
    this.text = text;
    this.line = line;
  }

  /** Adds every string value under {@code prefix + key}; arrays, numbers and booleans keep their raw text. */
  static void flatten(String prefix, String text, int line, Map<String, String> out) throws ExtractException {
    InlineTable t = new InlineTable(text.strip(), line);
    t.table(prefix, out, 0);
    t.skipSpace();
    if (t.pos != t.text.length()) {
      throw t.error("unexpected text after the inline table");
    }
  }

  private void table(String prefix, Map<String, String> out, int depth) throws ExtractException {
    if (depth > 16) {
      throw error("inline tables nested too deeply");
    }
    expect('{');
    skipSpace();
    if (peek() == '}') {
      pos++;
      return;
    }
    while (true) {
      skipSpace();
      String key = key();
      skipSpace();
      expect('=');
      skipSpace();
      if (peek() == '{') {
        table(prefix + key + ".", out, depth + 1);
      } else {
        out.put(prefix + key, value());
      }
      skipSpace();
      char c = next();
      if (c == '}') {
        return;
      }
      if (c != ',') {
        throw error("expected ',' or '}' in an inline table");
      }
    }
  }

  private String key() throws ExtractException {
    StringBuilder k = new StringBuilder();
    while (true) {
      char c = peek();
      if (c == '"' || c == '\'') {
        k.append(string());
      } else {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || "_-".indexOf(text.charAt(pos)) >= 0)) {
          pos++;
        }
        if (start == pos) {
          throw error("expected a key in an inline table");
        }
        k.append(text, start, pos);
      }
      skipSpace();
      if (peek() != '.') {
        return k.toString();
      }
      pos++;
      skipSpace();
      k.append('.');
    }
  }

  private String value() throws ExtractException {
    char c = peek();
    if (c == '"' || c == '\'') {
      return string();
    }
    int start = pos;
    int depth = 0;
    while (pos < text.length()) {
      char x = text.charAt(pos);
      if (x == '[') {
        depth++;
      } else if (x == ']') {
        depth--;
      } else if ((x == ',' || x == '}') && depth == 0) {
        break;
      }
      pos++;
    }
    String raw = text.substring(start, pos).strip();
    if (raw.isEmpty()) {
      throw error("expected a value in an inline table");
    }
    return raw;
  }

  private String string() throws ExtractException {
    char quote = next();
    StringBuilder s = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == quote) {
        return s.toString();
      }
      if (c == '\\' && quote == '"' && pos < text.length()) {
        c = text.charAt(pos++);
      }
      s.append(c);
    }
    throw error("string is not closed");
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char next() throws ExtractException {
    if (pos >= text.length()) {
      throw error("inline table ends early");
    }
    return text.charAt(pos++);
  }

  private void expect(char c) throws ExtractException {
    if (next() != c) {
      throw error("expected '" + c + "'");
    }
  }

  private ExtractException error(String message) {
    return new ExtractException(line + (int) text.substring(0, Math.min(pos, text.length())).chars().filter(ch -> ch == '\n').count(),
        message + " (column " + (pos + 1) + " of the value)");
  }
}
