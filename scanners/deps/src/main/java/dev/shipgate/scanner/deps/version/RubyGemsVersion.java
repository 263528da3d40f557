package dev.shipgate.scanner.deps.version;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Gem::Version} order: segments split at dots and at letter/digit boundaries ({@code 1.0.0.pre1} is
 * {@code 1 0 0 pre 1}); a string segment marks a pre-release and sorts below any number; missing segments
 * count as zero, so {@code 1.0} equals {@code 1}, and zeros before the first string are dropped too
 * ({@code 1.0.a} equals {@code 1.a}), as {@code Gem::Version#canonical_segments} does.
 */
public final class RubyGemsVersion implements VersionScheme {

  // Gem::Version::ANCHORED_VERSION_PATTERN; a blank version is valid and means "0", as in Gem::Version.new("").
  private static final Pattern VALID =
      Pattern.compile("^\\s*(?:[0-9]+(?:\\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?)?\\s*$");
  private static final Pattern SEGMENT = Pattern.compile("[0-9]+|[a-zA-Z]+");

  @Override
  public String name() {
    return "rubygems";
  }

  @Override
  public boolean isValid(String version) {
    return version.length() <= MAX_LENGTH && VALID.matcher(version).matches();
  }

  static List<String> segments(String version) {
    // Gem::Version reads "1.0.0-rc1" as "1.0.0.pre.rc1".
    String v = version.strip().replace("-", ".pre.");
    List<String> out = new ArrayList<>();
    Matcher m = SEGMENT.matcher(v);
    while (m.find()) {
      String s = m.group();
      out.add(Semver.isDigits(s) ? s.replaceFirst("^0+(?=.)", "") : s);
    }
    // Gem's canonical segments: trailing zeros dropped from the numeric part and from the part starting at the
    // first string, so "1.0.a" equals "1.a" and "1.0" equals "1".
    int firstString = 0;
    while (firstString < out.size() && Semver.isDigits(out.get(firstString))) {
      firstString++;
    }
    List<String> head = dropTrailingZeros(new ArrayList<>(out.subList(0, firstString)));
    List<String> tail = dropTrailingZeros(new ArrayList<>(out.subList(firstString, out.size())));
    head.addAll(tail);
    return head;
  }

  private static List<String> dropTrailingZeros(List<String> segments) {
    while (!segments.isEmpty() && segments.get(segments.size() - 1).equals("0")) {
      segments.remove(segments.size() - 1);
    }
    return segments;
  }

  @Override
  public String canonical(String version) {
    return isValid(version) ? String.join(".", segments(version)) : "invalid:" + version;
  }

  @Override
  public int compare(String a, String b) {
    boolean va = isValid(a);
    boolean vb = isValid(b);
    if (!va || !vb) {
      return va == vb ? a.compareTo(b) : (va ? 1 : -1);
    }
    List<String> x = segments(a);
    List<String> y = segments(b);
    for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
      String sx = i < x.size() ? x.get(i) : "0";
      String sy = i < y.size() ? y.get(i) : "0";
      boolean nx = Semver.isDigits(sx);
      boolean ny = Semver.isDigits(sy);
      int c = nx && ny ? Semver.compareNumeric(sx, sy) : nx != ny ? (nx ? 1 : -1) : sx.compareTo(sy);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
