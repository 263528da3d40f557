package dev.shipgate.scanner.deps.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Package;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven extractor tests: each folder {@code testdata/<extractor>/<case>/} holds input files and either
 * {@code expected.txt} (every package of every accepted file, one per line, all fields) or
 * {@code expected-error.txt} ({@code line N: message fragment}), and optionally {@code expected-notes.txt} (every
 * coverage note, {@code path:line: message}). Neighbour files (package.json, parent POMs, includes) are read from the
 * case folder.
 */
public class ExtractorGoldenTest {

  private static final Path TESTDATA = Path.of("src/test/resources/testdata");

  record Case(Extractor extractor, Path dir) {
    @Override
    public String toString() {
      return TESTDATA.relativize(dir).toString();
    }
  }

  static Stream<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    for (Extractor e : Extractors.ALL) {
      Path base = TESTDATA.resolve(e.name().replace('/', '-'));
      if (!Files.isDirectory(base)) {
        continue;
      }
      try (Stream<Path> dirs = Files.list(base)) {
        dirs.filter(Files::isDirectory).sorted().forEach(d -> out.add(new Case(e, d)));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void extractsExactlyTheExpectedPackages(Case c) throws Exception {
    List<SourceFile> inputs = inputs(c);
    assertThat(inputs).as("case %s has an input the extractor accepts", c).isNotEmpty();
    Path error = c.dir().resolve("expected-error.txt");
    if (Files.exists(error)) {
      String want = Files.readString(error).strip();
      ExtractException e = catchThrowableOfType(ExtractException.class, () -> c.extractor().extract(inputs.get(0), context(c, new ArrayList<>())));
      assertThat(e).as("%s must fail", c).isNotNull();
      assertThat("line " + e.line() + ": " + e.getMessage()).startsWith(want);
      return;
    }
    List<String> actual = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (SourceFile f : inputs) {
      for (Package p : c.extractor().extract(f, context(c, notes))) {
        actual.add(render(p));
      }
    }
    assertThat(actual).as("packages of %s", c).containsExactlyElementsOf(lines(c.dir().resolve("expected.txt")));
    Path expectedNotes = c.dir().resolve("expected-notes.txt");
    if (Files.exists(expectedNotes)) {
      assertThat(notes).as("coverage notes of %s", c).containsExactlyElementsOf(lines(expectedNotes));
    }
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
  }

  /**
   * Every field, in record order, so any change of output shows up; the licence, the install-script mark, the
   * dependency edges and the possible sources follow only when set, since most formats record none of them.
   */
  public static String render(Package p) {
    String line = String.join(" | ", p.ecosystem().osvName(), p.name(), p.version(), p.pin().name(), p.direct() ? "direct" : "transitive",
        p.scope().name(), p.source().name(), p.manifest() + ":" + p.line(), p.purl(), p.resolved(), p.integrity());
    return line + (p.license().isEmpty() ? "" : " | license=" + p.license()) + (p.installScripts() ? " | install-scripts" : "")
        + (p.dependsOn().isEmpty() ? "" : " | depends-on=" + String.join(",", p.dependsOn()))
        + (p.possibleSources().isEmpty() ? "" : " | possible-sources=" + String.join(",", p.possibleSources()));
  }

  private static List<SourceFile> inputs(Case c) throws IOException {
    try (Stream<Path> s = Files.walk(c.dir())) {
      return s.filter(Files::isRegularFile).sorted()
          .map(p -> c.dir().relativize(p).toString().replace('\\', '/'))
          .filter(rel -> c.extractor().accepts(rel))
          .map(rel -> load(c.dir(), rel))
          .toList();
    }
  }

  private static SourceFile load(Path dir, String rel) {
    try {
      return SourceFile.of(rel, Files.readAllBytes(dir.resolve(rel)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code notes} collects what the extractor notes, as {@code path:line: message}. */
  static ExtractContext context(Case c, List<String> notes) {
    return new ExtractContext() {
      @Override
      public Optional<SourceFile> find(String path) {
        Path p = c.dir().resolve(path);
        return Files.isRegularFile(p) ? Optional.of(load(c.dir(), path)) : Optional.empty();
      }

      @Override
      public List<SourceFile> named(String fileName) {
        try (Stream<Path> s = Files.walk(c.dir())) {
          return s.filter(p -> p.getFileName().toString().equals(fileName)).sorted()
              .map(p -> load(c.dir(), c.dir().relativize(p).toString().replace('\\', '/'))).toList();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public List<SourceFile> inDirectory(String directory) {
        try (Stream<Path> s = Files.list(c.dir().resolve(directory.isEmpty() ? "." : directory))) {
          return s.filter(Files::isRegularFile).sorted()
              .map(p -> load(c.dir(), c.dir().relativize(p).toString().replace('\\', '/'))).toList();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public Optional<Boolean> exists(String path) {
        return Optional.of(Files.exists(c.dir().resolve(path)));
      }

      @Override
      public void note(String path, int line, String message) {
        notes.add(path + ":" + line + ": " + message);
      }
    };
  }

  @org.junit.jupiter.api.Test
  void everyExtractorHasAUniqueNameAndTestDataWithAMalformedCase() {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Extractor e : Extractors.ALL) {
      assertThat(names.add(e.name())).as("duplicate extractor name %s", e.name()).isTrue();
      assertThat(e.name()).matches("[a-z]+/[a-z-]+");
      Path base = TESTDATA.resolve(e.name().replace('/', '-'));
      assertThat(base.resolve("malformed/expected-error.txt")).as("malformed case for %s", e.name()).exists();
      assertThat(base).isDirectoryContaining(p -> !p.getFileName().toString().equals("malformed"));
    }
  }

  @org.junit.jupiter.api.Test
  void eachFileNameIsClaimedByOneExtractorAtMost() {
    for (String path : List.of("package-lock.json", "a/npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "pom.xml", "requirements.txt",
        "requirements-dev.txt", "dev-requirements.txt", "requirements/base.txt", "poetry.lock", "go.mod", "Cargo.lock", "Gemfile.lock", "composer.lock", "gradle.lockfile",
        "buildscript-gradle.lockfile", "gradle/dependency-locks/compileClasspath.lockfile", "Pipfile.lock", "uv.lock", "bun.lock", "pdm.lock", "pylock.toml",
        "pylock.dev.toml", "src/App/packages.lock.json", "gradle/libs.versions.toml", "libs.versions.toml", "gradle/deps.versions.toml")) {
      assertThat(Extractors.ALL.stream().filter(e -> e.accepts(path)).count()).as(path).isEqualTo(1);
    }
    for (String path : List.of("node_modules/x/package-lock.json", "venv/lib/python3.12/site-packages/x/requirements.txt", "a/node_modules/b/yarn.lock", "package.json", "target/pom.xml", "constraints.txt", "vendor/x/go.mod", "notes.txt", "config/app.versions.toml")) {
      assertThat(Extractors.forPath(path)).as(path).isNull();
    }
  }
}
