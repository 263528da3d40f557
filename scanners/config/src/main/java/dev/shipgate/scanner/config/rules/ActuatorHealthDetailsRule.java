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

/** {@code management.endpoint.health.show-details=always}: component details for anonymous callers. */
public final class ActuatorHealthDetailsRule implements ConfigRule {

  public static final Rule RULE = Rule.builder("config/spring/actuator-health-details-public", "config")
      .title("Health endpoint shows details to everyone")
      .severity(Severity.LOW)
      .confidence(Confidence.HIGH)
      .cwe("CWE-200")
      .description("With `show-details=always` the public health endpoint lists every component: database product and "
          + "version, disk paths and free space, mail and broker hosts. It helps an attacker map the system.")
      .fix("Use `management.endpoint.health.show-details=when-authorized` (with `roles`) or `never`; load balancers "
          + "only need the status.")
      .tags("owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.9")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public Optional<Verdict> check(ConfigEntry entry, ConfigView view) {
    if (entry.is("management.endpoint.health.show-details") && Values.isEnum(entry.value(), "always")) {
      return Optional.of(Verdict.of(RULE, "'" + entry.key() + "=always' shows health component details to unauthenticated callers"));
    }
    return Optional.empty();
  }
}
