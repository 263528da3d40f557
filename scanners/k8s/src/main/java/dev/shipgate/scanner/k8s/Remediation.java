package dev.shipgate.scanner.k8s;

import dev.shipgate.core.model.Fix;
import java.util.ArrayList;
import java.util.List;

/** A computed fix, or the reason none is offered (shown on the findings it would have resolved). */
record Remediation(Fix fix, String reason) {

  static Remediation none(String reason) {
    return new Remediation(null, reason);
  }

  /**
   * One fix from edits in the order they were planned; inserts at the same offset are joined in that order,
   * so a nested addition stays before the lines added to its parent.
   */
  static Remediation of(String description, List<Fix.Edit> edits) {
    List<Fix.Edit> joined = new ArrayList<>();
    for (Fix.Edit e : edits) {
      int same = -1;
      for (int i = 0; i < joined.size(); i++) {
        Fix.Edit j = joined.get(i);
        if (j.start() == j.end() && e.start() == e.end() && j.start() == e.start()) {
          same = i;
        }
      }
      if (same >= 0) {
        Fix.Edit j = joined.get(same);
        joined.set(same, Fix.Edit.insert(j.path(), j.start(), j.replacement() + e.replacement()));
      } else {
        joined.add(e);
      }
    }
    return new Remediation(new Fix(description, joined), null);
  }
}
