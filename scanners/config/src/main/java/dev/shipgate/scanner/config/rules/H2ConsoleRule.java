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

/** {@code spring.h2.console.enabled=true}: a web SQL console; with remote access, code execution. */
public final class H2ConsoleRule implements ConfigRule {

  public static final Rule RULE = Rule.builder("config/spring/h2-console-enabled", "config")
      .title("H2 web console is enabled")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-749", "CWE-489")
      .description("The H2 console is a development tool that runs arbitrary SQL, and H2 SQL can define Java functions "
          + "(`CREATE ALIAS`), so the console amounts to code execution on the server (see also CVE-2021-42392, JNDI "
          + "through the console). By default it answers only local requests; with "
          + "`spring.h2.console.settings.web-allow-others=true` anyone who reaches the port can use it (critical).")
      .fix("Remove `spring.h2.console.enabled` from shared and production configuration; if you need it locally, set it "
          + "in a development profile and never set `web-allow-others`.")
      .tags("owasp-top10:A05:2021", "asvs:4.0.3-14.3.2", "ssdf:PW.9.1", "iso27001:2022-A.8.9", "soc2:CC6.6")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public Optional<Verdict> check(ConfigEntry entry, ConfigView view) {
    if (!entry.is("spring.h2.console.enabled") || !Values.isTrue(entry.value())) {
      return Optional.empty();
    }
    if (view.isTrue("spring.h2.console.settings.web-allow-others")) {
      return Optional.of(Verdict.of(RULE, "the H2 console is enabled and accepts remote connections (web-allow-others): remote SQL and code execution")
          .severity(Severity.CRITICAL));
    }
    return Optional.of(Verdict.of(RULE, "the H2 web console is enabled (local connections only)"));
  }
}
