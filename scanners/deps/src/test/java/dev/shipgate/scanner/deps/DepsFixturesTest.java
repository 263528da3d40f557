package dev.shipgate.scanner.deps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Rule;
import dev.shipgate.testing.FixtureRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import dev.shipgate.testing.RuleCatalogChecks;
import dev.shipgate.testing.RuleCatalogChecks.TagScheme;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Manifests with inline {@code expect:} / {@code ok:} marks, scanned against the test advisory database. */
class DepsFixturesTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static FixtureRunner runner;
  private static DepsScanner scanner;

  @BeforeAll
  static void database(@TempDir Path dir) throws Exception {
    scanner = new DepsScanner(TestDatabase.build(dir), TestDatabase.daysLater(1), null);
    runner = new FixtureRunner(scanner);
  }

  static Stream<Path> fixtures() throws Exception {
    // The runner needs the scanner only to list accepted files; the database is irrelevant for that.
    return new FixtureRunner(new DepsScanner()).fixtures(FIXTURES).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void reportsExactlyTheMarkedLines(Path fixture) throws Exception {
    runner.check(FIXTURES, fixture);
  }

  /**
   * Fixtures are scanned one file at a time with an empty policy; the licence rules need licence lists, a second
   * file (the project's licence) or licence fields that only JSON lockfiles carry, so PolicyRulesTest covers them.
   */
  @Test
  void everyRuleHasAFixtureThatExpectsIt() throws Exception {
    assertThat(runner.rulesWithoutFixtures(FIXTURES)).containsExactlyInAnyOrder(DepsRules.LICENSE_DENIED.id(),
        DepsRules.LICENSE_NOT_ALLOWED.id(), DepsRules.LICENSE_UNKNOWN.id(), DepsRules.LICENSE_INCOMPATIBLE_HEADER.id());
  }

  @Test
  void ruleIdsAreUniqueInTheDepsFamilyWithCompleteMetadata() throws Exception {
    RuleCatalogChecks.idsAreUniqueAndShaped(scanner, "deps/[a-z]+/[a-z-]+", 11);
    RuleCatalogChecks.everyRuleIsDocumented(scanner, Path.of("README.md"));
    RuleCatalogChecks.everySettingIsDocumented(scanner, Path.of("README.md"));
    // Licence rules judge legal compliance, not a software weakness: they carry no CWE and no OWASP category.
    java.util.Set<String> licence = scanner.rules().stream().map(Rule::id).filter(id -> id.startsWith("deps/license/"))
        .collect(java.util.stream.Collectors.toSet());
    RuleCatalogChecks.everyRuleCarriesCompleteMetadata(scanner, licence,
        java.util.EnumSet.of(TagScheme.SSDF, TagScheme.OWASP_TOP10, TagScheme.ISO27001), TagScheme.SSDF);
    for (Rule r : scanner.rules()) {
      assertThat(r.tags().stream().anyMatch(t -> t.startsWith("owasp-top10:"))).as("%s OWASP tag", r.id())
          .isEqualTo(!licence.contains(r.id()));
    }
  }

  @Test
  void twoScansOfTheSameTreeReportTheSameFindingsInTheSameOrder() throws Exception {
    List<SourceFile> files = new java.util.ArrayList<>();
    for (Path p : fixtures().toList()) {
      files.add(SourceFile.of(FIXTURES.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p)));
    }
    List<String> first = run(files);
    assertThat(first).hasSizeGreaterThan(20);
    assertThat(run(files)).containsExactlyElementsOf(first);
  }

  private static List<String> run(List<SourceFile> files) throws Exception {
    RecordingContext ctx = new RecordingContext(FIXTURES, dev.shipgate.core.policy.Settings.empty("<test>"));
    scanner.scan(files, ctx);
    return ctx.findings().stream().map(f -> f.location() + " " + f.ruleId() + " " + f.message()).toList();
  }
}
