package dev.shipgate.scanner.change;

import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.evidence.TrustedKeys;
import dev.shipgate.git.ChangeSet;
import dev.shipgate.git.GitException;
import dev.shipgate.git.GitWorkspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The signed acceptances that hold, for the gate to apply like entries of the waiver file: waivers
 * ({@code shipgate waive}) and, in diff mode, approvals of a finding or rule of this very change
 * ({@code shipgate approve --fingerprint/--rule}). Each is verified against the trusted keys, unexpired, signed by a
 * security owner, and not by an author of the change. The change family reports the records that do not hold.
 */
public final class SignedWaivers {

  /**
   * One accepted finding or rule.
   *
   * @param rule the accepted rule, or null for a fingerprint (a fingerprint already hashes its rule id)
   * @param fingerprint the finding's fingerprint, or null when a rule is accepted
   * @param path a path glob narrowing a rule, or null
   * @param record the record's repository path, for reports
   */
  public record Waiver(String rule, String fingerprint, String path, String approver, Instant expires, String reason, String record) {}

  private SignedWaivers() {}

  /**
   * Whole-tree scans: the waivers, trusting the policy's keys as they are.
   *
   * @param top the repository's top level
   * @param settings the policy's {@code scanners.change} section
   */
  public static List<Waiver> load(Path top, Settings settings, Instant now) throws PolicyException, IOException {
    ChangePolicy policy = ChangePolicy.from(settings);
    Records.Result records = Records.load(new Tree(top, Map.of()), TrustedKeys.from(settings, top), now);
    return select(records, policy, null, Set.of(), Set.of());
  }

  /**
   * Diff mode: the waivers and this change's accepted findings, trusting only keys trusted at the base as well, and
   * leaving out acceptances the change's own authors signed.
   */
  public static List<Waiver> load(GitWorkspace ws, ChangeSet changes, Settings settings, Instant now)
      throws PolicyException, IOException, GitException {
    ChangePolicy policy = ChangePolicy.from(settings);
    Change change = Change.of(changes);
    Set<String> authors = changes.mode().equals("staged") ? Set.of()
        : Authors.of(ws.commitsSince(changes.baseCommit(), ChangeScanner.MAX_COMMITS), policy);
    Records.Result records = Records.load(new Tree(ws.topLevel(), Map.of()), BaseKeys.forChange(settings, changes, ws.topLevel()), now);
    return select(records, policy, change.id(), authors, Set.copyOf(change.paths()));
  }

  private static List<Waiver> select(Records.Result records, ChangePolicy policy, String changeId, Set<String> authors,
      Set<String> changed) {
    Identities ids = Identities.of(policy);
    List<Waiver> out = new ArrayList<>();
    for (Records.Verified v : records.verified()) {
      ApprovalRecord r = v.record();
      boolean waiver = r.kind().equals(ApprovalRecord.WAIVER);
      boolean thisChange = !waiver && r.tier() == null && r.change().equals(changeId);
      boolean selfSigned = Authors.contains(authors, r.approver()) && (thisChange || changed.contains(v.path()));
      if ((waiver || thisChange) && !selfSigned && ids.satisfiesAny(r.approver(), policy.securityOwners())) {
        out.add(new Waiver(r.rule(), r.fingerprint(), r.path(), r.approver(), r.expires(), r.reason(), v.path()));
      }
    }
    return out;
  }
}
