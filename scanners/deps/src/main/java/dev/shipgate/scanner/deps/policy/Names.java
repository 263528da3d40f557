package dev.shipgate.scanner.deps.policy;

import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.extract.RequirementsExtractor;
import java.util.Locale;

/** Package names in the form policy lists and the popular-name lists compare them. */
final class Names {

  private Names() {}

  /**
   * Lower case, with PyPI's separator runs folded as PEP 503 does: allow-list entries carry no ecosystem, and every
   * registry but Maven's and crates.io's treats names case-insensitively.
   */
  static String canonical(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  static String canonical(Ecosystem ecosystem, String name) {
    return ecosystem == Ecosystem.PYPI ? RequirementsExtractor.normalise(name) : canonical(name);
  }
}
