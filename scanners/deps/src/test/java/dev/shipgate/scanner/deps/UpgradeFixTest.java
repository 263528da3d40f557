package dev.shipgate.scanner.deps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.FixtureRunner;
import dev.shipgate.testing.RecordingContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upgrades to the smallest fixed version, proven by re-scanning the patched manifest. */
class UpgradeFixTest {

  private static final Path FIXES = Path.of("src/test/resources/fixes");
  private static FixtureRunner runner;

  @BeforeAll
  static void database(@TempDir Path dir) throws Exception {
    runner = new FixtureRunner(new DepsScanner(TestDatabase.build(dir), TestDatabase.daysLater(1), null));
  }

  @Test
  void upgradesADirectMavenDependencyPastEveryAdvisoryAtOnce() throws Exception {
    // log4j-core 2.14.1 has two advisories (fixed in 2.15.0 and 2.16.0): both findings share one edit.
    List<Finding> fixed = runner.checkFix(FIXES.resolve("maven-direct/pom.xml.before"), FIXES.resolve("maven-direct/pom.xml.after"), null);
    assertThat(fixed).hasSize(2).allSatisfy(f -> assertThat(f.fix().description()).isEqualTo(
        "upgrade org.apache.logging.log4j:log4j-core from 2.14.1 to 2.16.0"));
  }

  @Test
  void upgradesThePropertyAMavenVersionNames() throws Exception {
    assertThat(runner.checkFix(FIXES.resolve("maven-property/pom.xml.before"), FIXES.resolve("maven-property/pom.xml.after"), null))
        .hasSize(1);
  }

  @Test
  void upgradesARequirementsPinKeepingExtrasMarkersAndComments() throws Exception {
    assertThat(runner.checkFix(FIXES.resolve("requirements/requirements.txt.before"), FIXES.resolve("requirements/requirements.txt.after"),
        null)).isNotEmpty();
  }

  @Test
  void offersNoFixWhereOnlyTheLockfileOrAParentStatesTheVersion() throws Exception {
    String lock = """
        {"name": "app", "lockfileVersion": 3, "packages": {
          "": {"name": "app", "dependencies": {"lodash": "^4.17.0"}},
          "node_modules/lodash": {"version": "4.17.20", "resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.20.tgz"}}}
        """;
    String managed = """
        <project><modelVersion>4.0.0</modelVersion><groupId>g</groupId><artifactId>a</artifactId><version>1</version>
          <dependencyManagement><dependencies><dependency><groupId>org.apache.logging.log4j</groupId>
            <artifactId>log4j-core</artifactId><version>2.14.1</version></dependency></dependencies></dependencyManagement>
          <dependencies>
            <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId></dependency>
          </dependencies>
        </project>
        """;
    RecordingContext ctx = new RecordingContext();
    List<Finding> found = runner.run(List.of(SourceFile.of("package-lock.json", lock), SourceFile.of("svc/pom.xml", managed)), ctx);
    assertThat(found).filteredOn(f -> f.ruleId().equals(DepsRules.KNOWN_ADVISORY.id())).isNotEmpty()
        .allSatisfy(f -> assertThat(f.fix()).as(f.message()).isNull());
  }
}
