package dev.shipgate.scanner.terraform;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Fix;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.scan.ScanContext;

/** Where checks send findings; positions become lines of the resource's file. */
public final class Report {

  private final ScanContext context;

  Report(ScanContext context) {
    this.context = context;
  }

  /**
   * Reports {@code rule} at character {@code offset} of {@code r}'s file. {@code what} names the setting
   * (e.g. {@code acl}); with the resource address it identifies the finding independently of line numbers.
   * {@code fix} may be null.
   */
  public void add(Rule rule, Resource r, int offset, String what, String message, Fix fix) {
    add(rule, r, offset, what, message, fix, rule.severity());
  }

  /** Same, for a finding graver or milder than the rule's default severity. */
  public void add(Rule rule, Resource r, int offset, String what, String message, Fix fix, Severity severity) {
    Finding.Builder b = Finding.builder(rule)
        .atLine(r.file().path(), r.file().lineOf(offset))
        .message(message)
        .severity(severity)
        .contextKey(r.address() + "/" + what)
        .property("resource", r.address());
    if (fix != null) {
      b.fix(fix);
    }
    context.report(b.build());
  }
}
