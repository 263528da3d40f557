package dev.shipgate.report;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.FindingStatus;
import dev.shipgate.core.model.Location;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text helpers shared by the writers: sanitising hostile text, truncation, stable ordering. */
final class Text {

  static final char REPLACEMENT = '\uFFFD';
  static final String ELLIPSIS = "\u2026";

  /** Deterministic order for output: file, position, rule, then text so ties never depend on input order. */
  static final Comparator<Finding> BY_LOCATION = Comparator.<Finding, String>comparing(f -> f.location().path())
      .thenComparingInt(f -> f.location().startLine())
      .thenComparingInt(f -> f.location().startColumn())
      .thenComparing(Finding::ruleId)
      .thenComparing(Finding::message)
      .thenComparing(Finding::fingerprint);

  private static final Pattern SEMVER = Pattern.compile(
      "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
          + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
          + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");
  private static final Pattern LEADING_NUMBERS = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(.*)");

  private Text() {}

  /**
   * Replaces code points that could corrupt a terminal, a document or a reader's understanding: C0 and C1
   * controls (except tab and newline), DEL, lone surrogates, non-characters, and bidirectional overrides
   * (they can make displayed code differ from the real code).
   */
  static String clean(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean bad;
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        if (out != null) {
          out.append(c).append(s.charAt(i + 1));
        }
        i++;
        continue;
      }
      bad = isUnsafe(c);
      if (bad && out == null) {
        out = new StringBuilder(s.length());
        out.append(s, 0, i);
      }
      if (out != null) {
        out.append(bad ? REPLACEMENT : c);
      }
    }
    return out == null ? s : out.toString();
  }

  private static boolean isUnsafe(char c) {
    if (c == '\t' || c == '\n') {
      return false;
    }
    return c < 0x20
        || c >= 0x7F && c <= 0x9F
        || Character.isSurrogate(c)
        || c == '\uFFFE'
        || c == '\uFFFF'
        || c >= '\u202A' && c <= '\u202E'
        || c >= '\u2066' && c <= '\u2069';
  }

  /** {@link #clean} and then line breaks and tabs become single spaces. */
  static String oneLine(String s) {
    String c = clean(s);
    if (c.indexOf('\n') < 0 && c.indexOf('\t') < 0) {
      return c;
    }
    return c.replace('\t', ' ').replace('\n', ' ');
  }

  /** At most {@code max} code points; a cut string ends with an ellipsis (counted in {@code max}). */
  static String truncate(String s, int max) {
    if (s.length() <= max || s.codePointCount(0, s.length()) <= max) {
      return s;
    }
    int end = s.offsetByCodePoints(0, Math.max(0, max - 1));
    return s.substring(0, end) + ELLIPSIS;
  }

  /** Lines of a cleaned text, without trailing empty lines. */
  static List<String> lines(String s) {
    List<String> out = new ArrayList<>(List.of(clean(s).replace('\t', ' ').split("\n", -1)));
    while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /** {@code path:line:col}, {@code path:line} or {@code path}. */
  static String position(Location l) {
    return l.toString();
  }

  /** Human word for a status: {@code pre-existing}, {@code waived}, ... */
  static String statusWord(FindingStatus s) {
    switch (s) {
      case OPEN:
        return "open";
      case PREEXISTING:
        return "pre-existing";
      case BASELINED:
        return "baselined";
      case SUPPRESSED:
        return "suppressed";
      case WAIVED:
        return "waived";
      default:
        throw new IllegalStateException("unknown status " + s);
    }
  }

  /** Machine word for a status in JSON and SARIF properties. */
  static String statusKey(FindingStatus s) {
    return s.name().toLowerCase(Locale.ROOT);
  }

  /** {@code java/injection/sql-string-concat} becomes {@code JavaInjectionSqlStringConcat}. */
  static String pascalCase(String id) {
    StringBuilder b = new StringBuilder();
    for (String part : id.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        b.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
      }
    }
    return b.toString();
  }

  /**
   * A valid Semantic Versioning 2.0 string for {@code version}, or null when none can be derived.
   * {@code 0.1.0-SNAPSHOT} is already valid (pre-release {@code SNAPSHOT}); {@code 1.2} becomes
   * {@code 1.2.0}; invalid pre-release characters become hyphens.
   */
  static String semver(String version) {
    if (version == null) {
      return null;
    }
    String v = version.trim();
    if (v.startsWith("v")) {
      v = v.substring(1);
    }
    if (SEMVER.matcher(v).matches()) {
      return v;
    }
    Matcher m = LEADING_NUMBERS.matcher(v);
    if (!m.matches()) {
      return null;
    }
    String core = number(m.group(1)) + "." + number(m.group(2)) + "." + number(m.group(3));
    String rest = m.group(4).replaceAll("^[-.+_]+", "");
    if (rest.isEmpty()) {
      return core;
    }
    StringBuilder pre = new StringBuilder();
    for (String id : rest.split("[.+]")) {
      String clean = id.replaceAll("[^0-9A-Za-z-]", "-");
      if (clean.isEmpty()) {
        continue;
      }
      if (clean.chars().allMatch(Character::isDigit)) {
        clean = number(clean);
      }
      pre.append(pre.length() == 0 ? "" : ".").append(clean);
    }
    String candidate = pre.length() == 0 ? core : core + "-" + pre;
    return SEMVER.matcher(candidate).matches() ? candidate : core;
  }

  private static String number(String digits) {
    if (digits == null) {
      return "0";
    }
    String stripped = digits.replaceFirst("^0+(?=\\d)", "");
    return stripped;
  }

  static boolean isSemver(String v) {
    return v != null && SEMVER.matcher(v).matches();
  }

  static String sha256Hex(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
