package dev.shipgate.scanner.arch;

import java.util.regex.Pattern;

/**
 * A package pattern of {@code allowed_in} and {@code layers}: {@code com.acme.http} or {@code com.acme.http.*} is
 * that package, {@code com.acme.http.**} the package and its subpackages; {@code *} inside a segment matches
 * within it ({@code com.acme.*.web}).
 */
public final class PackagePattern {

  private static final Pattern SYNTAX = Pattern.compile("(?:\\*\\*|[A-Za-z_$*][A-Za-z0-9_$*]*)(?:\\.(?:\\*\\*|[A-Za-z_$*][A-Za-z0-9_$*]*))*");

  private final String source;
  private final Pattern regex;

  private PackagePattern(String source, Pattern regex) {
    this.source = source;
    this.regex = regex;
  }

  /** Whether {@code text} is written like a package pattern rather than a path glob. */
  public static boolean looksLikePackage(String text) {
    return !text.contains("/") && SYNTAX.matcher(text).matches();
  }

  public static PackagePattern parse(String text) {
    String s = text.trim();
    if (!SYNTAX.matcher(s).matches()) {
      throw new IllegalArgumentException("'" + s + "' is not a package pattern (com.acme.http, com.acme.http.*, com.acme.http.**)");
    }
    boolean deep = s.endsWith(".**");
    if (deep) {
      s = s.substring(0, s.length() - 3);
    } else if (s.endsWith(".*")) {
      s = s.substring(0, s.length() - 2);
    }
    StringBuilder re = new StringBuilder();
    String[] segments = s.split("\\.");
    for (int i = 0; i < segments.length; i++) {
      if (i > 0) {
        re.append("\\.");
      }
      String seg = segments[i];
      if (seg.equals("**")) {
        re.append(".*");
        continue;
      }
      for (char c : seg.toCharArray()) {
        re.append(c == '*' ? "[^.]*" : Pattern.quote(String.valueOf(c)));
      }
    }
    if (deep) {
      re.append("(?:\\..*)?");
    }
    return new PackagePattern(text.trim(), Pattern.compile(re.toString()));
  }

  public boolean matches(String pkg) {
    return pkg != null && regex.matcher(pkg).matches();
  }

  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return source;
  }
}
