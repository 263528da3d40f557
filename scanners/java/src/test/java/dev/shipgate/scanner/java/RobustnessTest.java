package dev.shipgate.scanner.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.java.taint.TaintEngine;
import dev.shipgate.testing.RecordingContext;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RobustnessTest {

  private static final String VULNERABLE = """
      package p;
      class Ok {
        void h(javax.servlet.http.HttpServletRequest r, java.sql.Statement s) throws Exception {
          s.execute(r.getParameter("q"));
        }
      }
      """;

  @Test
  void fileThatDoesNotParseIsReportedAndOthersAreStillAnalysed() throws IOException {
    RecordingContext ctx = ScanSupport.scan(ScanSupport.file("p/Broken.java", "package p;\nclass Broken {\n  void m( {\n}\n"),
        ScanSupport.file("p/Ok.java", VULNERABLE));
    assertThat(ctx.errors()).singleElement().satisfies(e -> {
      assertThat(e.path()).isEqualTo("p/Broken.java");
      assertThat(e.line()).isEqualTo(3);
      assertThat(e.message()).startsWith("Java syntax error");
    });
    assertThat(ctx.findings()).extracting(f -> f.location().path()).containsExactly("p/Ok.java");
  }

  @Test
  void codeWithMissingImportsAndUnknownTypesIsAnalysedByName() throws IOException {
    String code = """
        package p;
        import com.unknown.lib.Thing;
        class NoImports {
          Thing thing;
          void h(HttpServletRequest r, Statement s) throws Exception {
            thing.doStuff(r.getParameter("a"));
            s.executeQuery("SELECT " + r.getParameter("q"));
          }
        }
        """;
    RecordingContext ctx = ScanSupport.scan(ScanSupport.file("p/NoImports.java", code));
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).extracting(f -> f.location().startLine()).containsExactly(7);
    assertThat(ctx.findings().get(0).confidence()).as("sink type guessed from a simple name")
        .isEqualTo(dev.shipgate.core.model.Confidence.MEDIUM);
  }

  @Test
  @Timeout(10)
  void hostileTemplatesAreReadInLinearTime() throws IOException {
    String unclosed = "[(".repeat(500_000) + "th:utext=\"${" + "${".repeat(200_000);
    String markup = "<p th:utext=\"${param.q}\">x</p>\n".repeat(20_000) + "<div>[(${param.q" + "}".repeat(100_000);
    RecordingContext ctx = ScanSupport.scan(ScanSupport.file("templates/unclosed.html", unclosed),
        ScanSupport.file("templates/many.html", markup));
    assertThat(ctx.errors()).isEmpty();
    // One finding per closed th:utext; the unclosed [( at the end is no output.
    assertThat(ctx.findings().size()).isEqualTo(20_000);
  }

  @Test
  @Timeout(60)
  void methodOfTwentyThousandLinesTerminates() throws IOException {
    StringBuilder b = new StringBuilder("package p;\nclass Huge {\n  void m(javax.servlet.http.HttpServletRequest r, java.sql.Statement s) throws Exception {\n");
    b.append("    String v = r.getParameter(\"v\");\n");
    for (int i = 0; i < 20_000; i++) {
      b.append("    String v").append(i).append(" = v + \"").append(i).append("\";\n");
    }
    b.append("    s.execute(v19999);\n  }\n}\n");
    RecordingContext ctx = ScanSupport.scan(ScanSupport.file("p/Huge.java", b.toString()));
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).extracting(f -> f.location().startLine()).containsExactly(20_005);
  }

  @Test
  @Timeout(60)
  void fiveHundredLevelsOfNestingTerminate() throws IOException {
    StringBuilder b = new StringBuilder("package p;\nclass Deep {\n  void m(javax.servlet.http.HttpServletRequest r, java.sql.Statement s, int x) throws Exception {\n");
    b.append("    String v = r.getParameter(\"v\");\n");
    for (int i = 0; i < 500; i++) {
      b.append(i % 2 == 0 ? "if (x > " + i + ") {\n" : "for (int i" + i + " = 0; i" + i + " < x; i" + i + "++) {\n");
    }
    b.append("s.execute(v);\n");
    for (int i = 0; i < 500; i++) {
      b.append("}\n");
    }
    b.append("  }\n}\n");
    RecordingContext ctx = ScanSupport.scan(ScanSupport.file("p/Deep.java", b.toString()));
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).extracting(f -> f.location().startLine()).containsExactly(505);
  }

  @Test
  @Timeout(60)
  void tenThousandTermConcatenationTerminates() throws IOException {
    StringBuilder b = new StringBuilder("package p;\nclass Concat {\n  void m(javax.servlet.http.HttpServletRequest r, java.sql.Statement s) throws Exception {\n");
    b.append("    s.execute(r.getParameter(\"v\")");
    for (int i = 0; i < 10_000; i++) {
      b.append(" + \"").append(i % 10).append("\"");
    }
    b.append(");\n  }\n}\n");
    RecordingContext ctx = ScanSupport.scan(ScanSupport.file("p/Concat.java", b.toString()));
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).extracting(f -> f.location().startLine()).containsExactly(4);
  }

  @Test
  @Timeout(60)
  void mutualRecursionAndCyclicCallGraphsTerminate() throws IOException {
    String code = """
        package p;
        class Cycle {
          java.sql.Statement s;
          String a(String x, int n) { return n == 0 ? x : b(x + "a", n - 1); }
          String b(String x, int n) { return c(x, n); }
          String c(String x, int n) { return a(x, n); }
          void self(String x) throws Exception { self(x); s.execute(x); }
          void h(javax.servlet.http.HttpServletRequest r) throws Exception {
            s.execute(a(r.getParameter("q"), 5));
            self(r.getParameter("z"));
          }
        }
        """;
    RecordingContext ctx = ScanSupport.scan(ScanSupport.file("p/Cycle.java", code));
    assertThat(ctx.findings()).extracting(f -> f.location().startLine()).containsExactlyInAnyOrder(7, 9);
  }

  @Test
  void exceededAnalysisBudgetIsReportedAsSkippedNotSilent() {
    StringBuilder b = new StringBuilder("package p;\nclass Long {\n  void m(String v) {\n");
    for (int i = 0; i < 2_000; i++) {
      b.append("    v = v + \"").append(i).append("\";\n");
    }
    b.append("  }\n}\n");
    JavaScanner.Analysis a = ScanSupport.SCANNER.analyse(List.of(SourceFile.of("p/Long.java", b.toString())),
        new TaintEngine.Limits(500, Duration.ofSeconds(5).toMillis(), 6, 60_000), () -> false);
    assertThat(a.result().stopped()).singleElement().satisfies(s -> {
      assertThat(s.path()).isEqualTo("p/Long.java");
      assertThat(s.method()).isEqualTo("p.Long.m");
      assertThat(s.reason()).contains("500");
    });
  }

  @Test
  void anInternalErrorInOneMethodIsReportedAndTheOtherMethodsStillAnalysed() throws IOException {
    dev.shipgate.scanner.java.taint.JavaCheck failing = new dev.shipgate.scanner.java.taint.JavaCheck() {
      @Override
      public List<dev.shipgate.core.model.Rule> rules() {
        return List.of();
      }

      @Override
      public dev.shipgate.scanner.java.taint.MethodVisitor begin(dev.shipgate.scanner.java.frontend.MethodInfo m) {
        return !m.name().equals("broken") ? null : new dev.shipgate.scanner.java.taint.MethodVisitor() {
          @Override
          public void call(dev.shipgate.scanner.java.taint.CallEvent e) {
            throw new IllegalStateException("simulated analyzer bug");
          }
        };
      }
    };
    JavaScanner scanner = new JavaScanner(dev.shipgate.scanner.java.taint.Models.loadDefault(),
        List.of(failing, new dev.shipgate.scanner.java.rules.WeakHashCheck()));
    String code = """
        package p;
        class Two {
          void broken() throws Exception { java.security.MessageDigest.getInstance("MD5"); }
          void fine() throws Exception { java.security.MessageDigest.getInstance("MD5"); }
        }
        """;
    RecordingContext ctx = new RecordingContext();
    scanner.scan(List.of(SourceFile.of("p/Two.java", code)), ctx);
    assertThat(ctx.findings()).extracting(f -> f.location().startLine()).containsExactly(4);
    assertThat(ctx.skippedFiles()).singleElement().satisfies(sk -> {
      assertThat(sk.path()).isEqualTo("p/Two.java");
      assertThat(sk.reason()).contains("p.Two.broken").contains("internal error IllegalStateException");
    });
  }

  @Test
  void fileOverItsTimeBudgetIsReportedOnceAndOtherFilesAreStillAnalysed() {
    StringBuilder b = new StringBuilder("package p;\nclass Slow {\n");
    for (int m = 0; m < 40; m++) {
      b.append("  void m").append(m).append("(String v) {\n");
      for (int i = 0; i < 300; i++) {
        b.append("    v = v + \"").append(i).append("\";\n");
      }
      b.append("  }\n");
    }
    b.append("}\n");
    JavaScanner.Analysis a = ScanSupport.SCANNER.analyse(List.of(SourceFile.of("p/Slow.java", b.toString()),
        SourceFile.of("p/Ok.java", VULNERABLE)), new TaintEngine.Limits(2_000_000, 5_000, 6, 0), () -> false);
    assertThat(a.result().stopped()).filteredOn(s -> s.path().equals("p/Slow.java")).singleElement()
        .satisfies(s -> assertThat(s.reason()).contains("file time limit of 0 ms"));
    assertThat(a.result().findings()).extracting(f -> f.location().path()).containsExactly("p/Ok.java");
  }

  @Test
  void budgetSettingsComeFromThePolicySection() throws IOException {
    assertThat(ScanSupport.SCANNER.settingKeys()).containsExactlyInAnyOrder("method-timeout-ms", "method-step-limit",
        "file-timeout-ms", "jwt-max-lifetime", "jwt-refresh-max-lifetime");
    RecordingContext ctx = new RecordingContext(java.nio.file.Path.of("."), Settings.empty("<test>"));
    ScanSupport.SCANNER.scan(List.of(SourceFile.of("p/Ok.java", VULNERABLE)), ctx);
    assertThat(ctx.skippedFiles()).isEmpty();
    assertThat(ctx.findings()).hasSize(1);
  }
}
