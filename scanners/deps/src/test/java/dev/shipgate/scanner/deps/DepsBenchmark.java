package dev.shipgate.scanner.deps;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.osv.OsvDatabase;
import dev.shipgate.scanner.deps.osv.OsvImporter;
import dev.shipgate.testing.RecordingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Index build and match speed on synthetic data: N generated OSV records (ids {@code SYNTH-*}, spread over
 * the seven ecosystems, about four per package name) in one zip, then a repository of lockfiles holding P
 * packages, a third of them named like advised packages. Run from {@code scanners/deps}:
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat /tmp/deps-cp.txt) dev.shipgate.scanner.deps.DepsBenchmark 200000 20000 50 [KEEP_DIR]</pre>
 *
 * <p>With {@code KEEP_DIR} the database stays there, and {@code DepsBenchmark scan KEEP_DIR 20000 50} then measures one
 * scan in a fresh JVM, as a CLI run would see it.
 */
public final class DepsBenchmark {

  private static final String[][] ECOSYSTEMS = {{"npm", "SEMVER"}, {"Maven", "ECOSYSTEM"}, {"PyPI", "ECOSYSTEM"}, {"Go", "SEMVER"},
      {"crates.io", "SEMVER"}, {"RubyGems", "ECOSYSTEM"}, {"Packagist", "ECOSYSTEM"}};

  /** Timings and sizes of one run. */
  public record Result(int advisories, long zipBytes, long importMillis, long indexBytes, double openMillis, int packages, int lockfiles,
      List<Long> scanMillis, int findings) {}

