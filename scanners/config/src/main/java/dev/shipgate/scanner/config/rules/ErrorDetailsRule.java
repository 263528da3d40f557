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

/** Exception messages, exception class names and binding errors in error responses. */
public final class ErrorDetailsRule implements ConfigRule {

  public static final Rule RULE = Rule.builder("config/spring/error-details-exposed", "config")
      .title("Error responses include exception details")
      .severity(Severity.LOW)
      .confidence(Confidence.HIGH)
      .cwe("CWE-209")
      .description("`server.error.include-message=always`, `include-exception=true` and `include-binding-errors=always` "
          + "(or `on-param`) return exception messages and class names to the client. Messages from JDBC drivers, parsers "
          + "and frameworks often quote SQL, file paths, host names or the rejected input.")
      .fix("Keep the defaults (`never`/`false`) and return deliberate, user-facing messages from an exception handler "
          + "(`@ControllerAdvice` with `ProblemDetail`).")
      .tags("owasp-top10:A05:2021", "asvs:4.0.3-7.4.1", "ssdf:PW.9.1", "iso27001:2022-A.8.9")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public Optional<Verdict> check(ConfigEntry entry, ConfigView view) {
    String v = entry.value();
    if (entry.is("server.error.include-exception") && Values.isTrue(v)) {
      return Optional.of(Verdict.of(RULE, "error responses name the exception class"));
    }
    if ((entry.is("server.error.include-message") || entry.is("server.error.include-binding-errors"))
        && (Values.isEnum(v, "always") || Values.isEnum(v, "on-param"))) {
      String what = entry.is("server.error.include-message") ? "exception messages" : "validation binding errors";
      return Optional.of(Verdict.of(RULE, "error responses carry " + what + " ('" + v + "')"));
    }
    return Optional.empty();
  }
}
