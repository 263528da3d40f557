package dev.shipgate.scanner.secrets;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Location;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.Binary;
import dev.shipgate.core.scan.FileScanner;
import dev.shipgate.core.scan.ScanContext;
import dev.shipgate.core.scan.ParsedSettings;
import dev.shipgate.core.scan.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code secrets} family: provider tokens, private keys, credential URLs and generic credential
 * assignments in the working tree, plus (with the run option {@code history=true}) every blob of the git
 * history. Detectors are data ({@code detectors.yml}); findings carry only redacted secrets.
 */
public final class SecretsScanner implements FileScanner {

  /** Files above this size are skipped with a reason (policy key {@code max-file-size}). */
  public static final long DEFAULT_MAX_FILE_SIZE = 10L * 1024 * 1024;

  static final String VERSION = "1.2.0";

  private final DetectorCatalog catalog;
  private final SecretEngine engine;
  private volatile HistoryScan.Stats lastHistory;

  public SecretsScanner() {
    this(DetectorCatalog.builtIn());
  }

  public SecretsScanner(DetectorCatalog catalog) {
    this.catalog = catalog;
    this.engine = new SecretEngine(catalog.detectors());
  }

  @Override
  public String family() {
    return DetectorCatalog.FAMILY;
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public List<Rule> rules() {
    return withFileRules(catalog.rules());
  }

  /** The detectors' rules and the key-store file rule, which judges whole binary files rather than text. */
  private static List<Rule> withFileRules(List<Rule> detectorRules) {
    List<Rule> all = new java.util.ArrayList<>(detectorRules);
    all.add(KeyStoreFiles.RULE);
    return List.copyOf(all);
  }

  @Override
  public boolean accepts(String path) {
    return !PathHints.isBinaryName(path);
  }

  @Override
  public Set<String> settingKeys() {
    return Set.of("max-file-size", "history-max-blob-size", DETECTORS_KEY, GITLEAKS_KEY);
  }

  /** Policy key: detector files (this module's YAML format) added to the built-in ones. */
  static final String DETECTORS_KEY = "detectors";
  /** Policy key: a gitleaks TOML configuration whose rules are imported as {@code secrets/gitleaks/<id>}. */
  static final String GITLEAKS_KEY = "gitleaks_config";

  /** The catalogue and engine for one combination of extra files (keyed by their paths and change times). */
  private record Extended(DetectorCatalog catalog, SecretEngine engine) {}

  private final Map<String, Extended> extended = new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public List<Rule> rules(Settings settings, Path root) throws PolicyException {
    return withFileRules(extendedBy(settings, root).catalog.rules());
  }

  /**
   * The built-in catalogue plus the policy's extra detector files, resolved against {@code root}; built
   * once per distinct set of files. Unreadable or invalid files are policy errors naming the key.
   */
  private Extended extendedBy(Settings settings, Path root) throws PolicyException {
    List<String> files = settings.strings(DETECTORS_KEY);
    String gitleaks = settings.string(GITLEAKS_KEY, null);
    if (files.isEmpty() && gitleaks == null) {
      return new Extended(catalog, engine);
    }
    StringBuilder key = new StringBuilder();
    for (String f : files) {
      key.append(stamp(root.resolve(f))).append('\n');
    }
    if (gitleaks != null) {
      key.append("gitleaks:").append(stamp(root.resolve(gitleaks)));
    }
    Extended found = extended.get(key.toString());
    if (found != null) {
      return found;
    }
    List<Detector> all = new ArrayList<>(catalog.detectors());
    for (String f : files) {
      try (java.io.InputStream in = Files.newInputStream(root.resolve(f))) {
        all.addAll(DetectorCatalog.parse(f, in));
      } catch (IOException | RuntimeException e) {
        throw settings.errorAt(DETECTORS_KEY, "cannot use detector file " + f + ": " + e.getMessage());
      }
    }
    if (gitleaks != null) {
      try {
        all.addAll(GitleaksImport.parse(gitleaks, Files.readString(root.resolve(gitleaks))).detectors());
      } catch (IOException | RuntimeException e) {
        throw settings.errorAt(GITLEAKS_KEY, "cannot import gitleaks configuration " + gitleaks + ": " + e.getMessage());
      }
    }
    Extended built;
    try {
      // The keyword automaton can refuse the merged keywords too (too many states).
      DetectorCatalog merged = DetectorCatalog.of(all);
      built = new Extended(merged, new SecretEngine(merged.detectors()));
    } catch (IllegalArgumentException e) {
      throw settings.errorAt(files.isEmpty() ? GITLEAKS_KEY : DETECTORS_KEY, e.getMessage());
    }
    extended.put(key.toString(), built);
    return built;
  }

  private static String stamp(Path file) {
    try {
      return file.toAbsolutePath() + "@" + Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return file.toAbsolutePath() + "@missing";
    }
  }

  /** The engine for this scan's policy; the built-in one when the policy adds nothing or is unusable. */
  private SecretEngine engineFor(ScanContext context) {
    try {
      return extendedBy(context.settings(), context.root()).engine;
    } catch (PolicyException e) {
      return engine; // the engine already reported the section's problem as a scan error
    }
  }

  @Override
  public void scan(SourceFile file, ScanContext context) throws IOException {
    long limit = limits.get(context).maxFileSize();
    if (file.size() > limit) {
      context.skipped(file.path(), "larger than the secrets scanner's max-file-size (" + file.size() + " > " + limit + " bytes)");
      return;
    }
    byte[] bytes = file.bytes();
    if (KeyStoreFiles.isKeyStoreName(file.path())) {
      String kind = KeyStoreFiles.keyStoreKind(bytes);
      if (kind != null) {
        context.report(KeyStoreFiles.finding(file.path(), bytes, kind, Map.of()));
        return;
      }
      // A trust store or another binary file under a key store's name; text (a PEM bundle) is scanned below.
      if (Binary.looksBinary(bytes)) {
        context.skipped(file.path(), "binary content (no private or secret key entries)");
        return;
      }
    }
    if (ArchiveScan.isArchiveName(file.path())) {
      if (ArchiveScan.isZip(bytes)) {
        ArchiveScan.scan(file.path(), bytes, engineFor(context), limit, context, Map.of(), context::report);
        return;
      }
      // The engine offers archive names even when binary; one that is not a zip is skipped as the engine would.
      if (Binary.looksBinary(bytes)) {
        context.skipped(file.path(), "binary content");
        return;
      }
    }
    for (SecretEngine.Match m : engineFor(context).scan(file.path(), bytes)) {
      context.report(finding(file.path(), m, Map.of()));
    }
  }

  /** Archives and key stores are binary: the engine offers binary files only to families that ask for them. */
  @Override
  public boolean wantsBinary(String path) {
    return ArchiveScan.isArchiveName(path) || KeyStoreFiles.isKeyStoreName(path);
  }

  @Override
  public void finish(ScanContext context) throws IOException {
    if (!context.option("history").map("true"::equalsIgnoreCase).orElse(false)) {
      return;
    }
    lastHistory = new HistoryScan(engineFor(context), limits.get(context).historyMaxBlobSize()).run(context);
  }

  /** Counters of the last history walk (null before one ran): what was scanned once, what was skipped. */
  public HistoryScan.Stats lastHistoryStats() {
    return lastHistory;
  }

  /** The size limits of the policy section, read once per run (files are scanned in parallel). */
  private record Limits(long maxFileSize, long historyMaxBlobSize) {
    static Limits read(Settings s) throws PolicyException {
      return new Limits(positive(s, "max-file-size"), positive(s, "history-max-blob-size"));
    }

    private static long positive(Settings s, String key) throws PolicyException {
      long value = s.integer(key, DEFAULT_MAX_FILE_SIZE);
      if (value <= 0) {
        throw s.errorAt(key, key + " must be a positive number of bytes, not " + value);
      }
      return value;
    }
  }

  private final ParsedSettings<Limits> limits =
      new ParsedSettings<>(Limits::read, new Limits(DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_FILE_SIZE));

  /** Checks the section when the policy loads: limits and the types of the extension keys (files are read at scan). */
  @Override
  public void validate(Settings section) throws PolicyException {
    limits.validate(section);
    section.strings(DETECTORS_KEY);
    section.string(GITLEAKS_KEY, null);
  }

  /** Builds the finding; {@code extra} adds commit facts in history mode. Never stores the raw secret. */
  static Finding finding(String path, SecretEngine.Match m, Map<String, String> extra) {
    Detector d = m.detector();
    String normalized = SecretText.normalized(d, m.secret());
    String hash = SecretText.sha256Hex(normalized);
    String redacted = SecretText.redact(normalized);
    StringBuilder message = new StringBuilder(d.rule().title()).append(" (").append(redacted).append(")");
    if (Boolean.TRUE.equals(m.checksum())) {
      message.append(", checksum valid");
    }
    if (extra.containsKey("commit")) {
      message.append(", introduced in commit ").append(extra.get("commit"), 0, 12);
    }
    Finding.Builder b = Finding.builder(d.rule())
        .severity(m.severity())
        .confidence(m.confidence())
        .message(message.toString())
        .at(new Location(path, m.line(), m.column(), m.line(), 0))
        .snippet(m.snippet())
        .contextKey(d.id() + ":" + hash)
        .property("provider", d.provider())
        .property("secret_redacted", redacted)
        .property("secret_sha256_prefix", hash.substring(0, 12))
        .property("validated", m.checksum() == null ? "not-applicable" : m.checksum().toString());
    if (!m.notes().isEmpty()) {
      b.property("notes", String.join("; ", m.notes()));
    }
    extra.forEach(b::property);
    return b.build();
  }
}
