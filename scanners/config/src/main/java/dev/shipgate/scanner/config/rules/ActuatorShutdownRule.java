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

/** The shutdown endpoint switched on: one POST stops the application. */
public final class ActuatorShutdownRule implements ConfigRule {

  public static final Rule RULE = Rule.builder("config/spring/actuator-shutdown-enabled", "config")
      .title("Actuator shutdown endpoint is enabled")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-749", "CWE-400")
      .description("`management.endpoint.shutdown.enabled=true` (Boot 2/3), `management.endpoint.shutdown.access=unrestricted` "
          + "(Boot 3.4+) or `endpoints.shutdown.enabled=true` (Boot 1) turns on an endpoint that stops the JVM on a "
          + "single POST. Anyone who can reach it can take the service down. Reported as high when the same "
          + "configuration also exposes it over HTTP.")
      .fix("Remove the setting (the endpoint is off by default) and stop instances through the platform (orchestrator, "
          + "service manager) instead.")
      .tags("owasp-top10:A05:2021", "asvs:4.0.3-4.3.1", "ssdf:PW.9.1", "iso27001:2022-A.8.9", "soc2:CC6.6")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public Optional<Verdict> check(ConfigEntry entry, ConfigView view) {
    boolean on = (entry.is("management.endpoint.shutdown.enabled") || entry.is("endpoints.shutdown.enabled"))
        && Values.isTrue(entry.value())
        || entry.is("management.endpoint.shutdown.access") && Values.isEnum(entry.value(), "unrestricted");
    if (!on) {
      return Optional.empty();
    }
    boolean bootOne = entry.is("endpoints.shutdown.enabled");
    if (bootOne || Endpoints.webExposed("shutdown", view)) {
      return Optional.of(Verdict.of(RULE, "the shutdown endpoint is enabled and reachable over HTTP: one POST stops the application")
          .severity(Severity.HIGH));
    }
    return Optional.of(Verdict.of(RULE, "the shutdown endpoint is enabled: one request over JMX or HTTP (if exposed elsewhere) stops the application"));
  }
}
