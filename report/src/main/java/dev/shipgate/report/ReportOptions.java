package dev.shipgate.report;

/**
 * How the writers render a report.
 *
 * @param color ANSI colour in terminal output
 * @param quiet terminal output shows only blocking findings, errors and the summary line
 * @param sarifMaxResults most SARIF results to emit; GitHub stores only the top 5000 of a run and
 *     rejects runs above 25000, so larger values are clamped to 25000
 * @param sarifIncludeSuppressed emit suppressed, waived and baselined findings with SARIF
 *     {@code suppressions} instead of leaving them out
 */
public record ReportOptions(boolean color, boolean quiet, int sarifMaxResults, boolean sarifIncludeSuppressed) {

  /** GitHub code scanning's hard limit on results per run. */
  public static final int SARIF_HARD_LIMIT = 25_000;

  public ReportOptions {
    if (sarifMaxResults < 1) {
      throw new IllegalArgumentException("sarifMaxResults must be at least 1, was " + sarifMaxResults);
    }
    sarifMaxResults = Math.min(sarifMaxResults, SARIF_HARD_LIMIT);
  }

  /** No colour, not quiet, 5000 SARIF results (GitHub's display limit), suppressed findings left out. */
  public static ReportOptions defaults() {
    return new ReportOptions(false, false, 5000, false);
  }
}
