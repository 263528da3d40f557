package dev.shipgate.scanner.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.testing.FixtureRunner;
import dev.shipgate.testing.RuleCatalogChecks;
import dev.shipgate.testing.RuleCatalogChecks.TagScheme;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigFixturesTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final ConfigScanner SCANNER = new ConfigScanner();
  private static final FixtureRunner RUNNER = new FixtureRunner(SCANNER);

  static Stream<Path> fixtures() {
    return RUNNER.fixtures(FIXTURES).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void reportsExactlyTheMarkedLines(Path fixture) throws Exception {
    RUNNER.check(FIXTURES, fixture);
  }

  @Test
  void fixturesExistForEveryKindOfFile() {
    List<String> names = fixtures().map(p -> p.getFileName().toString()).toList();
    assertThat(names).anyMatch(n -> n.endsWith(".properties")).anyMatch(n -> n.endsWith(".yml"))
        .anyMatch(n -> n.startsWith("bootstrap"));
  }

  @Test
  void everyRuleHasAFixtureThatExpectsIt() throws Exception {
    assertThat(RUNNER.rulesWithoutFixtures(FIXTURES)).isEmpty();
  }

  @Test
  void ruleIdsAreUniqueAndInTheSpringGroupOfTheConfigFamily() {
    RuleCatalogChecks.idsAreUniqueAndShaped(SCANNER, "config/spring/[a-z0-9-]+", ConfigRules.ALL.size());
  }

  @Test
  void everyRuleCarriesCompleteMetadata() {
    RuleCatalogChecks.everyRuleCarriesCompleteMetadata(SCANNER,
        EnumSet.of(TagScheme.OWASP_TOP10, TagScheme.ASVS, TagScheme.SSDF, TagScheme.ISO27001, TagScheme.SOC2), TagScheme.OWASP_TOP10);
  }

  @Test
  void everyRuleIsDocumentedInTheModuleReadme() throws Exception {
    RuleCatalogChecks.everyRuleIsDocumented(SCANNER, Path.of("README.md"));
  }

  @Test
  void everyRuleClassPublishesItsMetadataAsAConstant() throws Exception {
    RuleCatalogChecks.everyRuleClassPublishesItsRule(ConfigRules.ALL, ConfigRule::rule);
  }
}
