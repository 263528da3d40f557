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
import java.util.Set;

/** {@code management.endpoints.web.exposure.include} with {@code *} or sensitive actuator endpoints. */
public final class ActuatorExposureRule implements ConfigRule {

  public static final Rule RULE = Rule.builder("config/spring/actuator-endpoints-exposed", "config")
      .title("Sensitive actuator endpoints are exposed over HTTP")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-200", "CWE-749")
      .description("Exposing `*` or endpoints such as `env`, `heapdump`, `threaddump`, `configprops`, `logfile`, "
          + "`shutdown`, `jolokia`, `gateway` or `httpexchanges` over the web lets anyone who reaches the management port "
          + "read secrets and memory, change configuration or stop the application, unless Spring Security protects "
          + "every actuator path. `health`, `info`, `metrics` and `prometheus` are not reported.")
      .fix("Expose only what monitoring needs (`management.endpoints.web.exposure.include=health,info`, plus "
          + "`prometheus` if scraped), move the management server to an internal port (`management.server.port`) and "
          + "require an admin role for `EndpointRequest.toAnyEndpoint()` in the security configuration.")
      .tags("owasp-top10:A05:2021", "owasp-top10:A01:2021", "asvs:4.0.3-4.3.1", "ssdf:PW.9.1",
          "iso27001:2022-A.8.9", "soc2:CC6.6")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public Optional<Verdict> check(ConfigEntry entry, ConfigView view) {
    if (!entry.is(Endpoints.INCLUDE)) {
      return Optional.empty();
    }
    Set<String> included = Endpoints.ids(Values.items(entry.value()));
    Set<String> exposed = Endpoints.exposed(included, view);
    if (exposed.isEmpty()) {
      return Optional.empty();
    }
    boolean high = exposed.stream().anyMatch(Endpoints.HIGH::contains);
    List<String> named;
    String what;
    if (included.contains("*")) {
      // Library endpoints (jolokia, gateway, ...) exist only with their library: name the ones every application has.
      named = exposed.stream().filter(Endpoints.CORE_HIGH::contains).toList();
      if (named.isEmpty()) {
        named = List.copyOf(exposed);
      }
      what = "'*' exposes every enabled actuator endpoint over HTTP, including ";
    } else {
      named = high ? exposed.stream().filter(Endpoints.HIGH::contains).toList() : List.copyOf(exposed);
      what = "actuator endpoints exposed over HTTP: ";
    }
    Verdict v = Verdict.of(RULE, what + String.join(", ", named));
    return Optional.of(high ? v : v.severity(Severity.MEDIUM));
  }
}
