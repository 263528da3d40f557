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

  /** A finding at a line (0: the file as a whole); {@code key} makes the fingerprint (never the line). */
  final Finding.Builder finding(String path, int line, String key) {
    return Finding.builder(rule()).at(line > 0 ? Location.line(path, line) : Location.file(path)).contextKey(key);
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
