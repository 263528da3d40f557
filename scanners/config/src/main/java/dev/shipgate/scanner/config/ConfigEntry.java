package dev.shipgate.scanner.config;

/**
 * One property as a configuration file states it, flattened to Spring's dotted form.
 *
 * @param key the name as written, e.g. {@code management.endpoints.web.exposure.include[0]}
 * @param value the text Spring would bind (YAML 1.1 booleans already folded to {@code true}/{@code false})
 * @param line 1-based line of the key, or of the list item for list values
 */
public record ConfigEntry(String key, String value, int line) {

  public ConfigEntry {
    value = value == null ? "" : value;
  }

  /** The relaxed-binding form of the whole key (see {@link RelaxedNames#uniform}). */
  public String uniformKey() {
    return RelaxedNames.uniform(key);
  }

  /** The relaxed-binding form without trailing list indexes, so {@code a.b[2]} and {@code a.b} compare equal. */
  public String name() {
    return RelaxedNames.base(uniformKey());
  }

  /** True when this property is {@code canonicalName} under relaxed binding. */
  public boolean is(String canonicalName) {
    return name().equals(RelaxedNames.uniform(canonicalName));
  }

  public ConfigEntry withValue(String newValue) {
    return new ConfigEntry(key, newValue, line);
  }
}
