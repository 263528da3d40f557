package dev.shipgate.scanner.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Rule;
import dev.shipgate.testing.FixtureRunner;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
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
    Set<String> seen = new HashSet<>();
    for (Rule r : SCANNER.rules()) {
      assertThat(seen.add(r.id())).as("duplicate id %s", r.id()).isTrue();
      assertThat(r.id()).matches("k8s/(pod|rbac|configmap)/[a-z0-9-]+");
      assertThat(r.family()).isEqualTo(SCANNER.family());
    }
    assertThat(seen).hasSize(K8sRules.ALL.size());
  }

  @Test
  void everyRuleCarriesCompleteMetadata() {
    String schemes = "(owasp-top10:A\\d\\d:2021|owasp-k8s:K\\d\\d:2022|cis-k8s:5\\.\\d+\\.\\d+|nsa-k8s:[a-z-]+|pss:(baseline|restricted)"
        + "|mitre-attack:T\\d{4}(\\.\\d{3})?|ssdf:P[OSWR]\\.\\d+\\.\\d+|iso27001:2022-A\\.\\d+\\.\\d+|soc2:CC\\d\\.\\d)";
    for (Rule r : SCANNER.rules()) {
      assertThat(r.cwe()).as("%s cwe", r.id()).isNotEmpty();
      assertThat(r.description()).as("%s description", r.id()).hasSizeGreaterThan(80);
      assertThat(r.fix()).as("%s fix", r.id()).hasSizeGreaterThan(40);
      assertThat(r.tags()).as("%s tags", r.id()).isNotEmpty()
          .allMatch(t -> t.matches(schemes), "scheme:value in a known scheme")
          .anyMatch(t -> t.startsWith("owasp-top10:"))
          .anyMatch(t -> t.startsWith("ssdf:"))
          .anyMatch(t -> t.startsWith("iso27001:"))
          .anyMatch(t -> t.startsWith("soc2:"));
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
  void everyRuleClassPublishesItsMetadataAsAConstant() throws Exception {
    for (K8sRule rule : K8sRules.ALL) {
      Class<?> type = rule.getClass();
      assertThat(Modifier.isFinal(type.getModifiers())).as("%s is final", type).isTrue();
      assertThat(type.getField("RULE").get(null)).as("%s.RULE", type.getSimpleName()).isSameAs(rule.rule());
    }
  }
}
