package dev.shipgate.scanner.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.testing.FixtureRunner;
import dev.shipgate.testing.RuleCatalogChecks;
import dev.shipgate.testing.RuleCatalogChecks.TagScheme;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DockerFixturesTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/rules");
  private static final DockerScanner SCANNER = new DockerScanner();
  private static final FixtureRunner RUNNER = new FixtureRunner(SCANNER);
  /** Rules that report only when the policy asks; PolicySettingsTest covers them. */
  private static final Set<String> OPT_IN = Set.of("docker/dockerfile/base-image-no-digest", "docker/dockerfile/package-unpinned");

  static Stream<Path> fixtures() {
    return RUNNER.fixtures(FIXTURES).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void reportsExactlyTheMarkedLines(Path fixture) throws Exception {
    RUNNER.check(FIXTURES, fixture);
  }

  @Test
  void fixturesCoverEveryKindOfFileName() {
    List<String> names = fixtures().map(p -> p.getFileName().toString()).toList();
    assertThat(names).contains("Dockerfile", "Containerfile", "docker-compose.yml", "compose.yaml")
        .anyMatch(n -> n.endsWith(".Dockerfile")).anyMatch(n -> n.startsWith("Dockerfile."));
  }

  @Test
  void everyRuleHasAFixtureThatExpectsIt() throws Exception {
    Set<String> missing = new HashSet<>(RUNNER.rulesWithoutFixtures(FIXTURES));
    missing.removeAll(OPT_IN);
    assertThat(missing).isEmpty();
  }

  @Test
  void ruleIdsAreUniqueAndGroupedByFileKind() {
    RuleCatalogChecks.idsAreUniqueAndShaped(SCANNER, "docker/(dockerfile|compose)/[a-z0-9-]+", DockerRules.DOCKERFILE.size() + DockerRules.COMPOSE.size());
    assertThat(DockerRules.DOCKERFILE).allMatch(r -> r.rule().id().startsWith("docker/dockerfile/"));
    assertThat(DockerRules.COMPOSE).allMatch(r -> r.rule().id().startsWith("docker/compose/"));
  }

  @Test
  void everyRuleCarriesCompleteMetadata() {
    RuleCatalogChecks.everyRuleCarriesCompleteMetadata(SCANNER,
        EnumSet.of(TagScheme.OWASP_TOP10, TagScheme.CIS_DOCKER, TagScheme.NIST_800_190, TagScheme.SSDF, TagScheme.ISO27001, TagScheme.SOC2),
        TagScheme.OWASP_TOP10, TagScheme.NIST_800_190);
  }

  @Test
  void everyRuleIsDocumentedInTheModuleReadme() throws Exception {
    RuleCatalogChecks.everyRuleIsDocumented(SCANNER, Path.of("README.md"));
  }

  @Test
  void everyRuleClassIsFinalAndPublishesItsMetadataAsAConstant() throws Exception {
    RuleCatalogChecks.everyRuleClassPublishesItsRule(DockerRules.DOCKERFILE, DockerfileRule::rule);
    RuleCatalogChecks.everyRuleClassPublishesItsRule(DockerRules.COMPOSE, ComposeRule::rule);
  }
}
