package dev.shipgate.cli;

import dev.shipgate.core.ShipgateVersion;
import dev.shipgate.core.gate.Baseline;
import dev.shipgate.core.gate.CoreRules;
import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.gate.Gate;
import dev.shipgate.core.gate.ScanReport;
import dev.shipgate.core.gate.Waivers;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.policy.Glob;
import dev.shipgate.core.policy.Policy;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.PolicyLoader;
import dev.shipgate.core.policy.RuleOverride;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.ScanEngine;
import dev.shipgate.core.scan.Scanner;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.core.walk.FileWalker;
import dev.shipgate.git.ChangeSet;
import dev.shipgate.git.GitException;
import dev.shipgate.git.GitWorkspace;
import dev.shipgate.scanner.change.SignedWaivers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One scan from command-line options to a judged {@link ScanReport}: find the repository and policy,
 * list files (tree, diff or index), run the scanners, compare with the diff base, apply baseline and
 * waivers, and decide.
 */
final class ScanRunner {

  private final Scanners.Registry registry;
  private final Clock clock;

  ScanRunner(Scanners.Registry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /**
   * Where a scan runs: directories, git, policy and the project's own shipgate files. {@code gitTop} is the work
   * tree's top level (null outside one), found without JGit; the repository opens on first use ({@link #git()}):
   * JGit's set-up took 150 ms of the main thread before the first file was read, and a plain scan never needs it here.
   */
  record Workspace(Path root, Path gitTop, LazyGit repository, String prefix, Policy policy, Path projectDir,
      String projectPrefix) {

    Optional<GitWorkspace> git() throws UsageException {
      return repository.open();
    }

    Path waiverFile() {
      return projectDir.resolve(Waivers.FILE);
    }

    Path baselineFile() {
      return projectDir.resolve(Baseline.FILE);
    }

    String repoPath(String projectRelative) {
      return projectPrefix.isEmpty() ? projectRelative : projectPrefix + "/" + projectRelative;
    }
  }

  /** The scan's git repository, opened once when first asked for. */
  static final class LazyGit implements AutoCloseable {
    private final Path root;
    private final Path expectedTop;
    private Optional<GitWorkspace> opened;

    LazyGit(Path root, Path expectedTop) {
      this.root = root;
      this.expectedTop = expectedTop;
    }

    /** Fails when the repository cannot be opened or JGit finds another top level than the scan used. */
    synchronized Optional<GitWorkspace> open() throws UsageException {
      if (opened == null) {
        try {
          opened = GitWorkspace.find(root);
        } catch (GitException e) {
          throw new UsageException(e.getMessage());
        }
        Path found = opened.map(g -> g.topLevel().toAbsolutePath().normalize()).orElse(null);
        if (!java.util.Objects.equals(found, expectedTop)) {
          throw new UsageException("git finds the work tree of " + root + " at " + (found == null ? "no repository" : found)
              + ", not at " + (expectedTop == null ? "no repository" : expectedTop)
              + " (a core.worktree setting?); shipgate cannot scan this layout");
        }
      }
      return opened;
    }

    @Override
    public synchronized void close() {
      if (opened != null) {
        opened.ifPresent(GitWorkspace::close);
      }
    }
  }

  Workspace workspace(ScanOptions o) throws UsageException {
    Path root = o.path.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new UsageException(o.path + ": not a directory");
    }
    Path top = GitWorkspace.topLevelOf(root).orElse(null);
    String prefix = top == null || top.equals(root) ? "" : top.relativize(root).toString().replace('\\', '/');
    PolicyLoader loader = new PolicyLoader(registry);
    Policy policy;
    Path projectDir;
    try {
      if (o.noConfig) {
        policy = Policy.defaults();
        projectDir = top != null ? top : root;
      } else {
        Path file = o.config != null ? o.config.toAbsolutePath().normalize() : PolicyLoader.discover(root, top).orElse(null);
        if (file == null) {
          policy = Policy.defaults();
          projectDir = top != null ? top : root;
        } else {
          if (!Files.isRegularFile(file)) {
            throw new UsageException(o.config + ": policy file not found");
          }
          Path dir = file.getParent();
          boolean rootUnderDir = root.startsWith(dir);
          String display = top != null && file.startsWith(top) ? top.relativize(file).toString().replace('\\', '/') : file.toString();
          String globBase = rootUnderDir && top != null && dir.startsWith(top) ? top.relativize(dir).toString().replace('\\', '/')
              : prefix;
          policy = loader.load(file, display, rootUnderDir ? globBase : prefix);
          projectDir = rootUnderDir ? dir : (top != null ? top : root);
        }
      }
    } catch (PolicyException e) {
      throw new UsageException(e.getMessage());
    }
    String projectPrefix = top != null && projectDir.startsWith(top) ? top.relativize(projectDir).toString().replace('\\', '/') : "";
    return new Workspace(root, top, new LazyGit(root, top), prefix, policy, projectDir, projectPrefix);
  }

