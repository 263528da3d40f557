package dev.shipgate.scanner.ci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.fix.FixApplier;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.FixtureRunner;
import dev.shipgate.testing.RecordingContext;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    Set<String> seen = new HashSet<>();
    for (Rule r : SCANNER.rules()) {
      assertThat(seen.add(r.id())).as("duplicate id %s", r.id()).isTrue();
      assertThat(r.id()).matches("ci/(github|gitlab)/[a-z0-9-]+");
      assertThat(r.family()).isEqualTo(SCANNER.family());
    }
    assertThat(seen).hasSize(CiRules.ALL.size());
  }

  @Test
  void everyRuleCarriesCompleteMetadata() {
    for (Rule r : SCANNER.rules()) {
      assertThat(r.cwe()).as("%s cwe", r.id()).isNotEmpty();
      assertThat(r.description()).as("%s description", r.id()).hasSizeGreaterThan(80);
      assertThat(r.fix()).as("%s fix", r.id()).hasSizeGreaterThan(40);
      assertThat(r.tags()).as("%s tags", r.id()).isNotEmpty()
          .allMatch(t -> t.matches("owasp-top10:A\\d\\d:2021|ssdf:P[OSWR]\\.\\d+\\.\\d+|iso27001:2022-A\\.\\d+\\.\\d+|soc2:CC\\d\\.\\d"
              + "|owasp-cicd:CICD-SEC-(?:[1-9]|10)|cis-supply-chain:\\d+\\.\\d+"), "scheme:value in a known scheme")
          .anyMatch(t -> t.startsWith("owasp-top10:"))
          .anyMatch(t -> t.startsWith("owasp-cicd:"));
    }
  }

  @Test
  void everyRuleIsDocumentedInTheModuleReadme() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    for (Rule r : SCANNER.rules()) {
      assertThat(readme).as("README.md row for %s", r.id()).contains("| `" + r.id() + "` |");
    }
    for (String key : SCANNER.settingKeys()) {
      assertThat(readme).as("README.md documents scanners.ci.%s", key).contains("`" + key + "`");
    }
  }

  @Test
  void everyRuleClassPublishesItsMetadataAsAConstant() throws Exception {
    for (CiRule rule : CiRules.ALL) {
      Class<?> type = rule.getClass();
      assertThat(Modifier.isFinal(type.getModifiers())).as("%s is final", type).isTrue();
      assertThat(type.getField("RULE").get(null)).as("%s.RULE", type.getSimpleName()).isSameAs(rule.rule());
    }
  }
}
