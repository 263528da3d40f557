package dev.shipgate.scanner.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The bundled examples: every planted config mistake is found, the fixed twin is clean. */
class ExamplesTest {

  private static final String VULNERABLE = "examples/vulnerable-app/src/main/resources/";

  private final ConfigScanner scanner = new ConfigScanner();

  private static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("a directory above the working directory holds mvnw").isNotNull();
    return dir;
  }

  private RecordingContext scanApp(String app) throws IOException {
    Path root = repoRoot();
    RecordingContext ctx = new RecordingContext(root, dev.shipgate.core.policy.Settings.empty("<test>"));
    List<Path> files;
    try (Stream<Path> s = Files.walk(root.resolve("examples").resolve(app))) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    int accepted = 0;
    for (Path p : files) {
      String rel = root.relativize(p).toString().replace('\\', '/');
      if (scanner.accepts(rel)) {
        accepted++;
        scanner.scan(SourceFile.of(rel, Files.readAllBytes(p)), ctx);
      }
    }
    // application.properties and application.yml at least; other families may plant more (secrets adds a profile file).
    assertThat(accepted).as("config files in %s", app).isGreaterThanOrEqualTo(2);
    assertThat(ctx.errors()).isEmpty();
    return ctx;
  }

  private static Set<String> located(List<Finding> findings) {
    return findings.stream()
        .map(f -> f.location().path().substring(VULNERABLE.length()) + ":" + f.location().startLine() + " " + f.ruleId())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void vulnerableAppRaisesExactlyThePlantedConfigFindings() throws IOException {
    List<Finding> findings = scanApp("vulnerable-app").findings();
    // Keep in step with examples/README.md, which lists the same files and lines.
    assertThat(located(findings)).containsExactlyInAnyOrder(
        "application.properties:5 config/spring/debug-mode",
        "application.properties:9 config/spring/h2-console-enabled",
        "application.properties:11 config/spring/sql-logging",
        "application.properties:14 config/spring/error-stacktrace-exposed",
        "application.properties:15 config/spring/error-details-exposed",
        "application.properties:17 config/spring/session-cookie-not-secure",
        "application.properties:18 config/spring/session-cookie-not-http-only",
        "application.yml:5 config/spring/actuator-endpoints-exposed",
        "application.yml:7 config/spring/cors-any-origin",
        "application.yml:10 config/spring/actuator-health-details-public",
        "application.yml:14 config/spring/cors-any-origin",
        "application.yml:19 config/spring/security-debug-logging");
  }

  @Test
  void vulnerableAppsWorstConfigFindingsAreTheH2ConsoleAndTheActuator() throws IOException {
    List<Finding> findings = scanApp("vulnerable-app").findings();
    assertThat(findings).filteredOn(f -> f.severity() == Severity.CRITICAL).extracting(Finding::ruleId)
        .containsExactly("config/spring/h2-console-enabled");
    assertThat(findings).filteredOn(f -> f.severity() == Severity.HIGH).extracting(Finding::ruleId)
        .containsExactlyInAnyOrder("config/spring/actuator-endpoints-exposed", "config/spring/cors-any-origin");
  }

  @Test
  void fixedAppHasNoConfigFindings() throws IOException {
    assertThat(scanApp("fixed-app").findings()).isEmpty();
  }
}
