package dev.shipgate.scanner.deps.osv;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the advisory database lives: the policy's {@code scanners.deps.database} (or the CLI's {@code --db}),
 * else {@code $SHIPGATE_DB}, else {@code $XDG_CACHE_HOME/shipgate/osv}, else {@code ~/.cache/shipgate/osv}.
 */
public final class DatabaseLocation {

  public static final String ENV = "SHIPGATE_DB";

  private DatabaseLocation() {}

  /**
   * @param configured the setting or command-line value, null or blank when absent; a relative path is
   *     taken relative to {@code base} (the scanned root for the policy setting)
   */
  public static Path resolve(String configured, Path base, Map<String, String> env, String userHome) {
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(expandHome(configured.strip(), userHome));
      return p.isAbsolute() || base == null ? p : base.resolve(p).normalize();
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(expandHome(fromEnv.strip(), userHome));
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "shipgate", "osv");
    }
    return Path.of(userHome, ".cache", "shipgate", "osv");
  }

  /** The location for this process's environment. */
  public static Path resolve(String configured, Path base) {
    return resolve(configured, base, System.getenv(), System.getProperty("user.home"));
  }

  private static String expandHome(String p, String home) {
    return p.equals("~") ? home : p.startsWith("~/") ? home + p.substring(1) : p;
  }
}
