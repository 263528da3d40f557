package dev.shipgate.scanner.deps.license;

import dev.shipgate.scanner.deps.license.SpdxExpression.And;
import dev.shipgate.scanner.deps.license.SpdxExpression.License;
import dev.shipgate.scanner.deps.license.SpdxExpression.Or;
import dev.shipgate.scanner.deps.license.SpdxExpression.ParseException;
import dev.shipgate.scanner.deps.license.SpdxExpression.Ref;
import dev.shipgate.scanner.deps.license.SpdxExpression.With;
import java.util.ArrayList;
import java.util.List;

/** Recursive descent over the tokens of one expression; nesting is bounded by {@link SpdxExpression#MAX_DEPTH}. */
final class SpdxParser {

  private record Token(String text, int column) {}

  private final String text;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private int depth;

  SpdxParser(String text) {
    this.text = text;
  }

  SpdxExpression parse() throws ParseException {
    if (text.length() > SpdxExpression.MAX_LENGTH) {
      throw new ParseException(1, "longer than " + SpdxExpression.MAX_LENGTH + " characters");
    }
    tokenize();
    if (tokens.isEmpty()) {
      throw new ParseException(1, "empty licence expression");
    }
    SpdxExpression e = or();
    if (pos < tokens.size()) {
      Token t = tokens.get(pos);
      throw new ParseException(t.column(), t.text().equals(")") ? "unbalanced ')'" : "expected AND, OR or WITH before '" + t.text() + "'");
    }
    return e;
  }

  private void tokenize() throws ParseException {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
      } else if (c == '(' || c == ')') {
        tokens.add(new Token(String.valueOf(c), i + 1));
        i++;
      } else if (idChar(c)) {
        int start = i;
        while (i < text.length() && (idChar(text.charAt(i)) || text.charAt(i) == ':' || text.charAt(i) == '+')) {
          i++;
        }
        tokens.add(new Token(text.substring(start, i), start + 1));
      } else {
        throw new ParseException(i + 1, "unexpected character '" + c + "'");
      }
    }
  }

  private static boolean idChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
  }

  private SpdxExpression or() throws ParseException {
    List<SpdxExpression> operands = new ArrayList<>();
    operands.add(and());
    while (accept("OR")) {
      operands.add(and());
    }
    return operands.size() == 1 ? operands.get(0) : new Or(operands);
  }

  private SpdxExpression and() throws ParseException {
    List<SpdxExpression> operands = new ArrayList<>();
    operands.add(with());
    while (accept("AND")) {
      operands.add(with());
    }
    return operands.size() == 1 ? operands.get(0) : new And(operands);
  }

  private SpdxExpression with() throws ParseException {
    Token start = peek("a licence");
    SpdxExpression e = primary();
    if (accept("WITH")) {
      if (!(e instanceof License)) {
        throw new ParseException(start.column(), "WITH needs a licence identifier before it, not a reference or a group");
      }
      Token ex = next("an exception identifier after WITH");
      if (!ex.text().matches("[A-Za-z0-9.-]+") || operator(ex.text())) {
        throw new ParseException(ex.column(), "'" + ex.text() + "' is not an exception identifier");
      }
      e = new With(e, ex.text());
    }
    return e;
  }

  private SpdxExpression primary() throws ParseException {
    Token t = next("a licence");
    if (t.text().equals("(")) {
      if (++depth > SpdxExpression.MAX_DEPTH) {
        throw new ParseException(t.column(), "parentheses nested deeper than " + SpdxExpression.MAX_DEPTH);
      }
      SpdxExpression inner = or();
      Token close = next("')'");
      if (!close.text().equals(")")) {
        throw new ParseException(close.column(), "expected ')' instead of '" + close.text() + "'");
      }
      depth--;
      return inner;
    }
    if (t.text().equals(")")) {
      throw new ParseException(t.column(), "expected a licence before ')'");
    }
    if (operator(t.text())) {
      throw new ParseException(t.column(), "expected a licence, found the operator " + t.text());
    }
    if (t.text().equalsIgnoreCase("and") || t.text().equalsIgnoreCase("or") || t.text().equalsIgnoreCase("with")) {
      throw new ParseException(t.column(), "operators are written in upper case: " + t.text().toUpperCase(java.util.Locale.ROOT));
    }
    return simple(t);
  }

  private static SpdxExpression simple(Token t) throws ParseException {
    String s = t.text();
    if (s.startsWith("DocumentRef-")) {
      int colon = s.indexOf(':');
      String doc = colon < 0 ? "" : s.substring("DocumentRef-".length(), colon);
      String rest = colon < 0 ? "" : s.substring(colon + 1);
      if (doc.isEmpty() || !doc.matches("[A-Za-z0-9.-]+") || !rest.startsWith("LicenseRef-")) {
        throw new ParseException(t.column(), "'" + s + "' is not DocumentRef-<id>:LicenseRef-<id>");
      }
      return new Ref(doc, refId(t, rest));
    }
    if (s.startsWith("LicenseRef-")) {
      return new Ref("", refId(t, s));
    }
    boolean plus = s.endsWith("+");
    String id = plus ? s.substring(0, s.length() - 1) : s;
    if (id.isEmpty() || !id.matches("[A-Za-z0-9.-]+") || !Character.isLetterOrDigit(id.charAt(0))) {
      throw new ParseException(t.column(), "'" + s + "' is not a licence identifier");
    }
    return new License(id, plus);
  }

  private static String refId(Token t, String s) throws ParseException {
    String id = s.substring("LicenseRef-".length());
    if (id.isEmpty() || !id.matches("[A-Za-z0-9.-]+")) {
      throw new ParseException(t.column(), "'" + s + "' is not LicenseRef-<letters, digits, '-' or '.'>");
    }
    return id;
  }

  private static boolean operator(String s) {
    return s.equals("AND") || s.equals("OR") || s.equals("WITH");
  }

  private boolean accept(String op) {
    if (pos < tokens.size() && tokens.get(pos).text().equals(op)) {
      pos++;
      return true;
    }
    return false;
  }

  private Token peek(String what) throws ParseException {
    if (pos >= tokens.size()) {
      throw new ParseException(text.length() + 1, "expected " + what + " at the end");
    }
    return tokens.get(pos);
  }

  private Token next(String what) throws ParseException {
    Token t = peek(what);
    pos++;
    return t;
  }
}
