package dev.shipgate.scanner.change;

import dev.shipgate.git.ChangeSet;
import dev.shipgate.git.GitException;
import dev.shipgate.git.GitWorkspace;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Whether someone may approve a tier of a change, judged as the gate judges it, for `shipgate approve`. */
public final class Approvers {

  private Approvers() {}

  /** Why {@code identity} may not approve {@code tier} of this change, or empty when they may. */
  public static Optional<String> refusal(ChangePolicy policy, ChangeSet cs, Change change, List<GitWorkspace.Commit> commits,
      String tier, String identity) throws GitException, IOException {
    Tier t = policy.tiers().get(tier);
    Optional<DependencyReview.Result> dependencies = DependencyReview.of(cs);
    Map<String, List<Classifier.Hit>> tiers = DependencyReview.withNewDirect(policy, new Classifier(policy).classify(change.files()),
        dependencies);
    if (t == null || !tiers.containsKey(tier)) {
      return Optional.of("this change does not touch tier '" + tier + "'" + (tiers.isEmpty() ? "; it touches no tier"
          : "; it touches " + String.join(", ", tiers.keySet())));
    }
    CodeOwners owners = CodeOwners.none();
    for (String loc : CodeOwners.LOCATIONS) {
      var before = cs.before(loc);
      if (before.isPresent() && before.get().size() <= CodeOwners.MAX_BYTES) {
        owners = CodeOwners.parse(loc, before.get().text());
        break;
      }
    }
    Governance g = new Governance(policy, change, cs.ref(), commits, owners, CodeOwners.none(), tiers, List.of(),
        Optional.empty(), List.of(), List.of(), List.of(), new Records.Result(List.of(), List.of(), List.of()), Map.of(),
        dependencies);
    if (g.isAuthor(identity)) {
      return Optional.of(identity + " is an author of this change (authors: " + String.join(", ", g.authors)
          + "); the gate never counts a self-approval: ask another owner");
    }
    Governance.Requirement r = g.requirement(t);
    if (!g.mayApprove(identity, r)) {
      return Optional.of(r.anyone() ? "tier '" + tier + "' needs a security owner, and none is configured (scanners.change.security_owners)"
          : identity + " is not an owner of tier '" + tier + "' (owners: " + String.join(", ", r.owners()) + ", from "
              + r.ownerSource() + "); the gate would not count the approval");
    }
    return Optional.empty();
  }
}
