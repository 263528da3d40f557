package dev.shipgate.scanner.docker.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A {@code .dockerignore} file with Docker's matching rules: patterns relative to the build context,
 * {@code #} comments, {@code !} exceptions where the last matching line wins, {@code **} across
 * directories, and a pattern that matches a directory excluding everything below it.
 */
public final class DockerIgnore {

  private record Line(Pattern regex, boolean exception) {}

  private final List<Line> lines;

  private DockerIgnore(List<Line> lines) {
    this.lines = lines;
  }

  public static DockerIgnore parse(String text) {
    List<Line> out = new ArrayList<>();
    for (String raw : text.split("\r?\n", -1)) {
      if (raw.startsWith("#")) {
        continue;
      }
      String p = raw.strip();
      boolean exception = p.startsWith("!");
      if (exception) {
        p = p.substring(1).strip();
      }
      p = clean(p);
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      out.add(new Line(Pattern.compile(regex(p)), exception));
    }
    return new DockerIgnore(List.copyOf(out));
  }

  /** Whether {@code path} (relative to the build context, forward slashes) is left out of the context. */
  public boolean excludes(String path) {
    boolean excluded = false;
    for (Line l : lines) {
      if (matchesOrParentMatches(l.regex(), path)) {
        excluded = !l.exception();
      }
    }
    return excluded;
  }

  private static boolean matchesOrParentMatches(Pattern regex, String path) {
    if (regex.matcher(path).matches()) {
      return true;
    }
    for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
      if (regex.matcher(path.substring(0, slash)).matches()) {
        return true;
      }
    }
    return false;
  }

  /** Like Go's {@code filepath.Clean} on a slash path, with the leading slash dropped as Docker does. */
  private static String clean(String p) {
    List<String> parts = new ArrayList<>();
    for (String s : p.replace('\\', '/').split("/", -1)) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
        parts.remove(parts.size() - 1);
      } else {
        parts.add(s);
      }
    }
    return String.join("/", parts);
  }

  private static String regex(String p) {
    StringBuilder r = new StringBuilder();
    int n = p.length();
    for (int i = 0; i < n; i++) {
      char c = p.charAt(i);
      if (c == '*') {
        if (i + 1 < n && p.charAt(i + 1) == '*') {
          while (i + 1 < n && p.charAt(i + 1) == '*') {
            i++;
          }
          if (i + 1 < n && p.charAt(i + 1) == '/') {
            i++;
            r.append("(?:.*/)?");
          } else {
            r.append(".*");
          }
        } else {
          r.append("[^/]*");
        }
      } else if (c == '?') {
        r.append("[^/]");
      } else if (c == '[') {
        int close = p.indexOf(']', i + 2);
        if (close < 0) {
          r.append("\\[");
        } else {
          String set = p.substring(i + 1, close);
          boolean negated = set.startsWith("^") || set.startsWith("!");
          r.append(negated ? "[^" : "[").append(classBody(negated ? set.substring(1) : set)).append(']');
          i = close;
        }
      } else if (c == '\\' && i + 1 < n) {
        r.append(Pattern.quote(String.valueOf(p.charAt(++i))));
      } else {
        r.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return r.toString();
  }

  /** A glob character class body as a Java regex class body: ranges kept, regex syntax escaped. */
  private static String classBody(String set) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < set.length(); i++) {
      char c = set.charAt(i);
      if (c == '\\' || c == '[' || c == '&' || c == '^') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }
}
