package dev.shipgate.scanner.deps;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.extract.LocalLicenses;
import dev.shipgate.scanner.deps.extract.MavenTransitive;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Cost of transitive Maven resolution on a real tree: every {@code pom.xml} below ROOT (not under {@code target/} or
 * {@code src/test/}) through {@link Inventory#of}, with the local repository ({@code transitive}) or without it
 * ({@code direct}), ROUNDS times in one JVM; the first round is what a CLI run pays. Prints wall time per round and the
 * process's CPU time (steadier than wall time on a shared machine). Run from {@code scanners/deps}:
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat /tmp/deps-cp.txt) dev.shipgate.scanner.deps.MavenResolutionBenchmark ../.. transitive [ROUNDS] [REPO]</pre>
 */
public final class MavenResolutionBenchmark {

  private MavenResolutionBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "../..").toAbsolutePath().normalize();
    boolean transitive = args.length <= 1 || args[1].equals("transitive");
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    Path repo = args.length > 3 ? Path.of(args[3]) : LocalLicenses.defaultMavenRepository();
    List<SourceFile> poms = poms(root);
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      Inventory.Result r = Inventory.of(poms, root, LocalLicenses.NONE, transitive ? MavenTransitive.of(repo) : null);
      long t1 = System.nanoTime();
      System.out.printf(Locale.ROOT, "round %d: poms=%d %s wall=%dms packages=%d notes=%d%n", i + 1, poms.size(), transitive ? "transitive"
          : "direct", (t1 - t0) / 1_000_000, r.packages().size(), r.notes().size());
      if (i == 0 && args.length > 4) {
        r.notes().forEach(n -> System.out.println("  " + n.path() + ": " + n.message()));
      }
    }
    System.out.printf(Locale.ROOT, "cpu=%dms (all rounds, after the file walk)%n", (os.getProcessCpuTime() - cpu0) / 1_000_000);
  }
  private static List<SourceFile> poms(Path root) throws IOException {
    List<SourceFile> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(p -> p.getFileName().toString().equals("pom.xml")).sorted().toList()) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (!rel.contains("target/") && !rel.contains("src/test/") && !rel.startsWith(".")) {
          out.add(SourceFile.of(rel, Files.readAllBytes(p)));
        }
      }
    }
    return out;
  }
}
