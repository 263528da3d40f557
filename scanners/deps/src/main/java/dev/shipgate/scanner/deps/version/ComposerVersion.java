package dev.shipgate.scanner.deps.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Composer (Packagist) order, which follows PHP's {@code version_compare}: a leading {@code v} is dropped, the
 * numeric head is padded to four parts,
 * {@code -}, {@code _}, {@code +} act as dots, letters and digits are split apart, and special words rank
 * {@code dev < alpha = a < beta = b < RC = rc < (number) < pl = p}, matched as prefixes as PHP does
 * ({@code patch} is {@code p}); any other word ranks below {@code dev}.
 */
public final class ComposerVersion implements VersionScheme {

  @Override
  public String name() {
    return "composer";
  }

  @Override
  public boolean isValid(String version) {
    return !parts(version).isEmpty() && Character.isDigit(normalise(version).charAt(0));
  }

  private static String normalise(String version) {
    String v = version.strip().toLowerCase(Locale.ROOT);
    if (v.startsWith("v") && v.length() > 1 && Character.isDigit(v.charAt(1))) {
      v = v.substring(1);
    }
    return v.isEmpty() ? " " : v;
  }

  static List<String> parts(String version) {
    String v = normalise(version).replaceAll("[-_+]", ".");
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int kind = 0; // 0 none, 1 digit, 2 letter
    for (char c : v.toCharArray()) {
      int k = Character.isDigit(c) ? 1 : c == '.' ? 0 : 2;
      if (k != kind || k == 0) {
        if (cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
        }
      }
      if (k != 0) {
        cur.append(c);
      }
      kind = k;
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    // Composer normalises the numeric head to four parts (1.0 is 1.0.0.0) before comparing.
    int head = 0;
    while (head < out.size() && Semver.isDigits(out.get(head))) {
      head++;
    }
    if (head > 0) {
      for (int i = head; i < 4; i++) {
        out.add(i, "0");
      }
    }
    return out;
  }

  /** PHP's special forms, matched as prefixes in this order ("patch" is "p", "develop" is "dev"). */
  private static final String[][] SPECIAL = {{"dev", "1"}, {"alpha", "2"}, {"a", "2"}, {"beta", "3"}, {"b", "3"}, {"rc", "4"}, {"#", "10"},
      {"pl", "11"}, {"p", "11"}};

  private static int rank(String part) {
    if (Semver.isDigits(part)) {
      return 10;
    }
    for (String[] s : SPECIAL) {
      if (part.startsWith(s[0])) {
        return Integer.parseInt(s[1]);
      }
    }
    return 0; // any other word sorts below dev
  }

  @Override
  public String canonical(String version) {
    List<String> out = new ArrayList<>();
    for (String p : parts(version)) {
      out.add(Semver.isDigits(p) ? p.replaceFirst("^0+(?=.)", "") : switch (rank(p)) {
        case 1 -> "dev";
        case 2 -> "alpha";
        case 3 -> "beta";
        case 4 -> "rc";
        case 11 -> "pl";
        case 0 -> "?" + p;
        default -> p;
      });
    }
    // Missing parts compare as zero, so trailing zeros do not make a different version.
    while (out.size() > 1 && out.get(out.size() - 1).equals("0")) {
      out.remove(out.size() - 1);
    }
    return String.join(".", out);
  }

  @Override
  public int compare(String a, String b) {
    List<String> x = parts(a);
    List<String> y = parts(b);
    for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
      // A missing part compares as "#" (a number slot) against a word and as 0 against a number, as PHP does.
      String sx = i < x.size() ? x.get(i) : null;
      String sy = i < y.size() ? y.get(i) : null;
      if (sx == null) {
        sx = Semver.isDigits(sy) ? "0" : "#";
      }
      if (sy == null) {
        sy = Semver.isDigits(sx) ? "0" : "#";
      }
      int c;
      if (Semver.isDigits(sx) && Semver.isDigits(sy)) {
        c = Semver.compareNumeric(sx, sy);
      } else {
        c = Integer.compare(rank(sx), rank(sy));
        if (c == 0 && rank(sx) == 0) {
          c = sx.compareTo(sy); // two unknown words: keep the order total
        }
      }
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
