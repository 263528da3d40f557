package dev.shipgate.scanner.config.rules;

import dev.shipgate.scanner.config.ConfigEntry;
import java.util.List;
import java.util.Optional;

/** The session cookie property prefixes of servlet, reactive and Boot 1.x applications. */
final class Cookies {

  static final List<String> PREFIXES = List.of("server.servlet.session.cookie.", "server.reactive.session.cookie.",
      "server.session.cookie.");

  private Cookies() {}

  /** The prefix under which {@code entry} is the cookie attribute {@code attribute}, if it is. */
  static Optional<String> prefixOf(ConfigEntry entry, String attribute) {
    for (String p : PREFIXES) {
      if (entry.is(p + attribute)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
