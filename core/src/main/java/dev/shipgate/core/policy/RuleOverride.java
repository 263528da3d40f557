package dev.shipgate.core.policy;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Severity;

/**
 * A policy change to the rules whose id matches {@code pattern} (an id or an id glob such as
 * {@code secrets/generic/*}); every override carries the reason someone wrote for it.
 *
 * @param severity null to keep the rule's own
 * @param confidence null to keep the rule's own
 */
public record RuleOverride(Glob pattern, boolean enabled, Severity severity, Confidence confidence, String reason) {

  public boolean appliesTo(String ruleId) {
    return pattern.matches(ruleId);
  }
}
