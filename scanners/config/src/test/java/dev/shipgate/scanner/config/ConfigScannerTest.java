package dev.shipgate.scanner.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Severity and confidence decisions, which fixtures (lines and rule ids only) do not check. */
class ConfigScannerTest {

  private final ConfigScanner scanner = new ConfigScanner();

  private List<Finding> scan(String path, String text) throws Exception {
    RecordingContext ctx = new RecordingContext();
    scanner.scan(SourceFile.of(path, text), ctx);
    assertThat(ctx.errors()).isEmpty();
    return ctx.findings();
  }

  private Finding only(String path, String text) throws Exception {
    List<Finding> findings = scan(path, text);
    assertThat(findings).hasSize(1);
    return findings.get(0);
  }

  @Test
  void acceptsSpringConfigurationFilesByNameAnywhereInTheTree() {
    assertThat(List.of("application.properties", "src/main/resources/application.yml", "a/b/application-prod.yaml",
        "bootstrap.yml", "svc/config/bootstrap-dev.properties", "application-eu-west.yml")).allMatch(scanner::accepts);
    assertThat(List.of("app.properties", "application.json", "myapplication.yml", "application.yml.bak",
        "docs/application.md", "Application.yml", "applications.yml")).noneMatch(scanner::accepts);
  }

  @Test
  void familyIsConfigAndRulesComeFromTheRegistry() {
    assertThat(scanner.family()).isEqualTo("config");
    assertThat(scanner.rules()).hasSize(ConfigRules.ALL.size());
  }

