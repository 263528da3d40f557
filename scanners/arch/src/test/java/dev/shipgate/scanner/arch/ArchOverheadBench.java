package dev.shipgate.scanner.arch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.java.JavaScanner;
import dev.shipgate.testing.RecordingContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What the architecture rules add to the Java analysis of the same tree: a generated Spring-like application of
 * {@code -Darch.bench=N} classes (controllers, services, repositories, models, an HTTP wrapper) is analysed by the
 * java family (parse, project model, taint), then the arch family runs on the same scan context and so reuses the
 * shared parse, as in a real scan. Prints medians; asserts only that the rails found what was planted.
 *
 * <p>{@code ./mvnw -q -o -B -pl scanners/arch test -Dtest=ArchOverheadBench -Darch.bench=1000 -Dsurefire.failIfNoSpecifiedTests=false}
 */
@EnabledIfSystemProperty(named = "arch.bench", matches = "\\d+")
class ArchOverheadBench {

  static final String POLICY = """
      version: 1
      scanners:
        arch:
          forbidden:
            - {id: raw-http, java: [java.net.HttpURLConnection, "org.apache.http.**"], allowed_in: [com.bench.http.**], message: Use com.bench.http.Client}
            - {id: raw-jdbc, java: ["java.sql.Statement#execute*"], allowed_in: [com.bench.repo.**], message: Use the repositories}
            - {id: no-stdout, java: ["java.lang.System#out", "java.lang.System#err"], message: Log through slf4j}
            - {id: secure-random, java: ["new java.util.Random"], message: Use SecureRandom}
          layers:
            web: [com.bench.web.**]
            repo: [com.bench.repo.**]
          layer_rules:
            - {id: web-uses-services, from: web, deny: [repo], message: Controllers call services}
          require:
            - {id: audited, annotated: org.springframework.web.bind.annotation.RestController, inject: com.bench.audit.AuditLogger, message: Audit}
      """;

  @Test
  void overhead() throws Exception {
    int classes = Integer.parseInt(System.getProperty("arch.bench"));
    List<SourceFile> files = generate(classes);
    int rounds = 7;
    long[] java = new long[rounds];
    long[] arch = new long[rounds];
    int findings = 0;
    // Built once, as the CLI builds every family once per process (the java family loads its models here).
    JavaScanner javaScanner = new JavaScanner();
    ArchScanner archScanner = new ArchScanner();
    for (int r = 0; r < rounds; r++) {
      RecordingContext ctx = new RecordingContext(Path.of("."), Fixtures.archSettings(POLICY));
      long t0 = System.nanoTime();
      javaScanner.scan(files, ctx);
      long t1 = System.nanoTime();
      int before = ctx.findings().size();
      archScanner.scan(files, ctx);
      long t2 = System.nanoTime();
      java[r] = t1 - t0;
      arch[r] = t2 - t1;
      findings = ctx.findings().size() - before;
      assertThat(ctx.errors()).isEmpty();
    }
    long j = median(java);
    long a = median(arch);
    System.out.printf("arch bench: %d classes, %d files, %d arch findings; java analysis %d ms, arch rules %d ms "
        + "(+%.1f%%), medians of %d rounds%n", classes, files.size(), findings, j / 1_000_000, a / 1_000_000, 100.0 * a / j, rounds);
    // Planted: every 10th controller imports a repository, every 20th service runs a Statement, every 25th prints.
    assertThat(findings).isPositive();
  }

