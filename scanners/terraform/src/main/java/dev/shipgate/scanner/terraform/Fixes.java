package dev.shipgate.scanner.terraform;

import dev.shipgate.core.model.Fix;
import dev.shipgate.scanner.terraform.hcl.Attribute;
import dev.shipgate.scanner.terraform.hcl.Block;
import dev.shipgate.scanner.terraform.hcl.Expr;
import java.util.List;

/**
 * Minimal text edits for Terraform fixes: replace one literal value, insert one attribute before a block's
 * closing brace with the block's indentation, or add a resource after another. Everything else in the file
 * (alignment, comments, line endings) stays as it was. A value that comes from a variable or local is never
 * rewritten (the variable may serve other resources), and a block written on one line, or in a
 * {@code .tf.json} file, gets no insertion (the inserted text is native syntax); those fixes return null.
 */
public final class Fixes {

  private Fixes() {}

  /** Replaces the value of {@code a} when it is written in place as a literal. */
  public static Fix replace(Resource r, Attribute a, String valueText, String description) {
    if (a == null || !(a.value() instanceof Expr.Literal)) {
      return null;
    }
    return Fix.of(description, new Fix.Edit(r.file().path(), a.value().start(), a.value().end(), valueText));
  }

  /** Replaces a boolean literal, keeping its style ({@code true} or the string {@code "true"}). */
  public static Fix replace(Resource r, Attribute a, boolean value, String description) {
    boolean quoted = a != null && a.value() instanceof Expr.Literal l && l.value() instanceof String;
    return replace(r, a, quoted ? "\"" + value + "\"" : String.valueOf(value), description);
  }

  /** Inserts {@code lines} as the last lines of {@code block}'s body, indented like the body. */
  public static Fix insert(Resource r, Block block, List<String> lines, String description) {
    if (r.file().json()) {
      return null;
    }
    String text = r.file().text();
    int close = block.close();
    int lineStart = text.lastIndexOf('\n', close - 1) + 1;
    String closeIndent = text.substring(lineStart, close);
    if (lineStart <= block.open() || !closeIndent.isBlank()) {
      return null;
    }
    String nl = newline(text, lineStart);
    String indent = bodyIndent(text, block, closeIndent);
    StringBuilder b = new StringBuilder();
    for (String line : lines) {
      b.append(indent).append(line).append(nl);
    }
    return Fix.of(description, Fix.Edit.insert(r.file().path(), lineStart, b.toString()));
  }

  /**
   * Adds {@code lines} ("\n"-separated) as a new block after {@code r}, separated by a blank line; a comment
   * on the line of {@code r}'s closing brace stays with {@code r}.
   */
  public static Fix appendAfter(Resource r, String lines, String description) {
    if (r.file().json()) {
      return null;
    }
    String text = r.file().text();
    int at = r.block().end();
    int lineEnd = text.indexOf('\n', at);
    lineEnd = lineEnd < 0 ? text.length() : lineEnd;
    String rest = text.substring(at, lineEnd).strip();
    if (rest.isEmpty() || rest.startsWith("#") || rest.startsWith("//")) {
      at = lineEnd > at && text.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
    }
    String nl = newline(text, r.block().close());
    return Fix.of(description, Fix.Edit.insert(r.file().path(), at, nl + nl + lines.replace("\n", nl)));
  }

  private static String bodyIndent(String text, Block block, String closeIndent) {
    int first = Integer.MAX_VALUE;
    if (!block.body().attributes().isEmpty()) {
      first = block.body().attributes().get(0).start();
    }
    if (!block.body().blocks().isEmpty()) {
      first = Math.min(first, block.body().blocks().get(0).start());
    }
    if (first != Integer.MAX_VALUE) {
      int ls = text.lastIndexOf('\n', first - 1) + 1;
      String indent = text.substring(ls, first);
      if (indent.isBlank() && ls > block.open()) {
        return indent;
      }
    }
    return closeIndent + (closeIndent.contains("\t") ? "\t" : "  ");
  }

  /** The file's line ending, judged at the line break before {@code lineStart}. */
  private static String newline(String text, int lineStart) {
    int nl = Math.min(lineStart, text.length()) - 1;
    while (nl >= 0 && text.charAt(nl) != '\n') {
      nl--;
    }
    return nl > 0 && text.charAt(nl - 1) == '\r' ? "\r\n" : (nl < 0 && text.contains("\r\n") ? "\r\n" : "\n");
  }
}
