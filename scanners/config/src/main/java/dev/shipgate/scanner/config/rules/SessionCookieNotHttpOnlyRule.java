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

/** {@code server.servlet.session.cookie.http-only=false}: scripts can read the session id. */
public final class SessionCookieNotHttpOnlyRule implements ConfigRule {

  public static final Rule RULE = Rule.builder("config/spring/session-cookie-not-http-only", "config")
      .title("Session cookie is readable by JavaScript")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-1004")
      .description("`http-only=false` lets any script on the page read the session cookie, so a single cross-site "
          + "scripting flaw becomes session theft. The default is true.")
      .fix("Remove the setting (default true). If front-end code needs a token, expose a separate, short-lived one.")
      .tags("owasp-top10:A05:2021", "asvs:4.0.3-3.4.2", "ssdf:PW.9.1", "iso27001:2022-A.8.9", "soc2:CC6.1")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public Optional<Verdict> check(ConfigEntry entry, ConfigView view) {
    if (Cookies.prefixOf(entry, "http-only").isPresent() && Values.isFalse(entry.value())) {
      return Optional.of(Verdict.of(RULE, "scripts can read the session cookie ('" + entry.key() + "=false')"));
    }
    return Optional.empty();
  }
}
