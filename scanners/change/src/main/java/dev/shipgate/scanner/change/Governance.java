package dev.shipgate.scanner.change;

import dev.shipgate.git.GitWorkspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything known about one change, gathered once per scan, and the judgements several rules share: who wrote the
 * change, which tiers it falls in, who must approve each, and which approvals count.
 */
final class Governance {

  /** Where an approval comes from. */
  enum Source { REVIEW, RECORD }

  /**
   * One approval as given, before it is judged.
   *
   * @param tier the tier a record approves; null for a code-host approval, which approves the whole change
   * @param path the repository file to point findings at (a record), or null
   * @param staleWhy why the approval is for something other than this change, or null when it is current
   */
  record Grant(String identity, Source source, String tier, String where, String path, int line, String staleWhy) {
    boolean current() {
      return staleWhy == null;
    }
  }

  /** Who may approve a tier's part of the change, and how many must. */
  record Requirement(Tier tier, int required, List<String> owners, String ownerSource, Map<String, List<String>> perFile) {
    boolean anyone() {
      return owners.isEmpty() && perFile.isEmpty();
    }
  }

  /** The note checked for this change: where it was found (repository path, or the --note-file as given). */
  record Note(ChangeNote note, String repoPath, String displayPath) {}

  final ChangePolicy policy;
  final Identities identities;
  final Change change;
  final String baseRef;
  /** CODEOWNERS at the base: who owns what. */
  final CodeOwners codeOwners;
  /** CODEOWNERS as the change leaves it: where its malformed lines are reported. */
  final CodeOwners currentCodeOwners;
  final Map<String, List<Classifier.Hit>> tiers;
  final List<AiAssistance.Evidence> ai;
  final Optional<Note> note;
  final List<String> noteCandidates;
  final List<Grant> grants;
  /** Verified records that accept findings (approvals of a fingerprint or rule, and waivers) rather than approve a tier. */
  final List<Records.Verified> acceptances;
  final Records.Result records;
  final Map<String, AiIgnoreState> aiIgnore;
  final Set<String> authors;
  /** The packages the change adds, removes, upgrades or downgrades; empty when it touches no dependency file. */
  final Optional<DependencyReview.Result> dependencies;

  /** The state of one assistant ignore file: missing, stale (with why), or current. */
  record AiIgnoreState(String file, boolean exists, String staleWhy) {}

  Governance(ChangePolicy policy, Change change, String baseRef, List<GitWorkspace.Commit> commits,
      CodeOwners codeOwners, CodeOwners currentCodeOwners, Map<String, List<Classifier.Hit>> tiers,
      List<AiAssistance.Evidence> ai, Optional<Note> note, List<String> noteCandidates, List<Grant> grants,
      List<Records.Verified> acceptances, Records.Result records, Map<String, AiIgnoreState> aiIgnore,
      Optional<DependencyReview.Result> dependencies) {
    this.policy = policy;
    this.identities = Identities.of(policy);
    this.change = change;
    this.baseRef = baseRef;
    this.codeOwners = codeOwners;
    this.currentCodeOwners = currentCodeOwners;
    this.tiers = tiers;
    this.ai = ai;
    this.note = note;
    this.noteCandidates = noteCandidates;
    this.grants = grants;
    this.acceptances = acceptances;
    this.records = records;
    this.aiIgnore = aiIgnore;
    this.authors = Authors.of(commits, policy);
    this.dependencies = dependencies;
  }

  /** Pre-commit mode: nothing is committed yet, so nothing can have been approved; approvals are judged in base mode. */
  boolean staged() {
    return change.mode().equals("staged");
  }

  boolean aiAssisted() {
    return !ai.isEmpty() || note.isPresent();
  }

  boolean isAuthor(String identity) {
    return Authors.contains(authors, identity);
  }

  /** The first changed file outside the gate's own bookkeeping, where change-wide findings are reported. */
  String anchor() {
    for (String p : change.paths()) {
      if (!Change.outsideId(p) && change.existsAfter(p)) {
        return p;
      }
    }
    return change.paths().stream().filter(change::existsAfter).findFirst()
        .orElse(change.paths().isEmpty() ? "" : change.paths().get(0));
  }

  Requirement requirement(Tier tier) {
    int required = tier.required(aiAssisted());
    List<Classifier.Hit> hits = tiers.getOrDefault(tier.name(), List.of());
    if (tier.security() && !policy.securityOwners().isEmpty()) {
      return new Requirement(tier, required, policy.securityOwners(), "scanners.change.security_owners", Map.of());
    }
    if (!tier.security() && !tier.owners().isEmpty()) {
      return new Requirement(tier, required, tier.owners(), "scanners.change.tiers." + tier.name() + ".owners", Map.of());
    }
    Map<String, List<String>> perFile = new LinkedHashMap<>();
    Set<String> union = new LinkedHashSet<>();
    for (Classifier.Hit h : hits) {
      List<String> owners = codeOwners.owners(h.path());
      if (!owners.isEmpty()) {
        perFile.put(h.path(), owners);
        union.addAll(owners);
      }
    }
    return new Requirement(tier, required, List.copyOf(union), codeOwners.path(), perFile);
  }

  /** Whether an approver may approve for a requirement (owners known), ignoring who wrote the change. */
  boolean mayApprove(String identity, Requirement r) {
    if (r.anyone()) {
      return !r.tier().security();
    }
    return identities.satisfiesAny(identity, r.owners());
  }

  /** Current approvals, by people who did not write the change, that apply to a tier. */
  List<Grant> applicable(Tier tier) {
    List<Grant> out = new ArrayList<>();
    for (Grant g : grants) {
      if (g.current() && !isAuthor(g.identity()) && (g.tier() == null || g.tier().equals(tier.name()))) {
        out.add(g);
      }
    }
    return out;
  }

  /** Distinct identities whose approval counts for the tier. */
  Set<String> counted(Requirement r) {
    Set<String> out = new LinkedHashSet<>();
    for (Grant g : applicable(r.tier())) {
      if (mayApprove(g.identity(), r)) {
        out.add(g.identity());
      }
    }
    return out;
  }

  /** Files whose own CODEOWNERS owners have not approved (GitHub requires one owner per file). */
  List<String> filesWithoutOwnerApproval(Requirement r, Set<String> counted) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : r.perFile().entrySet()) {
      if (counted.stream().noneMatch(id -> identities.satisfiesAny(id, e.getValue()))) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /** The first hit of a tier on a file the change leaves in place, where its finding is reported. */
  Classifier.Hit firstHit(Tier tier) {
    List<Classifier.Hit> hits = tiers.get(tier.name());
    return hits.stream().filter(h -> change.existsAfter(h.path())).findFirst()
        .orElse(new Classifier.Hit(anchor(), 0, "the change deletes " + hits.get(0).path()));
  }
}
