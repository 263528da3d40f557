package dev.shipgate.scanner.api.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Spring path pattern split and compiled once: security matchers and public-route entries are checked
 * against every route, so neither the pattern nor its segment expressions are read again per route. The
 * route side is split once per route ({@link Paths#split}).
 */
public final class PathPattern {

  private static final Pattern TEMPLATE = Pattern.compile("\\{[^}]*}");
  private static final Pattern REST = Pattern.compile("\\{\\*[^}]*}");

  private final String source;
  /** Per pattern segment: null for {@code **} / {@code {*rest}}, the literal text, or a compiled glob. */
  private final Object[] segments;
  /** Per pattern segment: {@code *} or a whole template, which also covers a template segment of the route. */
  private final boolean[] wholeWildcard;

  private PathPattern(String source, Object[] segments, boolean[] wholeWildcard) {
    this.source = source;
    this.segments = segments;
    this.wholeWildcard = wholeWildcard;
  }

  public static PathPattern compile(String pattern) {
    String[] parts = Paths.split(pattern);
    Object[] segments = new Object[parts.length];
    boolean[] whole = new boolean[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String seg = parts[i];
      if (seg.equals("**") || (seg.startsWith("{*") && REST.matcher(seg).matches())) {
        segments[i] = null;
      } else if (seg.equals("*") || (seg.startsWith("{") && TEMPLATE.matcher(seg).matches())) {
        whole[i] = true;
        segments[i] = seg;
      } else if (seg.indexOf('*') >= 0 || seg.indexOf('?') >= 0 || seg.indexOf('{') >= 0) {
        segments[i] = glob(seg);
      } else {
        segments[i] = seg;
      }
    }
    return new PathPattern(pattern, segments, whole);
  }

  public static List<PathPattern> compileAll(List<String> patterns) {
    List<PathPattern> out = new ArrayList<>(patterns.size());
    for (String p : patterns) {
      out.add(compile(p));
    }
    return List.copyOf(out);
  }

  /** Whether the pattern covers every request of {@code routePath}. */
  public boolean matches(String routePath) {
    return matches(Paths.split(routePath));
  }

  /**
   * Whether the pattern covers every request of the route split into {@code route}. A template segment of
   * the route matches only wildcard or template segments of the pattern: a literal pattern segment such as
   * {@code /users/me} is taken to mean a more specific handler, not this one.
   */
  public boolean matches(String[] route) {
    int p = segments.length;
    int r = route.length;
    // matched[i][j]: pattern segments from i match route segments from j; filled from the end, so many
    // '**' segments cost (pattern x route) steps rather than exponential backtracking.
    boolean[] next = new boolean[r + 1];
    boolean[] cur = new boolean[r + 1];
    next[r] = true;
    for (int i = p - 1; i >= 0; i--) {
      Object seg = segments[i];
      for (int j = r; j >= 0; j--) {
        if (seg == null) {
          cur[j] = next[j] || (j < r && cur[j + 1]);
        } else {
          cur[j] = j < r && next[j + 1] && segmentMatches(i, route[j]);
        }
      }
      boolean[] t = next;
      next = cur;
      cur = t;
    }
    return next[0];
  }

  private boolean segmentMatches(int i, String routeSeg) {
    if (Paths.isTemplated(routeSeg)) {
      return wholeWildcard[i];
    }
    if (wholeWildcard[i]) {
      return true;
    }
    Object seg = segments[i];
    return seg instanceof Pattern glob ? glob.matcher(routeSeg).matches() : seg.equals(routeSeg);
  }

  private static Pattern glob(String pattern) {
    StringBuilder re = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else if (c == '{') {
        int close = pattern.indexOf('}', i);
        if (close < 0) {
          re.append("\\{");
        } else {
          re.append("[^/]+");
          i = close;
        }
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
      i++;
    }
    return Pattern.compile(re.toString());
  }

  @Override
  public String toString() {
    return source;
  }
}
