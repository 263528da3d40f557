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

/** CORS allowed origins (or origin patterns) of {@code *}, worse when credentials are allowed too. */
public final class CorsPermissiveRule implements ConfigRule {

  public static final Rule RULE = Rule.builder("config/spring/cors-any-origin", "config")
      .title("CORS allows any origin")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-942")
      .description("An `allowed-origins` or `allowed-origin-patterns` of `*` lets every web site read the responses of "
          + "these endpoints from a visitor's browser. Together with `allow-credentials=true` (possible with origin "
          + "patterns) any site can act with the visitor's cookies: high. Spring's own keys "
          + "(`management.endpoints.web.cors.*`, `spring.graphql.cors.*`, Spring Cloud Gateway `globalcors`) are reported with high confidence, "
          + "application keys ending in `cors.allowed-origins` with medium confidence because their use is the application's.")
      .fix("List the exact origins that need access (`https://app.example.com`); never combine a wildcard with "
          + "credentials.")
      .tags("owasp-top10:A05:2021", "asvs:4.0.3-14.5.3", "ssdf:PW.9.1", "iso27001:2022-A.8.9", "soc2:CC6.6")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public Optional<Verdict> check(ConfigEntry entry, ConfigView view) {
    String name = entry.name();
    int dot = name.lastIndexOf('.');
    String last = name.substring(dot + 1);
    if (!last.equals("allowedorigins") && !last.equals("allowedoriginpatterns")) {
      return Optional.empty();
    }
    if (Values.items(entry.value()).stream().noneMatch(Values::isWildcard)) {
      return Optional.empty();
    }
    String prefix = dot < 0 ? "" : name.substring(0, dot + 1);
    boolean known = name.startsWith("management.endpoints.web.cors.") || name.startsWith("spring.graphql.cors.")
        || name.startsWith("spring.cloud.gateway.");
    Verdict v = Verdict.of(RULE, "CORS allows every origin ('" + entry.key() + "')");
    if (!known) {
      v = v.confidence(Confidence.MEDIUM);
    }
    if (view.isTrue(prefix + "allow-credentials")) {
      v = v.severity(Severity.HIGH).message(v.message() + " and allows credentials");
    }
    return Optional.of(v);
  }
}
