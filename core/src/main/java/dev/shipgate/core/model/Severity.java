package dev.shipgate.core.model;

import java.util.Locale;

/** How much harm a finding can do; ordered from least to most severe. */
public enum Severity {
  INFO(0.0),
  LOW(3.0),
  MEDIUM(5.5),
  HIGH(8.0),
  CRITICAL(9.5);

  private final double securityScore;

  Severity(double securityScore) {
    this.securityScore = securityScore;
  }

  /** The CVSS-like score GitHub code scanning reads from SARIF {@code security-severity}. */
  public double securityScore() {
    return securityScore;
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code high}, {@code HIGH}; returns null when the word is not a severity. */
  public static Severity parse(String word) {
    for (Severity s : values()) {
      if (s.name().equalsIgnoreCase(word)) {
        return s;
      }
    }
    return null;
  }
}
