package dev.shipgate.scanner.change;

import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.evidence.TrustedKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The signed waivers ({@code shipgate waive}) that hold: verified against the trusted keys, unexpired, and signed by a
 * security owner. The gate applies them like entries of the waiver file; the change family reports the records that
 * do not hold.
 */
public final class SignedWaivers {

  /**
   * One accepted finding or rule.
   *
   * @param rule the waived rule, or null for a fingerprint waiver (a fingerprint already hashes its rule id)
   * @param fingerprint the finding's fingerprint, or null when the waiver covers a rule
   * @param path a path glob narrowing a rule waiver, or null
   * @param record the record's repository path, for reports
   */
  public record Waiver(String rule, String fingerprint, String path, String approver, Instant expires, String reason, String record) {}

  private SignedWaivers() {}

  /**
   * @param top the repository's top level
   * @param settings the policy's {@code scanners.change} section
   */
  public static List<Waiver> load(Path top, Settings settings, Instant now) throws PolicyException, IOException {
    ChangePolicy policy = ChangePolicy.from(settings);
    Identities ids = Identities.of(policy);
    Records.Result records = Records.load(new Tree(top, Map.of()), TrustedKeys.from(settings, top), now);
    List<Waiver> out = new ArrayList<>();
    for (Records.Verified v : records.verified()) {
      ApprovalRecord r = v.record();
      if (r.kind().equals(ApprovalRecord.WAIVER) && ids.satisfiesAny(r.approver(), policy.securityOwners())) {
        out.add(new Waiver(r.rule(), r.fingerprint(), r.path(), r.approver(), r.expires(), r.reason(), v.path()));
      }
    }
    return out;
  }
}
