package dev.shipgate.scanner.deps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

  /** One file per format, {@code V} standing for the version, and the line the version is on. */
  static Stream<Arguments> hostileVersions() {
    String[][] files = {
        {"package-lock.json", "{\n  \"lockfileVersion\": 3,\n  \"packages\": {\n    \"\": {\"dependencies\": {\"a\": \"1\"}},\n    \"node_modules/a\": {\"version\": \"V\", "
            + "\"resolved\": \"https://registry.npmjs.org/a/-/a-1.0.0.tgz\", \"integrity\": \"sha512-AAAA\"}\n  }\n}\n", "5"},
        {"requirements.txt", "# pinned\nflask==2.0.1\nrequests==V\n", "3"},
        {"pom.xml", "<project>\n<dependencies>\n<dependency><groupId>org.a</groupId><artifactId>a</artifactId><version>V</version></dependency>\n"
            + "</dependencies>\n</project>\n", "3"},
        {"Cargo.lock", "version = 3\n\n[[package]]\nname = \"a\"\nversion = \"V\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n"
            + "checksum = \"00\"\n", "3"},
        {"go.mod", "module example.com/m\n\ngo 1.22\n\nrequire example.com/a vV\n", "5"},
        {"yarn.lock", "# yarn lockfile v1\n\n\na@^1:\n  version \"V\"\n  resolved \"https://registry.yarnpkg.com/a/-/a-1.0.0.tgz#00\"\n"
            + "  integrity sha512-AAAA\n", "4"},
        {"Gemfile.lock", "GEM\n  remote: https://rubygems.org/\n  specs:\n    rack (V)\n\nDEPENDENCIES\n  rack\n", "4"},
        {"composer.lock", "{\n  \"packages\": [\n    {\"name\": \"a/b\", \"version\": \"V\"}\n  ],\n  \"packages-dev\": []\n}\n", "3"},
        {"poetry.lock", "[[package]]\nname = \"a\"\nversion = \"V\"\noptional = false\npython-versions = \"*\"\nfiles = []\n", "1"},
        {"gradle.lockfile", "# comment\norg.a:a:V=compileClasspath\nempty=\n", "2"}};
    String[] versions = {"1" + ".1".repeat(5_000), "9".repeat(10_000), "1.0." + "alpha.beta.rc.".repeat(40) + "0", "1.2.\u0663", "\u0661.\u0662.\u0663",
        "\uFF11.\uFF10"};
    List<Arguments> out = new java.util.ArrayList<>();
    for (String[] f : files) {
      for (String v : versions) {
        out.add(Arguments.of(f[0], f[1], Integer.parseInt(f[2]), v));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} #{index}")
  @MethodSource("hostileVersions")
  void hostileVersionsAreOneErrorAtTheirLineInBoundedTime(String path, String template, int line, String version) throws Exception {
    long start = System.nanoTime();
    List<Coverage.ScanError> errors = errors(path, template.replace("V", version));
    assertThat(System.nanoTime() - start).as("nanoseconds").isLessThan(3_000_000_000L);
    assertThat(errors).as("%s", errors).singleElement().satisfies(e -> {
      assertThat(e.path()).isEqualTo(path);
      assertThat(e.line()).isEqualTo(line);
      assertThat(e.message()).containsAnyOf("characters are refused", "non-ASCII digit");
      assertThat(e.message().length()).isLessThan(400);
    });
  }
}
