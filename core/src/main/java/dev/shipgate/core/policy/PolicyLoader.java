package dev.shipgate.core.policy;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;

/**
 * Reads and validates {@code shipgate.yml}. Every problem is a {@link PolicyException} naming file, line
 * and column: unknown keys, wrong types, bad globs, unknown rules and overrides without a reason.
 */
public final class PolicyLoader {

  public static final String FILE_NAME = "shipgate.yml";
  static final String DEFAULTS_MARKER = "shipgate built-in policy v" + Policy.SCHEMA_VERSION;

  private static final Set<String> TOP_KEYS = Set.of("version", "fail_on", "report", "scanners", "rules", "paths", "limits", "errors");
  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  /**
   * What a policy is checked against. The loader asks for a family's keys only when the policy has a section for it,
   * and for the rule ids only when it overrides rules, so a registry can leave families it does not need unbuilt.
   */
  public interface Catalog {
    /** Every known scanner family. */
    Set<String> families();

    /** The keys {@code family} accepts under {@code scanners.<family>}, besides {@code enabled}. */
    Set<String> settingKeys(String family);

    /** Every rule id, so overrides of rules that do not exist are caught. */
    Set<String> ruleIds();

    /** Checks the section {@code scanners.<family>} as its family reads it (see {@code Scanner.validate}). */
    default void validate(String family, Settings section) throws PolicyException {}

    static Catalog of(Map<String, Set<String>> familySettingKeys, Set<String> knownRuleIds) {
      Map<String, Set<String>> keys = Map.copyOf(familySettingKeys);
      Set<String> ids = Set.copyOf(knownRuleIds);
      return new Catalog() {
        @Override
        public Set<String> families() {
          return keys.keySet();
        }

        @Override
        public Set<String> settingKeys(String family) {
          return keys.get(family);
        }

        @Override
        public Set<String> ruleIds() {
          return ids;
        }
      };
    }
  }

  private final Catalog catalog;

  /**
   * @param familySettingKeys each known scanner family with the keys it accepts under {@code scanners.<family>}
   * @param knownRuleIds every rule id, so overrides of rules that do not exist are caught
   */
  public PolicyLoader(Map<String, Set<String>> familySettingKeys, Set<String> knownRuleIds) {
    this(Catalog.of(familySettingKeys, knownRuleIds));
  }

  public PolicyLoader(Catalog catalog) {
    this.catalog = catalog;
  }

  /** Finds {@code shipgate.yml} in {@code start} or its parents, stopping at {@code stop} (the git root). */
  public static Optional<Path> discover(Path start, Path stop) {
    Path dir = start.toAbsolutePath().normalize();
    Path limit = stop == null ? null : stop.toAbsolutePath().normalize();
    while (dir != null) {
      Path candidate = dir.resolve(FILE_NAME);
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
      if (dir.equals(limit)) {
        break;
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }

  /**
   * Loads a policy file.
   *
   * @param displayName how messages name the file (repository-relative where possible)
   * @param globBase repository-relative directory that path globs are relative to
   */
  public Policy load(Path file, String displayName, String globBase) throws PolicyException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new PolicyException(displayName, 0, 0, "cannot read policy: " + e.getMessage());
    }
    return parse(new String(bytes, StandardCharsets.UTF_8), displayName, globBase, sha256(bytes));
  }

