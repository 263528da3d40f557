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

/** {@code spring.mvc|codec.log-request-details=true}: request parameters and headers in DEBUG/TRACE logs. */
public final class RequestDetailsLoggingRule implements ConfigRule {

  public static final Rule RULE = Rule.builder("config/spring/request-details-logging", "config")
      .title("Request parameters and headers are logged")
      .severity(Severity.LOW)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-532")
      .description("`spring.mvc.log-request-details=true` and `spring.codec.log-request-details=true` make Spring's web "
          + "loggers print request parameters and headers, `Authorization` and `Cookie` included, whenever "
          + "`org.springframework.web` logs at DEBUG or TRACE. Medium confidence: nothing is written unless that logger "
          + "is raised, which is one property away.")
      .fix("Remove the setting outside development profiles.")
      .tags("owasp-top10:A09:2021", "asvs:4.0.3-7.1.1", "ssdf:PW.9.1", "iso27001:2022-A.8.15")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public Optional<Verdict> check(ConfigEntry entry, ConfigView view) {
    if ((entry.is("spring.mvc.log-request-details") || entry.is("spring.codec.log-request-details"))
        && Values.isTrue(entry.value())) {
      return Optional.of(Verdict.of(RULE, "request parameters and headers are logged at DEBUG/TRACE ('" + entry.key() + "')"));
    }
    return Optional.empty();
  }
}
