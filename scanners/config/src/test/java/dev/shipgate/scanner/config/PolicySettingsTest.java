package dev.shipgate.scanner.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;

/** The policy section {@code scanners.config} adds a team's own profile names. */
class PolicySettingsTest {

  private static Settings section(String yaml) throws Exception {
    return Settings.of("shipgate.yml", new Compose(LoadSettings.builder().build()).composeString(yaml).orElseThrow(), "scanners.config");
  }

  private static List<Finding> scan(ConfigScanner scanner, Settings settings, String path, String text) throws Exception {
    RecordingContext ctx = new RecordingContext(Path.of("."), settings);
    scanner.scan(SourceFile.of(path, text), ctx);
    assertThat(ctx.errors()).isEmpty();
    return ctx.findings();
  }

  @Test
  void declaresItsPolicyKeys() {
    assertThat(new ConfigScanner().settingKeys()).containsExactlyInAnyOrder("development_profiles", "production_profiles");
  }

  @Test
  void policyNamesMoreDevelopmentAndProductionProfiles() throws Exception {
    Settings settings = section("development_profiles: [qa, ci-runner]\nproduction_profiles: [eu-west]\n");
    ConfigScanner scanner = new ConfigScanner();
    assertThat(scan(scanner, settings, "application-qa.yml", "debug: true\n"))
        .extracting(Finding::confidence).containsExactly(Confidence.LOW);
    assertThat(scan(scanner, settings, "application-EU-WEST.yml", "springdoc.swagger-ui.enabled: true\n"))
        .extracting(Finding::ruleId).containsExactly("config/spring/api-console-in-production");
    // Without the policy these names mean nothing.
    assertThat(scan(new ConfigScanner(), Settings.empty("<none>"), "application-qa.yml", "debug: true\n"))
        .extracting(Finding::confidence).containsExactly(Confidence.HIGH);
  }

  @Test
  void malformedPolicyListIsOneErrorAndTheBuiltInNamesStillApply() throws Exception {
    Settings settings = section("development_profiles: {qa: yes}\n");
    ConfigScanner scanner = new ConfigScanner();
    RecordingContext ctx = new RecordingContext(Path.of("."), settings);
    scanner.scan(SourceFile.of("application-dev.yml", "debug: true\n"), ctx);
    scanner.scan(SourceFile.of("application.yml", "debug: true\n"), ctx);
    assertThat(ctx.errors()).hasSize(1);
    assertThat(ctx.errors().get(0).path()).isEqualTo("shipgate.yml");
    assertThat(ctx.errors().get(0).line()).isEqualTo(1);
    assertThat(ctx.findings()).extracting(Finding::confidence).containsExactly(Confidence.LOW, Confidence.HIGH);
  }
}
