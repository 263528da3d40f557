package dev.shipgate.scanner.api;

import dev.shipgate.core.model.Rule;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.PolicyLoader;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.scanner.arch.ArchScanner;
import dev.shipgate.scanner.java.JavaScanner;
import dev.shipgate.testing.RecordingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Measures what the architecture rails and route extraction add to the Java analysis of the same tree (issue 7's
 * bar: under 20% together): a generated Spring application of N controllers (each with a service, a repository,
 * five routes, an OpenAPI entry) is scanned by the java family (parse + project model + taint), then by the arch
 * and api families over the same shared parse, as in a scan. Not a test: run it by hand (see the README for the command).
 */
public final class RouteBenchmark {

  private RouteBenchmark() {}

  public static void main(String[] args) {
    int controllers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<SourceFile> java = new ArrayList<>();
    StringBuilder openapi = new StringBuilder("openapi: 3.0.3\ninfo: {title: bench, version: '1'}\nsecurity: [{jwt: []}]\npaths:\n");
    java.add(SourceFile.of("src/main/java/gen/Security.java", SECURITY));
    for (int i = 0; i < controllers; i++) {
      java.add(SourceFile.of("src/main/java/gen/p" + i + "/Res" + i + "Controller.java", CONTROLLER.replace("$N", String.valueOf(i))));
      java.add(SourceFile.of("src/main/java/gen/p" + i + "/Res" + i + "Service.java", SERVICE.replace("$N", String.valueOf(i))));
      java.add(SourceFile.of("src/main/java/gen/p" + i + "/Res" + i + "Repository.java", REPOSITORY.replace("$N", String.valueOf(i))));
      openapi.append("  /api/res").append(i).append(":\n    get: {}\n    post: {}\n  /api/res").append(i)
          .append("/{id}:\n    get: {}\n    put: {}\n    delete: {}\n");
    }
    long lines = java.stream().mapToLong(SourceFile::lineCount).sum();
    System.out.printf(Locale.ROOT, "%d controllers, %d Java files, %d lines, %d cores%n", controllers, java.size(), lines,
        Runtime.getRuntime().availableProcessors());
    JavaScanner javaScanner = new JavaScanner();
    ApiScanner apiScanner = new ApiScanner();
    ArchScanner archScanner = new ArchScanner();
    Settings rails = archSettings();
    List<SourceFile> withDoc = new ArrayList<>(java);
    withDoc.add(SourceFile.of("pom.xml", "<artifactId>spring-boot-starter-security</artifactId>"));
    List<SourceFile> withoutDoc = new ArrayList<>(withDoc);
    withDoc.add(SourceFile.of("openapi.yaml", openapi.toString()));
    // Wall time on a shared machine mostly measures the neighbours; process CPU time is the fairer figure.
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    // Per warm round (the first one also loads and compiles everything): arch, api, arch + api, api with the document,
    // each as a share of that round's java family CPU.
    List<double[]> warm = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      // As in a scan: the java family parses and analyses, the arch and api families reuse the shared parse.
      // The api family ignores the arch section it is handed here, as it ignores other families' sections.
      RecordingContext ctx = new RecordingContext(Path.of("."), rails);
      System.gc(); // each phase pays for collecting its own garbage, not the previous phase's
      long[] java1 = measure(os, () -> javaScanner.scan(java, ctx));
      int javaFindings = ctx.findings().size();
      System.gc();
      long[] arch1 = measure(os, () -> archScanner.scan(withoutDoc, ctx));
      int archFindings = ctx.findings().size() - javaFindings;
      System.gc();
      long[] api1 = measure(os, () -> apiScanner.scan(withoutDoc, ctx));
      int apiFindings = ctx.findings().size() - javaFindings - archFindings;
      System.gc();
      long[] api2 = measure(os, () -> apiScanner.scan(withDoc, ctx));
      System.out.printf(Locale.ROOT, "round %d: java family %d ms wall / %d ms cpu / %d ms own; arch %d ms wall / %d ms cpu"
              + " (%.1f%%) / %d ms own (%.1f%%); api %d ms wall / %d ms cpu (%.1f%%) / %d ms own (%.1f%%); arch + api %.1f%% of"
              + " java cpu, %.1f%% of java own; api with a 2,000-operation OpenAPI document %d ms wall / %d ms cpu (%.1f%%) /"
              + " %d ms own (%.1f%%); findings: arch %d, api %d%n",
          round, java1[0], java1[1], java1[2], arch1[0], arch1[1], pct(arch1[1], java1[1]), arch1[2], pct(arch1[2], java1[2]),
          api1[0], api1[1], pct(api1[1], java1[1]), api1[2], pct(api1[2], java1[2]), pct(arch1[1] + api1[1], java1[1]),
          pct(arch1[2] + api1[2], java1[2]), api2[0], api2[1], pct(api2[1], java1[1]), api2[2], pct(api2[2], java1[2]),
          archFindings, apiFindings);
      if (round > 1) {
        warm.add(new double[] {pct(arch1[1], java1[1]), pct(api1[1], java1[1]), pct(arch1[1] + api1[1], java1[1]),
            pct(api2[1], java1[1]), pct(arch1[2], java1[2]), pct(api1[2], java1[2]), pct(arch1[2] + api1[2], java1[2]),
            pct(api2[2], java1[2])});
      }
    }
    if (!warm.isEmpty()) {
      String[] names = {"cpu: arch", "api", "arch + api", "api with the document", "own: arch", "api", "arch + api",
          "api with the document"};
      StringBuilder line = new StringBuilder("warm rounds " + warm.size() + ", share of the java family, min / median:");
      for (int k = 0; k < names.length; k++) {
        int col = k;
        double[] v = warm.stream().mapToDouble(w -> w[col]).sorted().toArray();
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        line.append(String.format(Locale.ROOT, " %s %.1f%% / %.1f%%;", names[k], v[0], median));
      }
      System.out.println(line);
    }
  }

  /** Rails of the kind a Spring team writes: a blessed HTTP client, no raw JDBC, no prints, audited controllers. */
  private static Settings archSettings() {
    ArchScanner s = new ArchScanner();
    String yaml = """
        version: 1
        scanners:
          arch:
            forbidden:
              - {id: raw-http, java: [java.net.HttpURLConnection, "org.apache.http.**"], message: Use the platform HTTP client}
              - {id: raw-jdbc, java: ["java.sql.Statement#execute*"], message: Use the repositories}
              - {id: no-stdout, java: ["java.lang.System#out", "java.lang.System#err"], message: Log through slf4j}
              - {id: secure-random, java: ["new java.util.Random"], message: Use SecureRandom}
            require:
              - {id: audited, annotated: org.springframework.web.bind.annotation.RestController, inject: gen.AuditLog, message: Audit}
        """;
    try {
      PolicyLoader loader = new PolicyLoader(Map.of(s.family(), s.settingKeys()),
          s.rules().stream().map(Rule::id).collect(Collectors.toSet()));
      return loader.parse(yaml, PolicyLoader.FILE_NAME, "").settings(s.family());
    } catch (PolicyException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static double pct(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }

  private interface Work {
    void run() throws IOException;
  }

  /**
   * Wall, process CPU and own CPU milliseconds of {@code work}. Own CPU is process CPU minus what the JIT compiler and
   * garbage collector threads used meanwhile: compilations triggered by an earlier phase finish during a later one, so
   * process CPU charges one phase's warm-up to the next (the first rounds' shares swing by 10 points from it).
   */
  private static long[] measure(com.sun.management.OperatingSystemMXBean os, Work work) {
    Map<String, Long> vm = vmThreadsCpu();
    long c = os.getProcessCpuTime();
    long t = System.nanoTime();
    try {
      work.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long wall = System.nanoTime() - t;
    long cpu = os.getProcessCpuTime() - c;
    long vmCpu = 0;
    for (Map.Entry<String, Long> e : vmThreadsCpu().entrySet()) {
      vmCpu += e.getValue() - vm.getOrDefault(e.getKey(), 0L);
    }
    return new long[] {wall / 1_000_000, cpu / 1_000_000, Math.max(0, cpu - vmCpu) / 1_000_000};
  }

  /** Nanoseconds on CPU per JIT compiler and GC thread (Linux {@code /proc/self/task/ID/schedstat}; empty elsewhere). */
  private static Map<String, Long> vmThreadsCpu() {
    Map<String, Long> out = new java.util.HashMap<>();
    java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
    for (java.io.File task : tasks == null ? new java.io.File[0] : tasks) {
      try {
        String name = java.nio.file.Files.readString(task.toPath().resolve("comm")).trim();
        if (name.startsWith("C1 ") || name.startsWith("C2 ") || name.startsWith("GC ") || name.startsWith("G1 ")
            || name.equals("VM Thread")) {
          String stat = java.nio.file.Files.readString(task.toPath().resolve("schedstat")).trim();
          out.put(task.getName(), Long.parseLong(stat.substring(0, stat.indexOf(' '))));
        }
      } catch (IOException | RuntimeException e) {
        // the thread ended between listing and reading: it used nothing more in this phase
      }
    }
    return out;
  }

  private static final String SECURITY = """
      package gen;

      import org.springframework.context.annotation.Bean;
      import org.springframework.http.HttpMethod;
      import org.springframework.security.config.annotation.web.builders.HttpSecurity;
      import org.springframework.security.web.SecurityFilterChain;

      class Security {
        @Bean
        SecurityFilterChain chain(HttpSecurity http) throws Exception {
          http.authorizeHttpRequests(a -> a
              .requestMatchers(HttpMethod.GET, "/api/res1*/**").permitAll()
              .requestMatchers("/api/admin/**").hasRole("ADMIN")
              .anyRequest().authenticated());
          return http.build();
        }
      }
      """;

  private static final String CONTROLLER = """
      package gen.p$N;

      import java.security.Principal;
      import java.util.List;
      import org.springframework.security.access.prepost.PreAuthorize;
      import org.springframework.web.bind.annotation.*;

      @RestController
      @RequestMapping("/api/res$N")
      public class Res$NController {
        private final Res$NService service;
        private final Res$NRepository repo;

        public Res$NController(Res$NService service, Res$NRepository repo) {
          this.service = service;
          this.repo = repo;
        }

        @GetMapping("/{id}")
        public Res$N get(@PathVariable Long id) {
          return repo.findById(id).orElseThrow();
        }

        @GetMapping
        public List<Res$N> list(@RequestParam(required = false) String q, Principal principal) {
          return service.search(q == null ? "" : q.trim(), principal.getName());
        }

        @PostMapping
        public Res$N create(@RequestBody Res$N body) {
          return service.save(body);
        }

        @PutMapping("/{id}")
        @PreAuthorize("hasRole('ADMIN')")
        public Res$N update(@PathVariable Long id, @RequestBody Res$N body) {
          return service.save(body);
        }

        @DeleteMapping("/{id}")
        public void delete(@PathVariable Long id) {
          service.deleteById(id);
        }
      }
      """;

  private static final String SERVICE = """
      package gen.p$N;

      import java.util.List;
      import org.springframework.jdbc.core.JdbcTemplate;

      public class Res$NService {
        private final Res$NRepository repo;
        private final JdbcTemplate jdbc;

        public Res$NService(Res$NRepository repo, JdbcTemplate jdbc) {
          this.repo = repo;
          this.jdbc = jdbc;
        }

        public List<Res$N> search(String q, String owner) {
          String sql = "select * from res$N where owner = ? and name like ?";
          jdbc.queryForList(sql, owner, "%" + q + "%");
          return repo.findAll();
        }

        public Res$N save(Res$N r) {
          return repo.save(r);
        }

        public void deleteById(Long id) {
          repo.deleteById(id);
        }
      }

      record Res$N(Long id, String name, String owner) {}
      """;

  private static final String REPOSITORY = """
      package gen.p$N;

      import org.springframework.data.jpa.repository.JpaRepository;

      public interface Res$NRepository extends JpaRepository<Res$N, Long> {}
      """;
}
