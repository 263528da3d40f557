package dev.shipgate.scanner.arch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Files whose text names nothing forbidden are not walked (JavaArch#mayName). These are the uses that reach a
 * forbidden type without writing its name or its package, which the filter must still let through.
 */
class NameFilterTest {

  private static final String POLICY = """
      version: 1
      scanners:
        arch:
          forbidden:
            - {id: raw-http, java: [java.net.HttpURLConnection, "org.apache.http.**"], message: Use the wrapper}
            - {id: no-stdout, java: ["java.lang.System#out"], message: Log}
      """;

  private static List<String> found(SourceFile... files) throws Exception {
    RecordingContext ctx = new RecordingContext(Path.of("."), Fixtures.archSettings(POLICY));
    new ArchScanner().scan(List.of(files), ctx);
    return ctx.findings().stream().map(f -> f.location().path() + ":" + f.location().startLine() + " " + f.ruleId()).toList();
  }

  @Test
  void inferredAndGuessedTypesAreStillChecked() throws Exception {
    SourceFile factory = SourceFile.of("src/a/Factory.java", """
        package a;
        public class Factory {
          public static java.net.HttpURLConnection open() { return null; }
        }
        """);
    // A var local typed by a repository method: neither the type nor its package is written in the file.
    SourceFile inferred = SourceFile.of("src/b/Inferred.java", """
        package b;
        import a.Factory;
        class Inferred {
          void m() {
            var c = Factory.open();
          }
        }
        """);
    // A repository type of a forbidden package, named by its unique simple name without an import.
    SourceFile vendored = SourceFile.of("src/org/apache/http/vendored/Pool.java", """
        package org.apache.http.vendored;
        public class Pool {}
        """);
    SourceFile guessed = SourceFile.of("src/c/Guessed.java", """
        package c;
        class Guessed {
          Pool pool;
        }
        """);
    SourceFile clean = SourceFile.of("src/d/Clean.java", """
        package d;
        class Clean {
          String route(String path) { return path.trim(); }
        }
        """);
    assertThat(found(factory, inferred, vendored, guessed, clean)).contains("src/b/Inferred.java:5 arch/forbidden/type",
        "src/c/Guessed.java:3 arch/forbidden/type").noneMatch(f -> f.startsWith("src/d/"));
  }
}
