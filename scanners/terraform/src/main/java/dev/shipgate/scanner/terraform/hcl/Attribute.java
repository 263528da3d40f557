package dev.shipgate.scanner.terraform.hcl;

/** {@code name = value} inside a body; {@code start} is the offset of the name. */
public record Attribute(String name, Expr value, int start) {}
