package dev.shipgate.scanner.deps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input crafted to hurt a parser ends in one positioned error, never a crash, a hang or a file read. */
class HostileInputTest {

  private static Path database;

  @BeforeAll
  static void database(@TempDir Path dir) throws Exception {
    database = TestDatabase.build(dir);
  }

  private static List<Coverage.ScanError> errors(String path, String content) throws Exception {
    RecordingContext ctx = new RecordingContext();
    new DepsScanner(database, TestDatabase.daysLater(1), null).scan(List.of(SourceFile.of(path, content)), ctx);
    return ctx.errors();
  }

  @Test
  void deeplyNestedJsonIsRefusedWithItsLine() throws Exception {
    String deep = "{\"packages\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
    assertThat(errors("package-lock.json", deep)).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(1);
      assertThat(e.message()).contains("npm/package-lock", "nesting depth");
    });
  }

  @Test
  void yamlAliasBombsAreRefused() throws Exception {
    StringBuilder y = new StringBuilder("lockfileVersion: '6.0'\na: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'z'; c++) {
      char p = (char) (c - 1);
      y.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p).append("]\n");
    }
    y.append("packages:\n  /x@1.0.0: *z\n");
    assertThat(errors("pnpm-lock.yaml", y.toString())).singleElement().satisfies(e -> assertThat(e.message()).contains("npm/pnpm-lock"));
  }

  @Test
  void xmlExternalEntitiesAreNeverResolved() throws Exception {
    String pom = "<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n<project><dependencies><dependency>"
        + "<groupId>a</groupId><artifactId>&x;</artifactId><version>1</version></dependency></dependencies></project>";
    assertThat(errors("pom.xml", pom)).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.message()).contains("DOCTYPE");
    });
  }

  @Test
  void requirementIncludeCyclesEndAndEachFileIsReadOnce(@TempDir Path root) throws Exception {
    java.nio.file.Files.writeString(root.resolve("requirements.txt"), "-r requirements-b.txt\nrequests==2.19.1\n");
    java.nio.file.Files.writeString(root.resolve("requirements-b.txt"), "-r requirements.txt\n");
    RecordingContext ctx = new RecordingContext(root, dev.shipgate.core.policy.Settings.empty("<test>"));
    new DepsScanner(database, TestDatabase.daysLater(1), null).scan(List.of(SourceFile.of("requirements.txt", "-r requirements-b.txt\nrequests==2.19.1\n")), ctx);
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).hasSize(1);
  }

  @Test
  void unterminatedTomlArraysAndBinaryGarbageAreErrors() throws Exception {
    assertThat(errors("Cargo.lock", "[[package]]\nname = \"a\"\nversion = \"1\"\ndependencies = [\n \"b\",\n")).singleElement()
        .satisfies(e -> assertThat(e.line()).isEqualTo(4));
    assertThat(errors("yarn.lock", "\u0000\u0001\u0002garbage")).singleElement().satisfies(e -> assertThat(e.line()).isEqualTo(1));
  }
}
