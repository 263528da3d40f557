package dev.shipgate.scanner.terraform.hcl;

import java.util.ArrayList;
import java.util.List;

/** The attributes and nested blocks of a file or a block, in source order. */
public record Body(List<Attribute> attributes, List<Block> blocks) {

  public Body {
    attributes = List.copyOf(attributes);
    blocks = List.copyOf(blocks);
  }

  /** The attribute named {@code name}, or null; Terraform rejects duplicates, so the first is as good as any. */
  public Attribute attribute(String name) {
    for (Attribute a : attributes) {
      if (a.name().equals(name)) {
        return a;
      }
    }
    return null;
  }

  public List<Block> blocks(String type) {
    List<Block> out = new ArrayList<>();
    for (Block b : blocks) {
      if (b.type().equals(type)) {
        out.add(b);
      }
    }
    return out;
  }
}
