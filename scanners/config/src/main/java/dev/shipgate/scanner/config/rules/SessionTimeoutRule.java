package dev.shipgate.scanner.config.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.config.ConfigEntry;
import dev.shipgate.scanner.config.ConfigRule;
import dev.shipgate.scanner.config.ConfigView;
import dev.shipgate.scanner.config.Verdict;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An HTTP session idle timeout that never expires or lasts longer than a day. */
public final class SessionTimeoutRule implements ConfigRule {

  public static final Rule RULE = Rule.builder("config/spring/session-timeout-excessive", "config")
      .title("Session idle timeout is unlimited or longer than a day")
      .severity(Severity.LOW)
      .confidence(Confidence.HIGH)
      .cwe("CWE-613")
      .description("`server.servlet.session.timeout` (or the reactive and Spring Session equivalents) is the idle time "
          + "after which a session ends. Zero or a negative value means never; days or weeks keep stolen or forgotten "
          + "sessions usable long after the user left. Never: medium; over 24 hours: low.")
      .fix("Use an idle timeout that fits the application's risk, typically 15 to 60 minutes, and put long-lived "
          + "\"remember me\" behaviour behind a separate, revocable token.")
      .tags("owasp-top10:A07:2021", "asvs:4.0.3-3.3.2", "ssdf:PW.9.1", "iso27001:2022-A.8.5")
      .build();

  private static final Pattern SIMPLE = Pattern.compile("(-?\\d+)\\s*(ns|us|ms|s|m|h|d)?");
  private static final Duration DAY = Duration.ofDays(1);

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public Optional<Verdict> check(ConfigEntry entry, ConfigView view) {
    if (!entry.is("server.servlet.session.timeout") && !entry.is("server.reactive.session.timeout")
        && !entry.is("spring.session.timeout")) {
      return Optional.empty();
    }
    Optional<Duration> timeout = parse(entry.value());
    if (timeout.isEmpty()) {
      return Optional.empty();
    }
    Duration d = timeout.get();
    if (d.isZero() || d.isNegative()) {
      return Optional.of(Verdict.of(RULE, "sessions never expire ('" + entry.key() + "=" + entry.value() + "')")
          .severity(Severity.MEDIUM));
    }
    if (d.compareTo(DAY) > 0) {
      return Optional.of(Verdict.of(RULE, "sessions stay valid after " + d.toHours() + " hours of inactivity"));
    }
    return Optional.empty();
  }

  /** Spring's duration syntax: {@code 30m}, {@code PT30M}, or a bare number of seconds (the property's unit). */
  static Optional<Duration> parse(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    Matcher m = SIMPLE.matcher(v);
    if (m.matches()) {
      long n;
      try {
        n = Long.parseLong(m.group(1));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      String unit = m.group(2) == null ? "s" : m.group(2);
      return Optional.of(switch (unit) {
        case "ns" -> Duration.ofNanos(n);
        case "us" -> Duration.ofNanos(n * 1000);
        case "ms" -> Duration.ofMillis(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        case "d" -> Duration.ofDays(n);
        default -> Duration.ofSeconds(n);
      });
    }
    try {
      return Optional.of(Duration.parse(value.trim()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
