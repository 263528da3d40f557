package dev.shipgate.scanner.terraform.rules;

import dev.shipgate.core.model.Rule;
import dev.shipgate.scanner.terraform.Fixes;
import dev.shipgate.scanner.terraform.Module;
import dev.shipgate.scanner.terraform.Report;
import dev.shipgate.scanner.terraform.Resource;
import dev.shipgate.scanner.terraform.hcl.Attribute;
import java.util.List;

/** Boolean arguments that the provider defaults to false and a rule wants true. */
final class Flags {

  private Flags() {}

  /**
   * Reports {@code name} on {@code r} when it is missing (at the resource, with a fix that inserts it) or false (at
   * the argument, with a fix that sets it true); {@code note} is appended to the fixes' descriptions.
   */
  static void requireTrue(Rule rule, Module m, Resource r, String name, String note, Report out) {
    Attribute a = r.attribute(name);
    if (a == null) {
      out.add(rule, r, r.block().start(), name, r.address() + " does not set " + name + " (default false)",
          Fixes.insert(r, r.block(), List.of(name + " = true"), "set " + name + " = true" + note));
    } else if (Boolean.FALSE.equals(m.bool(a))) {
      out.add(rule, r, a.start(), name, r.address() + " sets " + name + " = false" + m.via(a.value()),
          Fixes.replace(r, a, true, "set " + name + " = true" + note));
    }
  }
}
