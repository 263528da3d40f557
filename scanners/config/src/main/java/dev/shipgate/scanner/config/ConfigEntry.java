package dev.shipgate.scanner.config;

import java.util.Objects;

/**
 * One property as a configuration file states it, flattened to Spring's dotted form. Its relaxed-binding
 * names are computed once, since every rule asks for them.
 */
public final class ConfigEntry {

  private final String key;
  private final String value;
  private final int line;
  private final String uniformKey;
  private final String name;

  /**
   * @param key the name as written, e.g. {@code management.endpoints.web.exposure.include[0]}
   * @param value the text Spring would bind (YAML 1.1 booleans already folded to {@code true}/{@code false})
   * @param line 1-based line of the key, or of the list item for list values
   */
  public ConfigEntry(String key, String value, int line) {
    this(key, value == null ? "" : value, line, RelaxedNames.uniform(key));
  }

  private ConfigEntry(String key, String value, int line, String uniformKey) {
    this.key = Objects.requireNonNull(key, "key");
    this.value = value;
    this.line = line;
    this.uniformKey = uniformKey;
    this.name = RelaxedNames.base(uniformKey);
  }

  public String key() {
    return key;
  }

  public String value() {
    return value;
  }

  public int line() {
    return line;
  }

  /** The relaxed-binding form of the whole key (see {@link RelaxedNames#uniform}). */
  public String uniformKey() {
    return uniformKey;
  }

  /** The relaxed-binding form without trailing list indexes, so {@code a.b[2]} and {@code a.b} compare equal. */
  public String name() {
    return name;
  }

  /** True when this property is {@code canonicalName} under relaxed binding. */
  public boolean is(String canonicalName) {
    return name.equals(RelaxedNames.uniformCached(canonicalName));
  }

  public ConfigEntry withValue(String newValue) {
    return new ConfigEntry(key, newValue == null ? "" : newValue, line, uniformKey);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfigEntry e && key.equals(e.key) && value.equals(e.value) && line == e.line;
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, value, line);
  }

  @Override
  public String toString() {
    return key + "=" + value + " (line " + line + ")";
  }
}
