package dev.shipgate.scanner.terraform;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Times a scan of the generated corpus (not a test: timings belong in the README, not in assertions). Run with
 * the module's test class path: {@code java -cp ... dev.shipgate.scanner.terraform.TerraformBench [modules]}.
 */
final class TerraformBench {

  private TerraformBench() {}

  public static void main(String[] args) throws Exception {
    int modules = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    for (int round = 1; round <= 5; round++) {
      List<SourceFile> files = Corpus.modules(modules);
      long bytes = 0;
      for (SourceFile f : files) {
        bytes += f.size();
      }
      RecordingContext ctx = new RecordingContext();
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long cpu = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      new TerraformScanner().scan(files, ctx);
      long ms = (System.nanoTime() - start) / 1_000_000;
      long cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
      // CPU time as well as wall time: on a shared machine the wall clock mostly measures the other processes.
      System.out.printf("round %d: %d files, %d KB, %d findings, %d errors in %d ms wall, %d ms CPU%n", round, files.size(),
          bytes / 1024, ctx.findings().size(), ctx.errors().size(), ms, cpuMs);
    }
  }
}
