package dev.shipgate.scanner.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipgate.evidence.Dsse;
import dev.shipgate.evidence.Envelope;
import dev.shipgate.evidence.EvidenceException;
import dev.shipgate.evidence.TrustedKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the signed records under {@code .shipgate/approvals/} and checks what the records themselves can prove:
 * placement, envelope, signature by a trusted key of the claimed approver, payload and expiry. Whether an approval
 * counts for this change (its change id, its approver's role, self-approval) is judged later, against the change.
 */
final class Records {

  static final String DIR = ApprovalRecord.DIR;
  /** A record is a few hundred bytes; anything far larger is not one. */
  static final int MAX_BYTES = 64 * 1024;
  static final int MAX_FILES = 10_000;
  /** Clock skew tolerated between the approver's machine and CI. */
  private static final Duration SKEW = Duration.ofMinutes(10);
  private static final Pattern NAME = Pattern.compile(Pattern.quote(DIR) + "/(approval|waiver)-[0-9a-f]{16}\\.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  enum Kind { INVALID, EXPIRED }

  /** A record that does not count, and why. */
  record Problem(Kind kind, String path, int line, String message) {}

  /** A record whose signature and content check out. */
  record Verified(String path, ApprovalRecord record, String signer, String keyId) {}

  /** A file that cannot be read as a record at all (malformed JSON or base64, too large); fails the gate closed. */
  record Unreadable(String path, int line, String message) {}

  record Result(List<Verified> verified, List<Problem> problems, List<Unreadable> unreadable) {}

  private Records() {}

  static Result load(Tree tree, TrustedKeys trusted, Instant now) throws IOException {
    List<Verified> verified = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<Unreadable> unreadable = new ArrayList<>();
    for (String path : tree.list(DIR, MAX_FILES)) {
      if (path.endsWith("/.gitkeep") || path.endsWith("/README.md")) {
        continue;
      }
      Optional<byte[]> bytes;
      try {
        bytes = tree.read(path, MAX_BYTES);
      } catch (Tree.TooLarge e) {
        unreadable.add(new Unreadable(path, 0, e.getMessage()));
        continue;
      }
      if (bytes.isEmpty()) {
        continue;
      }
      check(path, bytes.get(), trusted, now, verified, problems, unreadable);
    }
    return new Result(verified, problems, unreadable);
  }

  private static void check(String path, byte[] bytes, TrustedKeys trusted, Instant now, List<Verified> verified,
      List<Problem> problems, List<Unreadable> unreadable) {
    if (!NAME.matcher(path).matches()) {
      problems.add(new Problem(Kind.INVALID, path, 0, "misplaced record: records live directly in " + DIR
          + "/ as approval-<16 hex>.json or waiver-<16 hex>.json, named by their payload's SHA-256 as "
          + "`shipgate approve` and `shipgate waive` write them"));
      return;
    }
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      unreadable.add(new Unreadable(path, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "not valid JSON: " + e.getOriginalMessage()));
      return;
    } catch (IOException e) {
      unreadable.add(new Unreadable(path, 0, "cannot read: " + e.getMessage()));
      return;
    }
    if (root == null || !root.isObject() || !root.has("payloadType") || !root.has("payload")) {
      unreadable.add(new Unreadable(path, 1, "not a DSSE envelope: expected {\"payloadType\", \"payload\", \"signatures\"}"));
      return;
    }
    JsonNode sigs = root.get("signatures");
    if (sigs == null || !sigs.isArray() || sigs.isEmpty()) {
      problems.add(new Problem(Kind.INVALID, path, 1, "unsigned record: the envelope has no signatures, so nobody "
          + "vouches for it; create records with `shipgate approve` or `shipgate waive`"));
      return;
    }
    Envelope envelope;
    try {
      envelope = Envelope.parse(new String(bytes, StandardCharsets.UTF_8), path);
    } catch (EvidenceException e) {
      unreadable.add(new Unreadable(path, 1, e.getMessage().startsWith(path + ": ") ? e.getMessage().substring(path.length() + 2) : e.getMessage()));
      return;
    }
    if (!ApprovalRecord.PAYLOAD_TYPE.equals(envelope.payloadType())) {
      problems.add(new Problem(Kind.INVALID, path, 1, "payloadType is '" + envelope.payloadType() + "', not "
          + ApprovalRecord.PAYLOAD_TYPE + ": this envelope is not an approval or waiver record"));
      return;
    }
    Dsse.Verification v = Dsse.verify(envelope, trusted);
    if (!v.verified()) {
      problems.add(new Problem(Kind.INVALID, path, 1, "signature not accepted: " + v.failure()));
      return;
    }
    byte[] payload = envelope.payload();
    ApprovalRecord r;
    try {
      r = ApprovalRecord.parse(payload);
    } catch (ApprovalRecord.RecordException e) {
      problems.add(new Problem(Kind.INVALID, path, 1, e.getMessage()));
      return;
    }
    String expectedName = DIR + "/" + ApprovalRecord.fileName(r.kind(), payload);
    if (!expectedName.equals(path)) {
      problems.add(new Problem(Kind.INVALID, path, 1, "misplaced record: its payload belongs in " + expectedName
          + " (records are named by their kind and payload digest; a copied or renamed record does not count)"));
      return;
    }
    if (!v.identity().equals(r.approver())) {
      problems.add(new Problem(Kind.INVALID, path, 1, "the record says it was approved by " + r.approver()
          + " but is signed with the key of " + v.identity() + " (key " + v.keyId() + ")"));
      return;
    }
    if (r.created().isAfter(now.plus(SKEW))) {
      problems.add(new Problem(Kind.INVALID, path, 1, "created " + r.created() + ", which is in the future"));
      return;
    }
    if (r.expiredAt(now)) {
      problems.add(new Problem(Kind.EXPIRED, path, 1, r.kind() + " of " + r.subject() + " by " + r.approver()
          + " expired on " + r.expires() + "; ask " + r.approver() + " to sign a new one"));
      return;
    }
    verified.add(new Verified(path, r, v.identity(), v.keyId()));
  }
}
