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
    String[] segs = split(path);
    return segs.length == 0 ? "/" : "/" + String.join("/", segs);
  }

  /**
   * The comparison key of a concrete route path: every template variable ({@code {id}}, {@code {id:\d+}},
   * Express {@code :id}, Flask {@code <int:id>}) becomes {@code {}}.
   */
  public static String key(String path) {
    List<String> out = new ArrayList<>();
    for (String seg : split(path)) {
      out.add(isVariable(seg) ? "{}" : seg.indexOf('{') < 0 ? seg : TEMPLATE.matcher(seg).replaceAll("{}"));
    }
    return "/" + String.join("/", out);
  }

  /** The names of the template variables of a route path, in order. */
  public static List<String> variables(String path) {
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher m = NAMES.matcher("");
    for (String seg : split(path)) {
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

  /** The non-empty segments of a path (the segments of its {@link #clean} form), without a regular expression. */
  public static String[] split(String path) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int n = path.length();
    for (int i = 0; i <= n; i++) {
      if (i == n || path.charAt(i) == '/') {
        if (i > start) {
          out.add(path.substring(start, i));
        }
        start = i + 1;
      }
    }
    return out.toArray(new String[0]);
  }

  /** Whether a route segment holds a template variable (then only a wildcard pattern segment covers it). */
  static boolean isTemplated(String seg) {
    return seg.indexOf('{') >= 0 || isVariable(seg);
  }

  /**
   * Whether a security or policy pattern covers every request of a route path (see {@link PathPattern}; a
   * pattern checked against many routes is compiled once with {@link PathPattern#compile}).
   */
  public static boolean matches(String pattern, String routePath) {
    return PathPattern.compile(pattern).matches(routePath);
  }
}
