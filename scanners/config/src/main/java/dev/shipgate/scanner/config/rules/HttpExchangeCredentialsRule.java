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

/** Actuator HTTP exchange recording that keeps Authorization and Cookie headers. */
public final class HttpExchangeCredentialsRule implements ConfigRule {

  public static final Rule RULE = Rule.builder("config/spring/http-exchanges-record-credentials", "config")
      .title("Recorded HTTP exchanges keep credentials")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-532", "CWE-200")
      .description("`management.httpexchanges.recording.include` (Boot 3) or `management.trace.http.include` (Boot 2) "
          + "with `authorization-header` or `cookie-headers` keeps bearer tokens, basic credentials and session cookies "
          + "of recent requests in memory and serves them from the `httpexchanges`/`httptrace` endpoint. High when the "
          + "same configuration exposes that endpoint over HTTP.")
      .fix("Leave these out of the include list (the defaults exclude them); record `principal` or `session-id` "
          + "if you need to correlate requests.")
      .tags("owasp-top10:A09:2021", "asvs:4.0.3-7.1.1", "ssdf:PW.9.1", "iso27001:2022-A.8.15")
      .build();

  private static final List<String> CREDENTIALS = List.of("authorization-header", "cookie-headers");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public Optional<Verdict> check(ConfigEntry entry, ConfigView view) {
    boolean bootThree = entry.is("management.httpexchanges.recording.include");
    if (!bootThree && !entry.is("management.trace.http.include")) {
      return Optional.empty();
    }
    List<String> kept = Values.items(entry.value()).stream()
        .filter(v -> CREDENTIALS.stream().anyMatch(c -> Values.isEnum(v, c))).toList();
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    Verdict v = Verdict.of(RULE, "recorded HTTP exchanges keep " + String.join(" and ", kept));
    boolean exposed = Endpoints.webExposed("httpexchanges", view) || Endpoints.webExposed("httptrace", view);
    return Optional.of(exposed ? v.severity(Severity.HIGH) : v);
  }
}
