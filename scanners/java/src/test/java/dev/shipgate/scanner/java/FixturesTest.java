package dev.shipgate.scanner.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.testing.FixtureRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FixturesTest {

  static final Path DIR = Path.of("src/test/resources/fixtures");
  static final JavaScanner SCANNER = new JavaScanner();
  static final FixtureRunner RUNNER = new FixtureRunner(SCANNER);

  static Stream<Path> fixtures() {
    return RUNNER.fixtures(DIR).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void reportsExactlyTheMarkedLines(Path fixture) throws IOException {
    RUNNER.check(DIR, fixture);
  }

  @Test
  void everyRuleHasAFixtureThatExpectsIt() throws IOException {
    assertThat(RUNNER.rulesWithoutFixtures(DIR)).isEmpty();
  }
}
