package dev.shipgate.core.policy;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed {@code shipgate.yml}. Built by {@link PolicyLoader}; {@link #defaults()} is what applies
 * with {@code --no-config} or when no file is found.
 *
 * @param source the file it came from, or {@code <built-in defaults>}
 * @param digest SHA-256 of the file's bytes (or of the built-in default text), named in every report
 * @param families per-family settings; a family absent here runs with empty settings
 * @param disabledFamilies families switched off with {@code enabled: false}
 * @param globBase repository-relative directory the path globs are relative to ("" for the root)
 */
public record Policy(
    String source,
    String digest,
    int version,
    Threshold failOn,
    Threshold report,
    Map<String, Settings> families,
    List<String> disabledFamilies,
    List<RuleOverride> ruleOverrides,
    List<Glob> include,
    List<Glob> exclude,
    String globBase,
    long maxFileSize,
    Duration scannerTimeout,
    boolean failOnErrors) {

  public static final int SCHEMA_VERSION = 1;
  public static final long DEFAULT_MAX_FILE_SIZE = 5L * 1024 * 1024;
  public static final Duration DEFAULT_SCANNER_TIMEOUT = Duration.ofMinutes(10);

  /**
   * {@code PolicyLoader.sha256(PolicyLoader.DEFAULTS_MARKER)}, written out (PolicyLoaderTest checks it): computing it
   * at start-up initialised the JDK's security providers on the scan's critical path (bench/RESULTS.md, "Start-up").
   */
  static final String DEFAULTS_DIGEST = "sha256:a7ebfd9c408a9093bfe7e151aa17e20b83d66ba7c8fd139fd3be265e3677a5a3";

  public static Policy defaults() {
    return new Policy(
        "<built-in defaults>",
        DEFAULTS_DIGEST,
        SCHEMA_VERSION,
        new Threshold(Severity.HIGH, Confidence.HIGH),
        new Threshold(Severity.LOW, Confidence.LOW),
        Map.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        "",
        DEFAULT_MAX_FILE_SIZE,
        DEFAULT_SCANNER_TIMEOUT,
        true);
  }

  public boolean familyEnabled(String family) {
    return !disabledFamilies.contains(family);
  }

  public Settings settings(String family) {
    return families.getOrDefault(family, Settings.empty(source));
  }

  /** The last override whose pattern matches, so later, more specific entries win. */
  public Optional<RuleOverride> overrideFor(String ruleId) {
    RuleOverride found = null;
    for (RuleOverride o : ruleOverrides) {
      if (o.appliesTo(ruleId)) {
        found = o;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * Whether a repository-relative path is in scope: not excluded, and included when includes exist.
   * Globs are matched relative to {@link #globBase()}.
   */
  public boolean inScope(String repoPath) {
    String p = relativeToBase(repoPath);
    if (p == null) {
      return include.isEmpty();
    }
    for (Glob g : exclude) {
      if (g.matches(p)) {
        return false;
      }
    }
    if (include.isEmpty()) {
      return true;
    }
    for (Glob g : include) {
      if (g.matches(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether an exclude glob covers a directory and everything below it, so the walk need not enter it.
   * A glob matching {@code dir/} can only have done so through a tail that absorbs any deeper path.
   */
  public boolean excludesDirectory(String repoDir) {
    String p = relativeToBase(repoDir);
    if (p == null) {
      return false;
    }
    for (Glob g : exclude) {
      if (g.matches(p) || g.matches(p + "/")) {
        return true;
      }
    }
    return false;
  }

  private String relativeToBase(String repoPath) {
    if (globBase.isEmpty()) {
      return repoPath;
    }
    return repoPath.startsWith(globBase + "/") ? repoPath.substring(globBase.length() + 1) : null;
  }
}
