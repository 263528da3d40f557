package dev.shipgate.scanner.terraform;

import dev.shipgate.scanner.terraform.hcl.Attribute;
import dev.shipgate.scanner.terraform.hcl.Block;
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

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }
}
