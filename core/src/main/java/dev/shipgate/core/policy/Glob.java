package dev.shipgate.core.policy;

import java.util.regex.Pattern;

/**
 * A path glob with gitignore-like semantics: {@code *} and {@code ?} stay within one path segment,
 * {@code **} spans segments ({@code **}{@code /x} also matches {@code x} at the top), {@code [abc]} is a
 * character class, and a pattern without a slash matches a file name at any depth. Paths use {@code /}.
 */
public final class Glob {

  private final String source;
  private final Pattern pattern;

  private Glob(String source, Pattern pattern) {
    this.source = source;
    this.pattern = pattern;
  }

  /** Compiles {@code glob}; a malformed glob throws {@link IllegalArgumentException} with the offending index. */
  public static Glob compile(String glob) {
    if (glob.isEmpty()) {
      throw new IllegalArgumentException("empty glob");
    }
    String g = glob.startsWith("/") ? glob.substring(1) : glob;
    String body = g.endsWith("/") ? g.substring(0, g.length() - 1) : g;
    boolean anchored = glob.startsWith("/") || body.contains("/");
    if (g.endsWith("/")) {
      g = g + "**";
    }
    StringBuilder re = new StringBuilder();
    if (!anchored) {
      re.append("(?:.*/)?");
    }
    int i = 0;
    while (i < g.length()) {
      char c = g.charAt(i);
      if (c == '*') {
        boolean doubleStar = i + 1 < g.length() && g.charAt(i + 1) == '*';
        if (doubleStar) {
          boolean segmentStart = i == 0 || g.charAt(i - 1) == '/';
          boolean segmentEnd = i + 2 == g.length() || g.charAt(i + 2) == '/';
          if (!segmentStart || !segmentEnd) {
            throw new IllegalArgumentException("'**' must be a whole path segment at index " + i + " of '" + glob + "'");
          }
          if (i + 2 == g.length()) {
            re.append(".*");
            i += 2;
          } else {
            re.append("(?:.*/)?");
            i += 3;
          }
        } else {
          re.append("[^/]*");
          i++;
        }
      } else if (c == '?') {
        re.append("[^/]");
        i++;
      } else if (c == '[') {
        int close = g.indexOf(']', i + 2);
        if (close < 0) {
          throw new IllegalArgumentException("unclosed '[' at index " + i + " of '" + glob + "'");
        }
        String set = g.substring(i + 1, close);
        if (set.startsWith("!")) {
          set = "^" + set.substring(1);
        }
        re.append('[').append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
        i = close + 1;
      } else if (c == '\\') {
        if (i + 1 >= g.length()) {
          throw new IllegalArgumentException("trailing '\\' in '" + glob + "'");
        }
        re.append(Pattern.quote(String.valueOf(g.charAt(i + 1))));
        i += 2;
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
    // A directory pattern also matches everything below it.
    re.append("(?:/.*)?");
    return new Glob(glob, Pattern.compile(re.toString()));
  }

  public boolean matches(String path) {
    return pattern.matcher(path).matches();
  }

  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return source;
  }
}
