package dev.shipgate.cli;

import java.util.Map;

/**
 * Whether stdout and stderr are terminals. The JVM cannot ask for stderr alone, so the {@code shipgate}
 * launcher tests both with {@code [ -t 1 ]} / {@code [ -t 2 ]} and passes system properties; without the
 * launcher we fall back to {@link System#console()}. {@code NO_COLOR} and {@code FORCE_COLOR} are honoured.
 */
final class Terminal {

  private Terminal() {}

  static boolean stdoutIsTty() {
    return tty("shipgate.stdout.tty");
  }

  static boolean stderrIsTty() {
    return tty("shipgate.stderr.tty");
  }

  static boolean color(Map<String, String> env) {
    if (env.containsKey("NO_COLOR") && !env.get("NO_COLOR").isEmpty()) {
      return false;
    }
    if (env.containsKey("FORCE_COLOR") && !env.get("FORCE_COLOR").isEmpty()) {
      return true;
    }
    return stdoutIsTty() && !"dumb".equals(env.get("TERM"));
  }

  private static boolean tty(String property) {
    String v = System.getProperty(property);
    if (v != null) {
      return Boolean.parseBoolean(v);
    }
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    // From JDK 22 System.console() exists even when redirected; isTerminal() (22+) tells the truth.
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
