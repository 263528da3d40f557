package dev.shipgate.bench.secrets;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.testing.RecordingContext;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.FileScanner;
import dev.shipgate.core.scan.Scanner;
import dev.shipgate.core.scan.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * In-process driver for the secrets family until the CLI runs it: walks a tree, scans every accepted file
 * on N threads, and either reports throughput ({@code speed}) or scores findings against a corpus's
 * labels ({@code score}). The scanner is found through {@link ServiceLoader}, so this module needs only
 * core at compile time; put the secrets jar and its dependencies on the class path to run it.
 *
 * <p>Usage: {@code SecretScan speed DIR [THREADS]} or {@code SecretScan score DIR LABELS [THREADS]}
 */
public final class SecretScan {

  private SecretScan() {}

  static FileScanner secretsScanner() {
    for (Scanner s : ServiceLoader.load(Scanner.class)) {
      if (s.family().equals("secrets") && s instanceof FileScanner fs) {
        return fs;
      }
    }
    throw new IllegalStateException("no 'secrets' scanner on the class path (add shipgate-scanner-secrets)");
  }

  /** A context that keeps findings and counts skips and errors; thread-safe. */
  record Run(RecordingContext context, long files, long bytes, double seconds) {}

  static Run run(Path root, int threads) throws IOException, InterruptedException {
    FileScanner scanner = secretsScanner();
    RecordingContext ctx = new RecordingContext(root, Settings.empty("<bench>"));
    AtomicLong files = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    long t0 = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile).forEach(p -> {
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (!scanner.accepts(rel)) {
          return;
        }
        pool.execute(() -> {
          try {
            long size = Files.size(p);
            SourceFile f = SourceFile.lazy(rel, size, () -> Files.readAllBytes(p));
            scanner.scan(f, ctx);
            f.release();
            files.incrementAndGet();
            bytes.addAndGet(size);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.DAYS);
    ctx.errors().forEach(e -> System.err.println("error: " + e));
    return new Run(ctx, files.get(), bytes.get(), (System.nanoTime() - t0) / 1e9);
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: SecretScan speed DIR [THREADS] | SecretScan score DIR LABELS [THREADS]");
      System.exit(2);
    }
    Path root = Path.of(args[1]);
    if (args[0].equals("speed")) {
      Run run = run(root, args.length > 2 ? Integer.parseInt(args[2]) : 2);
      System.out.printf("files=%d bytes=%d findings=%d skipped=%d errors=%d scan_seconds=%.2f MB/s=%.1f%n", run.files(), run.bytes(),
          run.context().findings().size(), run.context().skippedFiles().size(), run.context().errors().size(), run.seconds(),
          run.bytes() / 1048576.0 / run.seconds());
    } else {
      score(root, Path.of(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 2);
    }
  }

  static void score(Path root, Path labels, int threads) throws Exception {
    Set<String> expected = new HashSet<>();
    for (String row : Files.readAllLines(labels)) {
      if (!row.isBlank()) {
        expected.add(row.trim());
      }
    }
    Run run = run(root, threads);
    for (Confidence floor : new Confidence[] {Confidence.LOW, Confidence.MEDIUM}) {
      Set<String> actual = new HashSet<>();
      for (Finding f : run.context().findings()) {
        if (f.confidence().atLeast(floor)) {
          actual.add(f.location().path() + "\t" + f.location().startLine() + "\t" + f.ruleId());
        }
      }
      Map<String, int[]> perRule = new TreeMap<>(); // tp, fp, fn
      List<String> samplesFp = new ArrayList<>();
      List<String> samplesFn = new ArrayList<>();
      for (String a : actual) {
        int[] c = perRule.computeIfAbsent(a.split("\t")[2], k -> new int[3]);
        if (expected.contains(a)) {
          c[0]++;
        } else {
          c[1]++;
          samplesFp.add(a);
        }
      }
      for (String e : expected) {
        if (!actual.contains(e)) {
          perRule.computeIfAbsent(e.split("\t")[2], k -> new int[3])[2]++;
          samplesFn.add(e);
        }
      }
      int tp = 0;
      int fp = 0;
      int fn = 0;
      System.out.printf("%n### findings with confidence >= %s%n%n| detector | TP | FP | FN | precision | recall |%n|---|---:|---:|---:|---:|---:|%n", floor.label());
      for (Map.Entry<String, int[]> e : perRule.entrySet()) {
        int[] c = e.getValue();
        tp += c[0];
        fp += c[1];
        fn += c[2];
        System.out.printf("| %s | %d | %d | %d | %s | %s |%n", e.getKey(), c[0], c[1], c[2], ratio(c[0], c[0] + c[1]), ratio(c[0], c[0] + c[2]));
      }
      System.out.printf("| **overall** | %d | %d | %d | **%s** | **%s** |%n", tp, fp, fn, ratio(tp, tp + fp), ratio(tp, tp + fn));
      Collections.sort(samplesFp);
      Collections.sort(samplesFn);
      System.out.println();
      samplesFp.stream().limit(15).forEach(s -> System.out.println("FP " + s.replace('\t', ' ')));
      samplesFn.stream().limit(15).forEach(s -> System.out.println("FN " + s.replace('\t', ' ')));
    }
    System.out.printf("%nfiles=%d bytes=%d labels=%d findings=%d scan_seconds=%.2f%n", run.files(), run.bytes(), expected.size(),
        run.context().findings().size(), run.seconds());
  }

  static String ratio(int a, int b) {
    return b == 0 ? "n/a" : String.format("%.3f", (double) a / b);
  }
}
