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

/** {@code server.servlet.session.cookie.secure=false}: the session id may travel over plain HTTP. */
public final class SessionCookieNotSecureRule implements ConfigRule {

  public static final Rule RULE = Rule.builder("config/spring/session-cookie-not-secure", "config")
      .title("Session cookie is explicitly not Secure")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-614")
      .description("With `secure=false` the browser also sends the session cookie over plain HTTP, where anyone on the "
          + "network can copy it and take over the session. Left unset, the container marks the cookie Secure on HTTPS "
          + "requests, so only the explicit `false` is reported.")
      .fix("Remove the setting or set `server.servlet.session.cookie.secure=true`; behind a TLS-terminating proxy also "
          + "set `server.forward-headers-strategy=native` so the application knows requests were HTTPS.")
      .tags("owasp-top10:A05:2021", "asvs:4.0.3-3.4.1", "ssdf:PW.9.1", "iso27001:2022-A.8.9", "soc2:CC6.7")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public Optional<Verdict> check(ConfigEntry entry, ConfigView view) {
    if (Cookies.prefixOf(entry, "secure").isPresent() && Values.isFalse(entry.value())) {
      return Optional.of(Verdict.of(RULE, "the session cookie is sent over plain HTTP as well ('" + entry.key() + "=false')"));
    }
    return Optional.empty();
  }
}
