package dev.shipgate.scanner.terraform;

import dev.shipgate.scanner.terraform.hcl.Attribute;
import dev.shipgate.scanner.terraform.hcl.Block;
import java.util.ArrayList;
import java.util.List;

/**
 * A top-level {@code resource}, {@code data} or {@code variable} block together with the file it is in, so that
 * checks can report positions and build fixes.
 */
public record Resource(TfFile file, Block block) {

  /** {@code aws_s3_bucket} for a resource or data block. */
  public String type() {
    return block.label(0);
  }

  public String name() {
    return block.label(1);
  }

  /** {@code aws_s3_bucket.logs}, or {@code data.aws_iam_policy_document.x} for data blocks. */
  public String address() {
    String a = type() + "." + name();
    return block.type().equals("data") ? "data." + a : a;
  }

  public Attribute attribute(String name) {
    return block.attribute(name);
  }

  public List<Block> blocks(String type) {
    return block.blocks(type);
  }

  /** Whether the block repeats ({@code count}, {@code for_each}), so {@code type.name.id} is not a valid reference. */
  public boolean repeated() {
    return attribute("count") != null || attribute("for_each") != null;
  }

  /** Whether {@code text} refers to this resource ({@code aws_s3_bucket.logs.id}, {@code "${aws_s3_bucket.logs.arn}"}). */
  public boolean referencedBy(String text) {
    String a = address();
    int i = text.indexOf(a);
    while (i >= 0) {
      int after = i + a.length();
      boolean startOk = i == 0 || (!isNamePart(text.charAt(i - 1)) && text.charAt(i - 1) != '.');
      boolean endOk = after >= text.length() || !isNamePart(text.charAt(after));
      if (startOk && endOk) {
        return true;
      }
      i = text.indexOf(a, i + 1);
    }
    return false;
  }

  /**
   * The addresses of resources of {@code type} that {@code text} refers to, by the rule of {@link #referencedBy}:
   * {@code aws_s3_bucket.logs.id} gives {@code aws_s3_bucket.logs}; {@code data.aws_s3_bucket.x} gives nothing.
   */
  public static List<String> referencedAddresses(String text, String type) {
    String prefix = type + ".";
    List<String> out = new ArrayList<>();
    for (int i = text.indexOf(prefix); i >= 0; i = text.indexOf(prefix, i + 1)) {
      if (i > 0 && (isNamePart(text.charAt(i - 1)) || text.charAt(i - 1) == '.')) {
        continue;
      }
      int end = i + prefix.length();
      while (end < text.length() && isNamePart(text.charAt(end))) {
        end++;
      }
      if (end > i + prefix.length()) {
        out.add(text.substring(i, end));
      }
    }
    return out;
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }
}
