package dev.shipgate.sbom;

import java.util.Locale;
import java.util.Set;

/**
 * Download locations as a document may show them: only URLs whose scheme names a network or VCS transport, with
 * any user information ({@code user:token@}) and query string (signed-URL tokens) removed, so a lockfile that
 * recorded a credential never passes it on.
 */
final class Urls {

  private static final Set<String> SCHEMES = Set.of("http", "https", "git", "ssh", "git+http", "git+https", "git+ssh", "git+git");

  private Urls() {}

  /** The redacted URL, or "" when {@code resolved} is not a URL we publish (local paths, scp-like git). */
  static String publishable(String resolved) {
    String s = resolved.strip();
    int colon = s.indexOf("://");
    if (colon <= 0 || !SCHEMES.contains(s.substring(0, colon).toLowerCase(Locale.ROOT)) || s.chars().anyMatch(Character::isWhitespace)) {
      return "";
    }
    int authorityStart = colon + 3;
    int authorityEnd = s.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int i = s.indexOf(c, authorityStart);
      if (i >= 0 && i < authorityEnd) {
        authorityEnd = i;
      }
    }
    // The last '@' ends the user information: a raw '@' inside a password must not leave its tail behind.
    int at = s.lastIndexOf('@', authorityEnd - 1);
    String host = at >= authorityStart ? s.substring(at + 1, authorityEnd) : s.substring(authorityStart, authorityEnd);
    if (host.isEmpty()) {
      return "";
    }
    String rest = s.substring(authorityEnd);
    int fragment = rest.indexOf('#');
    int query = rest.indexOf('?');
    if (query >= 0 && (fragment < 0 || query < fragment)) {
      rest = rest.substring(0, query) + (fragment >= 0 ? rest.substring(fragment) : "");
    }
    return s.substring(0, authorityStart) + host + rest;
  }
}
