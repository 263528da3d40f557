package dev.shipgate.scanner.deps.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NuGet's order (NuGet.Versioning): up to four numeric parts, missing ones are zero ({@code 1.0} =
 * {@code 1.0.0.0}); a pre-release label sorts below the release and compares like SemVer 2 identifiers but
 * case-insensitively; build metadata is ignored. Parsing as NuGet's: .NET {@code String.Trim} white space around,
 * no {@code v} prefix, each number an Int32 ({@code System.Version}), numeric label identifiers without leading zeros.
 */
public final class NuGetVersion implements VersionScheme {

  private static final Pattern VERSION = Pattern.compile(
      "^(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$");

  /** {@code System.Version} reads each part as an Int32. */
  private static final String INT32_MAX = "2147483647";

  @Override
  public String name() {
    return "nuget";
  }

  @Override
  public boolean isValid(String version) {
    return matcher(version) != null;
  }

  /** The matched version, or null when it is none (too long or a number over Int32 included). */
  private static Matcher matcher(String version) {
    if (version.length() > MAX_LENGTH) {
      return null;
    }
    Matcher m = VERSION.matcher(dotNetTrim(version));
    if (!m.matches()) {
      return null;
    }
    for (int g = 1; g <= 4; g++) {
      if (m.group(g) != null && Semver.compareNumeric(m.group(g), INT32_MAX) > 0) {
        return null;
      }
    }
    // SemVer 2, as NuGet.Versioning checks labels: a numeric identifier has no leading zero (1.0.0-01 is invalid).
    if (m.group(5) != null) {
      for (String id : m.group(5).split("\\.")) {
        if (id.length() > 1 && id.charAt(0) == '0' && Semver.isDigits(id)) {
          return null;
        }
      }
    }
    return m;
  }

  /** .NET's {@code String.Trim} ({@code Char.IsWhiteSpace}): NBSP and U+0085 included, the BOM not. */
  private static String dotNetTrim(String s) {
    return Semver.trim(s, NuGetVersion::isDotNetSpace);
  }

  private static boolean isDotNetSpace(int c) {
    int type = Character.getType(c);
    return (c >= '\t' && c <= '\r') || c == '\u0085' || type == Character.SPACE_SEPARATOR
        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
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
        pre.add(p);
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
