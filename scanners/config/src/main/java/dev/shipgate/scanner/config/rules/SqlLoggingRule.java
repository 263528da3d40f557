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

/** SQL statements, and worse their bound parameter values, written to the logs. */
public final class SqlLoggingRule implements ConfigRule {

  public static final Rule RULE = Rule.builder("config/spring/sql-logging", "config")
      .title("SQL statements are logged")
      .severity(Severity.LOW)
      .confidence(Confidence.HIGH)
      .cwe("CWE-532")
      .description("`spring.jpa.show-sql=true`, `hibernate.show_sql` and DEBUG on `org.hibernate.SQL` or "
          + "`org.springframework.jdbc.core` print every statement, which often carries literal values and floods "
          + "production logs. TRACE on the parameter binders (`org.hibernate.type.descriptor.sql`, "
          + "`org.hibernate.orm.jdbc.bind`, `org.springframework.jdbc.core`) logs every bound value, passwords and "
          + "personal data included: medium.")
      .fix("Switch these off in shared and production configuration; enable them in a development profile, or "
          + "temporarily through the `loggers` actuator endpoint behind authentication.")
      .tags("owasp-top10:A09:2021", "asvs:4.0.3-7.1.2", "ssdf:PW.9.1", "iso27001:2022-A.8.15")
      .build();

  private static final List<String> STATEMENT_LOGGERS = List.of("org.hibernate.sql", "org.springframework.jdbc.core");
  private static final List<String> BINDER_LOGGERS = List.of("org.hibernate.type.descriptor.sql",
      "org.hibernate.type", "org.hibernate.orm.jdbc.bind", "org.springframework.jdbc.core");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public Optional<Verdict> check(ConfigEntry entry, ConfigView view) {
    if ((entry.is("spring.jpa.show-sql") || entry.is("spring.jpa.properties.hibernate.show_sql"))
        && Values.isTrue(entry.value())) {
      return Optional.of(Verdict.of(RULE, "every SQL statement is written to standard output ('" + entry.key() + "')"));
    }
    Optional<String> logger = Loggers.logger(entry);
    if (logger.isEmpty()) {
      return Optional.empty();
    }
    String level = entry.value();
    if (logger.get().equals("org.hibernate") && Loggers.isDebugOrTrace(level)) {
      // The parent logger raises org.hibernate.SQL and, at TRACE, the parameter binders.
      Verdict v = Verdict.of(RULE, "org.hibernate at " + level + " logs SQL statements"
          + (Loggers.isTrace(level) ? " and bound parameter values" : "")).confidence(Confidence.MEDIUM);
      return Optional.of(Loggers.isTrace(level) ? v.severity(Severity.MEDIUM) : v);
    }
    if (Loggers.isTrace(level) && BINDER_LOGGERS.stream().anyMatch(b -> Loggers.within(logger.get(), b))) {
      return Optional.of(Verdict.of(RULE, "bound SQL parameter values are logged (" + logger.get() + " at TRACE)")
          .severity(Severity.MEDIUM));
    }
    if (Loggers.isDebugOrTrace(level) && STATEMENT_LOGGERS.stream().anyMatch(s -> Loggers.within(logger.get(), s))) {
      return Optional.of(Verdict.of(RULE, "SQL statements are logged (" + logger.get() + " at " + level + ")"));
    }
    return Optional.empty();
  }
}
