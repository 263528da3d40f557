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

/** {@code same-site=none} without {@code secure=true}. */
public final class SessionCookieSameSiteNoneRule implements ConfigRule {

  public static final Rule RULE = Rule.builder("config/spring/session-cookie-samesite-none", "config")
      .title("Session cookie is SameSite=None without Secure")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-1275", "CWE-614")
      .description("`same-site=none` sends the session cookie on requests from every other site, which removes the "
          + "browser's cross-site request forgery protection; without an explicit `secure=true` the cookie is also not "
          + "limited to HTTPS (and current browsers drop such cookies, which pushes people to weaken more settings). "
          + "`none` together with `secure=true` is a deliberate cross-site setup and is not reported.")
      .fix("Use `same-site=lax` (or `strict`). If the session really must cross sites, set `secure=true` and protect "
          + "state-changing requests with CSRF tokens.")
      .tags("owasp-top10:A01:2021", "asvs:4.0.3-3.4.3", "ssdf:PW.9.1", "iso27001:2022-A.8.9")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public Optional<Verdict> check(ConfigEntry entry, ConfigView view) {
    Optional<String> prefix = Cookies.prefixOf(entry, "same-site");
    if (prefix.isEmpty() || !Values.isEnum(entry.value(), "none") || view.isTrue(prefix.get() + "secure")) {
      return Optional.empty();
    }
    return Optional.of(Verdict.of(RULE, "the session cookie is SameSite=None and not marked Secure"));
  }
}