  private DepsBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("scan")) {
      long s0 = System.nanoTime();
      List<SourceFile> files = repository(Integer.parseInt(args[2]), Integer.parseInt(args[3]), 200_000);
      RecordingContext ctx = new RecordingContext();
      long s1 = System.nanoTime();
      new DepsScanner(Path.of(args[1]).resolve("db"), Clock.systemUTC()).scan(files, ctx);
      long s2 = System.nanoTime();
      System.out.printf(Locale.ROOT, "fresh JVM: generate=%dms scan(inventory+match)=%dms findings=%d errors=%d%n", (s1 - s0) / 1_000_000,
          (s2 - s1) / 1_000_000, ctx.findings().size(), ctx.errors().size());
      return;
    }
    int advisories = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int packages = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int lockfiles = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    boolean keep = args.length > 3;
    Path work = keep ? Files.createDirectories(Path.of(args[3])) : Files.createTempDirectory("shipgate-deps-bench");
    try {
      Result r = run(work, advisories, packages, lockfiles, 3);
      System.out.printf(Locale.ROOT, "advisories=%d zip=%.1fMB import=%dms index=%.1fMB open=%.2fms%n", r.advisories(), r.zipBytes() / 1e6,
          r.importMillis(), r.indexBytes() / 1e6, r.openMillis());
      System.out.printf(Locale.ROOT, "packages=%d lockfiles=%d scan(inventory+match) runs=%s ms findings=%d%n", r.packages(), r.lockfiles(),
          r.scanMillis(), r.findings());
    } finally {
      if (keep) {
        return;
      }
      try (Stream<Path> s = Files.walk(work)) {
        s.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  public static Result run(Path work, int advisories, int packages, int lockfiles, int rounds) throws IOException {
    Path zip = work.resolve("all.zip");
    writeAdvisories(zip, advisories);
    Path db = work.resolve("db");
    long t0 = System.nanoTime();
    new OsvImporter().importInto(db, List.of(zip));
    long importMillis = (System.nanoTime() - t0) / 1_000_000;
    long indexBytes;
    try (Stream<Path> s = Files.list(db)) {
      indexBytes = s.mapToLong(p -> p.toFile().length()).sum();
    }
    long o0 = System.nanoTime();
    OsvDatabase opened = OsvDatabase.open(db).orElseThrow();
    double openMillis = (System.nanoTime() - o0) / 1e6;
    if (opened.ecosystems().isEmpty()) {
      throw new IllegalStateException("the import produced an empty database");
    }
    List<SourceFile> files = repository(packages, lockfiles, advisories);
    List<Long> times = new ArrayList<>();
    int findings = 0;
    for (int i = 0; i < rounds; i++) {
      // Fresh files and scanner each round: nothing is cached between runs but the JIT.
      List<SourceFile> copy = files.stream().map(f -> {
        try {
          return SourceFile.of(f.path(), f.bytes());
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }).toList();
      RecordingContext ctx = new RecordingContext();
      long s0 = System.nanoTime();
      new DepsScanner(db, Clock.systemUTC()).scan(copy, ctx);
      times.add((System.nanoTime() - s0) / 1_000_000);
      if (!ctx.errors().isEmpty()) {
        throw new IllegalStateException("benchmark scan errors: " + ctx.errors().subList(0, Math.min(3, ctx.errors().size())));
      }
      findings = ctx.findings().size();
    }
    return new Result(advisories, Files.size(zip), importMillis, indexBytes, openMillis, packages, lockfiles, times, findings);
  }

  static String name(int eco, int i) {
    return switch (eco) {
      case 1 -> "org.synth" + (i % 500) + ":artifact-" + i;
      case 3 -> "github.com/synth" + (i % 500) + "/mod-" + i;
      case 6 -> "synth" + (i % 500) + "/pkg-" + i;
      default -> "synth-pkg-" + i;
    };
  }

  private static void writeAdvisories(Path zip, int n) throws IOException {
    Random rnd = new Random(42);
    int names = Math.max(1, n / 4);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (int i = 0; i < n; i++) {
        int eco = i % ECOSYSTEMS.length;
        int pkg = rnd.nextInt(names);
        int major = rnd.nextInt(5);
        String fixed = major + "." + rnd.nextInt(10) + "." + rnd.nextInt(10);
        String severity = i % 2 == 0 ? "\"severity\": [{\"type\": \"CVSS_V3\", \"score\": \"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N\"}]," : "";
        String json = "{\"schema_version\": \"1.6.0\", \"id\": \"SYNTH-" + i + "\", \"modified\": \"2026-01-01T00:00:00Z\","
            + " \"aliases\": [\"CVE-2099-" + (100000 + i) + "\"], \"summary\": \"Synthetic benchmark advisory " + i + "\"," + severity
            + " \"affected\": [{\"package\": {\"ecosystem\": \"" + ECOSYSTEMS[eco][0] + "\", \"name\": \"" + name(eco, pkg) + "\"},"
            + " \"ranges\": [{\"type\": \"" + ECOSYSTEMS[eco][1] + "\", \"events\": [{\"introduced\": \"0\"}, {\"fixed\": \"" + fixed + "\"}]}],"
            + " \"database_specific\": {\"severity\": \"HIGH\"}}]}";
        out.putNextEntry(new ZipEntry("SYNTH-" + i + ".json"));
        out.write(json.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
  }

  /** Lockfiles of four formats; every third package has an advised name, versions spread around the fixes. */
  static List<SourceFile> repository(int packages, int lockfiles, int advisories) {
    Random rnd = new Random(7);
    int names = Math.max(1, advisories / 4);
    int perFile = Math.max(1, packages / lockfiles);
    List<SourceFile> files = new ArrayList<>();
    int made = 0;
    for (int f = 0; f < lockfiles; f++) {
      int count = f == lockfiles - 1 ? packages - made : perFile;
      made += count;
      int kind = f % 5;
      StringBuilder b = new StringBuilder();
      String dir = "svc" + f + "/";
      switch (kind) {
        case 0, 1 -> {
          b.append("{\n  \"name\": \"svc\",\n  \"lockfileVersion\": 3,\n  \"packages\": {\n    \"\": {\"name\": \"svc\"}");
          for (int i = 0; i < count; i++) {
            String n = i % 3 == 0 ? name(0, rnd.nextInt(names)) : "plain-" + f + "-" + i;
            String v = rnd.nextInt(5) + "." + rnd.nextInt(10) + "." + rnd.nextInt(10);
            b.append(",\n    \"node_modules/").append(i % 7 == 0 ? "x/node_modules/" : "").append(n).append("\": {\"version\": \"").append(v)
                .append("\", \"resolved\": \"https://registry.npmjs.org/").append(n).append("/-/").append(n).append("-").append(v)
                .append(".tgz\", \"integrity\": \"sha512-AAAA\"}");
          }
          b.append("\n  }\n}\n");
          files.add(SourceFile.of(dir + "package-lock.json", b.toString()));
        }
        case 2 -> {
          for (int i = 0; i < count; i++) {
            String n = i % 3 == 0 ? name(2, rnd.nextInt(names)) : "plain-" + f + "-" + i;
            b.append(n).append("==").append(rnd.nextInt(5)).append('.').append(rnd.nextInt(10)).append('.').append(rnd.nextInt(10)).append('\n');
          }
          files.add(SourceFile.of(dir + "requirements.txt", b.toString()));
        }
        case 3 -> {
          b.append("module example.com/svc").append(f).append("\n\ngo 1.22\n\nrequire (\n");
          for (int i = 0; i < count; i++) {
            String n = i % 3 == 0 ? name(3, rnd.nextInt(names)) : "example.com/plain" + f + "/m" + i;
            b.append('\t').append(n).append(" v").append(rnd.nextInt(5)).append('.').append(rnd.nextInt(10)).append('.').append(rnd.nextInt(10)).append('\n');
          }
          b.append(")\n");
          files.add(SourceFile.of(dir + "go.mod", b.toString()));
        }
        default -> {
          b.append("version = 3\n");
          for (int i = 0; i < count; i++) {
            String n = i % 3 == 0 ? name(4, rnd.nextInt(names)) : "plain-" + f + "-" + i;
            b.append("\n[[package]]\nname = \"").append(n).append("\"\nversion = \"").append(rnd.nextInt(5)).append('.').append(rnd.nextInt(10))
                .append('.').append(rnd.nextInt(10)).append("\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\nchecksum = \"ab\"\n");
          }
          files.add(SourceFile.of(dir + "Cargo.lock", b.toString()));
        }
      }
    }
    return files;
  }
}
