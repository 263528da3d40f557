package dev.shipgate.core.scan;

import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.gate.Fingerprints;
import dev.shipgate.core.gate.InlineSuppressions;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.policy.Policy;
import dev.shipgate.core.policy.RuleOverride;
import dev.shipgate.core.policy.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Runs scanners over a file set: each file is read once and offered, in parallel, to every file scanner
 * that accepts it; project scanners then get their files together. Scanner failures never escape: they
 * become coverage errors, which fail the gate closed.
 *
 * <p>Findings leave the engine with policy rule overrides applied, snippets filled, inline suppressions
 * marked and fingerprints set, in deterministic order.
 */
public final class ScanEngine {

  /** Per-scan values shared between families ({@link ScanContext#shared}); project scanners run one at a time. */
  private final Map<Class<?>, Object> sharedValues = new ConcurrentHashMap<>();
  private final Map<String, String> notes = new ConcurrentHashMap<>();

  /** Receives progress from worker threads; implementations must be cheap and thread-safe. */
  @FunctionalInterface
  public interface Progress {
    void update(int filesDone, int filesTotal);

    /** Called once, when the first file's content has been read (start-up latency measurements). */
    default void firstFileRead() {}
  }

  /**
   * Findings and coverage of one run. {@code filesRead} counts files offered to at least one scanner;
   * {@code files} is every file the source produced, in no particular order (sorting 60,000 paths cost a secrets
   * scan 80 ms of its main thread, and every caller looks files up by path); {@code notes} are the facts the
   * families stated about the run ({@link ScanContext#note}), by key.
   */
  public record Result(List<Finding> findings, List<Coverage> coverage, int filesRead, List<SourceFile> files, Map<String, String> notes) {}

  /** Produces the files of a run, possibly while the engine is already scanning the first ones. */
  @FunctionalInterface
  public interface FileSource {
    void produce(java.util.function.Consumer<SourceFile> sink) throws IOException;
  }

  private static final SourceFile END = SourceFile.of("\u0000end", new byte[0]);

  private final List<Scanner> scanners;
  private final Policy policy;
  private final Path root;
  private final int threads;
  private final Map<String, Map<String, String>> options;
  private final InlineSuppressions suppressions;
  private final Progress progress;
  private Map<String, SourceFile> byPath = Map.of();
  private final java.util.concurrent.atomic.AtomicBoolean firstRead = new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * @param scanners the families to run (already filtered by policy and {@code --only}/{@code --skip})
   * @param knownRuleIds every rule id of every registered family, for validating suppressions
   * @param options per-family command-line options, e.g. {@code secrets -> {history: true}}
   */
  public ScanEngine(List<Scanner> scanners, Set<String> knownRuleIds, Policy policy, Path root, int threads,
      Map<String, Map<String, String>> options, Progress progress) {
    this.scanners = List.copyOf(scanners);
    this.policy = policy;
    this.root = root;
    this.threads = Math.max(1, threads);
    this.options = Map.copyOf(options);
    this.suppressions = new InlineSuppressions(knownRuleIds);
    this.progress = progress == null ? (d, t) -> {} : progress;
  }

  /** Scans every file with every scanner. */
  public Result run(List<SourceFile> files) {
    return run(files, p -> true);
  }

  /**
   * Scans files; file scanners see only paths that {@code perFile} admits (diff mode skips unchanged
   * files whose findings cannot differ), project scanners see all files they accept.
   */
  public Result run(List<SourceFile> files, Predicate<String> perFile) {
    try {
      return run(sink -> files.forEach(sink), perFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Scans the files a source produces as they arrive, so walking the tree and reading files overlap.
   * An {@link IOException} from the source (the root itself unreadable) ends the run.
   */
  public Result run(FileSource source, Predicate<String> perFile) throws IOException {
    sharedValues.clear();
    notes.clear();
    Map<String, Run> runs = new LinkedHashMap<>();
    for (Scanner s : scanners) {
      runs.put(s.family(), new Run(s));
    }
    Map<String, SourceFile> seen = new ConcurrentHashMap<>();
    byPath = seen;
    java.util.concurrent.BlockingQueue<SourceFile> queue = new java.util.concurrent.LinkedBlockingQueue<>(8192);
    List<Coverage.Skipped> fileSkips = Collections.synchronizedList(new ArrayList<>());
    List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
    Map<String, List<SourceFile>> projectFiles = new ConcurrentHashMap<>();
    AtomicInteger read = new AtomicInteger();
    long started = System.nanoTime();

    ExecutorService pool = Executors.newFixedThreadPool(threads, daemon("shipgate-scan"));
    try {
      AtomicInteger done = new AtomicInteger();
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          SourceFile f;
          while ((f = queue.take()) != END) {
            scanOne(f, perFile, runs, projectFiles, fileSkips, findings, read);
            int d = done.incrementAndGet();
            if ((d & 63) == 0) {
              progress.update(d, seen.size());
            }
          }
          return null;
        }));
      }
      try {
        source.produce(f -> {
          if (seen.putIfAbsent(f.path(), f) == null) {
            put(queue, f);
          }
        });
      } finally {
        for (int t = 0; t < threads; t++) {
          put(queue, END);
        }
      }
      for (Future<?> w : workers) {
        await(w);
      }
      progress.update(done.get(), seen.size());
    } finally {
      pool.shutdownNow();
    }
    for (Run run : runs.values()) {
      if (run.scanner instanceof FileScanner fs) {
        run.timed(() -> fs.finish(run.context), "");
        findings.addAll(postProcess(run.context.drain(), byPath));
      }
    }
    for (Run run : runs.values()) {
      if (run.scanner instanceof ProjectScanner ps) {
        List<SourceFile> mine = new ArrayList<>(projectFiles.getOrDefault(run.scanner.family(), List.of()));
        mine.sort(Comparator.comparing(SourceFile::path));
        run.filesScanned.addAndGet(mine.size());
        runProject(run, ps, mine);
        findings.addAll(postProcess(run.context.drain(), byPath));
      }
    }

