package dev.shipgate.scanner.config;

import dev.shipgate.core.model.Rule;
import java.util.Optional;

/**
 * One check of the config family. Implementations are small final classes with their metadata in a
 * {@code static final Rule RULE}; they are registered in {@link ConfigRules#ALL}.
 */
public interface ConfigRule {

  Rule rule();

  /**
   * Judges one property. The scanner has already replaced a {@code ${VAR:default}} value by its default and
   * skipped values that come from the environment entirely, unless {@link #judgesPlaceholders()}.
   *
   * @param view the other properties in force next to this one, and the document's profile
   */
  Optional<Verdict> check(ConfigEntry entry, ConfigView view);

  /** True for rules where setting the key at all is the problem, so a placeholder value still counts. */
  default boolean judgesPlaceholders() {
    return false;
  }
}
