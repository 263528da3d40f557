package dev.shipgate.report;

import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.gate.ScanReport;
import dev.shipgate.core.gate.Verdict;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.FindingStatus;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A pull-request comment: verdict headline, counts, blocking findings, warnings folded away, coverage,
 * diff, and a footer naming versions and the policy digest. Text from findings is escaped so it cannot
 * break tables, inject HTML or mention people, and the comment stays under GitHub's length limit.
 */
final class MarkdownWriter implements ReportWriter {

  /** GitHub rejects comments longer than 65536 characters. */
  static final int GITHUB_LIMIT = 65_536;
  /** Room kept for the closing sections and the footer when tables are cut. */
  private static final int RESERVE = 6_000;
  static final int MAX_MESSAGE = 300;
  static final int MAX_SNIPPET = 120;
  static final int MAX_ERRORS_LISTED = 10;

  private static final String TABLE_HEAD = "| Rule | Severity | Location | Message |\n|---|---|---|---|\n";

  @Override
  public String kind() {
    return "markdown";
  }

  @Override
  public void write(ScanReport report, Writer out) throws IOException {
    List<Finding> sorted = new ArrayList<>(report.findings());
    sorted.sort(Text.BY_LOCATION);
    List<Finding> blocking = new ArrayList<>();
    List<Finding> warnings = new ArrayList<>();
    for (Finding f : sorted) {
      if (f.blocking()) {
        blocking.add(f);
      } else if (f.status() == FindingStatus.OPEN) {
        warnings.add(f);
      }
    }

    StringBuilder b = new StringBuilder();
    b.append("## shipgate: ").append(statusWord(report.verdict())).append("\n\n");
    b.append(report.blocking()).append(" blocking, ").append(report.warnings()).append(" warnings in ")
        .append(report.filesScanned()).append(" files checked with ").append(report.rules().size()).append(" rules.\n\n");
    counts(report, b);
    if (report.verdict() != null && !report.verdict().reasons().isEmpty()) {
      b.append("**Why:**\n\n");
      for (String r : report.verdict().reasons()) {
        b.append("- ").append(escape(r)).append('\n');
      }
      b.append('\n');
    }

    String tail = tail(report);
    int budget = GITHUB_LIMIT - RESERVE - tail.length();
    List<String> cut = new ArrayList<>();
    if (!blocking.isEmpty()) {
      b.append("### Blocking findings\n\n").append(TABLE_HEAD);
      int shown = rows(blocking, b, budget);
      b.append('\n');
      if (shown < blocking.size()) {
        cut.add((blocking.size() - shown) + " of " + blocking.size() + " blocking findings");
      }
    }
    if (!warnings.isEmpty()) {
      b.append("<details>\n<summary>Warnings (").append(warnings.size()).append(")</summary>\n\n").append(TABLE_HEAD);
      int shown = rows(warnings, b, budget);
      b.append("\n</details>\n\n");
      if (shown < warnings.size()) {
        cut.add((warnings.size() - shown) + " of " + warnings.size() + " warnings");
      }
    }
    if (!cut.isEmpty()) {
      b.append("_Not shown to stay within GitHub's ").append(GITHUB_LIMIT).append("-character comment limit: ")
          .append(String.join(" and ", cut)).append(". The SARIF and JSON reports list every finding._\n\n");
    }
    b.append(tail);
    out.write(b.toString());
  }

  private static String statusWord(Verdict v) {
    if (v == null) {
      return "UNKNOWN";
    }
    return v.passed() ? "PASSED" : v.exitCode() == Verdict.ERROR ? "ERROR" : "FAILED";
  }

  private static void counts(ScanReport r, StringBuilder b) {
    b.append("| | Count |\n|---|---:|\n");
    row(b, "Blocking", r.blocking());
    row(b, "Warnings", r.warnings());
    row(b, "Pre-existing", r.count(FindingStatus.PREEXISTING));
    row(b, "Suppressed", r.count(FindingStatus.SUPPRESSED));
    row(b, "Waived", r.count(FindingStatus.WAIVED));
    row(b, "Baselined", r.count(FindingStatus.BASELINED));
    row(b, "Files scanned", r.filesScanned());
    row(b, "Files skipped", r.skippedCount());
    row(b, "Scan errors", r.errorCount());
    b.append('\n');
  }

  private static void row(StringBuilder b, String label, long n) {
    b.append("| ").append(label).append(" | ").append(n).append(" |\n");
  }

  /** Appends rows while the comment stays within {@code budget}; returns how many were appended. */
  private static int rows(List<Finding> findings, StringBuilder b, int budget) {
    int shown = 0;
    for (Finding f : findings) {
      String row = findingRow(f);
      if (b.length() + row.length() > budget) {
        break;
      }
      b.append(row);
      shown++;
    }
    return shown;
  }

