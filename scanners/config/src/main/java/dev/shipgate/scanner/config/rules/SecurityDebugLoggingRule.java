package dev.shipgate.scanner.config.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.config.ConfigEntry;
import dev.shipgate.scanner.config.ConfigRule;
import dev.shipgate.scanner.config.ConfigView;
import dev.shipgate.scanner.config.Verdict;
import java.util.Optional;

/** Spring Security's loggers at DEBUG or TRACE. */
public final class SecurityDebugLoggingRule implements ConfigRule {

  public static final Rule RULE = Rule.builder("config/spring/security-debug-logging", "config")
      .title("Spring Security logs at DEBUG or TRACE")
      .severity(Severity.LOW)
      .confidence(Confidence.HIGH)
      .cwe("CWE-532")
      .description("At DEBUG and TRACE `org.springframework.security` logs every request's filter chain decisions, "
          + "authentication attempts with principal names, session ids and the reasons access was granted or denied. "
          + "That is useful while debugging and a map of the access rules plus a stream of personal data in production. "
          + "`org.springframework` at DEBUG/TRACE is reported with medium confidence, since it includes these loggers.")
      .fix("Use INFO or WARN for `org.springframework.security` outside development, and raise it temporarily (through "
          + "the protected `loggers` endpoint) when you need to investigate.")
      .tags("owasp-top10:A09:2021", "asvs:4.0.3-7.1.1", "ssdf:PW.9.1", "iso27001:2022-A.8.15")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public Optional<Verdict> check(ConfigEntry entry, ConfigView view) {
    Optional<String> logger = Loggers.logger(entry);
    if (logger.isEmpty() || !Loggers.isDebugOrTrace(entry.value())) {
      return Optional.empty();
    }
    if (Loggers.within(logger.get(), "org.springframework.security")) {
      return Optional.of(Verdict.of(RULE, "Spring Security logs at " + entry.value() + " (" + logger.get() + ")"));
    }
    if (logger.get().equals("org.springframework")) {
      // The parent logger raises Spring Security too, when the application uses it.
      return Optional.of(Verdict.of(RULE, "org.springframework at " + entry.value() + " includes Spring Security's loggers")
          .confidence(Confidence.MEDIUM));
    }
    return Optional.empty();
  }
}
