package dev.shipgate.scanner.deps.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Composer (Packagist) order: a version is first normalised as composer/semver's {@code VersionParser::normalize}
 * does ({@code v1.2} is {@code 1.2.0.0}, {@code 1.0.0-b2} is {@code 1.0.0.0-beta2}, {@code 1.x-dev} is
 * {@code 1.9999999.9999999.9999999-dev}, {@code 20231231} is {@code 2023.12.31}), then the normalised forms are
 * compared by PHP's {@code version_compare} ({@code dev < alpha < beta < RC < number < patch}), as Composer's
 * constraints do. Versions normalize rejects, and dev branches ({@code dev-main}, {@code master}), which Composer
 * never orders against versions, are not valid. One deliberate difference: numbers are compared exactly, where
 * PHP's {@code strtol} saturates above 2^63-1.
 */
public final class ComposerVersion implements VersionScheme {

  private static final String MODIFIER = "[._-]?(?:(stable|beta|b|RC|alpha|a|patch|pl|p)((?:[.-]?\\d+)*+)?)?([.-]?dev)?";
  private static final Pattern ALIAS = Pattern.compile("^([^,\\s]++) ++as ++([^,\\s]++)$");
  private static final Pattern STABILITY_FLAG = Pattern.compile("@(?:stable|RC|beta|alpha|dev)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern BUILD = Pattern.compile("^([^,\\s+]++)\\+[^\\s]++$");
  private static final Pattern CLASSICAL = Pattern.compile("^v?(\\d{1,5})(\\.\\d++)?(\\.\\d++)?(\\.\\d++)?" + MODIFIER + "$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DATE = Pattern.compile("^v?(\\d{4}(?:[.:-]?\\d{2}){1,6}(?:[.:-]?\\d{1,3})?)" + MODIFIER + "$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DEV_SUFFIX = Pattern.compile("(.*?)[.-]?dev", Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMERIC_BRANCH = Pattern.compile(
      "^v?(\\d++)(\\.(?:\\d++|[xX*]))?(\\.(?:\\d++|[xX*]))?(\\.(?:\\d++|[xX*]))?$", Pattern.CASE_INSENSITIVE);

  /** PHP's special forms in {@code compare_special_version_forms}' order, matched as prefixes; "#" is a number. */
  private static final String[] SPECIAL = {"dev", "alpha", "a", "beta", "b", "RC", "rc", "#", "pl", "p"};
  private static final int[] SPECIAL_ORDER = {0, 1, 1, 2, 2, 3, 3, 4, 5, 5};
  private static final String[] ORDER_NAMES = {"dev", "alpha", "beta", "RC", "#", "patch"};

  @Override
  public String name() {
    return "composer";
  }

  @Override
  public boolean isValid(String version) {
    return normalize(version) != null;
  }

  /**
   * composer/semver's {@code VersionParser::normalize}; null when it throws or when the version is a dev branch.
   */
  static String normalize(String version) {
    if (version.length() > MAX_LENGTH) {
      return null;
    }
    String v = phpTrim(version);
    Matcher m = ALIAS.matcher(v);
    if (m.matches()) {
      v = m.group(1);
    }
    m = STABILITY_FLAG.matcher(v);
    if (m.find()) {
      v = v.substring(0, m.start());
    }
    if (v.equals("master") || v.equals("trunk") || v.equals("default") || v.regionMatches(true, 0, "dev-", 0, 4)) {
      return null; // a branch: Composer gives it no place in the order
    }
    m = BUILD.matcher(v);
    if (m.matches()) {
      v = m.group(1);
    }
    String out;
    int index;
    if ((m = CLASSICAL.matcher(v)).matches()) {
      out = m.group(1) + orElse(m.group(2), ".0") + orElse(m.group(3), ".0") + orElse(m.group(4), ".0");
      index = 5;
    } else if ((m = DATE.matcher(v)).matches()) {
      out = m.group(1).replaceAll("\\D", ".");
      index = 2;
    } else {
      Matcher dev = DEV_SUFFIX.matcher(v); // PHP's unanchored {(.*?)[.-]?dev$} always matches from the start
      return dev.matches() ? numericBranch(dev.group(1)) : null;
    }
    String stability = m.group(index);
    if (stability != null && !stability.isEmpty()) {
      if (stability.equals("stable")) { // case-sensitive in Composer: "STABLE" becomes a "-stable" suffix
        return out;
      }
      String number = m.group(index + 1);
      out += "-" + expandStability(stability) + (number == null ? "" : number.replaceFirst("^[.-]+", ""));
    }
    String devSuffix = m.group(index + 2);
    return devSuffix != null && !devSuffix.isEmpty() ? out + "-dev" : out;
  }

  private static String orElse(String group, String otherwise) {
    return group == null || group.isEmpty() ? otherwise : group;
  }

  /** {@code normalizeBranch} for names that end in {@code -dev}: only numeric ones ({@code 2.x}) are versions. */
  private static String numericBranch(String name) {
    Matcher m = NUMERIC_BRANCH.matcher(phpTrim(name));
    if (!m.matches()) {
      return null;
    }
    StringBuilder v = new StringBuilder();
    for (int i = 1; i < 5; i++) {
      v.append(m.group(i) == null ? ".x" : m.group(i).replace('*', 'x').replace('X', 'x'));
    }
    return v.toString().replace("x", "9999999") + "-dev";
  }

  private static String expandStability(String stability) {
    String s = stability.toLowerCase(Locale.ROOT);
    return switch (s) {
      case "a" -> "alpha";
      case "b" -> "beta";
      case "p", "pl" -> "patch";
      case "rc" -> "RC";
      default -> s;
    };
  }

  /** PHP's {@code trim}: space, tab, newline, carriage return, NUL and vertical tab only. */
  private static String phpTrim(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && " \t\n\r\0\u000B".indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && " \t\n\r\0\u000B".indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end);
  }

  /** PHP's {@code php_canonicalize_version}: separators become dots, digits and other characters are split apart. */
  static String phpCanonical(String version) {
    if (version.isEmpty()) {
      return version;
    }
    StringBuilder q = new StringBuilder().append(version.charAt(0));
    char lp = version.charAt(0);
    for (int i = 1; i < version.length(); i++) {
      char p = version.charAt(i);
      char last = q.charAt(q.length() - 1);
      if (p == '-' || p == '_' || p == '+') {
        if (last != '.') {
          q.append('.');
        }
      } else if ((isNonDigit(lp) && isDigit(p)) || (isDigit(lp) && isNonDigit(p))) {
        if (last != '.') {
          q.append('.');
        }
        q.append(p);
      } else if (!isAsciiAlnum(p)) {
        if (last != '.') {
          q.append('.');
        }
      } else {
        q.append(p);
      }
      lp = p;
    }
    return q.toString();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNonDigit(char c) {
    return !isDigit(c) && c != '.';
  }

  private static boolean isAsciiAlnum(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static int specialOrder(String form) {
    for (int i = 0; i < SPECIAL.length; i++) {
      if (form.startsWith(SPECIAL[i])) {
        return SPECIAL_ORDER[i];
      }
    }
    return -1;
  }

  /** PHP's {@code php_version_compare}, element by element as the C code walks its buffers. */
  static int phpVersionCompare(String orig1, String orig2) {
    if (orig1.isEmpty() || orig2.isEmpty()) {
      return orig1.isEmpty() && orig2.isEmpty() ? 0 : (orig1.isEmpty() ? -1 : 1);
    }
    String v1 = orig1.charAt(0) == '#' ? orig1 : phpCanonical(orig1);
    String v2 = orig2.charAt(0) == '#' ? orig2 : phpCanonical(orig2);
    int p1 = 0;
    int p2 = 0;
    int n1 = 0; // index of the dot ending the current element, -1 when there is none (C's NULL)
    int n2 = 0;
    int compare = 0;
    while (p1 < v1.length() && p2 < v2.length() && n1 >= 0 && n2 >= 0) {
      n1 = v1.indexOf('.', p1);
      n2 = v2.indexOf('.', p2);
      String e1 = v1.substring(p1, n1 < 0 ? v1.length() : n1);
      String e2 = v2.substring(p2, n2 < 0 ? v2.length() : n2);
      boolean d1 = isDigit(e1.isEmpty() ? '\0' : e1.charAt(0));
      boolean d2 = isDigit(e2.isEmpty() ? '\0' : e2.charAt(0));
      if (d1 && d2) {
        compare = Semver.compareNumeric(leadingDigits(e1), leadingDigits(e2));
      } else if (!d1 && !d2) {
        compare = Integer.signum(specialOrder(e1) - specialOrder(e2));
      } else {
        compare = Integer.signum(specialOrder(d1 ? "#N#" : e1) - specialOrder(d2 ? "#N#" : e2));
      }
      if (compare != 0) {
        break;
      }
      if (n1 >= 0) {
        p1 = n1 + 1;
      }
      if (n2 >= 0) {
        p2 = n2 + 1;
      }
    }
    if (compare == 0) {
      if (n1 >= 0) {
        compare = p1 < v1.length() && isDigit(v1.charAt(p1)) ? 1 : phpVersionCompare(v1.substring(p1), "#N#");
      } else if (n2 >= 0) {
        compare = p2 < v2.length() && isDigit(v2.charAt(p2)) ? -1 : phpVersionCompare("#N#", v2.substring(p2));
      }
    }
    return compare;
  }

  private static String leadingDigits(String element) {
    int i = 0;
    while (i < element.length() && isDigit(element.charAt(i))) {
      i++;
    }
    return element.substring(0, i);
  }

  @Override
  public String canonical(String version) {
    String n = normalize(version);
    if (n == null) {
      return "invalid:" + version;
    }
    // Elements as version_compare tells them apart: numbers by value, words by their special form.
    List<String> out = new ArrayList<>();
    for (String e : phpCanonical(n).split("\\.", -1)) {
      out.add(!e.isEmpty() && isDigit(e.charAt(0)) ? leadingDigits(e).replaceFirst("^0+(?=.)", "")
          : specialOrder(e) < 0 ? "?" : ORDER_NAMES[specialOrder(e)]);
    }
    return String.join(".", out);
  }

  @Override
  public int compare(String a, String b) {
    String x = normalize(a);
    String y = normalize(b);
    if (x == null || y == null) {
      return x == y ? a.compareTo(b) : (x != null ? 1 : -1);
    }
    return phpVersionCompare(x, y);
  }
}