  @Test
  void developmentProfileLowersConfidenceButStillReports() throws Exception {
    Finding general = only("application.properties", "spring.h2.console.enabled=true\n");
    Finding dev = only("application-dev.properties", "spring.h2.console.enabled=true\n");
    assertThat(general.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(dev.confidence()).isEqualTo(Confidence.LOW);
    assertThat(dev.message()).contains("profile 'dev'");
  }

  @Test
  void documentActivatedOnlyForDevelopmentLowersConfidence() throws Exception {
    List<Finding> f = scan("application.yml", "debug: true\n---\nspring.config.activate.on-profile: local\ndebug: true\n");
    assertThat(f).extracting(Finding::confidence).containsExactly(Confidence.HIGH, Confidence.LOW);
  }

  @Test
  void devProfilePulledIntoAProductionGroupKeepsFullConfidence() throws Exception {
    String yaml = "spring.profiles.group.prod: dev,metrics\n---\nspring.config.activate.on-profile: dev\nspring.h2.console.enabled: true\n";
    Finding f = only("application.yml", yaml);
    assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(f.message()).doesNotContain("looks like development");
    String properties = "spring.profiles.group[live][0]=local\n#---\nspring.config.activate.on-profile=local\ndebug=true\n";
    assertThat(only("application.properties", properties).confidence()).isEqualTo(Confidence.HIGH);
    String devGroup = "spring.profiles.group.dev-all: dev,local\n---\nspring.config.activate.on-profile: dev\ndebug: true\n";
    assertThat(only("application.yml", devGroup).confidence()).isEqualTo(Confidence.LOW);
  }

  @Test
  void testResourcesCountAsDevelopment() throws Exception {
    assertThat(only("svc/src/test/resources/application.yml", "debug: true\n").confidence()).isEqualTo(Confidence.LOW);
  }

  @Test
  void placeholderDefaultIsJudgedWithLowConfidence() throws Exception {
    Finding f = only("application.yml", "server.error.include-stacktrace: ${TRACES:always}\n");
    assertThat(f.confidence()).isEqualTo(Confidence.LOW);
    assertThat(f.message()).contains("placeholder");
    assertThat(scan("application.yml", "server.error.include-stacktrace: ${TRACES}\n")).isEmpty();
  }

  @Test
  void h2ConsoleOpenToOtherHostsIsCritical() throws Exception {
    assertThat(only("application.properties", "spring.h2.console.enabled=true\n").severity()).isEqualTo(Severity.MEDIUM);
    assertThat(only("application.properties", "spring.h2.console.enabled=true\nspring.h2.console.settings.web-allow-others=true\n")
        .severity()).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void profileDocumentSeesSettingsOfTheSharedDocument() throws Exception {
    String yaml = "spring.h2.console.settings.web-allow-others: true\n---\nspring.config.activate.on-profile: ops\nspring.h2.console.enabled: true\n";
    assertThat(only("application.yml", yaml).severity()).isEqualTo(Severity.CRITICAL);
    // ...but a profile document's settings do not leak into the shared one.
    String reverse = "spring.h2.console.enabled: true\n---\nspring.config.activate.on-profile: ops\nspring.h2.console.settings.web-allow-others: true\n";
    assertThat(only("application.yml", reverse).severity()).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void wildcardCorsWithCredentialsIsHigh() throws Exception {
    String base = "management.endpoints.web.cors.allowed-origin-patterns=*\n";
    assertThat(only("application.properties", base).severity()).isEqualTo(Severity.MEDIUM);
    Finding withCredentials = only("application.properties", base + "management.endpoints.web.cors.allow-credentials=true\n");
    assertThat(withCredentials.severity()).isEqualTo(Severity.HIGH);
    assertThat(withCredentials.message()).contains("credentials");
  }

  @Test
  void applicationOwnCorsKeysHaveMediumConfidence() throws Exception {
    assertThat(only("application.yml", "app.cors.allowed-origins: \"*\"\n").confidence()).isEqualTo(Confidence.MEDIUM);
  }

  @Test
  void exposureSeverityFollowsTheEndpoints() throws Exception {
    assertThat(only("application.properties", "management.endpoints.web.exposure.include=*\n").severity()).isEqualTo(Severity.HIGH);
    assertThat(only("application.properties", "management.endpoints.web.exposure.include=beans\n").severity()).isEqualTo(Severity.MEDIUM);
    assertThat(scan("application.properties", "management.endpoints.web.exposure.include=health,info,prometheus,metrics\n")).isEmpty();
  }

  @Test
  void shutdownIsHighWhenAlsoExposedOverHttp() throws Exception {
    List<Finding> f = scan("application.properties",
        "management.endpoint.shutdown.enabled=true\nmanagement.endpoints.web.exposure.include=health,shutdown\n");
    assertThat(f).filteredOn(x -> x.ruleId().endsWith("shutdown-enabled")).extracting(Finding::severity)
        .containsExactly(Severity.HIGH);
  }

  @Test
  void sqlParameterLoggingIsMediumAndStatementLoggingLow() throws Exception {
    assertThat(only("application.yml", "logging.level.org.hibernate.orm.jdbc.bind: trace\n").severity()).isEqualTo(Severity.MEDIUM);
    assertThat(only("application.yml", "logging.level.org.hibernate.SQL: debug\n").severity()).isEqualTo(Severity.LOW);
  }

  @Test
  void devtoolsSecretIsMaskedInTheSnippetAndKeptOutOfTheFingerprintContext() throws Exception {
    Finding f = only("application.properties", "spring.devtools.remote.secret=xxxx-not-a-secret\n");
    assertThat(f.snippet()).isEqualTo("spring.devtools.remote.secret=****");
    assertThat(f.contextKey()).doesNotContain("xxxx-not-a-secret");
  }

  @Test
  void connectionStringCredentialsAreMaskedInTheSnippet() throws Exception {
    Finding f = only("application.properties",
        "spring.datasource.url=jdbc:sqlserver://db:1433;user=app;password=xxxx-not-a-secret;trustServerCertificate=true\n");
    assertThat(f.snippet()).contains("password=****").doesNotContain("xxxx-not-a-secret");
    Finding g = only("application.yml", "spring.data.mongodb.uri: mongodb://app:xxxx-not-a-secret@db/x?tlsInsecure=true\n");
    assertThat(g.snippet()).contains("//app:****@").doesNotContain("xxxx-not-a-secret");
  }

  @Test
  void debugWithAnUnusualValueIsStillOnButLessCertain() throws Exception {
    Finding f = only("application.properties", "debug=enabled\n");
    assertThat(f.confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(only("application.properties", "trace=true\n").severity()).isEqualTo(Severity.MEDIUM);
  }

  @Test
  void findingsNameTheFileAndTheKeyLine() throws Exception {
    Finding f = only("svc/application.yml", "server:\n  port: 8080\n  error:\n    include-stacktrace: always\n");
    assertThat(f.location().path()).isEqualTo("svc/application.yml");
    assertThat(f.location().startLine()).isEqualTo(4);
    assertThat(f.properties()).containsEntry("key", "server.error.include-stacktrace");
  }
}
