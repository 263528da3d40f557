package dev.shipgate.scanner.config.rules;

import dev.shipgate.scanner.config.ConfigEntry;
import dev.shipgate.scanner.config.Values;
import java.util.Locale;
import java.util.Optional;

/** Reads {@code logging.level.<logger>=<level>} entries. */
final class Loggers {

  private Loggers() {}

  /** The logger an entry sets a level for, lower case and without brackets, e.g. {@code org.hibernate.sql}. */
  static Optional<String> logger(ConfigEntry entry) {
    String name = entry.name();
    if (!name.startsWith("logging.level.") && !name.startsWith("logging.level[")) {
      return Optional.empty();
    }
    String rest = name.substring("logging.level".length()).replace("[", ".").replace("]", "");
    while (rest.startsWith(".")) {
      rest = rest.substring(1);
    }
    return rest.isEmpty() ? Optional.empty() : Optional.of(rest.toLowerCase(Locale.ROOT));
  }

  static boolean isTrace(String level) {
    return Values.isEnum(level, "trace");
  }

  static boolean isDebugOrTrace(String level) {
    return Values.isEnum(level, "debug") || isTrace(level);
  }

  /** True when {@code logger} is {@code parent} or one of its children. */
  static boolean within(String logger, String parent) {
    return logger.equals(parent) || logger.startsWith(parent + ".");
  }
}
