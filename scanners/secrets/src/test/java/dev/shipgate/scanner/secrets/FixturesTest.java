package dev.shipgate.scanner.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.testing.FixtureRunner;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class FixturesTest {

  private static final FixtureRunner RUNNER = new FixtureRunner(new SecretsScanner());

  private static Path dir() throws URISyntaxException {
    return Path.of(FixturesTest.class.getResource("/fixtures").toURI());
  }

  @TestFactory
  Stream<DynamicTest> eachFixtureReportsExactlyItsMarkedLines() throws URISyntaxException {
    Path dir = dir();
    return RUNNER.fixtures(dir).stream()
        .map(p -> DynamicTest.dynamicTest(dir.relativize(p).toString(), () -> RUNNER.check(dir, p)));
  }

  @Test
  void everyDetectorHasAFixture() throws Exception {
    assertThat(RUNNER.rulesWithoutFixtures(dir())).isEmpty();
  }
}
