package dev.shipgate.scanner.terraform.hcl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recursive-descent parser for the HCL2 native syntax as Terraform writes it: bodies of attributes and
 * labelled blocks, and expressions kept with their character ranges. The first syntax error ends the parse
 * with an {@link HclException} at its offset; nothing is guessed.
 */
public final class HclParser {

  /** Deeper nesting of blocks and expressions is refused rather than risking the stack. */
  public static final int MAX_DEPTH = 100;

  private static final Pattern SINGLE_INTERPOLATION = Pattern.compile("\\$\\{\\s*([A-Za-z_][\\w-]*(?:\\.[A-Za-z_][\\w-]*|\\[[0-9]+\\])*)\\s*}");

  private final String text;
  private final List<Token> tokens;
  private int index;
  private int depth;

  private HclParser(String text, List<Token> tokens) {
    this.text = text;
    this.tokens = tokens;
  }

  /** Parses a whole file. */
  public static Body parse(String text) throws HclException {
    HclParser p = new HclParser(text, Lexer.tokenize(text));
    return p.body(null);
  }

  /**
   * Parses one expression (a heredoc or string holding a JSON policy, for instance); offsets are relative to
   * {@code text}.
   */
  public static Expr parseExpression(String text) throws HclException {
    HclParser p = new HclParser(text, Lexer.tokenize(text));
    p.skipNewlines();
    Expr e = p.expression(false);
    p.skipNewlines();
    if (p.peek().kind() != Token.Kind.EOF) {
      throw new HclException("unexpected " + p.peek().describe() + " after the expression", p.peek().start());
    }
    return e;
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token next() {
    Token t = tokens.get(index);
    if (t.kind() != Token.Kind.EOF) {
      index++;
    }
    return t;
  }

  private void skipNewlines() {
    while (peek().kind() == Token.Kind.NEWLINE) {
      index++;
    }
  }

  private Token expect(String punct, String context) throws HclException {
    Token t = peek();
    if (!t.is(punct)) {
      throw new HclException("expected '" + punct + "' " + context + " but found " + t.describe(), t.start());
    }
    return next();
  }

  private void enter(int offset) throws HclException {
    if (++depth > MAX_DEPTH) {
      throw new HclException("nesting deeper than " + MAX_DEPTH + " levels", offset);
    }
  }

  /** A body up to its closing brace ({@code opener} non-null) or the end of the file. */
  private Body body(Token opener) throws HclException {
    List<Attribute> attributes = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    while (true) {
      skipNewlines();
      Token t = peek();
      if (t.kind() == Token.Kind.EOF) {
        if (opener != null) {
          throw new HclException("block opened here is never closed (missing })", opener.start());
        }
        return new Body(attributes, blocks);
      }
      if (t.is("}")) {
        if (opener == null) {
          throw new HclException("unexpected '}' with no block open", t.start());
        }
        return new Body(attributes, blocks);
      }
      if (t.kind() != Token.Kind.IDENT) {
        throw new HclException("expected an attribute name or block type but found " + t.describe(), t.start());
      }
      next();
      if (peek().is("=")) {
        next();
        Expr value = expression(true);
        attributes.add(new Attribute(t.text(), value, t.start()));
        Token after = peek();
        if (after.kind() != Token.Kind.NEWLINE && after.kind() != Token.Kind.EOF && !after.is("}")) {
          throw new HclException("unexpected " + after.describe() + " after the value of " + t.text(), after.start());
        }
      } else {
        blocks.add(block(t));
      }
    }
  }

  private Block block(Token type) throws HclException {
    List<String> labels = new ArrayList<>();
    while (true) {
      Token t = peek();
      if ((t.kind() == Token.Kind.STRING && !t.interpolated()) || t.kind() == Token.Kind.IDENT) {
        labels.add(t.text());
        next();
      } else if (t.is("{")) {
        break;
      } else {
        throw new HclException("expected '=' or a block after " + type.text() + " but found " + t.describe(), t.start());
      }
    }
    Token open = next();
    enter(open.start());
    Body body = body(open);
    depth--;
    Token close = next();
    return new Block(type.text(), labels, body, type.start(), open.start(), close.start());
  }

  /**
   * A whole expression. A primary value followed by an operator or {@code ?} becomes {@link Expr.Other}
   * spanning the rest of the expression. {@code newlineEnds}: whether a newline at this level ends it (in a
   * body or an object) or is just white space (in a tuple or call).
   */
  private Expr expression(boolean newlineEnds) throws HclException {
    int start = peek().start();
    enter(start);
    Expr e = primary(newlineEnds);
    Token t = peek();
    if (isOperator(t)) {
      int end = skipRest(newlineEnds);
      e = new Expr.Other(start, end);
    }
    depth--;
    return e;
  }

  private static boolean isOperator(Token t) {
    if (t.kind() != Token.Kind.PUNCT) {
      return false;
    }
    return switch (t.text()) {
      case "==", "!=", "<=", ">=", "&&", "||", "<", ">", "+", "-", "*", "/", "%", "?" -> true;
      default -> false;
    };
  }

  /**
   * Skips the operator tail of an expression, balancing brackets, up to what ends it at this level; returns
   * the end offset of the last token consumed.
   */
  private int skipRest(boolean newlineEnds) throws HclException {
    int nesting = 0;
    int questions = 0;
    int end = peek().start();
    Token previous = null;
    while (true) {
      Token t = peek();
      if (t.kind() == Token.Kind.EOF) {
        if (nesting > 0) {
          throw new HclException("bracket is never closed in this expression", t.start());
        }
        return end;
      }
      if (nesting == 0) {
        // A line ending in an operator continues on the next line; Terraform users write long conditions so.
        boolean continued = previous != null && (isOperator(previous) || previous.is(":"));
        if ((t.kind() == Token.Kind.NEWLINE && newlineEnds && !continued) || t.is(",") || t.is("}") || t.is("]") || t.is(")")) {
          return end;
        }
        if (t.is(":")) {
          if (questions == 0) {
            return end;
          }
          questions--;
        } else if (t.is("?")) {
          questions++;
        }
      }
      if (t.is("(") || t.is("[") || t.is("{")) {
        nesting++;
        enter(t.start());
      } else if (t.is(")") || t.is("]") || t.is("}")) {
        nesting--;
        depth--;
      }
      next();
      if (t.kind() != Token.Kind.NEWLINE) {
        end = t.end();
        previous = t;
      }
    }
  }

  private Expr primary(boolean newlineEnds) throws HclException {
    Token t = next();
    Expr base;
    switch (t.kind()) {
      case NUMBER -> base = new Expr.Literal(new BigDecimal(t.text()), t.start(), t.end());
      case STRING, HEREDOC -> base = template(t);
      case IDENT -> {
        switch (t.text()) {
          case "true" -> base = new Expr.Literal(true, t.start(), t.end());
          case "false" -> base = new Expr.Literal(false, t.start(), t.end());
          case "null" -> base = new Expr.Literal(null, t.start(), t.end());
          default -> {
            if (isProviderFunction()) {
              base = call(providerFunction(t));
            } else if (peek().is("(")) {
              base = call(t);
            } else {
              return reference(t);
            }
          }
        }
      }
      case PUNCT -> {
        switch (t.text()) {
          case "[" -> base = tuple(t);
          case "{" -> base = object(t);
          case "(" -> {
            skipNewlines();
            expression(false);
            skipNewlines();
            Token close = expect(")", "to close the parenthesis");
            base = new Expr.Other(t.start(), close.end());
          }
          case "-", "!" -> {
            enter(t.start());
            Expr operand = primary(newlineEnds);
            depth--;
            if (t.text().equals("-") && operand instanceof Expr.Literal l && l.value() instanceof BigDecimal n) {
              base = new Expr.Literal(n.negate(), t.start(), operand.end());
            } else {
              base = new Expr.Other(t.start(), operand.end());
            }
          }
          default -> throw new HclException("expected a value but found " + t.describe(), t.start());
        }
      }
      default -> throw new HclException("expected a value but found " + t.describe(), t.start());
    }
    return postfix(base);
  }

  /** Indexing, attribute access or a splat after a non-reference value makes it something only evaluation knows. */
  private Expr postfix(Expr base) throws HclException {
    int end = traversal(base.end());
    return end == base.end() ? base : new Expr.Other(base.start(), end);
  }

  private Expr reference(Token first) throws HclException {
    int end = traversal(first.end());
    String path = text.substring(first.start(), end);
    return path.contains("*") ? new Expr.Other(first.start(), end) : new Expr.Reference(path, first.start(), end);
  }

  /** Consumes {@code .name}, {@code .0}, {@code .*}, {@code [expr]}, {@code [*]}; returns the new end offset. */
  private int traversal(int end) throws HclException {
    while (true) {
      Token t = peek();
      if (t.is(".") && t.start() == end) {
        next();
        Token part = next();
        if (part.kind() != Token.Kind.IDENT && part.kind() != Token.Kind.NUMBER && !part.is("*")) {
          throw new HclException("expected an attribute name after '.' but found " + part.describe(), part.start());
        }
        end = part.end();
      } else if (t.is("[") && t.start() == end) {
        next();
        skipNewlines();
        if (peek().is("*")) {
          next();
        } else {
          expression(false);
        }
        skipNewlines();
        end = expect("]", "to close the index").end();
      } else {
        return end;
      }
    }
  }

  private Expr template(Token t) throws HclException {
    if (!t.interpolated()) {
      return new Expr.Literal(t.text(), t.start(), t.end());
    }
    Matcher m = SINGLE_INTERPOLATION.matcher(t.text());
    if (t.kind() == Token.Kind.STRING && m.matches()) {
      // "${var.x}" is the Terraform 0.11 spelling of var.x: the same reference.
      return new Expr.Reference(m.group(1), t.start(), t.end());
    }
    return new Expr.Template(t.text(), t.start(), t.end());
  }

  /** {@code provider::aws::arn_parse(…)} (Terraform 1.8): the name continues with {@code ::}. */
  private boolean isProviderFunction() {
    Token a = peek();
    return a.is(":") && tokens.get(index + 1).is(":") && tokens.get(index + 1).start() == a.end();
  }

  private Token providerFunction(Token first) throws HclException {
    int end = first.end();
    while (isProviderFunction()) {
      next();
      next();
      Token part = next();
      if (part.kind() != Token.Kind.IDENT) {
        throw new HclException("expected a function name after '::' but found " + part.describe(), part.start());
      }
      end = part.end();
    }
    if (!peek().is("(")) {
      throw new HclException("expected '(' after the provider function " + text.substring(first.start(), end), peek().start());
    }
    return new Token(Token.Kind.IDENT, text.substring(first.start(), end), first.start(), end, false);
  }

  private Expr call(Token name) throws HclException {
    next();
    List<Expr> args = new ArrayList<>();
    while (true) {
      skipNewlines();
      if (peek().is(")")) {
        break;
      }
      args.add(expression(false));
      skipNewlines();
      if (peek().is("...")) {
        next();
        skipNewlines();
      }
      if (peek().is(",")) {
        next();
      } else if (!peek().is(")")) {
        throw new HclException("expected ',' or ')' in the arguments of " + name.text() + " but found " + peek().describe(), peek().start());
      }
    }
    Token close = next();
    return new Expr.Call(name.text(), args, name.start(), close.end());
  }

  private Expr tuple(Token open) throws HclException {
    skipNewlines();
    if (peek().isIdent("for")) {
      return new Expr.Other(open.start(), skipBalanced(open, "]"));
    }
    List<Expr> items = new ArrayList<>();
    while (true) {
      skipNewlines();
      if (peek().is("]")) {
        break;
      }
      items.add(expression(false));
      skipNewlines();
      if (peek().is(",")) {
        next();
      } else if (!peek().is("]")) {
        throw new HclException("expected ',' or ']' in a list but found " + peek().describe(), peek().start());
      }
    }
    Token close = next();
    return new Expr.Tuple(items, open.start(), close.end());
  }

  private Expr object(Token open) throws HclException {
    skipNewlines();
    if (peek().isIdent("for")) {
      return new Expr.Other(open.start(), skipBalanced(open, "}"));
    }
    List<Expr.ObjectExpr.Item> items = new ArrayList<>();
    while (true) {
      skipNewlines();
      if (peek().is("}")) {
        break;
      }
      Token k = peek();
      int keyStart = k.start();
      String key;
      if ((k.kind() == Token.Kind.IDENT || (k.kind() == Token.Kind.STRING && !k.interpolated())) && isKeyEnd(tokens.get(index + 1))) {
        next();
        key = k.text();
      } else {
        key = null;
        expression(false);
      }
      Token sep = next();
      if (!sep.is("=") && !sep.is(":")) {
        throw new HclException("expected '=' or ':' after an object key but found " + sep.describe(), sep.start());
      }
      items.add(new Expr.ObjectExpr.Item(key, keyStart, expression(true)));
      Token after = peek();
      if (after.is(",")) {
        next();
      } else if (after.kind() != Token.Kind.NEWLINE && !after.is("}")) {
        throw new HclException("expected ',', a new line or '}' in an object but found " + after.describe(), after.start());
      }
    }
    Token close = next();
    return new Expr.ObjectExpr(items, open.start(), close.end());
  }

  private static boolean isKeyEnd(Token t) {
    return t.is("=") || t.is(":");
  }

  /** Skips a {@code for} expression to its closing bracket; returns the offset after it. */
  private int skipBalanced(Token open, String closer) throws HclException {
    int nesting = 1;
    while (true) {
      Token t = next();
      if (t.kind() == Token.Kind.EOF) {
        throw new HclException("'" + open.text() + "' is never closed", open.start());
      }
      if (t.is("(") || t.is("[") || t.is("{")) {
        nesting++;
        enter(t.start());
      } else if (t.is(")") || t.is("]") || t.is("}")) {
        if (--nesting == 0) {
          if (!t.is(closer)) {
            throw new HclException("'" + open.text() + "' is closed by '" + t.text() + "'", t.start());
          }
          return t.end();
        }
        depth--;
      }
    }
  }
}
