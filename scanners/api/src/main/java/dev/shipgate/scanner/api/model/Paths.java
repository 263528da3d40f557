package dev.shipgate.scanner.api.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * URL path handling shared by routes, security matchers, the policy's public routes and OpenAPI paths:
 * joining, normalising (template variable names do not matter, trailing slashes do not count) and Spring's
 * pattern semantics ({@code ?}, {@code *} within a segment, {@code **} across segments, {@code {var}},
 * {@code {*var}}).
 */
public final class Paths {

  // Compiled once: these run for every segment of every route and pattern.
  private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}|:[A-Za-z_]\\w*\\??|<(?:\\w+:)?\\w+>");
  private static final Pattern TEMPLATE = Pattern.compile("\\{[^}]*}");
  private static final Pattern REST = Pattern.compile("\\{\\*[^}]*}");
  private static final Pattern NAMES = Pattern.compile("\\{\\*?([^}:]+)(?::[^}]*)?}|^:([A-Za-z_]\\w*)$|^<(?:\\w+:)?(\\w+)>$");

  private Paths() {}

  /** Joins a prefix and a path as frameworks do: one slash between, a leading slash, no trailing slash. */
  public static String join(String prefix, String path) {
    String a = prefix == null ? "" : prefix.trim();
    String b = path == null ? "" : path.trim();
    String joined = a.isEmpty() ? b : b.isEmpty() ? a : a + "/" + b;
    return clean(joined);
  }

  /** One leading slash, no doubled or trailing slashes; "/" for the root. */
  public static String clean(String path) {
    StringBuilder out = new StringBuilder();
    for (String seg : path.split("/")) {
      if (!seg.isEmpty()) {
        out.append('/').append(seg);
      }
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  /**
   * The comparison key of a concrete route path: every template variable ({@code {id}}, {@code {id:\d+}},
   * Express {@code :id}, Flask {@code <int:id>}) becomes {@code {}}.
   */
  public static String key(String path) {
    List<String> out = new ArrayList<>();
    for (String seg : segments(clean(path))) {
      out.add(isVariable(seg) ? "{}" : seg.indexOf('{') < 0 ? seg : TEMPLATE.matcher(seg).replaceAll("{}"));
    }
    return "/" + String.join("/", out);
  }

  /** The names of the template variables of a route path, in order. */
  public static List<String> variables(String path) {
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher m = NAMES.matcher("");
    for (String seg : segments(clean(path))) {
      m.reset(seg);
      while (m.find()) {
        out.add(m.group(1) != null ? m.group(1).trim() : m.group(2) != null ? m.group(2) : m.group(3));
      }
    }
    return out;
  }

  static boolean isVariable(String seg) {
    char c = seg.isEmpty() ? ' ' : seg.charAt(0);
    return (c == '{' || c == ':' || c == '<') && VARIABLE.matcher(seg).matches();
  }

  static List<String> segments(String path) {
    List<String> out = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Whether a security or policy pattern covers every request of a route path. A template segment of the
   * route matches only wildcard or template segments of the pattern: a literal pattern segment such as
   * {@code /users/me} is taken to mean a more specific handler, not this one.
   */
  public static boolean matches(String pattern, String routePath) {
    List<String> p = segments(clean(pattern));
    List<String> r = segments(clean(routePath));
    // matched[i][j]: pattern segments from i match route segments from j; filled from the end, so many
    // '**' segments cost (pattern x route) steps rather than exponential backtracking.
    boolean[][] matched = new boolean[p.size() + 1][r.size() + 1];
    matched[p.size()][r.size()] = true;
    for (int i = p.size() - 1; i >= 0; i--) {
      String seg = p.get(i);
      boolean any = seg.equals("**") || (seg.startsWith("{*") && REST.matcher(seg).matches());
      for (int j = r.size(); j >= 0; j--) {
        if (any) {
          matched[i][j] = matched[i + 1][j] || (j < r.size() && matched[i][j + 1]);
        } else {
          matched[i][j] = j < r.size() && matched[i + 1][j + 1] && segmentMatches(seg, r.get(j));
        }
      }
    }
    return matched[0][0];
  }

  private static boolean segmentMatches(String pattern, String routeSeg) {
    boolean wholeWildcard = pattern.equals("*") || (pattern.startsWith("{") && TEMPLATE.matcher(pattern).matches());
    if (isVariable(routeSeg) || routeSeg.contains("{")) {
      return wholeWildcard;
    }
    if (wholeWildcard) {
      return true;
    }
    return SEGMENT_PATTERNS.computeIfAbsent(pattern, Paths::segmentRegex).matcher(routeSeg).matches();
  }

  /** Compiled segment patterns: a project has a few dozen, checked against every route. */
  private static final java.util.Map<String, Pattern> SEGMENT_PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

  private static java.util.regex.Pattern segmentRegex(String pattern) {
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
        re.append(java.util.regex.Pattern.quote(String.valueOf(c)));
      }
      i++;
    }
    return java.util.regex.Pattern.compile(re.toString());
  }
}
