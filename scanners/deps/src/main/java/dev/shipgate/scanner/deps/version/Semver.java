package dev.shipgate.scanner.deps.version;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Semantic Versioning 2.0.0 precedence, as npm, crates.io and Go use it. A leading {@code v} is accepted
 * (Go writes {@code v1.2.3}, OSV's Go records {@code 1.2.3}); build metadata, including Go's
 * {@code +incompatible}, does not affect order. Go pseudo-versions ({@code v0.0.0-20211004125949-5bd84dd9b33b})
 * are pre-releases and order correctly as they are.
 */
public final class Semver implements VersionScheme {

  private static final Pattern SEMVER = Pattern.compile(
      "^[vV]?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-((?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$");

  private final String name;

  public Semver(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean isValid(String version) {
    return SEMVER.matcher(version.strip()).matches();
  }

  @Override
  public String canonical(String version) {
    Matcher m = SEMVER.matcher(version.strip());
    if (!m.matches()) {
      return "invalid:" + version;
    }
    return m.group(1) + "." + m.group(2) + "." + m.group(3) + (m.group(4) == null ? "" : "-" + m.group(4));
  }

  @Override
  public int compare(String a, String b) {
    Matcher x = SEMVER.matcher(a.strip());
    Matcher y = SEMVER.matcher(b.strip());
    boolean vx = x.matches();
    boolean vy = y.matches();
    if (!vx || !vy) {
      return vx == vy ? a.compareTo(b) : (vx ? 1 : -1);
    }
    for (int g = 1; g <= 3; g++) {
      int c = compareNumeric(x.group(g), y.group(g));
      if (c != 0) {
        return c;
      }
    }
    return comparePre(x.group(4), y.group(4));
  }

  /** A version without pre-release is higher than one with; identifiers compare numerically or by ASCII. */
  static int comparePre(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    String[] pa = a.split("\\.");
    String[] pb = b.split("\\.");
    for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
      boolean na = isDigits(pa[i]);
      boolean nb = isDigits(pb[i]);
      int c;
      if (na && nb) {
        c = compareNumeric(pa[i], pb[i]);
      } else if (na != nb) {
        c = na ? -1 : 1; // numeric identifiers have lower precedence than alphanumeric ones
      } else {
        c = pa[i].compareTo(pb[i]);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(pa.length, pb.length);
  }

  /** Compares digit strings of any length without overflow. */
  static int compareNumeric(String a, String b) {
    String x = stripZeros(a);
    String y = stripZeros(b);
    return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
  }

  private static String stripZeros(String s) {
    int i = 0;
    while (i < s.length() - 1 && s.charAt(i) == '0') {
      i++;
    }
    return s.substring(i);
  }

  static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
