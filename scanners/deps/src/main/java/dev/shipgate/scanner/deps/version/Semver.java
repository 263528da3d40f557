package dev.shipgate.scanner.deps.version;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Semantic Versioning 2.0.0 precedence, as npm, crates.io and Go use it; build metadata, including Go's
 * {@code +incompatible}, does not affect order. Go pseudo-versions ({@code v0.0.0-20211004125949-5bd84dd9b33b})
 * are pre-releases and order correctly as they are. What each ecosystem accepts as a version differs
 * ({@link Dialect}); each dialect is checked against its reference parser.
 */
public final class Semver implements VersionScheme {

  /** Which strings are versions: each as its ecosystem's reference parser decides. */
  public enum Dialect {
    /** npm's {@code semver.valid}: surrounding JavaScript white space, an optional {@code v}, numbers up to 2^53-1. */
    NPM,
    /**
     * {@code golang.org/x/mod/semver}: a {@code v}, also the shorthand {@code v1} and {@code v1.2} (= {@code v1.2.0});
     * without the {@code v} as OSV writes Go versions. Numbers of any size.
     */
    GO,
    /** The {@code semver} crate Cargo uses: no prefix, no white space, numbers up to 2^64-1. */
    CARGO,
    /** OSV {@code SEMVER} ranges of any ecosystem: white space, {@code v} or {@code V}, numbers of any size. */
    LENIENT
  }

  private static final String NUMBER = "(0|[1-9]\\d*)";
  private static final String TAIL = "(?:-((?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*))*))?"
      + "(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$";
  private static final Pattern LENIENT = Pattern.compile("^[vV]?" + NUMBER + "\\." + NUMBER + "\\." + NUMBER + TAIL);
  private static final Pattern NPM = Pattern.compile("^v?" + NUMBER + "\\." + NUMBER + "\\." + NUMBER + TAIL);
  private static final Pattern CARGO = Pattern.compile("^" + NUMBER + "\\." + NUMBER + "\\." + NUMBER + TAIL);
  // Go: "v" with optional minor and patch (shorthand takes no pre-release or build), or OSV's form without "v".
  private static final Pattern GO_SHORT = Pattern.compile("^v" + NUMBER + "(?:\\." + NUMBER + ")?$");
  private static final long NPM_MAX = 9007199254740991L; // Number.MAX_SAFE_INTEGER
  private static final String CARGO_MAX = "18446744073709551615"; // u64::MAX

  private final String name;
  private final Dialect dialect;

  public Semver(String name, Dialect dialect) {
    this.name = name;
    this.dialect = dialect;
  }

  @Override
  public String name() {
    return name;
  }

  /** The matched version (groups 1-3 numbers, 4 pre-release, 5 build), or null when it is not one. */
  private Matcher parse(String version) {
    if (version.length() > MAX_LENGTH) {
      return null;
    }
    Matcher m = switch (dialect) {
      case NPM -> NPM.matcher(jsTrim(version));
      case GO -> GO_SHORT.matcher(version).matches() ? GO_SHORT.matcher(version) : NPM.matcher(version);
      case CARGO -> CARGO.matcher(version);
      case LENIENT -> LENIENT.matcher(version.strip());
    };
    if (!m.matches()) {
      return null;
    }
    for (int g = 1; g <= 3; g++) {
      String n = group(m, g);
      if (n == null) {
        continue;
      }
      boolean tooBig = switch (dialect) {
        case NPM -> n.length() > 16 || Long.parseLong(n) > NPM_MAX;
        case CARGO -> compareNumeric(n, CARGO_MAX) > 0;
        default -> false;
      };
      if (tooBig) {
        return null;
      }
    }
    return m;
  }

  /** JavaScript's {@code String.prototype.trim}: its white space and line terminators, NBSP and BOM included. */
  private static String jsTrim(String s) {
    return trim(s, Semver::isJsSpace);
  }

  /** {@code s} without the leading and trailing characters that {@code space} accepts (each ecosystem trims its own set). */
  static String trim(String s, java.util.function.IntPredicate space) {
    int start = 0;
    int end = s.length();
    while (start < end && space.test(s.charAt(start))) {
      start++;
    }
    while (end > start && space.test(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isJsSpace(int c) {
    return c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == ' ' || c == '\u00A0' || c == '\uFEFF'
        || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.SPACE_SEPARATOR;
  }

  /** A group of the match; null when absent (Go's shorthand has no patch, pre-release or build group). */
  private static String group(Matcher m, int group) {
    return group <= m.groupCount() ? m.group(group) : null;
  }

  private static String number(Matcher m, int group) {
    String n = group(m, group);
    return n == null ? "0" : n;
  }

  @Override
  public boolean isValid(String version) {
    return parse(version) != null;
  }

  @Override
  public String canonical(String version) {
    Matcher m = parse(version);
    if (m == null) {
      return "invalid:" + version;
    }
    return number(m, 1) + "." + number(m, 2) + "." + number(m, 3) + (group(m, 4) == null ? "" : "-" + group(m, 4));
  }

  @Override
  public int compare(String a, String b) {
    Matcher x = parse(a);
    Matcher y = parse(b);
    if (x == null || y == null) {
      return x == y ? a.compareTo(b) : (x != null ? 1 : -1);
    }
    for (int g = 1; g <= 3; g++) {
      int c = compareNumeric(number(x, g), number(y, g));
      if (c != 0) {
        return c;
      }
    }
    return comparePre(group(x, 4), group(y, 4));
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
