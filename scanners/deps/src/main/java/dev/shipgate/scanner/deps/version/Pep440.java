package dev.shipgate.scanner.deps.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEP 440 (Python packaging) order: epoch, release (trailing zeros ignored), pre-release ({@code a < b < rc};
 * {@code alpha}, {@code beta}, {@code c}, {@code pre}, {@code preview} are spellings of those), post-release
 * ({@code .post1}, {@code -1}, {@code rev}), development release ({@code .dev1}, before its pre-release), and
 * local label ({@code +ubuntu.1}, above the same version without one). Spelling variants are normalised as
 * the specification says ({@code 1.0-ALPHA_1} equals {@code 1.0a1}).
 */
public final class Pep440 implements VersionScheme {

  private static final Pattern VERSION = Pattern.compile(
      "^\\s*v?(?:(\\d+)!)?(\\d+(?:\\.\\d+)*)"
          + "(?:[-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?(\\d+)?)?"
          + "(?:(?:-(\\d+))|(?:[-_.]?(post|rev|r)[-_.]?(\\d+)?))?"
          + "(?:[-_.]?(dev)[-_.]?(\\d+)?)?"
          + "(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?\\s*$",
      Pattern.CASE_INSENSITIVE);

  /** The parsed parts; null fields are absent. */
  record Parsed(long epoch, List<String> release, int preKind, String preNumber, String post, String dev, List<String> local) {}

  @Override
  public String name() {
    return "pep440";
  }

  @Override
  public boolean isValid(String version) {
    return parse(version) != null;
  }

  static Parsed parse(String version) {
    if (version.length() > MAX_LENGTH) {
      return null;
    }
    Matcher m = VERSION.matcher(version);
    if (!m.matches()) {
      return null;
    }
    long epoch;
    try {
      epoch = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      return null;
    }
    List<String> release = new ArrayList<>();
    for (String p : m.group(2).split("\\.")) {
      release.add(strip(p));
    }
    while (release.size() > 1 && release.get(release.size() - 1).equals("0")) {
      release.remove(release.size() - 1);
    }
    int preKind = -1;
    String preNumber = null;
    if (m.group(3) != null) {
      String k = m.group(3).toLowerCase(Locale.ROOT);
      preKind = switch (k) {
        case "a", "alpha" -> 0;
        case "b", "beta" -> 1;
        default -> 2; // c, rc, pre, preview
      };
      preNumber = m.group(4) == null ? "0" : strip(m.group(4));
    }
    String post = null;
    if (m.group(5) != null) {
      post = strip(m.group(5));
    } else if (m.group(6) != null) {
      post = m.group(7) == null ? "0" : strip(m.group(7));
    }
    String dev = m.group(8) == null ? null : (m.group(9) == null ? "0" : strip(m.group(9)));
    List<String> local = null;
    if (m.group(10) != null) {
      local = new ArrayList<>();
      for (String p : m.group(10).toLowerCase(Locale.ROOT).split("[-_.]")) {
        local.add(Semver.isDigits(p) ? strip(p) : p);
      }
    }
    return new Parsed(epoch, release, preKind, preNumber, post, dev, local);
  }

  @Override
  public String canonical(String version) {
    Parsed p = parse(version);
    if (p == null) {
      return "invalid:" + version;
    }
    StringBuilder b = new StringBuilder();
    if (p.epoch != 0) {
      b.append(p.epoch).append('!');
    }
    b.append(String.join(".", p.release));
    if (p.preKind >= 0) {
      b.append(new String[] {"a", "b", "rc"}[p.preKind]).append(p.preNumber);
    }
    if (p.post != null) {
      b.append(".post").append(p.post);
    }
    if (p.dev != null) {
      b.append(".dev").append(p.dev);
    }
    if (p.local != null) {
      b.append('+').append(String.join(".", p.local));
    }
    return b.toString();
  }

  @Override
  public int compare(String a, String b) {
    Parsed x = parse(a);
    Parsed y = parse(b);
    if (x == null || y == null) {
      return x == y ? a.compareTo(b) : (x != null ? 1 : -1);
    }
    int c = Long.compare(x.epoch, y.epoch);
    if (c != 0) {
      return c;
    }
    for (int i = 0; i < Math.max(x.release.size(), y.release.size()); i++) {
      String rx = i < x.release.size() ? x.release.get(i) : "0";
      String ry = i < y.release.size() ? y.release.get(i) : "0";
      c = Semver.compareNumeric(rx, ry);
      if (c != 0) {
        return c;
      }
    }
    c = comparePre(x, y);
    if (c != 0) {
      return c;
    }
    // No post-release sorts below any post-release.
    c = compareOptional(x.post, y.post, -1);
    if (c != 0) {
      return c;
    }
    // No dev-release sorts above any dev-release.
    c = compareOptional(x.dev, y.dev, 1);
    if (c != 0) {
      return c;
    }
    return compareLocal(x.local, y.local);
  }

  /** A dev-only release (1.0.dev1) sorts below every pre-release of 1.0; a final release above all of them. */
  private static int comparePre(Parsed x, Parsed y) {
    int kx = preRank(x);
    int ky = preRank(y);
    if (kx != ky) {
      return Integer.compare(kx, ky);
    }
    if (x.preKind >= 0) {
      return Semver.compareNumeric(x.preNumber, y.preNumber);
    }
    return 0;
  }

  private static int preRank(Parsed p) {
    if (p.preKind >= 0) {
      return p.preKind;
    }
    if (p.post == null && p.dev != null) {
      return -1;
    }
    return 3;
  }

  private static int compareOptional(String a, String b, int absent) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : absent) : -absent;
    }
    return Semver.compareNumeric(a, b);
  }

  /** No local label sorts first; numeric segments sort above alphanumeric ones; a longer label wins ties. */
  private static int compareLocal(List<String> a, List<String> b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      boolean na = Semver.isDigits(a.get(i));
      boolean nb = Semver.isDigits(b.get(i));
      int c = na && nb ? Semver.compareNumeric(a.get(i), b.get(i)) : na != nb ? (na ? 1 : -1) : a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static String strip(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }

  /** PEP 503 project name normalisation, as used for matching PyPI advisories. */
  public static String normaliseName(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }
}
