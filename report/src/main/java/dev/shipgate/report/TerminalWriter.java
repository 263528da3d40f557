package dev.shipgate.report;

import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.gate.ScanReport;
import dev.shipgate.core.gate.Verdict;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.FindingStatus;
import dev.shipgate.core.model.FlowStep;
import dev.shipgate.core.model.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Human-readable output for a terminal or CI log: open findings grouped by file, then findings that do not
 * count (pre-existing, waived, suppressed, baselined), coverage, verdict, and {@link ScanReport#summaryLine()}
 * as the last line. Every piece of finding text is cleaned of control characters so a hostile message cannot
 * drive the terminal.
 */
final class TerminalWriter implements ReportWriter {

  /** Longest snippet or flow line printed; minified files have 100k-character lines. */
  static final int MAX_SNIPPET_WIDTH = 160;
  static final int MAX_SNIPPET_LINES = 3;
  static final int MAX_MESSAGE_WIDTH = 300;
  /** Skipped files listed before "and N more". */
  static final int MAX_SKIPPED_LISTED = 20;

  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String CYAN = "\u001b[36m";
  private static final String GREEN = "\u001b[32m";

  private final ReportOptions options;

  TerminalWriter(ReportOptions options) {
    this.options = options;
  }

  @Override
  public String kind() {
    return "terminal";
  }

  @Override
  public void write(ScanReport report, Writer out) throws IOException {
    List<String> lines = new ArrayList<>();
    List<Finding> sorted = new ArrayList<>(report.findings());
    sorted.sort(Text.BY_LOCATION);
    List<Finding> open = new ArrayList<>();
    List<Finding> notCounted = new ArrayList<>();
    for (Finding f : sorted) {
      if (options.quiet() && !f.blocking()) {
        continue;
      }
      (f.status() == FindingStatus.OPEN || f.blocking() ? open : notCounted).add(f);
    }

    if (!options.quiet()) {
      header(report, lines);
    }
    if (!open.isEmpty()) {
      String title = options.quiet()
          ? "Blocking findings (" + open.size() + ")"
          : "Findings (" + report.blocking() + " blocking, " + report.warnings() + " warnings)";
      lines.add(paint(BOLD, title));
      byFile(open, lines, false);
    }
    if (open.isEmpty() && !options.quiet()) {
      lines.add("No open findings.");
      lines.add("");
    }
    if (!notCounted.isEmpty()) {
      lines.add(paint(BOLD, "Not counted (" + notCounted.size() + "): pre-existing, waived, suppressed or baselined"));
      byFile(notCounted, lines, true);
    }
    coverage(report, lines);
    if (!options.quiet()) {
      verdict(report, lines);
    }
    lines.add(report.summaryLine());
    StringBuilder b = new StringBuilder();
    for (String line : lines) {
      b.append(line).append('\n');
    }
    out.write(b.toString());
  }

  private void header(ScanReport report, List<String> lines) {
    StringBuilder h = new StringBuilder("shipgate ").append(Text.oneLine(report.toolVersion()));
    h.append(" | policy ").append(Text.oneLine(report.policySource()));
    if (report.policyDigest() != null && !report.policyDigest().isEmpty()) {
      h.append(" (").append(Text.oneLine(report.policyDigest())).append(')');
    }
    lines.add(paint(DIM, h.toString()));
    ScanReport.DiffInfo d = report.diff();
    if (d != null) {
      lines.add(paint(DIM, "diff " + Text.oneLine(d.mode()) + " " + Text.oneLine(d.ref()) + " at "
          + Text.oneLine(d.commit()) + ": " + d.changedFiles() + " changed files"));
    }
    lines.add("");
  }

  private void byFile(List<Finding> findings, List<String> lines, boolean withStatus) {
    Map<String, List<Finding>> files = new LinkedHashMap<>();
    for (Finding f : findings) {
      files.computeIfAbsent(f.location().path(), k -> new ArrayList<>()).add(f);
    }
    for (Map.Entry<String, List<Finding>> e : files.entrySet()) {
      lines.add(paint(BOLD, Text.oneLine(e.getKey())));
      for (Finding f : e.getValue()) {
        finding(f, lines, withStatus);
      }
      lines.add("");
    }
  }

  private void finding(Finding f, List<String> lines, boolean withStatus) {
    String sev = pad(f.severity().label(), 8);
    String tag = f.blocking() ? paint(RED + BOLD, "BLOCKING") : "        ";
    lines.add("  " + tag + " " + paint(severityColour(f.severity()), sev) + " " + f.ruleId());
    lines.add("    " + Text.truncate(Text.oneLine(f.message()), MAX_MESSAGE_WIDTH));
    lines.add("    at " + Text.oneLine(Text.position(f.location())));
    List<String> snippet = Text.lines(f.snippet());
    for (int i = 0; i < snippet.size() && i < MAX_SNIPPET_LINES; i++) {
      lines.add(paint(DIM, "      | ") + Text.truncate(snippet.get(i), MAX_SNIPPET_WIDTH));
    }
    if (snippet.size() > MAX_SNIPPET_LINES) {
      lines.add(paint(DIM, "      | (" + (snippet.size() - MAX_SNIPPET_LINES) + " more lines)"));
    }
    if (!f.flow().isEmpty()) {
      lines.add("    flow:");
      int n = 1;
      for (FlowStep s : f.flow()) {
        String step = n++ + ". " + Text.oneLine(Text.position(s.location())) + "  " + Text.oneLine(s.message());
        lines.add("      " + Text.truncate(step, MAX_SNIPPET_WIDTH));
      }
    }
    if (withStatus) {
      String reason = Text.oneLine(f.statusReason());
      String word = Text.statusWord(f.status());
      String status = f.status() == FindingStatus.WAIVED && !reason.isEmpty() ? "waived by " + reason
          : reason.isEmpty() ? word : word + " (" + reason + ")";
      lines.add("    status: " + Text.truncate(status, MAX_MESSAGE_WIDTH));
    }
  }

  private void coverage(ScanReport report, List<String> lines) {
    List<String> skipped = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    // Sorted by family so the section does not depend on the order scanners finished in.
    Map<String, List<Coverage>> families = new TreeMap<>();
    for (Coverage c : report.coverage()) {
      families.computeIfAbsent(c.family(), k -> new ArrayList<>()).add(c);
    }
    List<String> summary = new ArrayList<>();
    for (List<Coverage> group : families.values()) {
      for (Coverage c : group) {
        summary.add("  " + (Text.oneLine(c.family()) + " " + Text.oneLine(c.version())).strip() + ": " + c.filesScanned()
            + " files, " + c.rules() + " rules, " + ScanReport.seconds(c.millis())
            + (c.skipped().isEmpty() ? "" : ", " + c.skipped().size() + " skipped")
            + (c.errors().isEmpty() ? "" : ", " + c.errors().size() + " errors"));
        for (Coverage.Skipped s : c.skipped()) {
          skipped.add(Text.oneLine(s.path()) + ": " + Text.oneLine(s.reason()) + " (" + Text.oneLine(c.family()) + ")");
        }
        for (Coverage.ScanError e : c.errors()) {
          errors.add(Text.oneLine(c.family()) + ": " + Text.oneLine(e.toString()));
        }
      }
    }
    if (options.quiet()) {
      if (!errors.isEmpty()) {
        lines.add(paint(RED + BOLD, "Errors (" + errors.size() + ")"));
        errors.forEach(e -> lines.add("  " + Text.truncate(e, MAX_MESSAGE_WIDTH)));
      }
      return;
    }
    lines.add(paint(BOLD, "Coverage"));
    lines.addAll(summary);
    if (!skipped.isEmpty()) {
      lines.add("  skipped files (" + skipped.size() + "):");
      for (int i = 0; i < skipped.size() && i < MAX_SKIPPED_LISTED; i++) {
        lines.add("    " + Text.truncate(skipped.get(i), MAX_MESSAGE_WIDTH));
      }
      if (skipped.size() > MAX_SKIPPED_LISTED) {
        lines.add("    ... and " + (skipped.size() - MAX_SKIPPED_LISTED) + " more");
      }
    }
    if (!errors.isEmpty()) {
      lines.add(paint(RED + BOLD, "  errors (" + errors.size() + "):"));
      errors.forEach(e -> lines.add("    " + Text.truncate(e, MAX_MESSAGE_WIDTH)));
    }
    if (!report.notes().isEmpty()) {
      lines.add(paint(BOLD, "Notes"));
      new TreeMap<>(report.notes()).forEach((k, v) -> lines.add("  " + Text.oneLine(k) + ": "
          + Text.truncate(Text.oneLine(v), MAX_MESSAGE_WIDTH)));
    }
    lines.add("");
  }

  private void verdict(ScanReport report, List<String> lines) {
    if (report.verdict() == null) {
      return;
    }
    boolean passed = report.verdict().passed();
    String word = passed ? "PASSED" : report.verdict().exitCode() == Verdict.ERROR ? "ERROR" : "FAILED";
    lines.add(paint(BOLD + (passed ? GREEN : RED), "Verdict: " + word + " (exit " + report.verdict().exitCode() + ")"));
    for (String r : report.verdict().reasons()) {
      lines.add("  - " + Text.truncate(Text.oneLine(r), MAX_MESSAGE_WIDTH));
    }
  }

  private static String severityColour(Severity s) {
    switch (s) {
      case CRITICAL:
      case HIGH:
        return RED + BOLD;
      case MEDIUM:
        return YELLOW;
      case LOW:
        return CYAN;
      default:
        return DIM;
    }
  }

  private String paint(String ansi, String text) {
    return options.color() ? ansi + text + RESET : text;
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
