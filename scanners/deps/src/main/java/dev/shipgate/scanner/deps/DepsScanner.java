package dev.shipgate.scanner.deps;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Location;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.ProjectScanner;
import dev.shipgate.core.scan.ScanContext;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Package.Pin;
import dev.shipgate.scanner.deps.Package.Source;
import dev.shipgate.scanner.deps.extract.Extractor;
import dev.shipgate.scanner.deps.extract.LocalLicenses;
import dev.shipgate.scanner.deps.extract.MavenProfiles;
import dev.shipgate.scanner.deps.extract.MavenTransitive;
import dev.shipgate.scanner.deps.osv.DatabaseLocation;
import dev.shipgate.scanner.deps.osv.OsvDatabase;
import dev.shipgate.scanner.deps.osv.OsvEntry;
import dev.shipgate.scanner.deps.osv.OsvImporter;
import dev.shipgate.scanner.deps.osv.OsvRecords;
import dev.shipgate.scanner.deps.osv.RangeMatcher;
import dev.shipgate.scanner.deps.license.Compatibility;
import dev.shipgate.scanner.deps.license.ProjectLicense;
import dev.shipgate.scanner.deps.license.SourceHeaders;
import dev.shipgate.scanner.deps.license.SpdxExpression;
import dev.shipgate.scanner.deps.policy.DepsPolicy;
import dev.shipgate.scanner.deps.policy.MavenBuild;
import dev.shipgate.scanner.deps.version.VersionSchemes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The {@code deps} family: the packages of every manifest and lockfile, matched offline against the local
 * OSV index, plus pinning, source and integrity checks. Without a database (or without advisories for an
 * ecosystem in use) it reports a coverage error rather than passing silently.
 */
public final class DepsScanner implements ProjectScanner {

  /** Bump when the findings for the same input change. */
  public static final String VERSION = "0.1.0";

  public static final String SETTING_DATABASE = "database";
  public static final String SETTING_MAX_AGE_DAYS = "max_db_age_days";
  public static final String SETTING_REQUIRE_DATABASE = "require_database";
  /** The local Maven repository for POM licences and transitive dependencies; {@code none} turns both off. */
  public static final String SETTING_MAVEN_REPOSITORY = "maven_repository";

  /** Files read only to help an extractor (which names the project declares directly). */
  private static final Set<String> AUXILIARY = Set.of("package.json", "composer.json", "pyproject.toml", "Pipfile", "go.sum");

  private final Function<ScanContext, Path> databaseLocator;
  private final Clock clock;
  private final Path mavenRepository;

  /** The run note every report prints: which advisory database judged the packages, and its age. */
  public static final String NOTE_DATABASE = "advisory-database";

  public DepsScanner() {
    this(null, Clock.systemUTC());
  }

  /**
   * @param database a fixed database directory (the CLI's {@code --db}, tests); null to resolve it per scan
   *     from the setting, {@code $SHIPGATE_DB} or the user cache directory
   */
  public DepsScanner(Path database, Clock clock) {
    this(database, clock, LocalLicenses.defaultMavenRepository());
  }

  /** @param mavenRepository the local Maven repository whose POMs give licences (tests: a fixture one), or null */
  DepsScanner(Path database, Clock clock, Path mavenRepository) {
    this.databaseLocator = database != null ? c -> database : DepsScanner::locate;
    this.clock = clock;
    this.mavenRepository = mavenRepository;
  }

