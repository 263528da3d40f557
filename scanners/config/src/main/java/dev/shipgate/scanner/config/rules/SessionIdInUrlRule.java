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

/** {@code server.servlet.session.tracking-modes} including {@code url}: the session id in every link. */
public final class SessionIdInUrlRule implements ConfigRule {

  public static final Rule RULE = Rule.builder("config/spring/session-id-in-url", "config")
      .title("Session id is carried in URLs")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-598", "CWE-384")
      .description("With the `url` tracking mode the servlet container rewrites links to carry `;jsessionid=…`. The "
          + "session id then lands in browser history, proxy and server access logs and `Referer` headers sent to other "
          + "sites, and a link shared by a user hands over their session (session fixation in reverse).")
      .fix("Use `server.servlet.session.tracking-modes=cookie` only.")
      .tags("owasp-top10:A07:2021", "asvs:4.0.3-3.1.1", "ssdf:PW.9.1", "iso27001:2022-A.8.9")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public Optional<Verdict> check(ConfigEntry entry, ConfigView view) {
    if (entry.is("server.servlet.session.tracking-modes")
        && Values.items(entry.value()).stream().anyMatch(v -> Values.isEnum(v, "url"))) {
      return Optional.of(Verdict.of(RULE, "session ids are written into URLs (tracking mode 'url')"));
    }
    return Optional.empty();
  }
}
