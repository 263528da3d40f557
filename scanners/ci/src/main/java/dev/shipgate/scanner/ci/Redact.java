package dev.shipgate.scanner.ci;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks credential-shaped text to its first four characters, so no report prints a whole secret. */
public final class Redact {

  private static final Pattern TOKEN = Pattern.compile(
      "(?:gh[pousr]_|github_pat_|glpat-|gl[a-z]{2,4}-|xox[abposr]-|AKIA|ASIA|sk-|npm_)[A-Za-z0-9_\\-]{8,}"
          + "|(?<![A-Za-z0-9+=])(?=[A-Za-z0-9+=]*\\d)(?=[A-Za-z0-9+=]*[A-Za-z])[A-Za-z0-9+=]{32,}(?![A-Za-z0-9+=])");
  private static final Pattern ASSIGNED = Pattern.compile(
      "(?i)((?:password|passwd|secret|token|api[_-]?key|private[_-]?key|access[_-]?key)[A-Za-z0-9_]*\\s*[:=]\\s*['\"]?)([^\\s'\"$][^\\s'\"]{5,})");
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}");

  private Redact() {}

  /** The value cut to at most four leading characters and an ellipsis (fewer for short values). */
  public static String value(String secret) {
    int keep = Math.min(4, secret.length() / 2);
    return secret.substring(0, keep) + "…";
  }

  /** The line with tokens and literal values assigned to secret-like names masked. */
  public static String line(String line) {
    Matcher m = ASSIGNED.matcher(line);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + value(m.group(2))));
    }
    m.appendTail(out);
    Matcher t = TOKEN.matcher(out.toString());
    StringBuilder masked = new StringBuilder();
    while (t.find()) {
      // Commit SHAs and image digests are pins, not secrets, and must stay readable.
      String token = t.group();
      t.appendReplacement(masked, Matcher.quoteReplacement(HEX.matcher(token).matches() ? token : value(token)));
    }
    t.appendTail(masked);
    return masked.toString();
  }
}
