package dev.shipgate.scanner.secrets;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Module-local measurements (README "Speed"), run on the test class path without the CLI:
 * {@code construct} times building the family as the CLI does at start-up; {@code scan DIR PASSES} scans every
 * accepted file of a tree (held in memory) on one thread, PASSES times, and prints a digest of the findings
 * so that a change can be shown to keep them identical. Run under {@code perf stat -e instructions:u}.
 */
public final class SecretsBench {

  private SecretsBench() {}

  public static void main(String[] args) throws Exception {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    if (args.length >= 1 && args[0].equals("construct")) {
      long c0 = cpu.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      SecretsScanner scanner = new SecretsScanner();
      int rules = scanner.rules().size();
      System.out.printf("construct: %d rules, %d ms, %d ms CPU%n", rules, (System.nanoTime() - t0) / 1_000_000,
          (cpu.getCurrentThreadCpuTime() - c0) / 1_000_000);
      return;
    }
    if (args.length < 3 || !args[0].equals("scan")) {
      System.err.println("usage: SecretsBench construct | SecretsBench scan DIR PASSES");
      System.exit(2);
    }
    Path root = Path.of(args[1]);
    int passes = Integer.parseInt(args[2]);
    SecretsScanner scanner = new SecretsScanner();
    List<String> paths = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    long bytes = 0;
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (scanner.accepts(rel)) {
          paths.add(rel);
          byte[] b = Files.readAllBytes(p);
          contents.add(b);
          bytes += b.length;
        }
      }
    }
    for (int pass = 1; pass <= passes; pass++) {
      RecordingContext ctx = new RecordingContext();
      long c0 = cpu.getCurrentThreadCpuTime();
      for (int i = 0; i < paths.size(); i++) {
        scanner.scan(SourceFile.of(paths.get(i), contents.get(i)), ctx);
      }
      long ms = (cpu.getCurrentThreadCpuTime() - c0) / 1_000_000;
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Finding f : ctx.findings()) {
        String row = f.location().path() + ":" + f.location().startLine() + ":" + f.location().startColumn() + ":"
            + f.ruleId() + ":" + f.confidence() + ":" + f.contextKey() + ":" + f.snippet() + "\n";
        digest.update(row.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      System.out.printf("pass %d: %d files, %.1f MiB, %d findings (digest %s), %d errors, %d ms CPU, %.1f MiB/s%n", pass,
          paths.size(), bytes / 1048576.0, ctx.findings().size(), HexFormat.of().formatHex(digest.digest(), 0, 6),
          ctx.errors().size(), ms, bytes / 1048576.0 / (ms / 1000.0));
    }
  }
}
