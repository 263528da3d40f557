package dev.shipgate.scanner.deps.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NuGet's order (NuGet.Versioning): up to four numeric parts, missing ones are zero ({@code 1.0} =
 * {@code 1.0.0.0}); a pre-release label sorts below the release and compares like SemVer 2 identifiers but
 * case-insensitively; build metadata is ignored.
 */
public final class NuGetVersion implements VersionScheme {

  private static final Pattern VERSION = Pattern.compile(
      "^\\s*[vV]?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?\\s*$");

  @Override
  public String name() {
    return "nuget";
  }

  @Override
  public boolean isValid(String version) {
    return matcher(version) != null;
  }

  /** The matched version, or null when it is none (too long included). */
  private static Matcher matcher(String version) {
    Matcher m = VERSION.matcher(version);
    return version.length() <= MAX_LENGTH && m.matches() ? m : null;
  }

  private static List<String> numbers(Matcher m) {
    List<String> out = new ArrayList<>();
    for (int g = 1; g <= 4; g++) {
      out.add(m.group(g) == null ? "0" : m.group(g).replaceFirst("^0+(?=.)", ""));
    }
    return out;
  }

  @Override
  public String canonical(String version) {
    Matcher m = matcher(version);
    if (m == null) {
      return "invalid:" + version;
    }
    List<String> pre = new ArrayList<>();
    if (m.group(5) != null) {
      for (String p : m.group(5).toLowerCase(Locale.ROOT).split("\\.")) {
        pre.add(Semver.isDigits(p) ? p.replaceFirst("^0+(?=.)", "") : p);
      }
    }
    return String.join(".", numbers(m)) + (pre.isEmpty() ? "" : "-" + String.join(".", pre));
  }

  @Override
  public int compare(String a, String b) {
    Matcher x = matcher(a);
    Matcher y = matcher(b);
    boolean vx = x != null;
    boolean vy = y != null;
    if (!vx || !vy) {
      return vx == vy ? a.compareTo(b) : (vx ? 1 : -1);
    }
    List<String> nx = numbers(x);
    List<String> ny = numbers(y);
    for (int i = 0; i < 4; i++) {
      int c = Semver.compareNumeric(nx.get(i), ny.get(i));
      if (c != 0) {
        return c;
      }
    }
    String px = x.group(5) == null ? null : x.group(5).toLowerCase(Locale.ROOT);
    String py = y.group(5) == null ? null : y.group(5).toLowerCase(Locale.ROOT);
    return Semver.comparePre(px, py);
  }
}