  public Policy parse(String yaml, String name, String globBase) throws PolicyException {
    return parse(yaml, name, globBase, sha256(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  private Policy parse(String yaml, String name, String globBase, String digest) throws PolicyException {
    Node root = compose(yaml, name);
    if (root == null) {
      throw new PolicyException(name, 0, 0, "the policy is empty; it needs at least 'version: " + Policy.SCHEMA_VERSION + "'");
    }
    Settings top = Settings.of(name, root, "the policy");
    top.requireOnly(TOP_KEYS, "the policy");
    if (!top.has("version")) {
      throw new PolicyException(name, 1, 1, "missing 'version: " + Policy.SCHEMA_VERSION + "' (the policy schema version)");
    }
    long version = top.integer("version", 0);
    if (version != Policy.SCHEMA_VERSION) {
      throw top.errorAt("version", "unsupported policy version " + version + "; this shipgate reads version " + Policy.SCHEMA_VERSION);
    }
    Policy d = Policy.defaults();
    Threshold failOn = threshold(top.section("fail_on"), "fail_on", d.failOn());
    Threshold report = threshold(top.section("report"), "report", d.report());

    Map<String, Settings> families = new LinkedHashMap<>();
    List<String> disabled = new ArrayList<>();
    Settings scanners = top.section("scanners");
    for (String family : scanners.keys()) {
      if (!catalog.families().contains(family)) {
        throw scanners.errorAtKey(family, "unknown scanner family '" + family + "' (known: " + String.join(", ", new java.util.TreeSet<>(catalog.families())) + ")");
      }
      Set<String> keys = catalog.settingKeys(family);
      Settings s = scanners.section(family);
      java.util.Set<String> allowed = new java.util.HashSet<>(keys);
      allowed.add("enabled");
      s.requireOnly(allowed, "scanners." + family);
      catalog.validate(family, s);
      if (!s.bool("enabled", true)) {
        disabled.add(family);
      }
      families.put(family, s);
    }

    List<RuleOverride> overrides = new ArrayList<>();
    Settings rules = top.section("rules");
    for (String pattern : rules.keys()) {
      overrides.add(ruleOverride(rules, pattern));
    }

    Settings paths = top.section("paths");
    paths.requireOnly(Set.of("include", "exclude"), "paths");
    List<Glob> include = globs(paths, "include");
    List<Glob> exclude = globs(paths, "exclude");

    Settings limits = top.section("limits");
    limits.requireOnly(Set.of("max_file_size", "scanner_timeout"), "limits");
    long maxFileSize = limits.has("max_file_size") ? size(limits, "max_file_size") : d.maxFileSize();
    Duration timeout = limits.has("scanner_timeout") ? duration(limits, "scanner_timeout") : d.scannerTimeout();

    Settings errors = top.section("errors");
    errors.requireOnly(Set.of("fail", "reason"), "errors");
    boolean failOnErrors = errors.bool("fail", true);
    if (!failOnErrors && errors.string("reason", "").isBlank()) {
      throw errors.errorAt("fail", "'errors.fail: false' lets scanner errors pass the gate; it needs a 'reason'");
    }
    return new Policy(name, digest, (int) version, failOn, report, Map.copyOf(families), List.copyOf(disabled),
        List.copyOf(overrides), include, exclude, globBase, maxFileSize, timeout, failOnErrors);
  }

  private static final int MAX_POLICY_CHARS = 1024 * 1024;

  private static Node compose(String yaml, String name) throws PolicyException {
    if (yaml.length() > MAX_POLICY_CHARS) {
      throw new PolicyException(name, 0, 0, "the policy is larger than 1 MiB; that is not a hand-written policy");
    }
    LoadSettings settings = LoadSettings.builder()
        .setLabel(name)
        .setAllowDuplicateKeys(false)
        .setMaxAliasesForCollections(50)
        .setCodePointLimit(1024 * 1024)
        .build();
    try {
      Compose compose = new Compose(settings);
      return compose.composeString(yaml).orElse(null);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      int col = e.getProblemMark().map(m -> m.getColumn() + 1).orElse(0);
      throw new PolicyException(name, line, col, "not valid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw new PolicyException(name, 0, 0, "not valid YAML: " + e.getMessage());
    } catch (StackOverflowError e) {
      throw new PolicyException(name, 0, 0, "not a usable policy: nested too deeply");
    }
  }

  private static Threshold threshold(Settings s, String what, Threshold fallback) throws PolicyException {
    s.requireOnly(Set.of("severity", "confidence"), what);
    Severity sev = fallback.severity();
    String sevWord = s.string("severity", null);
    if (sevWord != null) {
      sev = Severity.parse(sevWord);
      if (sev == null) {
        throw s.errorAt("severity", "'" + sevWord + "' is not a severity (info, low, medium, high, critical)");
      }
    }
    Confidence conf = fallback.confidence();
    String confWord = s.string("confidence", null);
    if (confWord != null) {
      conf = Confidence.parse(confWord);
      if (conf == null) {
        throw s.errorAt("confidence", "'" + confWord + "' is not a confidence (low, medium, high)");
      }
    }
    return new Threshold(sev, conf);
  }

  private RuleOverride ruleOverride(Settings rules, String pattern) throws PolicyException {
    Glob glob;
    try {
      glob = Glob.compile(pattern.contains("/") ? "/" + pattern : pattern);
    } catch (IllegalArgumentException e) {
      throw rules.errorAtKey(pattern, "bad rule pattern: " + e.getMessage());
    }
    if (catalog.ruleIds().stream().noneMatch(glob::matches)) {
      throw rules.errorAtKey(pattern, "'" + pattern + "' matches no known rule (see 'shipgate rules')");
    }
    Settings o = rules.section(pattern);
    o.requireOnly(Set.of("enabled", "severity", "confidence", "reason"), "rules." + pattern);
    String reason = o.string("reason", "");
    if (reason.isBlank()) {
      throw rules.errorAtKey(pattern, "the override of '" + pattern + "' needs a 'reason'");
    }
    Severity sev = null;
    String sevWord = o.string("severity", null);
    if (sevWord != null && (sev = Severity.parse(sevWord)) == null) {
      throw o.errorAt("severity", "'" + sevWord + "' is not a severity (info, low, medium, high, critical)");
    }
    Confidence conf = null;
    String confWord = o.string("confidence", null);
    if (confWord != null && (conf = Confidence.parse(confWord)) == null) {
      throw o.errorAt("confidence", "'" + confWord + "' is not a confidence (low, medium, high)");
    }
    return new RuleOverride(glob, o.bool("enabled", true), sev, conf, reason);
  }

  private static List<Glob> globs(Settings s, String key) throws PolicyException {
    List<Glob> out = new ArrayList<>();
    for (String g : s.strings(key)) {
      try {
        out.add(Glob.compile(g));
      } catch (IllegalArgumentException e) {
        throw s.errorAt(key, "bad glob '" + g + "': " + e.getMessage());
      }
    }
    return List.copyOf(out);
  }

  private static long size(Settings s, String key) throws PolicyException {
    String v = s.string(key, "");
    Matcher m = SIZE.matcher(v.trim());
    if (!m.matches()) {
      throw s.errorAt(key, "'" + v + "' is not a size (e.g. 5MiB, 512KiB, 1048576)");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    long mult = switch (unit) {
      case "kb" -> 1000L;
      case "kib" -> 1024L;
      case "mb" -> 1000L * 1000;
      case "mib" -> 1024L * 1024;
      case "gb" -> 1000L * 1000 * 1000;
      case "gib" -> 1024L * 1024 * 1024;
      default -> 1L;
    };
    if (n <= 0) {
      throw s.errorAt(key, "'" + key + "' must be positive");
    }
    return Math.multiplyExact(n, mult);
  }

  private static Duration duration(Settings s, String key) throws PolicyException {
    String v = s.string(key, "");
    Matcher m = DURATION.matcher(v.trim());
    if (!m.matches()) {
      throw s.errorAt(key, "'" + v + "' is not a duration (e.g. 90s, 10m, 1h)");
    }
    long n = Long.parseLong(m.group(1));
    Duration d = switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
    if (d.isZero()) {
      throw s.errorAt(key, "'" + key + "' must be positive");
    }
    return d;
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String sha256(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
