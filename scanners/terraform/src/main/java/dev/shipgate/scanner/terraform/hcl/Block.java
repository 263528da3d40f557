package dev.shipgate.scanner.terraform.hcl;

import java.util.List;

/**
 * {@code type "label" … { body }}. {@code start} is the offset of the type keyword, {@code open} and
 * {@code close} those of the braces.
 */
public record Block(String type, List<String> labels, Body body, int start, int open, int close) {

  public String label(int i) {
    return i < labels.size() ? labels.get(i) : "";
  }

  /** The offset just after the closing brace. */
  public int end() {
    return close + 1;
  }

  public Attribute attribute(String name) {
    return body.attribute(name);
  }

  public List<Block> blocks(String type) {
    return body.blocks(type);
  }

  public Block block(String type) {
    List<Block> found = body.blocks(type);
    return found.isEmpty() ? null : found.get(0);
  }
}
