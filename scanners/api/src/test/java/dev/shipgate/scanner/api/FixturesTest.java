package dev.shipgate.scanner.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Rule;
import dev.shipgate.testing.Expectations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class FixturesTest {

  @TestFactory
  List<DynamicTest> everyApplicationFixtureMatchesItsMarks() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String parent : List.of("apps", "fixtures")) {
      for (Path app : AppFixtures.apps(parent)) {
        tests.add(DynamicTest.dynamicTest(parent + "/" + app.getFileName(), () -> AppFixtures.check(app)));
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(10);
    return tests;
  }

  @Test
  void everyRuleHasAnExpectingFixture() throws IOException {
    Set<String> covered = new TreeSet<>();
    for (String parent : List.of("apps", "fixtures")) {
      try (Stream<Path> s = Files.walk(AppFixtures.resource(parent))) {
        for (Path p : s.filter(Files::isRegularFile).toList()) {
          Expectations.parse(Files.readString(p)).stream().filter(Expectations.Mark::expected).forEach(m -> covered.add(m.ruleId()));
        }
      }
    }
    assertThat(covered).containsAll(AppFixtures.SCANNER.rules().stream().map(Rule::id).toList());
  }
}