  static String findingRow(Finding f) {
    StringBuilder cell = new StringBuilder(escape(Text.truncate(Text.oneLine(f.message()), MAX_MESSAGE)));
    String snippet = Text.lines(f.snippet()).stream().filter(l -> !l.isBlank()).findFirst().orElse("");
    if (!snippet.isEmpty()) {
      cell.append("<br>").append(codeSpan(Text.truncate(snippet.strip(), MAX_SNIPPET)));
    }
    return "| " + codeSpan(f.ruleId()) + " | " + f.severity().label() + " | "
        + codeSpan(Text.position(f.location())) + " | " + cell + " |\n";
  }

  private static String tail(ScanReport r) {
    StringBuilder b = new StringBuilder();
    List<String> errors = new ArrayList<>();
    for (Coverage c : r.coverage()) {
      for (Coverage.ScanError e : c.errors()) {
        errors.add(c.family() + ": " + e);
      }
    }
    b.append("**Coverage:** ").append(r.filesScanned()).append(" files scanned, ").append(r.skippedCount())
        .append(" skipped, ").append(r.errorCount()).append(" errors.\n");
    for (int i = 0; i < errors.size() && i < MAX_ERRORS_LISTED; i++) {
      b.append("- ").append(escape(Text.truncate(Text.oneLine(errors.get(i)), MAX_MESSAGE))).append('\n');
    }
    if (errors.size() > MAX_ERRORS_LISTED) {
      b.append("- and ").append(errors.size() - MAX_ERRORS_LISTED).append(" more errors\n");
    }
    b.append('\n');
    ScanReport.DiffInfo d = r.diff();
    if (d != null) {
      b.append("**Diff:** ").append(escape(Text.nullToEmpty(d.mode()))).append(" against ")
          .append(codeSpan(Text.nullToEmpty(d.ref()))).append(" at ").append(codeSpan(Text.nullToEmpty(d.commit())))
          .append(", ").append(d.changedFiles()).append(" changed files; ")
          .append(r.count(FindingStatus.PREEXISTING)).append(" pre-existing findings not counted.\n\n");
    }
    b.append("---\n<sub>shipgate ").append(escape(Text.nullToEmpty(r.toolVersion())));
    if (!r.rulePacks().isEmpty()) {
      b.append("; rule packs:");
      String sep = " ";
      for (ScanReport.RulePack p : r.rulePacks()) {
        b.append(sep).append(escape(p.family())).append(' ').append(escape(p.version()))
            .append(" (").append(p.rules()).append(" rules)");
        sep = ", ";
      }
    }
    b.append("; policy ").append(escape(Text.nullToEmpty(r.policySource())));
    if (r.policyDigest() != null && !r.policyDigest().isEmpty()) {
      b.append(" digest ").append(codeSpan(r.policyDigest()));
    }
    b.append("</sub>\n");
    return b.toString();
  }

  /**
   * Markdown text that renders literally: HTML metacharacters become entities, Markdown punctuation is
   * backslash-escaped (which also escapes table pipes), and {@code @} is followed by a zero-width space so a
   * message cannot mention a user or team.
   */
  static String escape(String s) {
    String t = Text.oneLine(s);
    StringBuilder b = new StringBuilder(t.length() + 16);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        case '&':
          b.append("&amp;");
          break;
        case '<':
          b.append("&lt;");
          break;
        case '>':
          b.append("&gt;");
          break;
        case '"':
          b.append("&quot;");
          break;
        case '@':
          b.append("@\u200B");
          break;
        case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '~': case '!': case '#':
        case '{': case '}': case '(': case ')':
          b.append('\\').append(c);
          break;
        default:
          b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * An inline code span for arbitrary text inside a table cell: the fence is longer than any backtick run in
   * the text (so backticks are shown, not interpreted), and pipes are escaped because GFM splits table cells
   * before it parses code spans.
   */
  static String codeSpan(String s) {
    String t = Text.oneLine(s);
    if (t.isEmpty()) {
      return "";
    }
    int longest = 0;
    int run = 0;
    for (int i = 0; i < t.length(); i++) {
      run = t.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = t.startsWith("`") || t.endsWith("`") || t.startsWith(" ") && t.endsWith(" ") && !t.isBlank();
    // GFM's cell splitter reads "\x" as an escaped pair, so backslashes right before a pipe are doubled
    // (shown doubled, a rare cosmetic cost) to keep every pipe escaped.
    StringBuilder body = new StringBuilder(t.length() + 8);
    int backslashes = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '|') {
        body.append("\\".repeat(backslashes)).append("\\|");
        backslashes = 0;
        continue;
      }
      backslashes = c == '\\' ? backslashes + 1 : 0;
      body.append(c);
    }
    return pad ? fence + " " + body + " " + fence : fence + body + fence;
  }
}
