package dev.shipgate.scanner.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.testing.FixtureRunner;
import dev.shipgate.testing.RecordingContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Local fixes of the Java checks, each proven by re-scanning the patched source. */
class FixesTest {

  private static final Path FIXES = Path.of("src/test/resources/fixes");
  private static final FixtureRunner RUNNER = new FixtureRunner(new JavaScanner());

  @Test
  void secureRandomAndCookieFlagsWhereTheEditIsTheWholeRemedy() throws Exception {
    List<Finding> fixed = RUNNER.checkFix(FIXES.resolve("TokenService.java.before"), FIXES.resolve("TokenService.java.after"), null);
    assertThat(fixed).extracting(Finding::ruleId).containsExactlyInAnyOrder("java/crypto/insecure-random",
        "java/web/cookie-without-secure", "java/web/cookie-without-httponly", "java/web/cookie-without-httponly");
  }

  @Test
  void mathRandomIsReplacedButABracelessIfGetsNoInsertedStatement() throws Exception {
    List<Finding> fixed = RUNNER.checkFix(FIXES.resolve("Braceless.java.before"), FIXES.resolve("Braceless.java.after"), null);
    // Stored in `otp` and returned from `otp()`: two findings, one shared edit.
    assertThat(fixed).extracting(Finding::ruleId).containsExactly("java/crypto/insecure-random", "java/crypto/insecure-random");
    List<Finding> all = RUNNER.run(List.of(dev.shipgate.core.scan.SourceFile.of("Braceless.java",
        java.nio.file.Files.readString(FIXES.resolve("Braceless.java.before")))), new RecordingContext());
    assertThat(all).filteredOn(f -> f.ruleId().startsWith("java/web/cookie")).isNotEmpty().allSatisfy(f -> assertThat(f.fix()).isNull());
  }

  @Test
  void xmlFactoriesAreHardenedRightBeforeTheParserIsBuilt() throws Exception {
    List<Finding> fixed = RUNNER.checkFix(FIXES.resolve("Parsers.java.before"), FIXES.resolve("Parsers.java.after"), null);
    assertThat(fixed).extracting(Finding::ruleId).containsExactly("java/xml/xxe", "java/xml/xxe");
  }

  @Test
  void concatenatedJdbcTemplateValuesBecomeBoundParametersAndEverythingElseIsLeftAlone() throws Exception {
    // The after file keeps every refused call as it was: checkFix compares the whole patched text.
    List<Finding> fixed = RUNNER.checkFix(FIXES.resolve("Queries.java.before"), FIXES.resolve("Queries.java.after"),
        "java/injection/sql");
    assertThat(fixed).extracting(f -> f.location().startLine()).containsExactly(21, 26, 33, 40, 46, 51, 56);
    List<Finding> all = RUNNER.run(List.of(dev.shipgate.core.scan.SourceFile.of("Queries.java",
        java.nio.file.Files.readString(FIXES.resolve("Queries.java.before")))), new RecordingContext());
    assertThat(all).filteredOn(f -> f.fix() == null).extracting(f -> f.location().startLine())
        .containsExactly(62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 80, 88);
  }
}
