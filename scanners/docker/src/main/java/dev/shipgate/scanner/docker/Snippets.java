package dev.shipgate.scanner.docker;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Report text taken from files: one line, bounded, and with every secret the line may hold cut to a
 * recognisable prefix. The docker family reports sensitive values, so the engine never fills a snippet
 * from the source; any rule's snippet or message that quotes source text goes through here, because a
 * line reported for one reason (a privileged flag, an ADD URL) can hold a credential too.
 */
public final class Snippets {

  private static final int MAX = 200;
  /** {@code NAME=value}, {@code NAME: value}, {@code "NAME": "value"}, {@code ?name=value}. */
  private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*)([\"']?\\s*[:=]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;&?{}\\[\\]\"'][^\\s,;&?}\\]\"']*)");
  /** The legacy {@code ENV NAME value} form. */
  private static final Pattern LEGACY_ENV = Pattern.compile("(?i)(\\s*(?:ENV|ARG)\\s+)([A-Za-z_][A-Za-z0-9_]*)(\\s+)(.+)");
  /** Credentials in a URL's user information. */
  private static final Pattern USERINFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^:/@\\s]*:)([^@/\\s]+)(@)");

  private Snippets() {}

  /** A source line for a report: stripped, secrets redacted, cut at 200 characters. */
  public static String line(String line) {
    String s = sanitize(line.strip());
    return s.length() > MAX ? s.substring(0, MAX) + "…" : s;
  }

  /** Source text with credential-named values and URL passwords redacted. */
  public static String sanitize(String text) {
    Matcher legacy = LEGACY_ENV.matcher(text);
    if (legacy.matches() && legacy.group(2).indexOf('=') < 0 && SecretNames.isSecretName(legacy.group(2))
        && SecretNames.isLiteral(legacy.group(4))) {
      return legacy.group(1) + legacy.group(2) + legacy.group(3) + redact(unquote(legacy.group(4).strip()));
    }
    StringBuilder out = new StringBuilder();
    Matcher m = ASSIGNMENT.matcher(USERINFO.matcher(text).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + redact(r.group(2)) + r.group(3))));
    while (m.find()) {
      String value = unquote(m.group(3));
      String replacement = SecretNames.isSecretName(m.group(1)) && SecretNames.isLiteral(value)
          ? m.group(1) + m.group(2) + redact(value)
          : m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The start of a secret and an ellipsis: at most four characters and never more than a third of the
   * value, so that short passwords are not given away.
   */
  public static String redact(String secret) {
    int keep = Math.min(4, secret.length() / 3);
    return secret.substring(0, keep) + "…";
  }

  private static String unquote(String v) {
    return v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)
        ? v.substring(1, v.length() - 1)
        : v;
  }
}
