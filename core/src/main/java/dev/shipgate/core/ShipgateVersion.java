package dev.shipgate.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The shipgate version, filtered into a resource at build time. */
public final class ShipgateVersion {

  private static final String VERSION = load();

  private ShipgateVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = ShipgateVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
