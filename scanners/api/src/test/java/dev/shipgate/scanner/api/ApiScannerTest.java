package dev.shipgate.scanner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import dev.shipgate.testing.RuleCatalogChecks;
import dev.shipgate.testing.RuleCatalogChecks.TagScheme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

class ApiScannerTest {

  private static final ApiScanner SCANNER = AppFixtures.SCANNER;

  private static Settings settings(String yaml) {
    LoadSettings ls = LoadSettings.builder().setLabel("shipgate.yml").build();
    try {
      return Settings.of("shipgate.yml", new Composer(ls, new ParserImpl(ls, new StreamReader(ls, yaml))).getSingleNode().orElseThrow(),
          "scanners.api");
    } catch (dev.shipgate.core.policy.PolicyException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RecordingContext scan(Path root, Settings settings, SourceFile... files) throws IOException {
    RecordingContext ctx = new RecordingContext(root, settings);
    SCANNER.scan(new ArrayList<>(List.of(files)), ctx);
    return ctx;
  }

  @Test
  void familyAndFiles() {
    assertThat(SCANNER.family()).isEqualTo("api");
    assertThat(SCANNER.settingKeys()).containsExactlyInAnyOrder("openapi", "public_routes", "sensitive_paths");
    assertThat(SCANNER.accepts("src/main/java/a/B.java")).isTrue();
    assertThat(SCANNER.accepts("module-info.java")).isFalse();
    assertThat(SCANNER.accepts("docs/openapi.yaml")).isTrue();
    assertThat(SCANNER.accepts("src/main/resources/application.properties")).isTrue();
    assertThat(SCANNER.accepts("service/pom.xml")).isTrue();
    assertThat(SCANNER.accepts("web/server.js")).isTrue();
    assertThat(SCANNER.accepts("app/views.py")).isTrue();
    assertThat(SCANNER.accepts("README.md")).isFalse();
    assertThat(SCANNER.accepts("data/users.json")).isFalse();
  }

  @Test
  void everyRuleCarriesFullMetadataAndIsDocumented() throws Exception {
    RuleCatalogChecks.idsAreUniqueAndShaped(SCANNER, "api/[a-z]+/[a-z-]+", 9);
    RuleCatalogChecks.everyRuleCarriesCompleteMetadata(SCANNER,
        EnumSet.of(TagScheme.OWASP_API_TOP10, TagScheme.OWASP_TOP10, TagScheme.ASVS, TagScheme.SSDF, TagScheme.ISO27001, TagScheme.SOC2),
        TagScheme.OWASP_API_TOP10, TagScheme.ASVS, TagScheme.SSDF, TagScheme.ISO27001, TagScheme.SOC2);
    RuleCatalogChecks.everyRuleIsDocumented(SCANNER, Path.of("README.md"));
    RuleCatalogChecks.everySettingIsDocumented(SCANNER, Path.of("README.md"));
  }

  @Test
  void aDecisionThatDependsOnAnUnresolvedMatcherIsMediumAndSaysWhy() throws Exception {
    RecordingContext ctx = AppFixtures.scan(AppFixtures.resource("fixtures/unresolved-matcher"));
    assertThat(ctx.findings()).singleElement().satisfies(f -> {
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
      assertThat(f.confidence()).isEqualTo(Confidence.MEDIUM);
      assertThat(f.message()).contains("GET /partner/feed").contains("requestMatchers(partnerRequests)").contains("could not be resolved");
    });
  }

  @Test
  void methodSecurityWithoutEnablingIsNotTrusted() throws Exception {
    RecordingContext ctx = AppFixtures.scan(AppFixtures.resource("fixtures/method-security-off"));
    assertThat(ctx.findings()).singleElement().satisfies(f -> {
      assertThat(f.confidence()).isEqualTo(Confidence.MEDIUM);
      assertThat(f.message()).contains("@PreAuthorize is not enforced: no @EnableMethodSecurity");
    });
  }

  @Test
  void aCertainOpenRouteIsHighAndBlocksByDefault() throws Exception {
    RecordingContext ctx = AppFixtures.scan(AppFixtures.resource("apps/shop"));
    Finding debug = ctx.findings().stream().filter(f -> f.ruleId().equals("api/route/unauthenticated")
        && f.message().startsWith("GET /api/debug/env")).findFirst().orElseThrow();
    assertThat(debug.severity()).isEqualTo(Severity.HIGH);
    assertThat(debug.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(debug.properties()).containsEntry("route", "GET /api/debug/env");
  }

  @Test
  void unparsableJavaIsAnErrorNamingFileAndLine(@TempDir Path root) throws IOException {
    RecordingContext ctx = scan(root, Settings.empty("<test>"),
        SourceFile.of("src/Broken.java", "package p;\n@RestController\nclass Broken {\n  @GetMapping(\"/x\"\n  String x() {}\n}\n"));
    assertThat(ctx.errors()).singleElement().satisfies(e -> {
      assertThat(e.path()).isEqualTo("src/Broken.java");
      assertThat(e.line()).isGreaterThanOrEqualTo(4);
      assertThat(e.message()).startsWith("routes not read: Java syntax error");
    });
  }

  @Test
  void aMalformedOpenApiDocumentIsAnErrorAndOtherChecksStillRun(@TempDir Path root) throws IOException {
    RecordingContext ctx = scan(root, Settings.empty("<test>"),
        SourceFile.of("openapi.yaml", "openapi: 3.0.0\npaths:\n  /a: [\n"),
        SourceFile.of("src/A.java", "package p;\n@org.springframework.web.bind.annotation.RestController\nclass A {\n"
            + "  @org.springframework.web.bind.annotation.GetMapping(\"/a\")\n  String a() { return \"\"; }\n}\n"));
    assertThat(ctx.errors()).singleElement().satisfies(e -> {
      assertThat(e.path()).isEqualTo("openapi.yaml");
      assertThat(e.line()).isGreaterThan(0);
    });
    assertThat(ctx.findings()).extracting(Finding::ruleId).containsExactly("api/route/unauthenticated");
  }

  @Test
  void thePolicyNamesTheDocumentAndConventionalOnesAreThenIgnored(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("spec"));
    Files.writeString(root.resolve("spec/shop-api.yaml"), "openapi: 3.0.0\ninfo: {title: t, version: '1'}\npaths:\n  /b:\n    get: {}\n");
    RecordingContext ctx = scan(root, settings("openapi: spec/shop-api.yaml\npublic_routes: [/a]\n"),
        SourceFile.of("openapi.yaml", "not: [an api"),
        SourceFile.of("src/A.java", "package p;\n@org.springframework.web.bind.annotation.RestController\nclass A {\n"
            + "  @org.springframework.web.bind.annotation.GetMapping(\"/a\")\n  String a() { return \"\"; }\n}\n"));
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).extracting(f -> f.location() + " " + f.ruleId())
        .containsExactlyInAnyOrder("src/A.java:5 api/openapi/undocumented-route", "spec/shop-api.yaml:5 api/openapi/stale-route");
  }

  @Test
  void aMissingNamedDocumentIsAnError(@TempDir Path root) throws IOException {
    RecordingContext ctx = scan(root, settings("openapi: [docs/api.yaml]\n"));
    assertThat(ctx.errors()).singleElement().satisfies(e -> assertThat(e.message())
        .isEqualTo("scanners.api.openapi names 'docs/api.yaml', which is not a file below the scanned directory"));
  }

  @Test
  void policyMistakesNameTheirPosition(@TempDir Path root) {
    assertThatThrownBy(() -> scan(root, settings("public_routes:\n  - health\n")))
        .isInstanceOf(IOException.class).hasMessageStartingWith("shipgate.yml:2:3: 'health' in public_routes must be a path pattern");
    assertThatThrownBy(() -> scan(root, settings("public_routes: [\"FETCH /x\"]\n")))
        .isInstanceOf(IOException.class).hasMessageContaining("optionally after an HTTP method");
    assertThatThrownBy(() -> scan(root, settings("openapi: https://example.com/api.yaml\n")))
        .isInstanceOf(IOException.class).hasMessageContaining("must be a local path");
  }

  @Test
  void sensitivePathsAreValidatedBeforeTheScanAndReplaceTheDefaults(@TempDir Path root) throws IOException {
    assertThatThrownBy(() -> SCANNER.validate(settings("sensitive_paths: [\"admin/**\"]\n")))
        .hasMessageStartingWith("shipgate.yml:1:").hasMessageContaining("'admin/**' in sensitive_paths must be a path pattern");
    assertThatThrownBy(() -> SCANNER.validate(settings("sensitive_paths: [\"!\"]\n"))).hasMessageContaining("'!' in sensitive_paths");
    SourceFile security = SourceFile.of("src/demo/Security.java", """
        package demo;

        import org.springframework.context.annotation.Bean;
        import org.springframework.security.config.annotation.web.builders.HttpSecurity;
        import org.springframework.security.web.SecurityFilterChain;

        class Security {
          @Bean
          SecurityFilterChain chain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(a -> a
                .requestMatchers("/internal/**").permitAll()
                .requestMatchers("/ops/**").permitAll()
                .anyRequest().authenticated()).build();
          }
        }
        """);
    RecordingContext defaults = scan(root, Settings.empty("<test>"), security);
    assertThat(defaults.findings()).extracting(f -> f.location().startLine()).containsExactly(11);
    RecordingContext configured = scan(root, settings("sensitive_paths: [\"/ops/**\"]\n"), security);
    assertThat(configured.findings()).extracting(f -> f.location().startLine()).containsExactly(12);
    assertThat(configured.findings().get(0).message()).contains("/ops/**").contains("sensitive_paths entry /ops/**");
  }

  @Test
  void noJavaAndNoDocumentMeansNoFindings(@TempDir Path root) throws IOException {
    RecordingContext ctx = scan(root, Settings.empty("<test>"), SourceFile.of("pom.xml", "<project/>"));
    assertThat(ctx.findings()).isEmpty();
    assertThat(ctx.errors()).isEmpty();
  }
}
