package dev.shipgate.scanner.docker;

/** Report text taken from files: one line, bounded, and secrets cut to a recognisable prefix. */
public final class Snippets {

  private static final int MAX = 200;

  private Snippets() {}

  /** A source line for a report, stripped and cut at 200 characters. */
  public static String line(String line) {
    String s = line.strip();
    return s.length() > MAX ? s.substring(0, MAX) + "…" : s;
  }

  /**
   * The start of a secret and an ellipsis: at most four characters and never more than a third of the
   * value, so that short passwords are not given away.
   */
  public static String redact(String secret) {
    int keep = Math.min(4, secret.length() / 3);
    return secret.substring(0, keep) + "…";
  }
}
