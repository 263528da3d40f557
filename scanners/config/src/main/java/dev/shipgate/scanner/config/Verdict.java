package dev.shipgate.scanner.config;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;

/**
 * A rule's judgement of one property: what to say and how bad it is. Starts from the rule's own severity and
 * confidence; combinations (credentials with a wildcard origin) raise or lower them.
 *
 * @param snippet replaces the source line in reports when the line holds a value that must not be printed;
 *     null keeps the line
 */
public record Verdict(String message, Severity severity, Confidence confidence, String snippet) {

  public static Verdict of(Rule rule, String message) {
    return new Verdict(message, rule.severity(), rule.confidence(), null);
  }

  public Verdict message(String value) {
    return new Verdict(value, severity, confidence, snippet);
  }

  public Verdict severity(Severity value) {
    return new Verdict(message, value, confidence, snippet);
  }

  public Verdict confidence(Confidence value) {
    return new Verdict(message, severity, value, snippet);
  }

  public Verdict snippet(String value) {
    return new Verdict(message, severity, confidence, value);
  }
}
