package dev.shipgate.scanner.config.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.config.ConfigEntry;
import dev.shipgate.scanner.config.ConfigRule;
import dev.shipgate.scanner.config.ConfigView;
import dev.shipgate.scanner.config.Values;
import dev.shipgate.scanner.config.Verdict;
import java.util.Optional;

/** Spring Boot 1.x switches that remove authentication from every actuator endpoint. */
public final class ActuatorSecurityDisabledRule implements ConfigRule {

  public static final Rule RULE = Rule.builder("config/spring/actuator-security-disabled", "config")
      .title("Actuator authentication is switched off (Spring Boot 1.x)")
      .severity(Severity.HIGH)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-306")
      .description("`management.security.enabled=false`, `endpoints.sensitive=false` and `endpoints.<id>.sensitive=false` "
          + "for a sensitive endpoint make Spring Boot 1.x serve "
          + "`/env`, `/heapdump`, `/trace` and the other sensitive endpoints without authentication. Boot 2+ ignores "
          + "these keys, so confidence is medium: they still show the intent and a Boot 1 application is itself end of life.")
      .fix("Remove the keys, keep actuator endpoints behind Spring Security, and upgrade off Spring Boot 1.x.")
      .tags("owasp-top10:A05:2021", "owasp-top10:A07:2021", "asvs:4.0.3-4.3.1", "ssdf:PW.9.1",
          "iso27001:2022-A.8.9", "soc2:CC6.1")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public Optional<Verdict> check(ConfigEntry entry, ConfigView view) {
    if (!Values.isFalse(entry.value())) {
      return Optional.empty();
    }
    if (entry.is("management.security.enabled") || entry.is("endpoints.sensitive")) {
      return Optional.of(Verdict.of(RULE, "'" + entry.key() + "=false' serves actuator endpoints without authentication on Spring Boot 1.x"));
    }
    // Boot 1.x per-endpoint switch: endpoints.<id>.sensitive=false.
    String name = entry.name();
    if (name.startsWith("endpoints.") && name.endsWith(".sensitive")) {
      String id = name.substring("endpoints.".length(), name.length() - ".sensitive".length());
      if (Endpoints.HIGH.contains(id) || id.equals("trace") || id.equals("dump")) {
        return Optional.of(Verdict.of(RULE, "the " + id + " endpoint is served without authentication on Spring Boot 1.x"));
      }
    }
    return Optional.empty();
  }
}
