package dev.shipgate.scanner.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Rule;
import dev.shipgate.testing.FixtureRunner;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    Set<String> seen = new HashSet<>();
    for (Rule r : SCANNER.rules()) {
      assertThat(seen.add(r.id())).as("duplicate id %s", r.id()).isTrue();
      assertThat(r.id()).startsWith("config/spring/");
      assertThat(r.family()).isEqualTo(SCANNER.family());
    }
    assertThat(seen).hasSize(ConfigRules.ALL.size());
  }

  @Test
  void everyRuleCarriesCompleteMetadata() {
    for (Rule r : SCANNER.rules()) {
      assertThat(r.cwe()).as("%s cwe", r.id()).isNotEmpty();
      assertThat(r.description()).as("%s description", r.id()).hasSizeGreaterThan(80);
      assertThat(r.fix()).as("%s fix", r.id()).hasSizeGreaterThan(40);
      assertThat(r.tags()).as("%s tags", r.id()).isNotEmpty()
          .allMatch(t -> t.matches("(owasp-top10:A\\d\\d:2021|asvs:4\\.0\\.3-\\d+\\.\\d+\\.\\d+|ssdf:P[OSWR]\\.\\d+\\.\\d+|iso27001:2022-A\\.\\d+\\.\\d+|soc2:CC\\d\\.\\d)"),
              "scheme:value in a known scheme")
          .anyMatch(t -> t.startsWith("owasp-top10:"));
    }
  }

  @Test
  void everyRuleIsDocumentedInTheModuleReadme() throws Exception {
    String readme = java.nio.file.Files.readString(Path.of("README.md"));
    for (Rule r : SCANNER.rules()) {
      assertThat(readme).as("README.md row for %s", r.id()).contains("| `" + r.id() + "` |");
    }
  }

  @Test
  void everyRuleClassPublishesItsMetadataAsAConstant() throws Exception {
    for (ConfigRule rule : ConfigRules.ALL) {
      Class<?> type = rule.getClass();
      assertThat(java.lang.reflect.Modifier.isFinal(type.getModifiers())).as("%s is final", type).isTrue();
      Object constant = type.getField("RULE").get(null);
      assertThat(constant).as("%s.RULE", type.getSimpleName()).isSameAs(rule.rule());
    }
  }
}
