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

/** {@code server.error.include-stacktrace=always|on-param}: stack traces in error responses. */
public final class ErrorStacktraceRule implements ConfigRule {

  public static final Rule RULE = Rule.builder("config/spring/error-stacktrace-exposed", "config")
      .title("Error responses include stack traces")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-209")
      .description("`server.error.include-stacktrace=always` puts the Java stack trace into every error page and JSON "
          + "error body: class names, library versions, file paths and sometimes SQL or data. `on-param` (`on-trace-param` "
          + "in Boot 2.2 and earlier) does the same for any caller who adds `?trace=true`, so it is no safer.")
      .fix("Use `server.error.include-stacktrace=never` (the default) and read stack traces from the server logs.")
      .tags("owasp-top10:A05:2021", "asvs:4.0.3-7.4.1", "ssdf:PW.9.1", "iso27001:2022-A.8.9")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public Optional<Verdict> check(ConfigEntry entry, ConfigView view) {
    if (!entry.is("server.error.include-stacktrace")) {
      return Optional.empty();
    }
    String v = entry.value();
    if (Values.isEnum(v, "always")) {
      return Optional.of(Verdict.of(RULE, "every error response carries the server's stack trace"));
    }
    if (Values.isEnum(v, "on-param") || Values.isEnum(v, "on-trace-param")) {
      return Optional.of(Verdict.of(RULE, "any caller can get stack traces in error responses by adding the trace request parameter"));
    }
    return Optional.empty();
  }
}
