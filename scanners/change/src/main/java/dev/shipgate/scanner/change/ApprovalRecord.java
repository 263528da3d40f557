package dev.shipgate.scanner.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;

/**
 * What an approver signs: an approval of one change (for a tier, a finding fingerprint or a rule) or a waiver of a
 * finding (fingerprint or rule, optionally limited to a path glob) that outlives the change.
 *
 * <pre>
 * {"version": 1, "kind": "approval", "approver": "@alice", "change": "sha256:...", "tier": "auth",
 *  "reason": "...", "created": "2026-11-22T01:00:00Z", "expires": "2026-12-22T01:00:00Z", "head": "1a2b..."}
 * </pre>
 *
 * @param change the change id ({@link Change}); null for waivers
 * @param head the HEAD commit when the record was made, for people reading it; never trusted by the gate
 */
public record ApprovalRecord(String kind, String approver, String change, String tier, String fingerprint, String rule,
    String path, String reason, Instant created, Instant expires, String head) {

  /** The DSSE payload type of approval and waiver records. */
  public static final String PAYLOAD_TYPE = "application/vnd.shipgate.approval+json";
  /** Where records live, repository-relative. */
  public static final String DIR = ".shipgate/approvals";
  public static final String APPROVAL = "approval";
  public static final String WAIVER = "waiver";
  private static final Set<String> KEYS =
      Set.of("version", "kind", "approver", "change", "tier", "fingerprint", "rule", "path", "reason", "created", "expires", "head");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A payload that is not a usable record; the message says which field and why. */
  public static final class RecordException extends Exception {
    private static final long serialVersionUID = 1L;

    RecordException(String message) {
      super(message);
    }
  }

  /** What the record approves or waives, e.g. {@code tier auth} or {@code rule java/sql/injection}. */
  public String subject() {
    if (tier != null) {
      return "tier " + tier;
    }
    if (fingerprint != null) {
      return "finding " + fingerprint;
    }
    return "rule " + rule + (path != null ? " on " + path : "");
  }

  public boolean expiredAt(Instant now) {
    return !expires.isAfter(now);
  }

  /** The payload bytes as signed: keys in a fixed order, absent fields left out. */
  public byte[] toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("version", 1);
    o.put("kind", kind);
    o.put("approver", approver);
    putIf(o, "change", change);
    putIf(o, "tier", tier);
    putIf(o, "fingerprint", fingerprint);
    putIf(o, "rule", rule);
    putIf(o, "path", path);
    o.put("reason", reason);
    o.put("created", created.toString());
    o.put("expires", expires.toString());
    putIf(o, "head", head);
    return (o.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The file name a record must have: its kind and the start of its payload's SHA-256. */
  public static String fileName(String kind, byte[] payload) {
    return kind + "-" + HexFormat.of().formatHex(Change.sha256().digest(payload)).substring(0, 16) + ".json";
  }

  private static void putIf(ObjectNode o, String key, String value) {
    if (value != null) {
      o.put(key, value);
    }
  }

  public static ApprovalRecord parse(byte[] payload) throws RecordException {
    JsonNode o;
    try {
      o = JSON.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new RecordException("the signed payload is not JSON (line " + e.getLocation().getLineNr() + "): " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw new RecordException("the signed payload cannot be read: " + e.getMessage());
    }
    if (o == null || !o.isObject()) {
      throw new RecordException("the signed payload is not a JSON object");
    }
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KEYS.contains(k)) {
        throw new RecordException("the payload has unknown field '" + k + "'");
      }
    }
    if (o.path("version").asInt(0) != 1) {
      throw new RecordException("unsupported record version " + o.path("version") + "; this shipgate reads version 1");
    }
    String kind = required(o, "kind");
    if (!kind.equals(APPROVAL) && !kind.equals(WAIVER)) {
      throw new RecordException("'kind' must be approval or waiver, not '" + kind + "'");
    }
    String change = optional(o, "change");
    String tier = optional(o, "tier");
    String fingerprint = optional(o, "fingerprint");
    String rule = optional(o, "rule");
    String path = optional(o, "path");
    int subjects = (tier != null ? 1 : 0) + (fingerprint != null ? 1 : 0) + (rule != null ? 1 : 0);
    if (subjects != 1) {
      throw new RecordException("a record names exactly one of 'tier', 'fingerprint' or 'rule'");
    }
    if (kind.equals(APPROVAL) && change == null) {
      throw new RecordException("an approval names the 'change' it approves");
    }
    if (kind.equals(WAIVER) && (tier != null || change != null)) {
      throw new RecordException("a waiver names a finding 'fingerprint' or a 'rule', never a tier or a change");
    }
    if (path != null && rule == null) {
      throw new RecordException("'path' only narrows a 'rule'");
    }
    Instant created = instant(o, "created");
    Instant expires = instant(o, "expires");
    if (!expires.isAfter(created)) {
      throw new RecordException("'expires' (" + expires + ") is not after 'created' (" + created + ")");
    }
    return new ApprovalRecord(kind, required(o, "approver"), change, tier, fingerprint, rule, path,
        required(o, "reason"), created, expires, optional(o, "head"));
  }

  private static String required(JsonNode o, String key) throws RecordException {
    String v = optional(o, key);
    if (v == null) {
      throw new RecordException("the payload needs '" + key + "'");
    }
    return v;
  }

  private static String optional(JsonNode o, String key) throws RecordException {
    JsonNode n = o.get(key);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual() || n.asText().isBlank()) {
      throw new RecordException("'" + key + "' must be a non-empty string");
    }
    return n.asText();
  }

  private static Instant instant(JsonNode o, String key) throws RecordException {
    String v = required(o, key);
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      throw new RecordException("'" + key + "' must be a UTC time like 2026-12-31T00:00:00Z, not '" + v + "'");
    }
  }
}
