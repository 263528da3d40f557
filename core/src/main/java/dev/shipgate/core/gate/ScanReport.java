package dev.shipgate.core.gate;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.FindingStatus;
import dev.shipgate.core.model.Rule;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the report writers need about one run: nothing here is re-read from disk later.
 *
 * @param findings every finding at or above the report threshold, in deterministic order (path, line,
 *     column, rule), each with its status and whether it blocks
 * @param rules every enabled rule, whether or not it found anything
 * @param diff how the run compared against git, or null for a plain scan
 * @param notes facts a reader must know about the run (database age, truncation, degraded modes)
 */
public record ScanReport(
    String toolVersion,
    String policySource,
    String policyDigest,
    List<RulePack> rulePacks,
    List<Rule> rules,
    List<Finding> findings,
    List<Coverage> coverage,
    Verdict verdict,
    Instant startedAt,
    long millis,
    DiffInfo diff,
    Map<String, String> notes) {

  public ScanReport {
    rulePacks = List.copyOf(rulePacks);
    rules = List.copyOf(rules);
    findings = List.copyOf(findings);
    coverage = List.copyOf(coverage);
    notes = Map.copyOf(notes);
  }

  /** A scanner family's rule pack as it ran. */
  public record RulePack(String family, String version, int rules) {}

  /**
   * How a diff-mode run compared against git.
   *
   * @param mode {@code base} for {@code --base REF}, {@code staged} for {@code --staged}
   * @param ref what the user named ({@code origin/main}, {@code HEAD})
   * @param commit the merge base (or HEAD for staged) the findings were compared against
   */
  public record DiffInfo(String mode, String ref, String commit, int changedFiles) {}

  public long count(FindingStatus status) {
    return findings.stream().filter(f -> f.status() == status).count();
  }

  public long blocking() {
    return findings.stream().filter(Finding::blocking).count();
  }

  /** Open findings that do not block: shown as warnings. */
  public long warnings() {
    return findings.stream().filter(f -> f.status() == FindingStatus.OPEN && !f.blocking()).count();
  }

  public int filesScanned() {
    return coverage.stream().filter(c -> c.family().equals("files")).mapToInt(Coverage::filesScanned).sum();
  }

  public int skippedCount() {
    return coverage.stream().mapToInt(c -> c.skipped().size()).sum();
  }

  public int errorCount() {
    return coverage.stream().mapToInt(c -> c.errors().size()).sum();
  }

  /** The final line of every terminal run. */
  public String summaryLine() {
    return "scanned " + filesScanned() + " files with " + rules.size() + " rules in " + seconds(millis) + ": " + blocking()
        + " blocking, " + warnings() + " warnings, " + skippedCount() + " skipped, " + errorCount() + " errors";
  }

  /**
   * Milliseconds as seconds with one decimal, rounded half up ("1.3s" for 1,250 ms): what {@code %.1fs} prints, without
   * {@code java.util.Formatter}, whose first use cost several milliseconds of every run.
   */
  public static String seconds(long millis) {
    long tenths = (Math.max(0, millis) + 50) / 100;
    return tenths / 10 + "." + tenths % 10 + "s";
  }
}