  private static long median(long[] v) {
    long[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  /** A layered application: 20% controllers, 40% services, 20% repositories, 20% models. */
  static List<SourceFile> generate(int classes) {
    List<SourceFile> out = new ArrayList<>();
    out.add(SourceFile.of("src/main/java/com/bench/audit/AuditLogger.java",
        "package com.bench.audit;\npublic interface AuditLogger {\n  void record(String what);\n}\n"));
    out.add(SourceFile.of("src/main/java/com/bench/http/Client.java", """
        package com.bench.http;
        import java.io.IOException;
        import java.net.HttpURLConnection;
        import java.net.URL;
        public final class Client {
          public String get(String url) throws IOException {
            HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
            return c.getResponseMessage();
          }
        }
        """));
    int n = Math.max(5, classes / 5);
    for (int i = 0; i < n; i++) {
      out.add(SourceFile.of("src/main/java/com/bench/model/Model" + i + ".java", """
          package com.bench.model;
          public class Model%1$d {
            private String name;
            private long id;
            public String getName() { return name; }
            public void setName(String name) { this.name = name == null ? "" : name.trim(); }
            public long getId() { return id; }
            public void setId(long id) { this.id = id; }
            @Override public String toString() { return "Model%1$d[" + id + "," + name + "]"; }
          }
          """.formatted(i)));
      out.add(SourceFile.of("src/main/java/com/bench/repo/Repo" + i + ".java", """
          package com.bench.repo;
          import com.bench.model.Model%1$d;
          import java.sql.Connection;
          import java.sql.PreparedStatement;
          import java.sql.ResultSet;
          import java.sql.SQLException;
          import java.sql.Statement;
          import java.util.ArrayList;
          import java.util.List;
          public class Repo%1$d {
            private final Connection db;
            public Repo%1$d(Connection db) { this.db = db; }
            public List<Model%1$d> find(String name) throws SQLException {
              List<Model%1$d> out = new ArrayList<>();
              try (PreparedStatement ps = db.prepareStatement("select id, name from t%1$d where name = ?")) {
                ps.setString(1, name);
                ResultSet rs = ps.executeQuery();
                while (rs.next()) {
                  Model%1$d m = new Model%1$d();
                  m.setId(rs.getLong(1));
                  m.setName(rs.getString(2));
                  out.add(m);
                }
              }
              return out;
            }
            public int purge(String table) throws SQLException {
              try (Statement st = db.createStatement()) {
                return st.executeUpdate("delete from " + table);
              }
            }
          }
          """.formatted(i)));
      for (int k = 0; k < 2; k++) {
        int s = 2 * i + k;
        String extra = (s % 20 == 0 ? "    java.sql.Statement st = db.createStatement();\n    st.execute(\"analyze\");\n" : "")
            + (s % 25 == 0 ? "    System.out.println(\"found \" + found.size());\n" : "");
        out.add(SourceFile.of("src/main/java/com/bench/service/Service" + s + ".java", """
            package com.bench.service;
            import com.bench.model.Model%2$d;
            import com.bench.repo.Repo%2$d;
            import java.sql.Connection;
            import java.sql.SQLException;
            import java.util.List;
            import java.util.stream.Collectors;
            public class Service%1$d {
              private final Repo%2$d repo;
              private final Connection db;
              public Service%1$d(Repo%2$d repo, Connection db) { this.repo = repo; this.db = db; }
              public List<String> names(String filter) throws SQLException {
                List<Model%2$d> found = repo.find(filter);
            %3$s    return found.stream().map(Model%2$d::getName).filter(n -> !n.isEmpty()).collect(Collectors.toList());
              }
              public int clean(String table) throws SQLException {
                return repo.purge(table);
              }
              public Repo%2$d repository() { return repo; }
            }
            """.formatted(s, i, extra)));
      }
      String leak = i % 10 == 0 ? "import com.bench.repo.Repo" + i + ";\n" : "";
      String leakUse = i % 10 == 0 ? "    Repo" + i + " r = service.repository();\n" : "";
      out.add(SourceFile.of("src/main/java/com/bench/web/Controller" + i + ".java", """
          package com.bench.web;
          import com.bench.audit.AuditLogger;
          import com.bench.service.Service%2$d;
          %3$simport java.util.List;
          import org.springframework.web.bind.annotation.GetMapping;
          import org.springframework.web.bind.annotation.RequestParam;
          import org.springframework.web.bind.annotation.RestController;
          @RestController
          public class Controller%1$d {
            private final Service%2$d service;
            private final AuditLogger audit;
            public Controller%1$d(Service%2$d service, AuditLogger audit) { this.service = service; this.audit = audit; }
            @GetMapping("/c%1$d")
            public List<String> list(@RequestParam String q) throws Exception {
              audit.record("list " + q);
          %4$s    return service.names(q);
            }
            @GetMapping("/c%1$d/clean")
            public int clean(@RequestParam String table) throws Exception {
              return service.clean(table);
            }
          }
          """.formatted(i, 2 * i, leak, leakUse)));
    }
    return out;
  }
}
