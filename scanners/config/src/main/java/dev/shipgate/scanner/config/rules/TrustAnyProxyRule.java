package dev.shipgate.scanner.config.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.config.ConfigEntry;
import dev.shipgate.scanner.config.ConfigRule;
import dev.shipgate.scanner.config.ConfigView;
import dev.shipgate.scanner.config.Verdict;
import java.util.Optional;
import java.util.Set;

/** Tomcat's RemoteIpValve told that every address is an internal proxy. */
public final class TrustAnyProxyRule implements ConfigRule {

  public static final Rule RULE = Rule.builder("config/spring/forwarded-headers-any-proxy", "config")
      .title("Forwarded headers are trusted from any address")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-348")
      .description("`server.tomcat.remoteip.internal-proxies` is a regular expression of proxy addresses whose "
          + "`X-Forwarded-For` and `X-Forwarded-Proto` headers Tomcat believes. A match-all pattern such as `.*` lets any "
          + "client choose the address and scheme the application sees, which defeats IP allow-lists, rate limits, audit "
          + "logs and `secure` checks. Medium confidence: a load balancer that always overwrites these headers limits the damage.")
      .fix("Set the pattern to the real proxy or load-balancer addresses (the default already covers private ranges), "
          + "or leave it unset.")
      .tags("owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.9")
      .build();

  private static final Set<String> MATCH_ALL = Set.of(".*", ".+", "^.*$", "^.+$", "(.*)", "\\d+\\.\\d+\\.\\d+\\.\\d+",
      "\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public Optional<Verdict> check(ConfigEntry entry, ConfigView view) {
    if (!entry.is("server.tomcat.remoteip.internal-proxies") && !entry.is("server.tomcat.internal-proxies")) {
      return Optional.empty();
    }
    String pattern = entry.value().trim();
    if (MATCH_ALL.contains(pattern) || pattern.contains("|.*") || pattern.startsWith(".*|")) {
      return Optional.of(Verdict.of(RULE, "Tomcat trusts X-Forwarded-* headers from every address ('" + pattern + "')"));
    }
    return Optional.empty();
  }
}
