package dev.shipgate.scanner.change;

import dev.shipgate.core.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The judgement of one tier's approvals, shared by the missing-approval and gate-policy rules. */
final class Approvals {

  private Approvals() {}

  /** A finding when the tier lacks approvals: who must approve, who did, whose approval does not count, and how to add one. */
  static Optional<Finding> judge(Governance g, Tier tier, ChangeRule rule) {
    Governance.Requirement r = g.requirement(tier);
    Set<String> counted = g.counted(r);
    List<String> uncoveredFiles = g.filesWithoutOwnerApproval(r, counted);
    boolean cannot = r.anyone() && tier.security();
    if (!cannot && counted.size() >= r.required() && uncoveredFiles.isEmpty()) {
      return Optional.empty();
    }
    Classifier.Hit first = g.firstHit(tier);
    int files = g.tiers.get(tier.name()).size();
    StringBuilder m = new StringBuilder();
    m.append("this change touches tier '").append(tier.name()).append("' (").append(tier.title()).append(": ")
        .append(first.path()).append(first.line() > 0 ? ":" + first.line() : "").append(", ").append(first.why())
        .append(files > 1 ? ", and " + (files - 1) + " more file" + (files > 2 ? "s" : "") : "").append(") and needs ")
        .append(r.required()).append(r.required() == 1 ? " approval" : " approvals");
    if (g.aiAssisted() && tier.aiExtraApprovals() > 0) {
      m.append(" (").append(tier.approvals()).append(" + ").append(tier.aiExtraApprovals())
          .append(" because the change is AI-assisted)");
    }
    if (cannot) {
      m.append(" from a security owner, but none is configured: add scanners.change.security_owners (or a CODEOWNERS "
          + "entry for these files) in a change the current maintainers approve");
    } else if (r.anyone()) {
      m.append(" from any reviewer other than its authors (no owners are configured for this tier and CODEOWNERS "
          + "names none for these files)");
    } else {
      m.append(" from ").append(String.join(", ", r.owners())).append(" (owners from ").append(r.ownerSource()).append(')');
      List<String> unknown = g.identities.unknownTeams(r.owners());
      if (!unknown.isEmpty()) {
        m.append("; the policy lists no members for ").append(String.join(", ", unknown))
            .append(", so only a record signed with that team's own trusted key counts for it (list members under "
                + "scanners.change.teams)");
      }
    }
    m.append(". Counted: ").append(counted.isEmpty() ? "none" : String.join(", ", counted)).append('.');
    List<String> notCounted = notCounted(g, r);
    if (!notCounted.isEmpty()) {
      m.append(" Not counted: ").append(String.join("; ", notCounted)).append('.');
    }
    if (!uncoveredFiles.isEmpty()) {
      m.append(" Files without an approval by one of their own CODEOWNERS: ").append(String.join(", ", uncoveredFiles)).append('.');
    }
    // The dependencies tier approves the change's packages as one decision: the finding lists them.
    Optional<DependencyReview.Result> deps = tier.name().equals(DependencyReview.TIER) ? g.dependencies : Optional.empty();
    deps.ifPresent(d -> m.append(" Dependency changes: ").append(DependencyReview.describe(d)).append('.'));
    if (!cannot) {
      m.append(" To approve: ").append(ChangeRule.howToApprove(tier.name(), g.baseRef)).append('.');
    }
    dev.shipgate.core.model.Finding.Builder f = rule.finding(first.path(), first.line(), "tier:" + tier.name() + "@" + g.change.id())
        .message(m.toString())
        .property("tier", tier.name())
        .property("required", Integer.toString(r.required()))
        .property("approved", Integer.toString(counted.size()))
        .property("change", g.change.id());
    deps.ifPresent(d -> f.property("new_direct_dependencies",
        String.join(", ", d.diff().newDirect().stream().map(c -> c.ecosystem().purlType() + ":" + c.name()).toList())));
    return Optional.of(f.build());
  }

  private static List<String> notCounted(Governance g, Governance.Requirement r) {
    List<String> out = new ArrayList<>();
    for (Governance.Grant gr : g.grants) {
      if (gr.tier() != null && !gr.tier().equals(r.tier().name())) {
        continue;
      }
      if (!gr.current()) {
        out.add(gr.identity() + " (" + gr.staleWhy() + ")");
      } else if (g.isAuthor(gr.identity())) {
        out.add(gr.identity() + " (an author of this change)");
      } else if (!g.mayApprove(gr.identity(), r)) {
        out.add(gr.identity() + " (not an owner of tier '" + r.tier().name() + "')");
      }
    }
    return out;
  }
}
