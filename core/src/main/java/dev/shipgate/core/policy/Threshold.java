package dev.shipgate.core.policy;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Severity;

/** A minimum severity and confidence; a finding passes when it reaches both. */
public record Threshold(Severity severity, Confidence confidence) {

  public boolean admits(Finding f) {
    return f.severity().atLeast(severity) && f.confidence().atLeast(confidence);
  }

  @Override
  public String toString() {
    return "severity >= " + severity.label() + " and confidence >= " + confidence.label();
  }
}
