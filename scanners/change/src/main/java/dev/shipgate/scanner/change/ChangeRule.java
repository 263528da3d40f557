package dev.shipgate.scanner.change;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Location;
import dev.shipgate.core.model.Rule;
import java.util.function.Consumer;

/** One rule of the family: its metadata and its judgement of a change. */
abstract class ChangeRule {

  static final String FAMILY = "change";

  abstract Rule rule();

  abstract void check(Governance g, Consumer<Finding> out);

  /**
   * A finding on a file as a whole, with the line (when there is one) as a property and in the message. Never on a
   * line: an inline {@code shipgate:ignore} comment works only on a line, and the author of a change must not be able
   * to suppress the governance of their own change. {@code key} makes the fingerprint.
   */
  final Finding.Builder finding(String path, int line, String key) {
    Finding.Builder b = Finding.builder(rule()).at(Location.file(path)).contextKey(key);
    if (line > 0) {
      b.property("line", Integer.toString(line));
    }
    return b;
  }

  static Rule.Builder rule(String id) {
    return Rule.builder(FAMILY + "/" + id, FAMILY);
  }

  /** How an owner supplies an approval, named in every finding about a missing one. */
  static String howToApprove(String tier, String base) {
    return "an owner approves the pull request on the code host (CI passes the review list with --reviews), or runs "
        + "`shipgate approve --tier " + tier + " --as @<owner> --key <owner-key.pem> --reason \"...\" --base " + base
        + "` and commits the record it writes under " + Records.DIR + "/";
  }
}
