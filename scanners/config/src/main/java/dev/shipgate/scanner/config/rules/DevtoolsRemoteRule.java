package dev.shipgate.scanner.config.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.config.ConfigEntry;
import dev.shipgate.scanner.config.ConfigRule;
import dev.shipgate.scanner.config.ConfigView;
import dev.shipgate.scanner.config.Placeholder;
import dev.shipgate.scanner.config.Verdict;
import java.util.Optional;

/** {@code spring.devtools.remote.secret}: turns on remote DevTools, which pushes classes into the running app. */
public final class DevtoolsRemoteRule implements ConfigRule {

  public static final Rule RULE = Rule.builder("config/spring/devtools-remote-enabled", "config")
      .title("Spring Boot DevTools remote support is enabled")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-489", "CWE-94")
      .description("Setting `spring.devtools.remote.secret` switches on the remote DevTools endpoint, which accepts "
          + "updated class files and restarts the application with them: whoever knows or guesses the shared secret "
          + "runs code on the server. It is reported even when the value is a placeholder, because the setting itself "
          + "enables the endpoint (the secret's value is masked in reports).")
      .fix("Remove the key from any configuration that reaches a deployed environment and keep DevTools out of the "
          + "packaged application (the default of the Boot build plugins).")
      .tags("owasp-top10:A05:2021", "asvs:4.0.3-14.3.2", "ssdf:PW.9.1", "iso27001:2022-A.8.9")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public boolean judgesPlaceholders() {
    return true;
  }

  @Override
  public Optional<Verdict> check(ConfigEntry entry, ConfigView view) {
    if (!entry.is("spring.devtools.remote.secret") || entry.value().isBlank()) {
      return Optional.empty();
    }
    Verdict v = Verdict.of(RULE, "remote DevTools is enabled (spring.devtools.remote.secret is set)")
        .snippet(entry.key() + "=****");
    if (Placeholder.resolve(entry.value()).fromEnvironment()) {
      v = v.confidence(Confidence.MEDIUM);
    }
    return Optional.of(v);
  }
}
