package dev.shipgate.scanner.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hashing, normalisation and redaction of secret values: the only ways a secret leaves the scanner. */
public final class SecretText {

  private SecretText() {}

  public static String sha256Hex(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
    }
  }

  /**
   * The printable stand-in for a secret: a short prefix (at most a quarter of the value, at most 4
   * characters, so short passwords show little) and 8 hex digits of its SHA-256.
   */
  public static String redact(String secret) {
    int show = Math.min(4, secret.length() / 4);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < show; i++) {
      char c = secret.charAt(i);
      sb.append(c < 0x20 || c == 0x7f ? '?' : c);
    }
    return sb.append('…').append(sha256Hex(secret), 0, 8).toString();
  }

  /** What is hashed and redacted: PEM blocks by their payload, so every encoding of a key matches. */
  static String normalized(Detector d, String secret) {
    return "pem-body".equals(d.validator()) ? pemPayload(secret) : secret;
  }

  /**
   * The base64 payload of a PEM or PGP armored block in any of the forms code carries it: real newlines,
   * {@code \n} escapes inside JSON/YAML strings, string concatenation; armor headers and the PGP CRC line
   * are dropped. Used for validation and so that every form of the same key has the same fingerprint.
   */
  static String pemPayload(String block) {
    String s = block.replace("\\r", "\n").replace("\\n", "\n");
    int begin = s.indexOf("-----BEGIN");
    if (begin >= 0) {
      int eol = s.indexOf("-----", begin + 10);
      s = eol < 0 ? s : s.substring(eol + 5);
    }
    int end = s.indexOf("-----END");
    if (end >= 0) {
      s = s.substring(0, end);
    }
    StringBuilder out = new StringBuilder();
    for (String line : s.split("\n")) {
      String t = line.strip();
      if (t.contains(":") || (t.startsWith("=") && t.length() <= 6)) {
        continue;
      }
      for (int i = 0; i < t.length(); i++) {
        char c = t.charAt(i);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=') {
          out.append(c);
        }
      }
    }
    return out.toString();
  }
}