  @Override
  public String family() {
    return DepsRules.FAMILY;
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public List<Rule> rules() {
    return DepsRules.ALL;
  }

  @Override
  public Set<String> settingKeys() {
    return Set.of(SETTING_DATABASE, SETTING_MAX_AGE_DAYS, SETTING_REQUIRE_DATABASE, SETTING_MAVEN_REPOSITORY, MavenBuild.KEY,
        DepsPolicy.REGISTRIES, DepsPolicy.INSTALL_SCRIPTS, DepsPolicy.TYPOSQUAT, DepsPolicy.LICENSES);
  }

  /** Every setting is read when the policy loads, so a mistake is a configuration error (exit 2) at its line. */
  @Override
  public void validate(Settings section) throws PolicyException {
    section.integer(SETTING_MAX_AGE_DAYS, 0);
    section.bool(SETTING_REQUIRE_DATABASE, true);
    section.string(SETTING_DATABASE, null);
    section.string(SETTING_MAVEN_REPOSITORY, null);
    MavenBuild.from(section);
    DepsPolicy.from(section);
  }

  @Override
  public boolean accepts(String path) {
    if (dev.shipgate.scanner.deps.extract.Extractors.forPath(path) != null) {
      return true;
    }
    return (AUXILIARY.contains(Extractor.fileName(path)) && !path.contains("node_modules/") && !path.contains("vendor/"))
        || ProjectLicense.reads(path) || SourceHeaders.applies(path);
  }

  /**
   * {@code scanners.deps.maven_repository} as a directory: relative to {@code root}, {@code ~} the home directory; null
   * for {@code none} (declared dependencies only).
   */
  public static Path mavenRepository(String configured, Path root) {
    return configured.equals("none") ? null : root.resolve(configured.replaceFirst("^~(?=/|$)",
        java.util.regex.Matcher.quoteReplacement(System.getProperty("user.home")))).normalize();
  }

  /** The database directory this scan would use: {@code --db}, the policy setting, or the environment. */
  public static Path locate(ScanContext context) {
    Optional<String> fromCommandLine = context.option("db");
    if (fromCommandLine.isPresent()) {
      return DatabaseLocation.resolve(fromCommandLine.get(), null);
    }
    String configured;
    try {
      configured = context.settings().string(SETTING_DATABASE, null);
    } catch (PolicyException e) {
      configured = null;
    }
    return DatabaseLocation.resolve(configured, context.root());
  }

  @Override
  public void scan(List<SourceFile> files, ScanContext context) throws IOException {
    Settings settings = context.settings();
    long maxAgeDays;
    boolean requireDatabase;
    DepsPolicy policy;
    MavenProfiles.Build mavenBuild;
    Path localMaven = mavenRepository;
    try {
      maxAgeDays = settings.integer(SETTING_MAX_AGE_DAYS, 0);
      requireDatabase = settings.bool(SETTING_REQUIRE_DATABASE, true);
      policy = DepsPolicy.from(settings);
      mavenBuild = MavenBuild.from(settings);
      String configured = settings.string(SETTING_MAVEN_REPOSITORY, null);
      if (configured != null) {
        localMaven = mavenRepository(configured, context.root());
      }
    } catch (PolicyException e) {
      context.error(e.file(), e.line(), e.getMessage());
      return;
    }
    // Maven's resolver takes a moment to assemble: only when there is a POM to resolve.
    boolean poms = files.stream().anyMatch(f -> Extractor.fileName(f.path()).equals("pom.xml"));
    Inventory.Result inventory = Inventory.of(files, context.root(), LocalLicenses.of(localMaven, context.root()),
        poms ? MavenTransitive.of(localMaven) : null, mavenBuild);
    for (Inventory.Problem p : inventory.problems()) {
      context.error(p.path(), p.line(), p.message());
    }
    for (Inventory.Note n : inventory.notes()) {
      context.skipped(n.path(), n.message());
    }
    List<Package> packages = inventory.packages();
    Map<String, Boolean> manifestHasHashes = new HashMap<>();
    for (Package p : packages) {
      if (!p.integrity().isEmpty()) {
        manifestHasHashes.put(p.manifest(), true);
      }
    }
    for (Package p : packages) {
      if (context.cancelled()) {
        return;
      }
      checkPinning(p, context);
      checkSource(p, context);
      Extractor ex = inventory.extractors().get(p.manifest());
      boolean expectsHash = (ex != null && ex.recordsIntegrity()) || manifestHasHashes.containsKey(p.manifest());
      if (expectsHash && p.integrity().isEmpty() && (p.source() == Source.REGISTRY || p.source() == Source.URL) && p.pin() != Pin.NONE) {
        context.report(finding(DepsRules.MISSING_INTEGRITY, p, p.name() + " " + p.version() + " has no integrity hash in " + Extractor.fileName(p.manifest()), null));
      }
    }
    new PolicyChecks(policy, context).check(packages);
    Map<String, SourceFile> byPath = new HashMap<>();
    files.forEach(f -> byPath.put(f.path(), f));
    checkSourceHeaders(files, policy, byPath, context);
    matchAdvisories(packages, context, maxAgeDays, requireDatabase, path -> {
      SourceFile f = byPath.get(path);
      return f == null || !f.isValidUtf8() ? null : f.text();
    });
  }

  /** Source files whose SPDX header licence cannot be part of the project's declared licence. */
  private static void checkSourceHeaders(List<SourceFile> files, DepsPolicy policy, Map<String, SourceFile> byPath, ScanContext context) {
    Optional<ProjectLicense.Declared> project = ProjectLicense.detect(policy.licenses().project(), path -> {
      SourceFile f = byPath.get(path);
      return f == null || !f.isValidUtf8() ? null : f.text();
    });
    if (project.isEmpty()) {
      return; // nothing to be compatible with
    }
    List<SpdxExpression> projectLeaves = project.get().expression().leaves();
    for (SourceFile f : files) {
      if (context.cancelled()) {
        return;
      }
      if (!SourceHeaders.applies(f.path()) || !f.isValidUtf8()) {
        continue;
      }
      Optional<SourceHeaders.Header> header = SourceHeaders.find(f.text());
      if (header.isEmpty()) {
        continue;
      }
      SpdxExpression e;
      try {
        e = SpdxExpression.parse(header.get().expression());
      } catch (SpdxExpression.ParseException ex) {
        context.skipped(f.path(), "line " + header.get().line() + ": the SPDX-License-Identifier is not an SPDX expression ("
            + ex.getMessage() + "); its licence was not judged");
        continue;
      }
      if (!e.satisfiable(leaf -> projectLeaves.stream().allMatch(pl -> Compatibility.compatible(leaf, pl)))) {
        context.report(Finding.builder(DepsRules.LICENSE_INCOMPATIBLE_HEADER)
            .message("this file is licensed " + e + " (SPDX-License-Identifier), which cannot be part of this project "
                + "licensed " + project.get().expression() + " (from " + project.get().source() + ")")
            .at(Location.line(f.path(), header.get().line()))
            .contextKey(DepsRules.LICENSE_INCOMPATIBLE_HEADER.id() + "|" + e + "|" + project.get().expression())
            .property("license", e.toString())
            .property("project_license", project.get().expression().toString())
            .build());
      }
    }
  }

  private void checkPinning(Package p, ScanContext context) {
    boolean unpinned = p.pin() == Pin.RANGE
        || (p.pin() == Pin.NONE && p.source() == Source.REGISTRY && p.ecosystem() == Ecosystem.PYPI);
    if (!unpinned) {
      return;
    }
    String what = p.pin() == Pin.RANGE ? "accepts any version matching " + p.version() : "has no version at all";
    context.report(finding(DepsRules.UNPINNED_VERSION, p, p.name() + " " + what + "; the installed version is not reproducible", null));
  }

  private void checkSource(Package p, ScanContext context) {
    if (p.source() == Source.REGISTRY) {
      return;
    }
    String where = p.resolved().isEmpty() ? "" : " (" + p.resolved() + ")";
    Severity severity = switch (p.source()) {
      case URL -> p.resolved().startsWith("http://") ? Severity.HIGH : Severity.MEDIUM;
      case FILE -> Severity.LOW;
      default -> Severity.MEDIUM;
    };
    String kind = switch (p.source()) {
      case GIT -> "a git repository";
      case URL -> "a plain URL";
      default -> "a local path";
    };
    context.report(finding(DepsRules.NON_REGISTRY_SOURCE, p, p.name() + " comes from " + kind + where + ", not a package registry", severity));
  }

  private void matchAdvisories(List<Package> packages, ScanContext context, long maxAgeDays, boolean requireDatabase,
      Function<String, String> manifests) throws IOException {
    List<Package> exact = packages.stream()
        .filter(p -> p.pin() == Pin.LOCKED || p.pin() == Pin.PINNED || (p.pin() == Pin.RANGE && Interval.of(p.ecosystem(), p.version()).isPresent()))
        .toList();
    if (exact.isEmpty()) {
      return;
    }
    Path dir = databaseLocator.apply(context);
    Optional<OsvDatabase> opened;
    Path scratch = null;
    try {
      opened = OsvDatabase.open(dir);
      if (opened.isEmpty() && RawRecords.present(dir)) {
        // A folder of OSV JSON records (a curated set) works directly: index it for this scan only.
        scratch = Files.createTempDirectory("shipgate-osv-");
        OsvImporter.Result imported = new OsvImporter(clock).importInto(scratch, List.of(dir));
        for (String problem : imported.problems()) {
          context.error("", 0, "advisory records in " + dir + ": " + problem);
        }
        opened = OsvDatabase.open(scratch);
      }
    } catch (IOException e) {
      context.error("", 0, e.getMessage());
      RawRecords.delete(scratch);
      return;
    }
    try {
      match(context, dir, opened, exact, requireDatabase, maxAgeDays, manifests);
    } finally {
      RawRecords.delete(scratch);
    }
  }

  private void match(ScanContext context, Path dir, Optional<OsvDatabase> opened, List<Package> exact, boolean requireDatabase,
      long maxAgeDays, Function<String, String> manifests) throws IOException {
    if (opened.isEmpty()) {
      String msg = "advisory database missing: run `shipgate db import` (looked in " + dir + "); " + exact.size()
          + " packages were not checked for known vulnerabilities";
      context.note(NOTE_DATABASE, "missing: " + exact.size() + " packages were not checked for known vulnerabilities");
      if (requireDatabase) {
        context.error("", 0, msg);
      } else {
        context.skipped("", msg);
      }
      return;
    }
    OsvDatabase db = opened.get();
    Duration age = db.age(clock.instant());
    context.note(NOTE_DATABASE, "OSV advisories imported " + db.importedAt() + " (" + age.toDays() + (age.toDays() == 1 ? " day" : " days")
        + " old) from " + dir);
    if (maxAgeDays > 0 && age.toDays() > maxAgeDays) {
      context.error("", 0, "advisory database is " + age.toDays() + " days old (imported " + db.importedAt() + "), over "
          + SETTING_MAX_AGE_DAYS + " = " + maxAgeDays + ": run `shipgate db update`");
    }
    Set<Ecosystem> missing = EnumSet.noneOf(Ecosystem.class);
    List<Package> covered = new ArrayList<>();
    for (Package p : exact) {
      if (db.covers(p.ecosystem())) {
        covered.add(p);
      } else {
        missing.add(p.ecosystem());
      }
    }
    // Lookups and range checks are independent per package: run them in parallel, report in package order.
    Map<String, List<OsvEntry>> cache = new ConcurrentHashMap<>();
    List<List<Finding>> results;
    try {
      results = covered.parallelStream().map(p -> {
        if (context.cancelled()) {
          return List.<Finding>of();
        }
        List<OsvEntry> entries = cache.computeIfAbsent(p.ecosystem() + "\u0000" + OsvRecords.key(p), k -> {
          try {
            return db.lookup(p.ecosystem(), OsvRecords.key(p));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
        return entries.isEmpty() ? List.<Finding>of() : vulnerabilities(p, entries, db, manifests);
      }).toList();
    } catch (UncheckedIOException e) {
      context.error("", 0, "advisory database " + dir + " unreadable: " + e.getCause().getMessage());
      return;
    }
    results.forEach(list -> list.forEach(context::report));
    for (Ecosystem e : missing) {
      String msg = "advisory database " + dir + " has no " + e.osvName() + " advisories: import the " + e.osvName()
          + " export (`shipgate db import`); " + e.osvName() + " packages were not checked for known vulnerabilities";
      if (requireDatabase) {
        context.error("", 0, msg);
      } else {
        context.skipped("", msg);
      }
    }
  }

  private static List<Finding> vulnerabilities(Package p, List<OsvEntry> entries, OsvDatabase db, Function<String, String> manifests) {
    List<Finding> out = new ArrayList<>();
    RangeMatcher matcher = new RangeMatcher(VersionSchemes.of(p.ecosystem()));
    List<OsvEntry> hits = new ArrayList<>();
    Interval range = p.pin() == Pin.RANGE ? Interval.of(p.ecosystem(), p.version()).orElse(null) : null;
    for (OsvEntry e : entries) {
      boolean hit = range == null ? matcher.affects(e, p.version()) : matcher.affectsAll(e, range.lower(), range.upper(), range.upperInclusive());
      if (hit) {
        hits.add(e);
      }
    }
    // One upgrade that clears every advisory of the package, so that each finding's fix is the same edit.
    String upgrade = hits.isEmpty() ? null : matcher.smallestFix(hits, range == null ? p.version() : range.lower());
    if (upgrade != null && p.ecosystem() == Ecosystem.GO && p.version().startsWith("v") && !upgrade.startsWith("v")) {
      upgrade = "v" + upgrade;
    }
    for (List<OsvEntry> group : Aliases.group(hits)) {
      Set<String> ids = new TreeSet<>(Aliases.ORDER);
      for (OsvEntry e : group) {
        ids.add(e.id());
        ids.addAll(e.aliases());
      }
      String primary = group.stream().map(OsvEntry::id).min(Aliases.ORDER).orElseThrow();
      OsvEntry worst = group.stream().max((a, b) -> Integer.compare(rank(a), rank(b))).orElseThrow();
      // Records of one vulnerability may list different ranges; the fix must clear them all.
      String fix = matcher.smallestFix(group, range == null ? p.version() : range.lower());
      if (fix != null && p.ecosystem() == Ecosystem.GO && p.version().startsWith("v") && !fix.startsWith("v")) {
        fix = "v" + fix; // OSV writes Go versions without the "v" that go.mod and `go get` use
      }
      List<String> others = ids.stream().filter(i -> !i.equals(primary)).toList();
      String summary = group.stream().map(OsvEntry::summary).filter(s -> !s.isBlank()).findFirst().orElse("");
      String subject = range == null ? p.name() + " " + p.version() + " is" : "every version of " + p.name() + " that " + p.version() + " allows is";
      String msg = subject + " affected by " + primary + (others.isEmpty() ? "" : " (" + String.join(", ", others) + ")")
          + (summary.isEmpty() ? "" : ": " + summary) + "; " + (fix == null ? "no fixed version is known" : "fixed in " + fix);
      Severity severity = severityOf(worst);
      // A range only says which versions may be installed: medium. So does a Maven pin that is not a direct
      // dependency, which mediation may replace; a direct dependency's own version is what Maven resolves.
      Confidence confidence = range != null || (p.pin() == Pin.PINNED && p.ecosystem() == Ecosystem.MAVEN && !p.direct())
          ? Confidence.MEDIUM : Confidence.HIGH;
      Finding.Builder f = builder(DepsRules.KNOWN_ADVISORY, p, msg, severity).confidence(confidence)
          .contextKey(DepsRules.KNOWN_ADVISORY.id() + "|" + p.ecosystem() + "|" + p.name() + "|" + primary)
          .property("advisory", primary)
          .property("aliases", String.join(",", others))
          .property("fixed_version", fix == null ? "" : fix)
          .property("database_imported_at", db.importedAt().toString());
      if (worst.score() >= 0) {
        f.property("cvss_score", String.valueOf(worst.score())).property("cvss_vector", worst.vector());
      }
      if (upgrade != null) {
        UpgradeFix.of(p, upgrade, manifests.apply(p.manifest())).ifPresent(f::fix);
      }
      out.add(f.build());
    }
    return out;
  }

  private static int rank(OsvEntry e) {
    Severity s = severityOf(e);
    return s.ordinal() * 1000 + (int) Math.round(Math.max(0, e.score()) * 10);
  }

  static Severity severityOf(OsvEntry e) {
    return switch (e.severity()) {
      case "critical" -> Severity.CRITICAL;
      case "high" -> Severity.HIGH;
      case "medium" -> Severity.MEDIUM;
      case "low", "none" -> Severity.LOW;
      default -> Severity.MEDIUM; // the record states no severity
    };
  }

  private static Finding finding(Rule rule, Package p, String message, Severity severity) {
    return builder(rule, p, message, severity).contextKey(rule.id() + "|" + p.ecosystem() + "|" + p.name()).build();
  }

  static Finding.Builder builder(Rule rule, Package p, String message, Severity severity) {
    Finding.Builder b = Finding.builder(rule).message(message)
        .at(p.line() > 0 ? Location.line(p.manifest(), p.line()) : Location.file(p.manifest()))
        .property("ecosystem", p.ecosystem().osvName())
        .property("package", p.name())
        .property("version", p.version())
        .property("purl", p.purl())
        .property("direct", String.valueOf(p.direct()))
        .property("scope", p.scope().name().toLowerCase(java.util.Locale.ROOT));
    if (severity != null) {
      b.severity(severity);
    }
    return b;
  }
}
