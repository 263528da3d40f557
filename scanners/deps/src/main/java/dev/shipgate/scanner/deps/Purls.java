package dev.shipgate.scanner.deps;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Package URLs (purl-spec) for the ecosystems we extract, built here rather than with packageurl-java 1.5.0, whose
 * percent-encoding is wrong outside ASCII (it sign-extends UTF-8 bytes above 0x7F, {@code %FFFFFFC3} for {@code %C3})
 * and writes bytes below 0x10 with one hex digit. Per the spec every byte of a segment's UTF-8 form other than
 * {@code A-Z a-z 0-9 - . _ ~} is written {@code %XX} (upper-case hex), so any name and version round-trips.
 * Normalisation is packageurl-java's (the reference the tests compare against on ASCII): the type in lower case,
 * PyPI names lower case with {@code _} as {@code -}, Go namespaces and names lower case, everything else as written.
 */
final class Purls {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Purls() {}

  /** The canonical PURL, or "" when the name cannot form one (an empty name, a Maven name without group). */
  static String of(Ecosystem ecosystem, String name, String version) {
    String namespace = null;
    String local = name;
    switch (ecosystem) {
      case MAVEN -> {
        int colon = name.indexOf(':');
        if (colon <= 0) {
          return "";
        }
        namespace = name.substring(0, colon);
        local = name.substring(colon + 1);
      }
      case NPM, GO, PACKAGIST -> {
        int slash = name.lastIndexOf('/');
        if (slash > 0) {
          namespace = name.substring(0, slash);
          local = name.substring(slash + 1);
        }
      }
      default -> {}
    }
    switch (ecosystem) {
      case PYPI -> local = local.toLowerCase(Locale.ROOT).replace('_', '-');
      case GO -> {
        local = local.toLowerCase(Locale.ROOT);
        namespace = namespace == null ? null : namespace.toLowerCase(Locale.ROOT);
      }
      default -> {}
    }
    if (local.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder("pkg:").append(ecosystem.purlType()).append('/');
    if (namespace != null) {
      for (String segment : namespace.split("/")) {
        if (!segment.isEmpty()) {
          encode(segment, b).append('/');
        }
      }
    }
    encode(local, b);
    if (version != null && !version.isEmpty()) {
      encode(version, b.append('@'));
    }
    return b.toString();
  }

  private static StringBuilder encode(String s, StringBuilder b) {
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xFF;
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
        b.append((char) c);
      } else {
        b.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return b;
  }
}
