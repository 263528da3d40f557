package dev.shipgate.scanner.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What else is in force next to a property: the keys of its own document, then those of the file's
 * documents that always apply (a profile document overlays them, as Spring does). Rules use it for settings
 * that are only unsafe together, such as a wildcard CORS origin with credentials.
 */
public final class ConfigView {

  private final Map<String, List<ConfigEntry>> own;
  private final List<Map<String, List<ConfigEntry>>> fallback;
  private final Profile profile;

  private ConfigView(Map<String, List<ConfigEntry>> own, List<Map<String, List<ConfigEntry>>> fallback, Profile profile) {
    this.own = own;
    this.fallback = fallback;
    this.profile = profile;
  }

  /** The view for {@code document} within {@code all} documents of one file. */
  public static ConfigView of(ConfigDocument document, List<ConfigDocument> all, Profile profile) {
    List<Map<String, List<ConfigEntry>>> fallback = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0; i--) {
      ConfigDocument d = all.get(i);
      if (d != document && d.activation().isEmpty()) {
        fallback.add(index(d.entries()));
      }
    }
    return new ConfigView(index(document.entries()), fallback, profile);
  }

  public Profile profile() {
    return profile;
  }

  /**
   * The literal value of {@code canonicalName} in force here; empty when it is absent or comes from the
   * environment without a default.
   */
  public Optional<String> value(String canonicalName) {
    List<ConfigEntry> entries = entries(canonicalName);
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    Placeholder p = Placeholder.resolve(entries.get(entries.size() - 1).value());
    return Optional.ofNullable(p.value());
  }

  /** Every list item of {@code canonicalName}, whether written {@code a,b}, {@code [a, b]} or {@code k[0]=a}. */
  public List<String> items(String canonicalName) {
    List<String> out = new ArrayList<>();
    for (ConfigEntry e : entries(canonicalName)) {
      Placeholder p = Placeholder.resolve(e.value());
      if (p.decided()) {
        out.addAll(Values.items(p.value()));
      }
    }
    return out;
  }

  public boolean isTrue(String canonicalName) {
    return value(canonicalName).map(Values::isTrue).orElse(false);
  }

  private List<ConfigEntry> entries(String canonicalName) {
    String name = RelaxedNames.base(RelaxedNames.uniformCached(canonicalName));
    List<ConfigEntry> found = own.get(name);
    if (found != null) {
      return found;
    }
    for (Map<String, List<ConfigEntry>> doc : fallback) {
      found = doc.get(name);
      if (found != null) {
        return found;
      }
    }
    return List.of();
  }

  private static Map<String, List<ConfigEntry>> index(List<ConfigEntry> entries) {
    Map<String, List<ConfigEntry>> map = new LinkedHashMap<>();
    for (ConfigEntry e : entries) {
      map.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(e);
    }
    return map;
  }
}
