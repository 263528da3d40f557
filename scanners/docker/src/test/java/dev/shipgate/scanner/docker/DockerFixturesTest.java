package dev.shipgate.scanner.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Rule;
import dev.shipgate.testing.FixtureRunner;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    Set<String> seen = new HashSet<>();
    for (DockerfileRule r : DockerRules.DOCKERFILE) {
      assertThat(r.rule().id()).startsWith("docker/dockerfile/");
      assertThat(seen.add(r.rule().id())).as("duplicate %s", r.rule().id()).isTrue();
    }
    for (ComposeRule r : DockerRules.COMPOSE) {
      assertThat(r.rule().id()).startsWith("docker/compose/");
      assertThat(seen.add(r.rule().id())).as("duplicate %s", r.rule().id()).isTrue();
    }
    assertThat(SCANNER.rules()).hasSize(seen.size()).allMatch(r -> r.family().equals("docker"));
  }

  @Test
  void everyRuleCarriesCompleteMetadata() {
    for (Rule r : SCANNER.rules()) {
      assertThat(r.cwe()).as("%s cwe", r.id()).isNotEmpty();
      assertThat(r.description()).as("%s description", r.id()).hasSizeGreaterThan(80);
      assertThat(r.fix()).as("%s fix", r.id()).hasSizeGreaterThan(40);
      assertThat(r.tags()).as("%s tags", r.id()).isNotEmpty()
          .allMatch(t -> t.matches("(owasp-top10:A\\d\\d:2021|cis-docker:\\d+\\.\\d+|nist-800-190:\\d+\\.\\d+\\.\\d+|ssdf:P[OSWR]\\.\\d+\\.\\d+"
              + "|iso27001:2022-A\\.\\d+\\.\\d+|soc2:CC\\d\\.\\d)"), "scheme:value in a known scheme")
          .anyMatch(t -> t.startsWith("owasp-top10:"))
          .anyMatch(t -> t.startsWith("nist-800-190:"));
    }
  }

  @Test
  void everyRuleIsDocumentedInTheModuleReadme() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    for (Rule r : SCANNER.rules()) {
      assertThat(readme).as("README.md row for %s", r.id()).contains("| `" + r.id() + "` |");
    }
  }

  @Test
  void everyRuleClassIsFinalAndPublishesItsMetadataAsAConstant() throws Exception {
    List<Object> rules = new ArrayList<>(DockerRules.DOCKERFILE);
    rules.addAll(DockerRules.COMPOSE);
    for (Object rule : rules) {
      Class<?> type = rule.getClass();
      assertThat(Modifier.isFinal(type.getModifiers())).as("%s is final", type).isTrue();
      Rule expected = rule instanceof DockerfileRule d ? d.rule() : ((ComposeRule) rule).rule();
      assertThat(type.getField("RULE").get(null)).as("%s.RULE", type.getSimpleName()).isSameAs(expected);
    }
  }
}
