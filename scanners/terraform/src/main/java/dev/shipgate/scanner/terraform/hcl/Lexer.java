package dev.shipgate.scanner.terraform.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * HCL2 native syntax tokens with character offsets. Comments ({@code #}, {@code //}, {@code /* *\/}) are
 * dropped; newlines are kept because they end attributes. Strings and heredocs become one token each, with
 * their template interpolations scanned (nested strings and braces included) but not evaluated.
 */
final class Lexer {

  private static final String[] MULTI = {"...", "==", "!=", "<=", ">=", "&&", "||", "=>"};
  private static final String SINGLE = "{}[]().,=:?!+-*/%<>";

  private final String text;
  private int pos;

  private Lexer(String text, int start) {
    this.text = text;
    this.pos = start;
  }

  static List<Token> tokenize(String text) throws HclException {
    Lexer lexer = new Lexer(text, text.startsWith("\uFEFF") ? 1 : 0);
    List<Token> out = new ArrayList<>();
    Token t;
    do {
      t = lexer.next();
      out.add(t);
    } while (t.kind() != Token.Kind.EOF);
    return out;
  }

  private Token next() throws HclException {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
        pos++;
      } else if (c == '#' || (c == '/' && peek(1) == '/')) {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == '/' && peek(1) == '*') {
        int start = pos;
        int close = text.indexOf("*/", pos + 2);
        if (close < 0) {
          throw new HclException("comment /* is never closed", start);
        }
        pos = close + 2;
        if (text.lastIndexOf('\n', close) > start) {
          // A comment spanning lines separates what stands before and after it, like a newline.
          return new Token(Token.Kind.NEWLINE, "\n", start, pos, false);
        }
      } else {
        break;
      }
    }
    if (pos >= text.length()) {
      return new Token(Token.Kind.EOF, "", text.length(), text.length(), false);
    }
    int start = pos;
    char c = text.charAt(pos);
    if (c == '\n') {
      pos++;
      return new Token(Token.Kind.NEWLINE, "\n", start, pos, false);
    }
    if (Character.isLetter(c) || c == '_') {
      pos++;
      while (pos < text.length() && isIdentPart(text.charAt(pos))) {
        pos++;
      }
      return new Token(Token.Kind.IDENT, text.substring(start, pos), start, pos, false);
    }
    if (c >= '0' && c <= '9') {
      return number(start);
    }
    if (c == '"') {
      return string(start);
    }
    if (c == '<' && peek(1) == '<' && (Character.isLetter(peek(2)) || (peek(2) == '-' && Character.isLetter(peek(3))))) {
      return heredoc(start);
    }
    for (String m : MULTI) {
      if (text.startsWith(m, pos)) {
        pos += m.length();
        return new Token(Token.Kind.PUNCT, m, start, pos, false);
      }
    }
    if (SINGLE.indexOf(c) >= 0) {
      pos++;
      return new Token(Token.Kind.PUNCT, String.valueOf(c), start, pos, false);
    }
    throw new HclException("unexpected character " + describe(c), start);
  }

  static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }

  private char peek(int ahead) {
    int i = pos + ahead;
    return i < text.length() ? text.charAt(i) : '\0';
  }

  private Token number(int start) {
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (peek(0) == '.' && Character.isDigit(peek(1))) {
      pos++;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
    }
    if ((peek(0) == 'e' || peek(0) == 'E')
        && (Character.isDigit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && Character.isDigit(peek(2))))) {
      pos += 2;
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
    }
    return new Token(Token.Kind.NUMBER, text.substring(start, pos), start, pos, false);
  }

  /** A quoted template: escapes decoded, {@code ${…}} and {@code %{…}} kept as written. */
  private Token string(int start) throws HclException {
    pos++;
    StringBuilder value = new StringBuilder();
    boolean interpolated = false;
    while (true) {
      if (pos >= text.length()) {
        throw new HclException("string is never closed (missing \")", start);
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return new Token(Token.Kind.STRING, value.toString(), start, pos, interpolated);
      }
      if (c == '\n') {
        throw new HclException("string is never closed before the end of the line (missing \")", start);
      }
      if (c == '\\') {
        pos = escape(pos, value);
      } else if ((c == '$' || c == '%') && peek(1) == c && peek(2) == '{') {
        value.append(c).append('{');
        pos += 3;
      } else if ((c == '$' || c == '%') && peek(1) == '{') {
        int end = skipTemplate(pos + 2, pos, 1);
        value.append(text, pos, end);
        pos = end;
        interpolated = true;
      } else {
        value.append(c);
        pos++;
      }
    }
  }

  private int escape(int at, StringBuilder out) throws HclException {
    char e = at + 1 < text.length() ? text.charAt(at + 1) : '\0';
    switch (e) {
      case 'n' -> out.append('\n');
      case 't' -> out.append('\t');
      case 'r' -> out.append('\r');
      case '"' -> out.append('"');
      case '\\' -> out.append('\\');
      case '/' -> out.append('/');
      case 'u', 'U' -> {
        int len = e == 'u' ? 4 : 8;
        if (at + 2 + len > text.length()) {
          throw new HclException("malformed \\" + e + " escape", at);
        }
        try {
          out.appendCodePoint(Integer.parseInt(text.substring(at + 2, at + 2 + len), 16));
        } catch (IllegalArgumentException ex) {
          throw new HclException("malformed \\" + e + " escape", at);
        }
        return at + 2 + len;
      }
      default -> throw new HclException("invalid escape \\" + (e == '\0' ? "" : String.valueOf(e)) + " in a string", at);
    }
    return at + 2;
  }

  /**
   * The offset just after the {@code }} closing an interpolation whose content starts at {@code from};
   * nested braces and strings are skipped so that {@code ${lookup(m, "}")}} ends where it should.
   */
  private int skipTemplate(int from, int opened, int nesting) throws HclException {
    if (nesting > HclParser.MAX_DEPTH) {
      throw new HclException("interpolations nested deeper than " + HclParser.MAX_DEPTH + " levels", opened);
    }
    int depth = 1;
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (--depth == 0) {
          return i + 1;
        }
      } else if (c == '"') {
        i = skipNestedString(i + 1, opened, nesting);
        continue;
      }
      i++;
    }
    throw new HclException("interpolation ${ is never closed", opened);
  }

  private int skipNestedString(int from, int opened, int nesting) throws HclException {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"') {
        return i + 1;
      } else if (c == '\n') {
        break;
      } else if ((c == '$' || c == '%') && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        i = skipTemplate(i + 2, i, nesting + 1);
      } else {
        i++;
      }
    }
    throw new HclException("string inside an interpolation is never closed", opened);
  }

  /** {@code <<EOT} / {@code <<-EOT}: the lines up to the one holding only the marker; {@code -} strips the common indent. */
  private Token heredoc(int start) throws HclException {
    pos += 2;
    boolean indented = peek(0) == '-';
    if (indented) {
      pos++;
    }
    int markerStart = pos;
    while (pos < text.length() && isIdentPart(text.charAt(pos))) {
      pos++;
    }
    String marker = text.substring(markerStart, pos);
    int eol = pos;
    while (eol < text.length() && (text.charAt(eol) == ' ' || text.charAt(eol) == '\t' || text.charAt(eol) == '\r')) {
      eol++;
    }
    if (eol >= text.length() || text.charAt(eol) != '\n') {
      throw new HclException("heredoc <<" + marker + " must end its line", start);
    }
    List<String> lines = new ArrayList<>();
    int lineStart = eol + 1;
    while (lineStart <= text.length()) {
      int nl = text.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? text.length() : nl;
      String line = text.substring(lineStart, lineEnd);
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.strip().equals(marker)) {
        pos = lineEnd;
        return new Token(Token.Kind.HEREDOC, join(lines, indented), start, pos, hasTemplate(lines));
      }
      lines.add(line);
      if (nl < 0) {
        break;
      }
      lineStart = nl + 1;
    }
    throw new HclException("heredoc <<" + marker + " is never closed (no line holding only " + marker + ")", start);
  }

  private static String join(List<String> lines, boolean stripIndent) {
    int common = Integer.MAX_VALUE;
    if (stripIndent) {
      for (String l : lines) {
        if (!l.isBlank()) {
          int n = 0;
          while (n < l.length() && (l.charAt(n) == ' ' || l.charAt(n) == '\t')) {
            n++;
          }
          common = Math.min(common, n);
        }
      }
    }
    StringBuilder b = new StringBuilder();
    for (String l : lines) {
      b.append(stripIndent && common != Integer.MAX_VALUE && l.length() >= common ? l.substring(common) : stripIndent ? l.strip() : l).append('\n');
    }
    return b.toString();
  }

  private static boolean hasTemplate(List<String> lines) {
    for (String l : lines) {
      int i = l.indexOf("{");
      while (i > 0) {
        char before = l.charAt(i - 1);
        if ((before == '$' || before == '%') && (i < 2 || l.charAt(i - 2) != before)) {
          return true;
        }
        i = l.indexOf('{', i + 1);
      }
    }
    return false;
  }

  private static String describe(char c) {
    String code = String.format("U+%04X", (int) c);
    return c >= 0x20 && c < 0x7f ? "'" + c + "' (" + code + ")" : code;
  }
}
