package dev.shipgate.scanner.terraform.hcl;

import java.util.List;

/**
 * An HCL expression with its character range in the file. Only what checks read is modelled: literals,
 * templates, references, function calls, tuples and objects. Operators, conditionals, {@code for} expressions
 * and splats become {@link Other}, whose value is unknown until plan time and is therefore never judged.
 */
public sealed interface Expr {

  int start();

  int end();

  /** A string, number ({@link java.math.BigDecimal}), boolean, or null ({@code value == null}). */
  record Literal(Object value, int start, int end) implements Expr {}

  /** A string with interpolations; {@code text} as written between the quotes (heredoc: the decoded body). */
  record Template(String text, int start, int end) implements Expr {}

  /** A reference such as {@code var.cidr}, {@code local.tags}, {@code aws_s3_bucket.logs.id}, as written. */
  record Reference(String path, int start, int end) implements Expr {}

  record Call(String name, List<Expr> args, int start, int end) implements Expr {}

  record Tuple(List<Expr> items, int start, int end) implements Expr {}

  /** {@code key} is the literal key name, or null when the key is itself an expression; {@code keyStart} its offset. */
  record ObjectExpr(List<Item> items, int start, int end) implements Expr {

    public record Item(String key, int keyStart, Expr value) {}

    /** The value under {@code key}; HCL's last one wins. */
    public Expr get(String key) {
      Expr found = null;
      for (Item i : items) {
        if (key.equals(i.key())) {
          found = i.value();
        }
      }
      return found;
    }
  }

  /** Anything whose value depends on evaluation: operators, conditionals, {@code for}, splats, indexing calls. */
  record Other(int start, int end) implements Expr {}
}