  /** Families to run: registered, enabled by the policy, and selected by --only/--skip. */
  List<Scanner> selected(ScanOptions o, Policy policy) throws UsageException {
    Set<String> known = registry.families();
    for (String f : concat(o.only, o.skip)) {
      if (!known.contains(f)) {
        throw new UsageException("unknown scanner family '" + f + "' (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
      }
    }
    List<String> chosen = new ArrayList<>();
    for (String family : known) {
      boolean wanted = o.only.isEmpty() ? policy.familyEnabled(family) : o.only.contains(family);
      if (wanted && !o.skip.contains(family)) {
        chosen.add(family);
      }
    }
    return registry.get(chosen);
  }

  ScanReport run(ScanOptions o, ScanEngine.Progress progress) throws UsageException {
    if (o.base != null && o.staged) {
      throw new UsageException("--base and --staged cannot be combined: --staged already compares the index with HEAD");
    }
    if (o.since != null && !o.history) {
      throw new UsageException("--since only applies with --history");
    }
    if (o.threads < 1) {
      throw new UsageException("--threads must be at least 1");
    }
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    Workspace ws = workspace(o);
    List<Scanner> scanners = selected(o, ws.policy());
    Set<String> ruleIds = registry.ruleIds();
    Map<String, String> notes = new LinkedHashMap<>();
    if (ws.policy().source().startsWith("<")) {
      notes.put("policy", o.noConfig ? "--no-config: built-in defaults" : "no shipgate.yml found: built-in defaults (write one with 'shipgate init')");
    }
    Map<String, Map<String, String>> options = new HashMap<>();
    if (o.history) {
      Map<String, String> secrets = new HashMap<>();
      secrets.put("history", "true");
      if (o.since != null) {
        secrets.put("since", o.since);
      }
      options.put("secrets", secrets);
      if (scanners.stream().noneMatch(s -> s.family().equals("secrets"))) {
        throw new UsageException("--history needs the secrets family, which this run does not include");
      }
    }

    if (o.db != null) {
      options.put("deps", Map.of("db", o.db.toAbsolutePath().toString()));
    }
    // The change family judges the change itself (reviews, notes, approvals), so it needs the diff's terms.
    Map<String, String> change = new HashMap<>();
    if (o.base != null) {
      change.put("base", o.base);
    }
    if (o.staged) {
      change.put("staged", "true");
    }
    if (o.noteFile != null) {
      change.put("note-file", o.noteFile.toAbsolutePath().toString());
    }
    if (o.reviews != null) {
      change.put("reviews", o.reviews.toAbsolutePath().toString());
    }
    if (o.branch != null) {
      change.put("branch", o.branch);
    }
    if ((o.noteFile != null || o.reviews != null) && o.base == null && !o.staged) {
      throw new UsageException("--note-file and --reviews describe a change: give --base REF (or --staged) too");
    }
    options.put("change", change);
    ChangeSet changes = null;
    List<Coverage.Skipped> walkSkips = new ArrayList<>();
    ScanEngine engine = new ScanEngine(scanners, ruleIds, ws.policy(), ws.root(), o.threads, options, progress);
    ScanEngine.Result current;
    try {
      if (o.base != null || o.staged) {
        GitWorkspace git = ws.git().orElseThrow(() -> new UsageException(
            (o.staged ? "--staged" : "--base") + " needs a git repository, and " + ws.root() + " is not inside one"));
        changes = o.staged ? git.staged() : git.diffAgainst(o.base);
        for (Map.Entry<String, String> s : changes.skippedPaths().entrySet()) {
          walkSkips.add(new Coverage.Skipped(s.getKey(), s.getValue()));
        }
      }
      if (o.staged) {
        List<SourceFile> staged = new ArrayList<>();
        for (String p : changes.changedPaths()) {
          if (underPrefix(p, ws.prefix()) && ws.policy().inScope(p)) {
            Optional<SourceFile> after = changes.after(p);
            if (after.isPresent() && after.get().size() > ws.policy().maxFileSize()) {
              walkSkips.add(new Coverage.Skipped(p, "larger than the limit (limits.max_file_size)"));
            } else {
              after.ifPresent(staged::add);
            }
          }
        }
        current = engine.run(staged);
      } else {
        current = scanTree(ws, engine, walkSkips);
      }
    } catch (GitException e) {
      throw new UsageException(e.getMessage());
    } catch (IOException e) {
      throw new UsageException("cannot walk " + ws.root() + ": " + e.getMessage());
    }
    List<SourceFile> files = current.files();
    notes.putAll(current.notes());

    Gate.DiffBase diffBase = null;
    ScanReport.DiffInfo diffInfo = null;
    if (changes != null) {
      Set<String> changed = changes.changedPaths();
      List<SourceFile> baseFiles = new ArrayList<>();
      try {
        for (SourceFile f : files) {
          if (changed.contains(f.path())) {
            Optional<SourceFile> before = changes.before(f.path());
            if (before.isPresent()) {
              SourceFile b = before.get();
              baseFiles.add(SourceFile.lazy(f.path(), b.size(), b::bytes));
            }
          } else {
            baseFiles.add(f);
          }
        }
      } catch (GitException e) {
        throw new UsageException(e.getMessage());
      }
      ScanEngine baseEngine = new ScanEngine(scanners, ruleIds, ws.policy(), ws.root(), o.threads, Map.of(), null);
      Set<String> basePrints = new HashSet<>();
      for (Finding f : baseEngine.run(baseFiles, changed::contains).findings()) {
        if (changed.contains(f.location().path())) {
          basePrints.add(f.fingerprint());
        }
      }
      // A finding on a deleted file (the change family's verdict on a deletion) can only be about this change.
      Set<String> deleted = changes.deletedPaths();
      diffBase = new Gate.DiffBase(p -> changed.contains(p) || deleted.contains(p), basePrints, changes.baseCommit());
      diffInfo = new ScanReport.DiffInfo(changes.mode(), changes.ref(), changes.baseCommit(), changed.size());
      notes.put("diff", changes.mode().equals("staged")
          ? "staged: " + changed.size() + " changed files compared with HEAD"
          : changed.size() + " changed files since the merge base " + abbreviate(changes.baseCommit()) + " with " + changes.ref());
    }

    List<Coverage> coverage = mergeWalkSkips(current.coverage(), walkSkips);
    Gate.Outcome outcome = judge(ws, ruleIds, current.findings(), coverage, diffBase, notes, signedWaivers(ws, changes));

    List<ScanReport.RulePack> packs = new ArrayList<>();
    packs.add(new ScanReport.RulePack(CoreRules.FAMILY, ShipgateVersion.get(), CoreRules.ALL.size()));
    List<Rule> enabled = new ArrayList<>(CoreRules.ALL);
    for (Scanner s : scanners) {
      List<Rule> rules;
      try {
        rules = s.rules(ws.policy().settings(s.family()), ws.root());
      } catch (PolicyException e) {
        rules = s.rules(); // the engine reported the section's problem as a scan error
      }
      packs.add(new ScanReport.RulePack(s.family(), s.version(), rules.size()));
      for (Rule r : rules) {
        Optional<RuleOverride> o2 = ws.policy().overrideFor(r.id());
        if (o2.isEmpty()) {
          enabled.add(r);
        } else if (o2.get().enabled()) {
          // Reports (SARIF security-severity) must show the severity the policy decided, not the default.
          RuleOverride ov = o2.get();
          enabled.add(new Rule(r.id(), r.family(), r.title(), ov.severity() != null ? ov.severity() : r.severity(),
              ov.confidence() != null ? ov.confidence() : r.confidence(), r.cwe(), r.description(), r.fix(), r.tags()));
        }
      }
    }
    enabled.sort(java.util.Comparator.comparing(Rule::id));
    long millis = (System.nanoTime() - t0) / 1_000_000;
    ws.repository().close();
    return new ScanReport(ShipgateVersion.get(), ws.policy().source(), ws.policy().digest(), packs, enabled,
        outcome.findings(), coverage, outcome.verdict(), started, millis, diffInfo, notes);
  }

  /** Walks the workspace's tree and scans it; walk skips are added to {@code walkSkips}. */
  static ScanEngine.Result scanTree(Workspace ws, ScanEngine engine, List<Coverage.Skipped> walkSkips) throws IOException {
    FileWalker walker = new FileWalker(ws.root(), ws.gitTop(), ws.policy());
    List<Coverage.Skipped> skips = new ArrayList<>();
    ScanEngine.Result result = engine.run(sink -> skips.addAll(walker.walk(sink).skipped()), p -> true);
    walkSkips.addAll(skips);
    return result;
  }

  /** Applies the project's waivers and baseline and decides; notes the baseline when there is one. */
  Gate.Outcome judge(Workspace ws, Set<String> ruleIds, List<Finding> findings, List<Coverage> coverage, Gate.DiffBase diffBase,
      Map<String, String> notes, List<Waivers.Waiver> signed) throws UsageException {
    Waivers waivers = Waivers.load(ws.waiverFile(), ws.repoPath(Waivers.FILE), ruleIds, LocalDate.now(clock)).with(signed);
    Baseline baseline;
    try {
      baseline = Baseline.load(ws.baselineFile(), ws.repoPath(Baseline.FILE));
    } catch (PolicyException e) {
      throw new UsageException(e.getMessage());
    }
    if (baseline.size() > 0) {
      notes.put("baseline", baseline.size() + " accepted findings in " + ws.repoPath(Baseline.FILE));
    }
    return new Gate(ws.policy()).judge(findings, coverage, waivers, baseline, diffBase);
  }

  /**
   * Verified signed waivers and acceptances under {@code .shipgate/approvals/} (the change family reports the
   * records that do not verify). In diff mode only keys trusted at the base count, and a change's authors
   * cannot accept its own findings.
   */
  List<Waivers.Waiver> signedWaivers(Workspace ws, ChangeSet changes) throws UsageException {
    if (ws.gitTop() == null || !Files.isDirectory(ws.gitTop().resolve(".shipgate/approvals"))) {
      return List.of();
    }
    Optional<GitWorkspace> git = ws.git();
    Settings settings = ws.policy().settings("change");
    Instant now = clock.instant();
    List<SignedWaivers.Waiver> found;
    try {
      found = changes != null && !changes.mode().equals("staged")
          ? SignedWaivers.load(git.get(), changes, settings, now)
          : SignedWaivers.load(git.get().topLevel(), settings, now);
    } catch (PolicyException e) {
      throw new UsageException(e.getMessage());
    } catch (IOException | GitException e) {
      throw new UsageException("signed waivers under .shipgate/approvals/ cannot be read: " + e.getMessage());
    }
    List<Waivers.Waiver> out = new ArrayList<>();
    for (SignedWaivers.Waiver w : found) {
      out.add(new Waivers.Waiver(w.rule(), w.fingerprint(), Glob.compile(w.path() == null ? "**" : w.path()), w.reason(),
          w.approver() + " (signed, " + w.record() + ")", LocalDate.ofInstant(w.expires(), java.time.ZoneOffset.UTC), 0));
    }
    return out;
  }

  /** Where baseline files go for these options. */
  Path baselineFile(ScanOptions o) throws UsageException {
    return workspace(o).baselineFile();
  }

  static List<Coverage> mergeWalkSkips(List<Coverage> coverage, List<Coverage.Skipped> walkSkips) {
    List<Coverage> out = new ArrayList<>();
    for (Coverage c : coverage) {
      if (c.family().equals("files")) {
        List<Coverage.Skipped> all = new ArrayList<>(walkSkips);
        all.addAll(c.skipped());
        all.sort(java.util.Comparator.comparing(Coverage.Skipped::path));
        out.add(new Coverage(c.family(), c.version(), c.rules(), c.filesScanned(), all, c.errors(), c.millis()));
      } else {
        out.add(c);
      }
    }
    return out;
  }

  private static boolean underPrefix(String path, String prefix) {
    return prefix.isEmpty() || path.startsWith(prefix + "/");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static String abbreviate(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) : sha;
  }
}
