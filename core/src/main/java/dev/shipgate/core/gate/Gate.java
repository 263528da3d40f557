package dev.shipgate.core.gate;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.FindingStatus;
import dev.shipgate.core.policy.Policy;
import dev.shipgate.core.scan.ScanEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns scanner findings into a verdict: marks what the diff base already had, what the baseline and
 * waivers accept, applies the report and fail thresholds, and fails closed on scanner errors.
 */
public final class Gate {

  /**
   * What the diff base looked like, for {@code --base} and {@code --staged}.
   *
   * @param changed whether a path changed since the base; findings in unchanged paths existed before
   * @param baseFingerprints fingerprints of the findings in the base versions of the changed files
   * @param commit the base commit, named in the status reason
   */
  public record DiffBase(Predicate<String> changed, Set<String> baseFingerprints, String commit) {}

  /** The judged findings, in report order, and the verdict. */
  public record Outcome(List<Finding> findings, Verdict verdict) {}

  private final Policy policy;

  public Gate(Policy policy) {
    this.policy = policy;
  }

  public Outcome judge(List<Finding> scanned, List<Coverage> coverage, Waivers waivers, Baseline baseline, DiffBase diff) {
    List<Finding> all = new ArrayList<>(scanned);
    all.addAll(Fingerprints.assign(waivers.problems()));
    List<Finding> judged = new ArrayList<>(all.size());
    for (Finding f : all) {
      boolean meta = f.rule().family().equals(CoreRules.FAMILY);
      if (!meta && !policy.report().admits(f) && !policy.failOn().admits(f)) {
        continue;
      }
      if (diff != null && !meta && f.status() == FindingStatus.OPEN) {
        boolean before = !diff.changed().test(f.location().path()) || diff.baseFingerprints().contains(f.fingerprint());
        if (before) {
          f = f.withStatus(FindingStatus.PREEXISTING, "present at the diff base " + abbreviate(diff.commit()));
        }
      }
      f = baseline.apply(f);
      f = waivers.apply(f);
      // A broken waiver file always blocks: the gate cannot know what it was meant to accept.
      boolean waiverProblem = f.ruleId().equals(CoreRules.WAIVER_EXPIRED.id()) || f.ruleId().equals(CoreRules.WAIVER_INVALID.id());
      judged.add(f.withBlocking(f.status() == FindingStatus.OPEN && (waiverProblem || policy.failOn().admits(f))));
    }
    judged.sort(ScanEngine.ORDER);
    return new Outcome(List.copyOf(judged), verdict(judged, coverage));
  }

  private Verdict verdict(List<Finding> findings, List<Coverage> coverage) {
    List<String> reasons = new ArrayList<>();
    long blocking = findings.stream().filter(Finding::blocking).count();
    int errors = coverage.stream().mapToInt(c -> c.errors().size()).sum();
    if (blocking > 0) {
      reasons.add(blocking + " blocking finding" + (blocking == 1 ? "" : "s") + " (fail_on: " + policy.failOn() + ")");
    }
    if (errors > 0) {
      List<String> families = coverage.stream().filter(c -> !c.errors().isEmpty()).map(Coverage::family).toList();
      reasons.add(errors + " scan error" + (errors == 1 ? "" : "s") + " in " + String.join(", ", families)
          + (policy.failOnErrors() ? " (the gate fails closed; errors.fail in the policy)" : " (allowed by the policy: errors.fail is false)"));
    }
    if (errors > 0 && policy.failOnErrors()) {
      return new Verdict(false, Verdict.ERROR, reasons);
    }
    if (blocking > 0) {
      return new Verdict(false, Verdict.FAILED, reasons);
    }
    if (reasons.isEmpty()) {
      reasons.add("no blocking findings");
    }
    return new Verdict(true, Verdict.PASS, reasons);
  }

  private static String abbreviate(String commit) {
    return commit == null || commit.length() < 12 ? String.valueOf(commit) : commit.substring(0, 12);
  }
}
