package dev.shipgate.scanner.secrets;

import dev.shipgate.core.model.Severity;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.CRC32;

/** Offline format checks named by detectors' {@code validator:} key. None of them touches the network. */
final class Validators {

  /**
   * @param keep false drops the candidate (it cannot be the credential the detector describes)
   * @param checksum true when a checksum embedded in the token matched (raises confidence), false when
   *     the format has one and it did not match, null when the format carries none
   * @param severity a replacement severity, or null
   */
  record Result(boolean keep, Boolean checksum, Severity severity, String note) {
    static final Result KEEP = new Result(true, null, null, null);
    static final Result DROP = new Result(false, null, null, null);
  }

  static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private static final Map<String, Function<String, Result>> ALL = Map.of(
      "crc32-base62", Validators::crc32Base62,
      "jwt", Validators::jwt,
      "pem-body", Validators::pemBody,
      "base64-64-bytes", s -> decodedLength(s) == 64 ? Result.KEEP : Result.DROP,
      "base64-32-bytes", s -> decodedLength(s) == 32 ? Result.KEEP : Result.DROP,
      "basic-credentials", Validators::basicCredentials,
      "kubernetes-secret-value", Validators::kubernetesSecretValue,
      "jwt-base64", Validators::jwtBase64,
      "base64-private-key", Validators::base64PrivateKey);

  private Validators() {}

  static boolean exists(String name) {
    return ALL.containsKey(name);
  }

  static Result check(String name, String secret) {
    return ALL.get(name).apply(secret);
  }

  /**
   * GitHub (and npm) tokens end in six base62 characters holding the CRC32 of the random part between the
   * prefix's underscore and the checksum.
   */
  static Result crc32Base62(String token) {
    int underscore = token.lastIndexOf('_');
    if (token.length() - underscore - 1 < 7) {
      return new Result(true, false, null, "too short for a checksum");
    }
    String body = token.substring(underscore + 1, token.length() - 6);
    String sum = token.substring(token.length() - 6);
    boolean ok = base62(crc32(body), 6).equals(sum);
    return new Result(true, ok, null, ok ? "checksum valid" : "checksum does not match");
  }

  static long crc32(String s) {
    CRC32 c = new CRC32();
    c.update(s.getBytes(StandardCharsets.US_ASCII));
    return c.getValue();
  }

  static String base62(long value, int width) {
    StringBuilder sb = new StringBuilder();
    long v = value;
    while (v > 0) {
      sb.append(BASE62.charAt((int) (v % 62)));
      v /= 62;
    }
    while (sb.length() < width) {
      sb.append('0');
    }
    return sb.reverse().toString();
  }

  private static final Set<String> CLAIMS = Set.of(
      "\"iss\"", "\"sub\"", "\"aud\"", "\"exp\"", "\"iat\"", "\"nbf\"", "\"jti\"", "\"scope\"", "\"email\"",
      "\"role\"", "\"azp\"", "\"client_id\"", "\"uid\"", "\"user_id\"", "\"name\"", "\"tid\"", "\"oid\"");

