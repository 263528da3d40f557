package dev.shipgate.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A DSSE envelope (https://github.com/secure-systems-lab/dsse/blob/master/envelope.md):
 * {@code {"payloadType": ..., "payload": base64, "signatures": [{"keyid": ..., "sig": base64}]}}.
 */
public final class Envelope {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Attestations are a few kilobytes; anything this large is not one. */
  private static final long MAX_BYTES = 16L * 1024 * 1024;

  private final String payloadType;
  private final byte[] payload;
  private final List<Signature> signatures;

  /** One signature; {@code keyid} may be empty (cosign leaves it empty), the verifier then tries every trusted key. */
  public static final class Signature {
    private final String keyid;
    private final byte[] sig;

    public Signature(String keyid, byte[] sig) {
      this.keyid = keyid == null ? "" : keyid;
      this.sig = sig.clone();
    }

    public String keyid() {
      return keyid;
    }

    public byte[] sig() {
      return sig.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Signature s && s.keyid.equals(keyid) && java.util.Arrays.equals(s.sig, sig);
    }

    @Override
    public int hashCode() {
      return keyid.hashCode() * 31 + java.util.Arrays.hashCode(sig);
    }

    @Override
    public String toString() {
      return "Signature[keyid=" + keyid + "]";
    }
  }

  public Envelope(String payloadType, byte[] payload, List<Signature> signatures) {
    this.payloadType = Objects.requireNonNull(payloadType, "payloadType");
    this.payload = payload.clone();
    this.signatures = List.copyOf(signatures);
  }

  public String payloadType() {
    return payloadType;
  }

  public byte[] payload() {
    return payload.clone();
  }

  public List<Signature> signatures() {
    return signatures;
  }

  /** The envelope as compact JSON with standard base64, as cosign writes it. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("payloadType", payloadType);
    root.put("payload", Base64.getEncoder().encodeToString(payload));
    ArrayNode sigs = root.putArray("signatures");
    for (Signature s : signatures) {
      ObjectNode n = sigs.addObject();
      n.put("keyid", s.keyid());
      n.put("sig", Base64.getEncoder().encodeToString(s.sig));
    }
    return root.toString();
  }

  public void write(Path file) throws IOException {
    Files.writeString(file, toJson() + "\n", StandardCharsets.UTF_8);
  }

  public static Envelope read(Path file) throws EvidenceException {
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new EvidenceException(file + ": too large to be a DSSE envelope");
      }
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new EvidenceException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses an envelope; every problem is an {@link EvidenceException} that starts with {@code source}. */
  public static Envelope parse(String json, String source) throws EvidenceException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new EvidenceException(source + ": not a DSSE envelope: invalid JSON at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new EvidenceException(source + ": not a DSSE envelope: expected a JSON object with payloadType, payload "
          + "and signatures");
    }
    String type = text(root, "payloadType", source);
    byte[] payload = base64(text(root, "payload", source), "payload", source);
    JsonNode sigs = root.get("signatures");
    if (sigs == null || !sigs.isArray() || sigs.isEmpty()) {
      throw new EvidenceException(source + ": not a signed DSSE envelope: 'signatures' must be a non-empty array");
    }
    List<Signature> out = new ArrayList<>();
    for (int i = 0; i < sigs.size(); i++) {
      JsonNode s = sigs.get(i);
      String where = "signatures[" + i + "]";
      if (!s.isObject()) {
        throw new EvidenceException(source + ": " + where + " must be an object with keyid and sig");
      }
      JsonNode keyid = s.get("keyid");
      if (keyid != null && !keyid.isNull() && !keyid.isTextual()) {
        throw new EvidenceException(source + ": " + where + ".keyid must be a string");
      }
      String sig = text(s, "sig", source + ": " + where);
      out.add(new Signature(keyid == null || keyid.isNull() ? "" : keyid.asText(), base64(sig, where + ".sig", source)));
    }
    return new Envelope(type, payload, out);
  }

  private static String text(JsonNode node, String field, String where) throws EvidenceException {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new EvidenceException(where + ": not a DSSE envelope: '" + field + "' must be a string");
    }
    return v.asText();
  }

  /** DSSE allows standard or URL-safe base64, padded or not. */
  private static byte[] base64(String text, String field, String source) throws EvidenceException {
    String t = text.strip();
    try {
      return t.indexOf('-') >= 0 || t.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(t) : Base64.getDecoder().decode(t);
    } catch (IllegalArgumentException e) {
      throw new EvidenceException(source + ": '" + field + "' is not valid base64");
    }
  }
}
