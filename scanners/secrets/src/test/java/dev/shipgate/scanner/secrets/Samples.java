package dev.shipgate.scanner.secrets;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the generators in detector samples ({@code [[b62:30]]}, {@code [[crc]]}, {@code [[jwt]]},
 * {@code [[pem:RSA PRIVATE KEY]]}, ...; {@code [[~hex:40]]} for a public part) into fresh random values, so tests plant format-valid secrets
 * that no provider ever issued and no credential-shaped literal is stored in the repository.
 */
final class Samples {

  /** An expanded sample and the random parts planted in it (what must never leak into a finding). */
  record Expanded(String text, List<String> secrets) {}

  private static final Pattern GEN = Pattern.compile("\\[\\[(~?[a-zA-Z0-9-]+)(?::([^\\]]+))?]]");

  static final String B62 = Validators.BASE62;
  private static final String HEX = "0123456789abcdef";
  private static final String B64 = B62 + "+/";
  private static final String B64U = B62 + "_-";

  private final Random random;

  Samples(long seed) {
    this.random = new Random(seed);
  }

  Expanded expand(String template) {
    Matcher m = GEN.matcher(template);
    StringBuilder out = new StringBuilder();
    List<String> secrets = new ArrayList<>();
    String previous = "";
    while (m.find()) {
      // A leading ~ marks a public part (a key id, a project name): planted, but not a secret.
      boolean isPublic = m.group(1).startsWith("~");
      String kind = isPublic ? m.group(1).substring(1) : m.group(1);
      String arg = m.group(2);
      String value = switch (kind) {
        case "crc" -> Validators.base62(Validators.crc32(previous), 6);
        case "jwt" -> jwt("HS256", true);
        case "jwt-none" -> jwt("none", false);
        case "jwt-b64" -> Base64.getEncoder().encodeToString(jwt("HS256", true).getBytes(StandardCharsets.UTF_8));
        case "pem" -> pem(arg, "\n");
        case "basic" -> Base64.getEncoder().encodeToString(("svc-" + chars(charset("lalnum"), 5) + ":" + chars(B62, 16)).getBytes(StandardCharsets.UTF_8));
        case "pem-escaped" -> pem(arg, "\\n");
        case "b64pem" -> Base64.getEncoder().encodeToString(pem(arg, "\n").getBytes(StandardCharsets.US_ASCII));
        case "b64bytes" -> {
          byte[] b = new byte[Integer.parseInt(arg)];
          random.nextBytes(b);
          yield Base64.getEncoder().encodeToString(b);
        }
        default -> chars(charset(kind), Integer.parseInt(arg));
      };
      previous = value;
      if (value.length() >= 8 && !isPublic) {
        secrets.add(value);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return new Expanded(out.toString(), secrets);
  }

  static String charset(String kind) {
    return switch (kind) {
      case "b62" -> B62;
      case "hex" -> HEX;
      case "HEX" -> HEX.toUpperCase(java.util.Locale.ROOT);
      case "b64" -> B64;
      case "b64u" -> B64U;
      case "b32u" -> "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
      case "bech32u" -> "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L";
      case "alpha" -> "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
      case "digit" -> "0123456789";
      case "ualnum" -> "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
      case "lalnum" -> "abcdefghijklmnopqrstuvwxyz0123456789";
      default -> throw new IllegalArgumentException("unknown sample generator " + kind);
    };
  }

  String chars(String charset, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append(charset.charAt(random.nextInt(charset.length())));
    }
    return sb.toString();
  }

  /** A GitHub-format token with a valid checksum (prefix like {@code ghp_}). */
  String githubToken(String prefix) {
    String body = chars(B62, 30);
    return prefix + body + Validators.base62(Validators.crc32(body), 6);
  }

  String jwt(String alg, boolean signed) {
    Base64.Encoder e = Base64.getUrlEncoder().withoutPadding();
    String header = e.encodeToString(("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));
    String payload = e.encodeToString(("{\"sub\":\"" + chars(HEX, 12) + "\",\"iss\":\"https://auth.internal\",\"iat\":"
        + (1_700_000_000 + random.nextInt(10_000_000)) + ",\"scope\":\"admin\"}").getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + "." + (signed ? chars(B64U, 43) : "");
  }

  /** A PEM-armored block of random base64 (not a usable key: it only has a key's shape). */
  String pem(String type, String newline) {
    byte[] body = new byte[type.contains("PGP") ? 900 : 600];
    random.nextBytes(body);
    String b64 = Base64.getEncoder().encodeToString(body);
    StringBuilder sb = new StringBuilder("-----BEGIN ").append(type).append("-----").append(newline);
    if (type.contains("PGP")) {
      sb.append(newline);
    }
    for (int i = 0; i < b64.length(); i += 64) {
      sb.append(b64, i, Math.min(b64.length(), i + 64)).append(newline);
    }
    return sb.append("-----END ").append(type).append("-----").toString();
  }
}
