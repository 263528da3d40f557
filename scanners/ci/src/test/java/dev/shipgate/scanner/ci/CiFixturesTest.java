package dev.shipgate.scanner.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.fix.FixApplier;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.FixtureRunner;
import dev.shipgate.testing.RecordingContext;
import dev.shipgate.testing.RuleCatalogChecks;
import dev.shipgate.testing.RuleCatalogChecks.TagScheme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CiFixturesTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final CiScanner SCANNER = new CiScanner();
  private static final FixtureRunner RUNNER = new FixtureRunner(SCANNER);

  static Stream<Path> fixtures() {
    return RUNNER.fixtures(FIXTURES).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void reportsExactlyTheMarkedLines(Path fixture) throws Exception {
    RUNNER.check(FIXTURES, fixture);
  }

  /** Every fix offered on any fixture applies cleanly, keeps the file valid and removes what it fixed. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void fixesOnEveryFixtureKeepTheFileValidAndRemoveTheirFindings(Path fixture) throws Exception {
    String path = FIXTURES.relativize(fixture).toString().replace('\\', '/');
    String text = Files.readString(fixture);
    RecordingContext before = new RecordingContext();
    RUNNER.run(List.of(SourceFile.of(path, text)), before);
    FixApplier.Plan plan = FixApplier.apply(before.findings(), p -> p.equals(path) ? text : null);
    assertThat(plan.conflicts()).isEmpty();
    if (plan.applied().isEmpty()) {
      return;
    }
    RecordingContext after = new RecordingContext();
    RUNNER.run(List.of(SourceFile.of(path, plan.patched().get(path))), after);
    assertThat(after.errors()).as("%s after its fixes", path).isEmpty();
    Map<String, Long> was = before.findings().stream().collect(Collectors.groupingBy(Finding::ruleId, Collectors.counting()));
    Map<String, Long> fixed = plan.applied().stream().collect(Collectors.groupingBy(Finding::ruleId, Collectors.counting()));
    Map<String, Long> now = after.findings().stream().collect(Collectors.groupingBy(Finding::ruleId, Collectors.counting()));
    now.forEach((rule, count) -> assertThat(count).as("%s: %s after fixes", path, rule)
        .isLessThanOrEqualTo(was.getOrDefault(rule, 0L) - fixed.getOrDefault(rule, 0L)));
  }

  @Test
  void fixturesCoverEveryKindOfFileAndLeaveTheFixPairsAlone() {
    List<String> paths = fixtures().map(p -> FIXTURES.relativize(p).toString().replace('\\', '/')).toList();
    assertThat(paths).anyMatch(p -> p.contains(".github/workflows/")).anyMatch(p -> p.endsWith("/action.yml"))
        .anyMatch(p -> p.endsWith(".gitlab-ci.yml")).anyMatch(p -> p.contains(".gitlab/ci/"))
        .noneMatch(p -> p.contains(".before.") || p.contains(".after."));
    assertThat(RUNNER.fixtures(Path.of("src/test/resources/fixes"))).as("fix pairs are not offered as expectation fixtures").isEmpty();
  }

  @Test
  void everyRuleHasAFixtureThatExpectsIt() throws Exception {
    assertThat(RUNNER.rulesWithoutFixtures(FIXTURES)).isEmpty();
  }

  @Test
  void ruleIdsAreUniqueAndGroupedByPlatform() {
    RuleCatalogChecks.idsAreUniqueAndShaped(SCANNER, "ci/(github|gitlab)/[a-z0-9-]+", CiRules.ALL.size());
  }

  @Test
  void everyRuleCarriesCompleteMetadata() {
    RuleCatalogChecks.everyRuleCarriesCompleteMetadata(SCANNER,
        EnumSet.of(TagScheme.OWASP_TOP10, TagScheme.SSDF, TagScheme.ISO27001, TagScheme.SOC2, TagScheme.OWASP_CICD, TagScheme.CIS_SUPPLY_CHAIN),
        TagScheme.OWASP_TOP10, TagScheme.OWASP_CICD);
  }

  @Test
  void everyRuleIsDocumentedInTheModuleReadme() throws Exception {
    RuleCatalogChecks.everyRuleIsDocumented(SCANNER, Path.of("README.md"));
    RuleCatalogChecks.everySettingIsDocumented(SCANNER, Path.of("README.md"));
  }

  @Test
  void everyRuleClassPublishesItsMetadataAsAConstant() throws Exception {
    RuleCatalogChecks.everyRuleClassPublishesItsRule(CiRules.ALL, CiRule::rule);
  }
}
