package dev.shipgate.scanner.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.testing.FixtureRunner;
import dev.shipgate.testing.RuleCatalogChecks;
import dev.shipgate.testing.RuleCatalogChecks.TagScheme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TerraformFixturesTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final TerraformScanner SCANNER = new TerraformScanner();
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
  void everyRuleHasAFixtureThatExpectsIt() throws Exception {
    assertThat(RUNNER.rulesWithoutFixtures(FIXTURES)).isEmpty();
  }

  @Test
  void theHardenedModulesHaveNoFindingsAtAll() throws Exception {
    for (String name : new String[] {"main.tf", "azure_gcp.tf"}) {
      assertThat(Files.readString(FIXTURES.resolve("hardened").resolve(name))).doesNotContain("expect:");
      assertThat(fixtures()).contains(FIXTURES.resolve("hardened").resolve(name));
    }
  }

  @Test
  void ruleIdsAreUniqueAndNamedByCloud() {
    RuleCatalogChecks.idsAreUniqueAndShaped(SCANNER, "terraform/(aws|azure|gcp)/[a-z0-9-]+", TerraformRules.ALL.size());
  }

  @Test
  void everyRuleCarriesCompleteMetadata() {
    RuleCatalogChecks.everyRuleCarriesCompleteMetadata(SCANNER,
        EnumSet.of(TagScheme.CIS_AWS, TagScheme.CIS_AZURE, TagScheme.CIS_GCP, TagScheme.OWASP_TOP10, TagScheme.SSDF, TagScheme.ISO27001, TagScheme.SOC2),
        TagScheme.OWASP_TOP10, TagScheme.ISO27001);
  }

  @Test
  void everyRuleAndSettingIsDocumentedInTheModuleReadme() throws Exception {
    RuleCatalogChecks.everyRuleIsDocumented(SCANNER, Path.of("README.md"));
    RuleCatalogChecks.everySettingIsDocumented(SCANNER, Path.of("README.md"));
  }

  @Test
  void everyRuleClassPublishesItsMetadataAsAConstant() throws Exception {
    RuleCatalogChecks.everyRuleClassPublishesItsRule(TerraformRules.ALL, TerraformRule::rule);
  }
}
