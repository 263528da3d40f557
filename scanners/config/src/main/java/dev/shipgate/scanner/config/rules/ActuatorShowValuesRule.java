package dev.shipgate.scanner.config.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.config.ConfigEntry;
import dev.shipgate.scanner.config.ConfigRule;
import dev.shipgate.scanner.config.ConfigView;
import dev.shipgate.scanner.config.Values;
import dev.shipgate.scanner.config.Verdict;
import java.util.List;
import java.util.Optional;

/** {@code management.endpoint.env|configprops|quartz.show-values=always}: unmasked secrets. */
public final class ActuatorShowValuesRule implements ConfigRule {

  public static final Rule RULE = Rule.builder("config/spring/actuator-show-values", "config")
      .title("Actuator shows unsanitized property values")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-200", "CWE-312")
      .description("Since Spring Boot 3.0 the `env`, `configprops` and `quartz` endpoints mask every value unless "
          + "`show-values` says otherwise. `ALWAYS` returns database passwords, API keys and tokens in clear text to any "
          + "caller that can reach the endpoint. High when the same configuration exposes that endpoint over HTTP.")
      .fix("Use `show-values: when-authorized` with a dedicated role, or leave the default `never`.")
      .tags("owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.9", "soc2:CC6.1")
      .build();

  private static final List<String> ENDPOINTS = List.of("env", "configprops", "quartz");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public Optional<Verdict> check(ConfigEntry entry, ConfigView view) {
    for (String endpoint : ENDPOINTS) {
      if (entry.is("management.endpoint." + endpoint + ".show-values") && Values.isEnum(entry.value(), "always")) {
        Verdict v = Verdict.of(RULE, "the " + endpoint + " endpoint returns property values unmasked to every caller");
        return Optional.of(Endpoints.webExposed(endpoint, view) ? v.severity(Severity.HIGH) : v);
      }
    }
    return Optional.empty();
  }
}
