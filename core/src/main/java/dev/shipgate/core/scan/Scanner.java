package dev.shipgate.core.scan;

import dev.shipgate.core.model.Rule;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import java.util.List;
import java.util.Set;

/**
 * A scanner family ({@code config}, {@code secrets}, {@code java}, ...). Implement {@link FileScanner} for
 * families that judge each file on its own, {@link ProjectScanner} for those that need the whole tree.
 * Every scanner is registered once, in the CLI's scanner list.
 */
public interface Scanner {

  /** The family name used by {@code --only}, {@code --skip} and the policy's {@code scanners:} section. */
  String family();

  /** Version of the family's rule pack; bump it whenever the findings it produces change. */
  String version();

  /** Every rule this family can report with its built-in configuration. */
  List<Rule> rules();

  /**
   * The rules under this policy section, for families whose rules the policy can extend (user-defined secret
   * detectors). The engine accepts findings only for these rules, and reports list them.
   *
   * @param root the scanned directory, against which the section's file names resolve
   * @throws PolicyException when the section names rule files that cannot be read
   */
  default List<Rule> rules(Settings settings, java.nio.file.Path root) throws PolicyException {
    return rules();
  }

  /** Cheap test on the repository-relative path alone; content is read only for accepted files. */
  boolean accepts(String path);

  /** Keys this family understands under {@code scanners.<family>} in the policy, besides {@code enabled}. */
  default Set<String> settingKeys() {
    return Set.of();
  }

  /**
   * Checks this family's policy section when the policy loads, so that a bad value is a configuration error naming
   * its file and line (exit 2) rather than a scan error. Families whose section holds more than flags override it.
   */
  default void validate(Settings section) throws PolicyException {}

  /**
   * Whether findings carry values that must never be printed (secrets). The engine then never fills a
   * missing snippet from the source line; the scanner supplies redacted snippets itself.
   */
  default boolean reportsSensitiveValues() {
    return false;
  }

  /**
   * Whether the family wants {@code path} even when its content looks binary (the secrets family opens archives);
   * other binary files are skipped by the engine, which reports them once.
   */
  default boolean wantsBinary(String path) {
    return false;
  }
}
