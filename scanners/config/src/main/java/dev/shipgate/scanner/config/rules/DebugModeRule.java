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

/** {@code debug} or {@code trace} switches Spring Boot's core loggers to DEBUG or TRACE. */
public final class DebugModeRule implements ConfigRule {

  public static final Rule RULE = Rule.builder("config/spring/debug-mode", "config")
      .title("Spring Boot debug or trace mode is on")
      .severity(Severity.LOW)
      .confidence(Confidence.HIGH)
      .cwe("CWE-489", "CWE-532")
      .description("`debug` sets Spring Boot's core loggers (web server, data access, auto-configuration) to DEBUG; "
          + "`trace` sets them to TRACE, which logs request details, headers and SQL. Production logs then carry internal "
          + "state and possibly credentials or personal data. Spring treats any value except the exact text `false` as on.")
      .fix("Remove `debug`/`trace` from the shared configuration; turn them on per run (`--debug`) or in a development "
          + "profile only, and raise individual loggers with `logging.level.<logger>` when you need detail.")
      .tags("owasp-top10:A05:2021", "asvs:4.0.3-14.3.2", "ssdf:PW.9.1", "iso27001:2022-A.8.9")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public Optional<Verdict> check(ConfigEntry entry, ConfigView view) {
    boolean trace = entry.is("trace");
    if (!trace && !entry.is("debug")) {
      return Optional.empty();
    }
    // LoggingApplicationListener: on unless the value is exactly "false".
    String v = entry.value();
    if (v.equals("false")) {
      return Optional.empty();
    }
    String mode = trace ? "trace" : "debug";
    Verdict verdict = Verdict.of(RULE, "'" + entry.key() + "' turns on Spring Boot " + mode + " logging of core components");
    if (trace) {
      verdict = verdict.severity(Severity.MEDIUM);
    }
    if (!Values.isTrue(v)) {
      // An empty value, "FALSE" or a word like "enabled" also switches it on, but is less likely to be meant.
      verdict = verdict.confidence(Confidence.MEDIUM)
          .message(verdict.message() + " (Spring treats every value except the exact text 'false' as on)");
    }
    return Optional.of(verdict);
  }
}
