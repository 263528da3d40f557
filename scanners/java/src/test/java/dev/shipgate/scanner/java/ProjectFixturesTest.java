package dev.shipgate.scanner.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.Expectations;
import dev.shipgate.testing.FixtureRunner;
import dev.shipgate.testing.RecordingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fixtures that need more than one file (configuration read by the code, templates rendering a controller's model):
 * each directory under {@code src/test/resources/projects} is scanned as one repository, and the {@code expect:} /
 * {@code ok:} marks of every file in it are checked against the findings in that file.
 */
class ProjectFixturesTest {

  private static final Path DIR = Path.of("src/test/resources/projects");
  private static final FixtureRunner RUNNER = new FixtureRunner(ScanSupport.SCANNER);

  static Stream<Path> projects() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(Files::isDirectory).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("projects")
  void reportsExactlyTheMarkedLines(Path project) throws IOException {
    List<SourceFile> files = new ArrayList<>();
    Set<String> expected = new TreeSet<>();
    Set<String> forbidden = new TreeSet<>();
    for (Path p : RUNNER.fixtures(project)) {
      String rel = project.relativize(p).toString().replace('\\', '/');
      byte[] bytes = Files.readAllBytes(p);
      files.add(SourceFile.of(rel, bytes));
      for (Expectations.Mark m : Expectations.parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))) {
        (m.expected() ? expected : forbidden).add(rel + ":" + m.line() + ":" + m.ruleId());
      }
    }
    assertThat(expected).as("%s has no expect: marks", project).isNotEmpty();
    RecordingContext ctx = new RecordingContext();
    Set<String> actual = new TreeSet<>();
    for (Finding f : RUNNER.run(files, ctx)) {
      actual.add(f.location().path() + ":" + f.location().startLine() + ":" + f.ruleId());
    }
    assertThat(ctx.errors()).as("%s: scanner errors", project).isEmpty();
    Set<String> okViolated = new TreeSet<>(forbidden);
    okViolated.retainAll(actual);
    assertThat(okViolated).as("%s: lines marked ok: but reported", project).isEmpty();
    assertThat(actual).as("%s: findings (path:line:rule)", project).isEqualTo(expected);
  }
}
