package dev.shipgate.sbom;

import dev.shipgate.scanner.deps.Ecosystem;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The artifact hashes a lockfile's integrity text states, in the forms the deps extractors record: Subresource
 * Integrity ({@code sha512-<base64>}, several separated by spaces), {@code sha256:<hex>} (Python, Gradle),
 * {@code sha1-hex:<hex>} (yarn's URL fragment), bare hex (Cargo SHA-256, Composer SHA-1) and NuGet's base64
 * SHA-512 {@code contentHash}.
 *
 * <p>Left out on purpose: Go's {@code h1:} (a hash over the module's file tree, not of any downloadable artifact),
 * yarn Berry's checksums (of yarn's own re-packed archive, not of the registry tarball) and npm's
 * {@code bundled:} marker (the parent's hash). Values whose length does not fit the algorithm are dropped rather
 * than guessed.
 */
final class Integrity {

  private static final Pattern SRI = Pattern.compile("(sha1|sha256|sha384|sha512)-([A-Za-z0-9+/]+={0,2})");
  private static final Pattern PREFIXED_HEX = Pattern.compile("(sha1|sha256|sha384|sha512)(?:-hex)?:([0-9A-Fa-f]+)");
  private static final Pattern TOKEN = Pattern.compile("\\S+");
  private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

  private Integrity() {}

  static List<Digest> parse(Ecosystem ecosystem, String integrity) {
    List<Digest> out = new ArrayList<>();
    Matcher tokens = TOKEN.matcher(integrity);
    while (tokens.find()) {
      String token = tokens.group();
      Matcher m = SRI.matcher(token);
      if (m.matches()) {
        add(out, m.group(1), decodeBase64(m.group(2)));
        continue;
      }
      m = PREFIXED_HEX.matcher(token);
      if (m.matches()) {
        add(out, m.group(1), decodeHex(m.group(2)));
        continue;
      }
      if (ecosystem == Ecosystem.CRATES_IO && HEX.matcher(token).matches()) {
        add(out, "sha256", decodeHex(token));
      } else if (ecosystem == Ecosystem.PACKAGIST && HEX.matcher(token).matches()) {
        add(out, "sha1", decodeHex(token));
      } else if (ecosystem == Ecosystem.NUGET && BASE64.matcher(token).matches()) {
        add(out, "sha512", decodeBase64(token));
      }
    }
    return out;
  }

  private static void add(List<Digest> out, String algorithm, byte[] value) {
    int expected = switch (algorithm) {
      case "sha1" -> 20;
      case "sha256" -> 32;
      case "sha384" -> 48;
      default -> 64;
    };
    if (value == null || value.length != expected) {
      return;
    }
    String name = "SHA-" + algorithm.substring(3).toUpperCase(Locale.ROOT);
    Digest d = new Digest(name, HexFormat.of().formatHex(value));
    if (!out.contains(d)) {
      out.add(d);
    }
  }

  private static byte[] decodeBase64(String text) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] decodeHex(String text) {
    return text.length() % 2 == 0 ? HexFormat.of().parseHex(text) : null;
  }
}
