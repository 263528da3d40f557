package dev.shipgate.scanner.config.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.config.ConfigEntry;
import dev.shipgate.scanner.config.ConfigRule;
import dev.shipgate.scanner.config.ConfigView;
import dev.shipgate.scanner.config.Profile;
import dev.shipgate.scanner.config.Values;
import dev.shipgate.scanner.config.Verdict;
import java.util.List;
import java.util.Optional;

/** GraphiQL, Swagger UI or the OpenAPI document switched on explicitly in a production profile. */
public final class ApiConsoleInProductionRule implements ConfigRule {

  public static final Rule RULE = Rule.builder("config/spring/api-console-in-production", "config")
      .title("API console or API description enabled in production")
      .severity(Severity.LOW)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-200")
      .description("`spring.graphql.graphiql.enabled`, `springdoc.swagger-ui.enabled` or `springdoc.api-docs.enabled` set "
          + "to true in a production profile publishes an interactive console and a complete map of the API, internal "
          + "operations included. Reported only where the file or document is clearly for production "
          + "(`application-prod.yml`, `on-profile: prod`), since these are often wanted elsewhere.")
      .fix("Set these to false in the production profile, or serve them only behind authentication on an internal port.")
      .tags("owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.9")
      .build();

  private static final List<String> KEYS = List.of("spring.graphql.graphiql.enabled", "springdoc.swagger-ui.enabled",
      "springdoc.api-docs.enabled");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public Optional<Verdict> check(ConfigEntry entry, ConfigView view) {
    if (view.profile().kind() != Profile.Kind.PRODUCTION || !Values.isTrue(entry.value())) {
      return Optional.empty();
    }
    for (String key : KEYS) {
      if (entry.is(key)) {
        return Optional.of(Verdict.of(RULE, "'" + key + "' is enabled in " + view.profile().why()));
      }
    }
    return Optional.empty();
  }
}
