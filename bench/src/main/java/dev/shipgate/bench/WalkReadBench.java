package dev.shipgate.bench;

import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.policy.Policy;
import dev.shipgate.core.scan.FileScanner;
import dev.shipgate.core.scan.ScanContext;
import dev.shipgate.core.scan.ScanEngine;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.core.walk.FileWalker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whole-process measurement of shipgate's file walk and read path (the walker and the engine, with a
 * scanner that only touches every byte): {@code WalkReadBench DIR [THREADS]}. Prints files, bytes, seconds.
 */
public final class WalkReadBench {

  private WalkReadBench() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
    AtomicLong bytes = new AtomicLong();
    AtomicLong checksum = new AtomicLong();
    FileScanner touch = new FileScanner() {
      @Override public String family() { return "touch"; }
      @Override public String version() { return "1"; }
      @Override public List<Rule> rules() { return List.of(); }
      @Override public boolean accepts(String path) { return true; }
      @Override public void scan(SourceFile file, ScanContext context) throws IOException {
        byte[] b = file.bytes();
        long sum = 0;
        for (int i = 0; i < b.length; i += 64) {
          sum += b[i];
        }
        bytes.addAndGet(b.length);
        checksum.addAndGet(sum);
      }
    };
    // The same path as `shipgate scan`: the walk streams files into the engine, which reads them in parallel.
    long t0 = System.nanoTime();
    FileWalker walker = new FileWalker(dir, null, Policy.defaults());
    int[] walkSkips = {0};
    ScanEngine.Result r = new ScanEngine(List.of(touch), Set.of(), Policy.defaults(), dir, threads, Map.of(), null)
        .run(sink -> walkSkips[0] = walker.walk(sink).skipped().size(), p -> true);
    long t1 = System.nanoTime();
    int skipped = r.coverage().stream().mapToInt(c -> c.skipped().size()).sum() + walkSkips[0];
    int errors = r.coverage().stream().mapToInt(c -> c.errors().size()).sum();
    System.out.printf("files=%d bytes=%d skipped=%d errors=%d walk_and_read_s=%.3f checksum=%d%n",
        r.filesRead(), bytes.get(), skipped, errors, (t1 - t0) / 1e9, checksum.get());
    for (Coverage c : r.coverage()) {
      if (!c.errors().isEmpty()) {
        System.out.println(c.family() + " errors: " + c.errors());
      }
    }
  }
}