  /** A JWT counts when header and payload decode to JSON objects, the header names an alg and the payload has claims. */
  static Result jwt(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Result.DROP;
    }
    String header = b64urlText(parts[0]);
    String payload = b64urlText(parts[1]);
    if (header == null || payload == null || !header.trim().startsWith("{") || !payload.trim().startsWith("{")) {
      return Result.DROP;
    }
    String h = header.replace(" ", "");
    int alg = h.indexOf("\"alg\":\"");
    if (alg < 0) {
      return Result.DROP;
    }
    String algValue = h.substring(alg + 7, Math.max(alg + 7, h.indexOf('"', alg + 7)));
    long claims = CLAIMS.stream().filter(payload::contains).count();
    if (claims == 0) {
      return Result.DROP;
    }
    if (algValue.equalsIgnoreCase("none")) {
      return new Result(true, null, Severity.LOW, "unsigned token (alg none)");
    }
    if (parts[2].length() < 16) {
      return Result.DROP;
    }
    return new Result(true, null, null, "alg " + algValue);
  }

  /** A PEM private key wrapped in base64 (kubeconfig's {@code client-key-data}): judged as the key it decodes to. */
  static Result base64PrivateKey(String b64) {
    String pem;
    try {
      pem = new String(Base64.getMimeDecoder().decode(b64), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      return Result.DROP;
    }
    if (!pem.contains("-----BEGIN") || !pem.contains("PRIVATE KEY-----")) {
      return Result.DROP;
    }
    return pemBody(pem).keep() ? new Result(true, null, null, "base64 of a PEM private key") : Result.DROP;
  }

  /** A JWT wrapped in base64 (Kubernetes Secret data, Basic-auth style headers): judged as the JWT it decodes to. */
  static Result jwtBase64(String b64) {
    String inner;
    try {
      inner = new String(Base64.getMimeDecoder().decode(b64), StandardCharsets.UTF_8).strip();
    } catch (IllegalArgumentException e) {
      return Result.DROP;
    }
    Result r = jwt(inner);
    return r.keep() ? new Result(true, null, r.severity(), "base64 of a JWT, " + r.note()) : Result.DROP;
  }

  private static String b64urlText(String s) {
    try {
      byte[] b = Base64.getUrlDecoder().decode(s.replace("=", ""));
      return new String(b, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A PEM body must be real base64 of some length: rules out "..." and "<your key here>" placeholders. */
  static Result pemBody(String body) {
    String b64 = SecretText.pemPayload(body);
    if (b64.length() < 64) {
      return Result.DROP;
    }
    try {
      byte[] decoded = Base64.getMimeDecoder().decode(b64);
      if (decoded.length < 48 || Entropy.bitsPerChar(b64) < 4.0) {
        return Result.DROP;
      }
      return Result.KEEP;
    } catch (IllegalArgumentException e) {
      return Result.DROP;
    }
  }

  /** HTTP Basic: base64 of printable {@code user:password}, with a password that is not a placeholder. */
  static Result basicCredentials(String b64) {
    String text;
    try {
      text = new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Result.DROP;
    }
    int colon = text.indexOf(':');
    if (colon < 1 || colon == text.length() - 1 || !text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      return Result.DROP;
    }
    String password = text.substring(colon + 1);
    if (password.length() < 4 || Placeholders.reason(password, password, true) != null) {
      return Result.DROP;
    }
    return new Result(true, null, null, "decodes to user:password");
  }

  /**
   * A value under a Kubernetes Secret's {@code data} (base64) or {@code stringData} (plain text). Base64 that
   * decodes to text is judged as that text; to binary (a key or keystore), kept. Short values, numbers,
   * placeholders and addresses without credentials are configuration kept in a Secret, not credentials.
   */
  static Result kubernetesSecretValue(String value) {
    String text = value;
    String note = "stringData value";
    if (value.length() % 4 == 0 && value.matches("[A-Za-z0-9+/]+={0,2}")) {
      try {
        byte[] decoded = Base64.getDecoder().decode(value);
        String decodedText = new String(decoded, StandardCharsets.UTF_8);
        if (!decodedText.chars().allMatch(c -> c >= 0x20 && c != 0x7f && c != 0xFFFD || c == '\n' || c == '\r' || c == '\t')) {
          return decoded.length >= 16 ? new Result(true, null, null, "data value decodes to binary key material") : Result.DROP;
        }
        text = decodedText;
        note = "data value decoded from base64";
      } catch (IllegalArgumentException e) {
        // Not base64 after all: a stringData value that happens to use base64's alphabet.
      }
    }
    String t = text.strip();
    if (t.length() < 6 || t.chars().allMatch(Character::isDigit) || Placeholders.reason(t, t, true) != null) {
      return Result.DROP;
    }
    boolean address = t.matches("(?i)[a-z][a-z0-9+.\\-]*://[^@\\s]*") || t.matches("(?i)[a-z0-9.\\-]+\\.[a-z]{2,}(?::[0-9]+)?");
    return address ? Result.DROP : new Result(true, null, null, note);
  }

  private static int decodedLength(String s) {
    try {
      return Base64.getDecoder().decode(s).length;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }
}
