package dev.shipgate.scanner.config;

import java.util.ArrayList;
import java.util.List;

/**
 * One document of a configuration file ({@code ---} in YAML, {@code #---} in properties).
 *
 * @param activation the profiles named by {@code spring.config.activate.on-profile} or the older
 *     {@code spring.profiles}; empty when the document always applies
 */
public record ConfigDocument(List<ConfigEntry> entries, List<String> activation) {

  public ConfigDocument {
    entries = List.copyOf(entries);
    activation = List.copyOf(activation);
  }

  /** Reads the activation condition from the document's own keys. */
  public static ConfigDocument of(List<ConfigEntry> entries) {
    List<String> profiles = new ArrayList<>();
    for (ConfigEntry e : entries) {
      if (e.is("spring.config.activate.on-profile") || e.is("spring.profiles")) {
        profiles.addAll(Values.items(e.value()));
      }
    }
    return new ConfigDocument(entries, profiles);
  }
}
