package dev.shipgate.scanner.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.testing.FixtureRunner;
import dev.shipgate.testing.RuleCatalogChecks;
import dev.shipgate.testing.RuleCatalogChecks.TagScheme;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class K8sFixturesTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final K8sScanner SCANNER = new K8sScanner();
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
  void ruleIdsAreUniqueAndGroupedByWhatTheyJudge() {
    RuleCatalogChecks.idsAreUniqueAndShaped(SCANNER, "k8s/(pod|rbac|configmap)/[a-z0-9-]+", K8sRules.ALL.size());
  }

  @Test
  void everyRuleCarriesCompleteMetadata() {
    RuleCatalogChecks.everyRuleCarriesCompleteMetadata(SCANNER,
        EnumSet.of(TagScheme.OWASP_TOP10, TagScheme.OWASP_K8S, TagScheme.CIS_K8S, TagScheme.NSA_K8S, TagScheme.PSS, TagScheme.MITRE_ATTACK,
            TagScheme.SSDF, TagScheme.ISO27001, TagScheme.SOC2),
        TagScheme.OWASP_TOP10, TagScheme.SSDF, TagScheme.ISO27001, TagScheme.SOC2);
  }

  @Test
  void everyRuleIsDocumentedInTheModuleReadme() throws Exception {
    RuleCatalogChecks.everyRuleIsDocumented(SCANNER, Path.of("README.md"));
  }

  @Test
  void everyRuleClassPublishesItsMetadataAsAConstant() throws Exception {
    RuleCatalogChecks.everyRuleClassPublishesItsRule(K8sRules.ALL, K8sRule::rule);
  }
}