    List<Finding> all = Fingerprints.assign(applyOverrides(findings));
    List<Finding> sorted = new ArrayList<>(all);
    sorted.sort(ORDER);
    List<Coverage> coverage = new ArrayList<>();
    List<Coverage.Skipped> walkSkips = new ArrayList<>(fileSkips);
    walkSkips.sort(Comparator.comparing(Coverage.Skipped::path));
    coverage.add(new Coverage("files", "", 0, read.get(), walkSkips, List.of(), (System.nanoTime() - started) / 1_000_000));
    for (Run run : runs.values()) {
      coverage.add(run.coverage());
    }
    return new Result(sorted, coverage, read.get(), List.copyOf(seen.values()), new java.util.TreeMap<>(notes));
  }

  private static void put(java.util.concurrent.BlockingQueue<SourceFile> queue, SourceFile f) {
    try {
      queue.put(f);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("scan interrupted", e);
    }
  }

  /** Deterministic report order: path, line, column, rule id, fingerprint. */
  public static final Comparator<Finding> ORDER = Comparator.comparing((Finding f) -> f.location().path())
      .thenComparingInt(f -> f.location().startLine())
      .thenComparingInt(f -> f.location().startColumn())
      .thenComparing(Finding::ruleId)
      .thenComparing(Finding::fingerprint);

  private void scanOne(SourceFile file, Predicate<String> perFile, Map<String, Run> runs,
      Map<String, List<SourceFile>> projectFiles, List<Coverage.Skipped> fileSkips, List<Finding> findings, AtomicInteger read) {
    String path = file.path();
    List<Run> mine = new ArrayList<>();
    boolean wanted = false;
    for (Run run : runs.values()) {
      if (!run.scanner.accepts(path)) {
        continue;
      }
      if (run.scanner instanceof ProjectScanner) {
        projectFiles.computeIfAbsent(run.scanner.family(), k -> Collections.synchronizedList(new ArrayList<>())).add(file);
        wanted = true;
      } else if (run.scanner instanceof FileScanner && perFile.test(path)) {
        mine.add(run);
        wanted = true;
      }
    }
    if (!wanted) {
      return;
    }
    read.incrementAndGet();
    if (mine.isEmpty()) {
      return;
    }
    byte[] bytes;
    try {
      bytes = file.bytes();
    } catch (IOException | UncheckedIOException e) {
      fileSkips.add(new Coverage.Skipped(path, "unreadable: " + e.getMessage()));
      return;
    }
    if (firstRead.compareAndSet(false, true)) {
      progress.firstFileRead();
    }
    boolean binary = Binary.looksBinary(bytes);
    if (binary && mine.stream().noneMatch(r -> r.scanner.wantsBinary(path))) {
      fileSkips.add(new Coverage.Skipped(path, "binary content"));
      file.release();
      return;
    }
    List<Finding> local = new ArrayList<>();
    for (Run run : mine) {
      if (binary && !run.scanner.wantsBinary(path)) {
        continue;
      }
      if (run.expired()) {
        run.timedOutFiles.incrementAndGet();
        continue;
      }
      run.filesScanned.incrementAndGet();
      FileScanner fs = (FileScanner) run.scanner;
      run.timed(() -> fs.scan(file, run.context), path);
      local.addAll(run.context.drain());
    }
    List<Finding> here = new ArrayList<>();
    List<Finding> elsewhere = new ArrayList<>();
    for (Finding f : local) {
      (f.location().path().equals(path) ? here : elsewhere).add(f);
    }
    findings.addAll(binary ? here : postProcessFile(file, here));
    file.release();
    if (!elsewhere.isEmpty()) {
      findings.addAll(postProcess(elsewhere, byPath));
    }
  }

  private void runProject(Run run, ProjectScanner ps, List<SourceFile> files) {
    ExecutorService one = Executors.newSingleThreadExecutor(daemon("shipgate-" + run.scanner.family()));
    try {
      Future<?> f = one.submit(() -> {
        run.timed(() -> ps.scan(files, run.context), "");
        return null;
      });
      long left = run.deadlineNanos - System.nanoTime();
      try {
        f.get(Math.max(1, left), TimeUnit.NANOSECONDS);
        if (run.expired()) {
          // The scanner saw cancelled() and stopped early: its results are incomplete all the same.
          run.errors.add(new Coverage.ScanError("", 0, "timed out after " + human(policy.scannerTimeout()) + " (limits.scanner_timeout); its findings are incomplete"));
        }
      } catch (TimeoutException e) {
        f.cancel(true);
        run.context.closed = true;
        run.errors.add(new Coverage.ScanError("", 0, "timed out after " + human(policy.scannerTimeout()) + " (limits.scanner_timeout); its findings are incomplete"));
      } catch (ExecutionException e) {
        run.errors.add(new Coverage.ScanError("", 0, "internal error: " + describe(e.getCause())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        run.errors.add(new Coverage.ScanError("", 0, "interrupted"));
      }
    } finally {
      one.shutdownNow();
    }
  }

  private List<Finding> postProcess(List<Finding> findings, Map<String, SourceFile> byPath) {
    Map<String, List<Finding>> perPath = new LinkedHashMap<>();
    for (Finding f : findings) {
      perPath.computeIfAbsent(f.location().path(), k -> new ArrayList<>()).add(f);
    }
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<String, List<Finding>> e : perPath.entrySet()) {
      SourceFile file = byPath.get(e.getKey());
      if (file == null) {
        out.addAll(e.getValue());
        continue;
      }
      try {
        if (Binary.looksBinary(file.bytes())) {
          out.addAll(e.getValue());
        } else {
          out.addAll(postProcessFile(file, e.getValue()));
        }
      } catch (IOException | UncheckedIOException ex) {
        out.addAll(e.getValue());
      } finally {
        file.release();
      }
    }
    return out;
  }

  /** Fills missing snippets from the source line (never for sensitive families) and applies inline suppressions. */
  private List<Finding> postProcessFile(SourceFile file, List<Finding> findings) {
    List<Finding> filled = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      if (f.snippet().isEmpty() && f.location().hasLine() && !sensitive(f)) {
        f = f.withSnippet(file.line(f.location().startLine()).strip());
      }
      filled.add(f);
    }
    return suppressions.apply(file, filled);
  }

  private boolean sensitive(Finding f) {
    for (Scanner s : scanners) {
      if (s.family().equals(f.rule().family())) {
        return s.reportsSensitiveValues();
      }
    }
    return false;
  }

  private List<Finding> applyOverrides(List<Finding> findings) {
    List<Finding> out = new ArrayList<>(findings.size());
    Map<String, Optional<RuleOverride>> cache = new HashMap<>();
    for (Finding f : findings) {
      Optional<RuleOverride> o = cache.computeIfAbsent(f.ruleId(), policy::overrideFor);
      if (o.isEmpty()) {
        out.add(f);
        continue;
      }
      RuleOverride r = o.get();
      if (!r.enabled()) {
        continue;
      }
      if (r.severity() != null) {
        f = f.withSeverity(r.severity());
      }
      if (r.confidence() != null) {
        f = f.withConfidence(r.confidence());
      }
      out.add(f);
    }
    return out;
  }

  private static Object await(Future<?> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("scan interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("scan worker failed: " + describe(e.getCause()), e.getCause());
    }
  }

  static String describe(Throwable t) {
    String msg = t.getMessage();
    if (msg != null && msg.length() > 300) {
      msg = msg.substring(0, 300) + "…";
    }
    return t.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
  }

  private static String human(Duration d) {
    return d.toSeconds() >= 60 ? d.toMinutes() + "m" : d.toSeconds() + "s";
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** One family's state during a run. */
  private final class Run {
    final Scanner scanner;
    final EngineContext context;
    final AtomicInteger filesScanned = new AtomicInteger();
    final AtomicInteger timedOutFiles = new AtomicInteger();
    final AtomicLong nanos = new AtomicLong();
    final List<Coverage.ScanError> errors = Collections.synchronizedList(new ArrayList<>());
    final List<Coverage.Skipped> skipped = Collections.synchronizedList(new ArrayList<>());
    final long deadlineNanos;
    final List<Rule> rules;

    Run(Scanner scanner) {
      this.scanner = scanner;
      this.deadlineNanos = System.nanoTime() + policy.scannerTimeout().toNanos();
      this.rules = rulesOf(scanner, errors);
      this.context = new EngineContext(this);
    }

    boolean expired() {
      return System.nanoTime() > deadlineNanos;
    }

    interface Body {
      void run() throws Exception;
    }

    void timed(Body body, String path) {
      long t0 = System.nanoTime();
      try {
        body.run();
      } catch (Exception | StackOverflowError | OutOfMemoryError e) {
        errors.add(new Coverage.ScanError(path, 0, "internal error in the " + scanner.family() + " scanner: " + describe(e)));
      } finally {
        nanos.addAndGet(System.nanoTime() - t0);
      }
    }

    Coverage coverage() {
      List<Coverage.ScanError> errs = new ArrayList<>(errors);
      if (timedOutFiles.get() > 0) {
        errs.add(new Coverage.ScanError("", 0, "timed out after " + human(policy.scannerTimeout()) + " (limits.scanner_timeout); "
            + timedOutFiles.get() + " files were not scanned"));
      }
      errs.sort(Comparator.comparing(Coverage.ScanError::path).thenComparingInt(Coverage.ScanError::line));
      List<Coverage.Skipped> sk = new ArrayList<>(skipped);
      sk.sort(Comparator.comparing(Coverage.Skipped::path));
      return new Coverage(scanner.family(), scanner.version(), rules.size(), filesScanned.get(), sk, errs, nanos.get() / 1_000_000);
    }
  }

  /** The family's rules under this policy; a section that cannot be read leaves the built-in rules and an error. */
  private List<Rule> rulesOf(Scanner scanner, List<Coverage.ScanError> errors) {
    try {
      return scanner.rules(policy.settings(scanner.family()), root);
    } catch (dev.shipgate.core.policy.PolicyException e) {
      errors.add(new Coverage.ScanError(e.file(), e.line(), e.getMessage()));
      return scanner.rules();
    }
  }

  /** The context a scanner sees; findings are buffered per thread and drained by the engine. */
  private final class EngineContext implements ScanContext {
    private final Run run;
    private final Set<String> ruleIds;
    private final ThreadLocal<List<Finding>> buffer = ThreadLocal.withInitial(ArrayList::new);
    private final List<Finding> shared = Collections.synchronizedList(new ArrayList<>());
    volatile boolean closed;

    EngineContext(Run run) {
      this.run = run;
      Set<String> ids = new java.util.HashSet<>();
      for (Rule r : run.rules) {
        ids.add(r.id());
      }
      this.ruleIds = ids;
    }

    @Override
    public Path root() {
      return root;
    }

    @Override
    public Settings settings() {
      return policy.settings(run.scanner.family());
    }

    @Override
    public Optional<String> option(String name) {
      return Optional.ofNullable(options.getOrDefault(run.scanner.family(), Map.of()).get(name));
    }

    @Override
    public boolean cancelled() {
      return closed || run.expired() || Thread.currentThread().isInterrupted();
    }

    @Override
    public void report(Finding finding) {
      if (closed) {
        return;
      }
      if (!ruleIds.contains(finding.ruleId())) {
        throw new IllegalStateException(run.scanner.family() + " reported rule " + finding.ruleId() + " that it does not declare");
      }
      if (run.scanner instanceof FileScanner && Thread.currentThread().getName().startsWith("shipgate-scan")) {
        buffer.get().add(finding);
      } else {
        shared.add(finding);
      }
    }

    /** This thread's findings since the last drain (file scanners), or everything shared (project/finish). */
    List<Finding> drain() {
      List<Finding> mine = buffer.get();
      List<Finding> out = new ArrayList<>(mine);
      mine.clear();
      synchronized (shared) {
        out.addAll(shared);
        shared.clear();
      }
      return out;
    }

    @Override
    public <T> T shared(Class<T> key, java.util.function.Supplier<T> compute) {
      return key.cast(sharedValues.computeIfAbsent(key, k -> compute.get()));
    }

    @Override
    public void note(String key, String value) {
      notes.put(key, value);
    }

    @Override
    public void skipped(String path, String reason) {
      run.skipped.add(new Coverage.Skipped(path, reason));
    }

    @Override
    public void error(String path, int line, String message) {
      run.errors.add(new Coverage.ScanError(path, line, message));
    }
  }
}
