package dev.shipgate.scanner.deps.license;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * An SPDX license expression (SPDX 2.3, annex D): identifiers with an optional {@code +}, {@code LicenseRef-} and
 * {@code DocumentRef-…:LicenseRef-} references, {@code WITH} exceptions, {@code AND}, {@code OR} and parentheses.
 * {@code WITH} binds tighter than {@code AND}, which binds tighter than {@code OR}; operators are upper case as the
 * specification writes them. Identifiers are not checked against the SPDX list here ({@link Licenses} knows which
 * ones we recognise). Length and parenthesis nesting are bounded, so hostile input cannot exhaust the stack.
 */
public sealed interface SpdxExpression {

  /** Expressions longer than this are refused rather than parsed. */
  int MAX_LENGTH = 4096;
  /** Parentheses nested deeper than this are refused. */
  int MAX_DEPTH = 64;

  /** A licence identifier, {@code +} meaning "this version or any later one". */
  record License(String id, boolean orLater) implements SpdxExpression {
    @Override
    public String toString() {
      return id + (orLater ? "+" : "");
    }
  }

  /** {@code LicenseRef-x}, optionally in another document ({@code DocumentRef-d:LicenseRef-x}). */
  record Ref(String document, String ref) implements SpdxExpression {
    @Override
    public String toString() {
      return (document.isEmpty() ? "" : "DocumentRef-" + document + ":") + "LicenseRef-" + ref;
    }
  }

  /** A licence with an exception ({@code GPL-2.0-only WITH Classpath-exception-2.0}). */
  record With(SpdxExpression license, String exception) implements SpdxExpression {
    @Override
    public String toString() {
      return license + " WITH " + exception;
    }
  }

  /** All of the operands apply. */
  record And(List<SpdxExpression> operands) implements SpdxExpression {
    public And {
      operands = List.copyOf(operands);
    }

    @Override
    public String toString() {
      return join(operands, " AND ", true);
    }
  }

  /** Any one of the operands may be chosen. */
  record Or(List<SpdxExpression> operands) implements SpdxExpression {
    public Or {
      operands = List.copyOf(operands);
    }

    @Override
    public String toString() {
      return join(operands, " OR ", false);
    }
  }

  /** A malformed expression, with the 1-based column where it goes wrong. */
  final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int column;

    ParseException(int column, String message) {
      super("column " + column + ": " + message);
      this.column = column;
    }

    public int column() {
      return column;
    }
  }

  static SpdxExpression parse(String text) throws ParseException {
    return new SpdxParser(text).parse();
  }

  /**
   * Whether the licensee can choose terms that use only licences {@code ok} accepts: some operand of every OR, every
   * operand of every AND. {@code ok} sees licences, references and exceptions-with-licence leaves.
   */
  default boolean satisfiable(Predicate<SpdxExpression> ok) {
    if (this instanceof Or o) {
      return o.operands().stream().anyMatch(e -> e.satisfiable(ok));
    }
    if (this instanceof And a) {
      return a.operands().stream().allMatch(e -> e.satisfiable(ok));
    }
    return ok.test(this);
  }

  /** Every leaf (licence, reference, licence with exception), left to right. */
  default List<SpdxExpression> leaves() {
    List<SpdxExpression> out = new ArrayList<>();
    collect(this, out);
    return out;
  }

  private static void collect(SpdxExpression e, List<SpdxExpression> out) {
    if (e instanceof Or o) {
      o.operands().forEach(x -> collect(x, out));
    } else if (e instanceof And a) {
      a.operands().forEach(x -> collect(x, out));
    } else {
      out.add(e);
    }
  }

  /** The licence identifier of a leaf, upper-cased for lookups; empty for references. */
  static String idOf(SpdxExpression leaf) {
    if (leaf instanceof License l) {
      return l.id().toUpperCase(Locale.ROOT);
    }
    return leaf instanceof With w ? idOf(w.license()) : "";
  }

  /** Operands that would regroup without parentheses keep them, so printing and parsing again gives the same tree. */
  private static String join(List<SpdxExpression> operands, String op, boolean inAnd) {
    List<String> parts = new ArrayList<>();
    for (SpdxExpression e : operands) {
      boolean paren = e instanceof Or || (inAnd && e instanceof And);
      parts.add(paren ? "(" + e + ")" : e.toString());
    }
    return String.join(op, parts);
  }
}
