package dev.shipgate.scanner.arch;

import java.util.ArrayList;
import java.util.List;

/**
 * Source text with comments blanked and string contents replaced by spaces (quotes and line breaks kept, so
 * offsets and lines stay true), plus the string literals themselves. Import readers match keywords on the masked
 * text, so a forbidden name in a comment or a string is never taken for an import. One linear pass, no recursion:
 * deeply nested input costs no stack.
 */
final class SourceText {

  /** A string literal: offset of its opening quote and its content (escapes left as written). */
  record Literal(int start, String value) {}

  private final String masked;
  private final List<Literal> literals;

  private SourceText(String masked, List<Literal> literals) {
    this.masked = masked;
    this.literals = literals;
  }

  String masked() {
    return masked;
  }

  List<Literal> literals() {
    return literals;
  }

  /** The literal whose opening quote is at {@code offset}, or null. */
  Literal literalAt(int offset) {
    int lo = 0;
    int hi = literals.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int s = literals.get(mid).start();
      if (s == offset) {
        return literals.get(mid);
      }
      if (s < offset) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return null;
  }

  /** Python: {@code #} comments; single, double and triple-quoted strings with any prefix. */
  static SourceText python(String text) {
    return new Reader(text, Syntax.PYTHON).read();
  }

  /** JavaScript and TypeScript: line and block comments, quotes, template literals, regular expression literals. */
  static SourceText javascript(String text) {
    return new Reader(text, Syntax.JAVASCRIPT).read();
  }

  /** Groovy and Kotlin build scripts: line and block comments, single, double and triple-quoted strings. */
  static SourceText gradle(String text) {
    return new Reader(text, Syntax.GRADLE).read();
  }

  private enum Syntax { PYTHON, JAVASCRIPT, GRADLE }

  private static final class Reader {
    private final String text;
    private final Syntax syntax;
    private final StringBuilder out;
    private final List<Literal> literals = new ArrayList<>();
    /** Brace depth inside each open template-literal substitution ({@code ${ ... }}). */
    private final ArrayList<Integer> templates = new ArrayList<>();
    private int i;

    Reader(String text, Syntax syntax) {
      this.text = text;
      this.syntax = syntax;
      this.out = new StringBuilder(text.length());
    }

    SourceText read() {
      int n = text.length();
      while (i < n) {
        char c = text.charAt(i);
        char next = i + 1 < n ? text.charAt(i + 1) : '\0';
        if (syntax == Syntax.PYTHON && c == '#') {
          blankUntilLineEnd();
        } else if (syntax != Syntax.PYTHON && c == '/' && next == '/') {
          blankUntilLineEnd();
        } else if (syntax != Syntax.PYTHON && c == '/' && next == '*') {
          blankBlockComment();
        } else if (c == '\'' || c == '"') {
          quoted(c);
        } else if (syntax == Syntax.JAVASCRIPT && c == '`') {
          template();
        } else if (syntax == Syntax.JAVASCRIPT && c == '/' && regexAllowed()) {
          regex();
        } else if (syntax == Syntax.JAVASCRIPT && !templates.isEmpty() && (c == '{' || c == '}')) {
          int top = templates.size() - 1;
          if (c == '{') {
            templates.set(top, templates.get(top) + 1);
            keep();
          } else if (templates.get(top) == 0) {
            templates.remove(top);
            keep();
            templateBody(new StringBuilder(), -1);
          } else {
            templates.set(top, templates.get(top) - 1);
            keep();
          }
        } else {
          keep();
        }
      }
      return new SourceText(out.toString(), List.copyOf(literals));
    }

    private void keep() {
      out.append(text.charAt(i++));
    }

    private void blank() {
      char c = text.charAt(i++);
      out.append(c == '\n' || c == '\r' ? c : ' ');
    }

    private void blankUntilLineEnd() {
      while (i < text.length() && text.charAt(i) != '\n') {
        blank();
      }
    }

    private void blankBlockComment() {
      blank();
      blank();
      while (i < text.length()) {
        if (text.charAt(i) == '*' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
          blank();
          blank();
          return;
        }
        blank();
      }
    }

    private void quoted(char quote) {
      int start = i;
      boolean triple = syntax != Syntax.JAVASCRIPT && text.startsWith(String.valueOf(quote).repeat(3), i);
      StringBuilder value = new StringBuilder();
      keep();
      if (triple) {
        blank();
        blank();
      }
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == '\\' && i + 1 < text.length()) {
          value.append(c).append(text.charAt(i + 1));
          blank();
          blank();
        } else if (triple && text.startsWith(String.valueOf(quote).repeat(3), i)) {
          blank();
          blank();
          keep();
          break;
        } else if (!triple && c == quote) {
          keep();
          break;
        } else if (!triple && c == '\n') {
          break; // an unterminated string ends at the line end, as the language's own tokenizer would complain
        } else {
          value.append(c);
          blank();
        }
      }
      literals.add(new Literal(start, value.toString()));
    }

    private void template() {
      int start = i;
      keep();
      templateBody(new StringBuilder(), start);
    }

    /** Reads template text up to the closing backquote or the next {@code ${}; records the literal when it had none. */
    private void templateBody(StringBuilder value, int start) {
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == '\\' && i + 1 < text.length()) {
          value.append(c).append(text.charAt(i + 1));
          blank();
          blank();
        } else if (c == '`') {
          keep();
          if (start >= 0) {
            literals.add(new Literal(start, value.toString()));
          }
          return;
        } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
          keep();
          keep();
          templates.add(0);
          return;
        } else {
          value.append(c);
          blank();
        }
      }
    }

    /** A slash starts a regular expression where an operand is expected, i.e. not after a value. */
    private boolean regexAllowed() {
      int j = out.length() - 1;
      while (j >= 0 && Character.isWhitespace(out.charAt(j))) {
        j--;
      }
      if (j < 0) {
        return true;
      }
      char p = out.charAt(j);
      if ("(,=:[!&|?{};+-*%<>~^".indexOf(p) >= 0) {
        return true;
      }
      int end = j + 1;
      while (j >= 0 && Character.isJavaIdentifierPart(out.charAt(j))) {
        j--;
      }
      String word = out.substring(j + 1, end);
      return switch (word) {
        case "return", "typeof", "case", "delete", "void", "in", "of", "new", "throw", "yield", "await" -> true;
        default -> false;
      };
    }

    private void regex() {
      keep();
      boolean inClass = false;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == '\n') {
          return;
        }
        if (c == '\\' && i + 1 < text.length()) {
          blank();
          blank();
          continue;
        }
        if (c == '[') {
          inClass = true;
        } else if (c == ']') {
          inClass = false;
        } else if (c == '/' && !inClass) {
          keep();
          return;
        }
        blank();
      }
    }
  }
}
