package dev.shipgate.core.model;

import java.util.Locale;

/** How sure a rule is that a finding is real; ordered from least to most confident. */
public enum Confidence {
  LOW("low"),
  MEDIUM("medium"),
  HIGH("high");

  private final String sarifPrecision;

  Confidence(String sarifPrecision) {
    this.sarifPrecision = sarifPrecision;
  }

  /** The SARIF {@code precision} property that GitHub code scanning reads. */
  public String sarifPrecision() {
    return sarifPrecision;
  }

  public boolean atLeast(Confidence other) {
    return compareTo(other) >= 0;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code high}, {@code HIGH}; returns null when the word is not a confidence. */
  public static Confidence parse(String word) {
    for (Confidence c : values()) {
      if (c.name().equalsIgnoreCase(word)) {
        return c;
      }
    }
    return null;
  }
}
