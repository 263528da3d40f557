package dev.shipgate.scanner.config;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spring Boot's relaxed binding, reduced to one comparable form. Spring compares property names element by
 * element in a "uniform" form: lower case with every character that is not a letter or digit removed, so
 * {@code server.error.include-stacktrace}, {@code server.error.includeStacktrace},
 * {@code server.error.include_stacktrace} and {@code SERVER.ERROR.INCLUDE-STACKTRACE} are one property.
 * Bracketed elements ({@code [0]}, {@code [/**]}) are map keys or indexes and stay as written.
 *
 * <p>(Upper-snake names such as {@code SERVER_ERROR_INCLUDE_STACKTRACE} map to dotted names only in the
 * system-environment property source, never inside a configuration file, so they are not folded here.)
 */
public final class RelaxedNames {

  // Rules name the same canonical keys for every property they see; a file's own keys are cached by ConfigEntry.
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
  private static final int CACHE_LIMIT = 4096;

  private RelaxedNames() {}

  /** {@link #uniform} for names that rules spell out, memoized. */
  public static String uniformCached(String name) {
    String u = CACHE.get(name);
    if (u == null) {
      u = uniform(name);
      if (CACHE.size() < CACHE_LIMIT) {
        CACHE.put(name, u);
      }
    }
    return u;
  }

  /** The uniform form of a whole dotted name, indexes included. */
  public static String uniform(String name) {
    StringBuilder out = new StringBuilder(name.length());
    StringBuilder element = new StringBuilder();
    int i = 0;
    int n = name.length();
    while (i < n) {
      char c = name.charAt(i);
      if (c == '[') {
        flush(out, element);
        int close = name.indexOf(']', i + 1);
        int end = close < 0 ? n : close;
        out.append('[').append(name, i + 1, end).append(']');
        i = close < 0 ? n : close + 1;
      } else if (c == '.') {
        flush(out, element);
        i++;
      } else {
        element.append(c);
        i++;
      }
    }
    flush(out, element);
    return out.toString();
  }

  /** The uniform name without trailing list indexes: {@code a.b[0]} and {@code a.b[]} become {@code a.b}. */
  public static String base(String uniformName) {
    String s = uniformName;
    while (s.endsWith("]")) {
      int open = s.lastIndexOf('[');
      if (open < 0 || !isIndex(s.substring(open + 1, s.length() - 1))) {
        break;
      }
      s = s.substring(0, open);
    }
    return s;
  }

  /** Element value as Spring compares enum constants and endpoint ids: lower case, letters and digits only. */
  public static String uniformWord(String value) {
    StringBuilder b = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = Character.toLowerCase(value.charAt(i));
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean isIndex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static void flush(StringBuilder out, StringBuilder element) {
    if (element.length() == 0) {
      return;
    }
    String u = uniformWord(element.toString().toLowerCase(Locale.ROOT));
    element.setLength(0);
    if (u.isEmpty()) {
      return;
    }
    if (out.length() > 0) {
      out.append('.');
    }
    out.append(u);
  }
}
