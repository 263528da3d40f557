package dev.shipgate.scanner.arch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.Expectations;
import dev.shipgate.testing.RecordingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the scanner over each fixture project (a folder with its own shipgate.yml) as one scan, since rails are
 * about files together (a wrapper and its callers, layers, manifests), and checks every file's expect:/ok: marks.
 */
class ArchFixturesTest {

  static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private final ArchScanner scanner = new ArchScanner();

  @TestFactory
  Stream<DynamicTest> fixtureProjects() throws IOException {
    try (Stream<Path> dirs = Files.list(FIXTURES)) {
      List<Path> projects = dirs.filter(d -> Files.isRegularFile(d.resolve("shipgate.yml"))).sorted().toList();
      assertThat(projects).isNotEmpty();
      return projects.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> check(d)));
    }
  }

  private void check(Path project) throws Exception {
    RecordingContext ctx = Fixtures.context(project);
    List<SourceFile> files = Fixtures.files(project, scanner);
    scanner.scan(files, ctx);
    assertThat(ctx.errors()).as("scanner errors").isEmpty();
    Set<String> known = scanner.rules().stream().map(Rule::id).collect(Collectors.toSet());
    Set<String> expected = new TreeSet<>();
    Set<String> okMarks = new TreeSet<>();
    for (SourceFile f : files) {
      for (Expectations.Mark m : Expectations.parse(f.text())) {
        assertThat(known).as("%s:%d names an unknown rule", f.path(), m.line()).contains(m.ruleId());
        (m.expected() ? expected : okMarks).add(key(f.path(), m.line(), m.ruleId()));
      }
    }
    Set<String> actual = new TreeSet<>();
    for (Finding f : ctx.findings()) {
      actual.add(key(f.location().path(), f.location().startLine(), f.ruleId()));
      assertThat(f.message()).as("finding names its policy entry").contains("[" + f.properties().get("policyEntry") + "]");
    }
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    Set<String> unexpected = new TreeSet<>(actual);
    unexpected.removeAll(expected);
    Set<String> okViolated = new TreeSet<>(okMarks);
    okViolated.retainAll(actual);
    assertThat(okViolated).as("lines marked ok: but reported").isEmpty();
    assertThat(missing).as("expected but not reported (path:line:rule)").isEmpty();
    assertThat(unexpected).as("reported but not expected (path:line:rule)").isEmpty();
  }

  @Test
  void everyRuleHasAnExpectingFixture() throws IOException {
    Set<String> covered = new TreeSet<>();
    try (Stream<Path> all = Files.walk(FIXTURES)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        for (Expectations.Mark m : Expectations.parse(Files.readString(p))) {
          if (m.expected()) {
            covered.add(m.ruleId());
          }
        }
      }
    }
    List<String> missing = new ArrayList<>();
    for (Rule r : scanner.rules()) {
      if (!covered.contains(r.id())) {
        missing.add(r.id());
      }
    }
    assertThat(missing).as("rules without an expect: fixture").isEmpty();
  }

  private static String key(String path, int line, String rule) {
    return String.format("%s:%05d:%s", path, line, rule);
  }
}
