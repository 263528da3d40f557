package dev.shipgate.report;

import static dev.shipgate.report.Render.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.gate.ScanReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalWriterTest {

  private static final ReportOptions COLOUR = new ReportOptions(true, false, 5000, false);
  private static final ReportOptions QUIET = new ReportOptions(false, true, 5000, false);

  private static List<String> lines(String out) {
    assertThat(out).endsWith("\n");
    return List.of(out.substring(0, out.length() - 1).split("\n", -1));
  }

  /** Lines of the section that starts with {@code title} and ends at the next unindented non-path header. */
  private static List<String> section(List<String> lines, String title) {
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(title)) {
        start = i;
        break;
      }
    }
    assertThat(start).as("section " + title).isGreaterThanOrEqualTo(0);
    List<String> out = new ArrayList<>();
    for (int i = start + 1; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.startsWith("Findings") || l.startsWith("Not counted") || l.startsWith("Coverage") || l.startsWith("Verdict")) {
        break;
      }
      out.add(l);
    }
    return out;
  }

  /** File headers are the unindented, non-empty lines of a findings section. */
  private static List<String> fileHeaders(List<String> section) {
    return section.stream().filter(l -> !l.isEmpty() && !l.startsWith(" ")).toList();
  }

  @Test
  void lastLineIsExactlyTheSummaryLineInEveryMode() {
    ScanReport report = Reports.full();
    for (ReportOptions o : List.of(ReportOptions.defaults(), COLOUR, QUIET, new ReportOptions(true, true, 1, true))) {
      List<String> lines = lines(render("terminal", report, o));
      assertThat(lines.get(lines.size() - 1)).isEqualTo(report.summaryLine());
    }
  }

  @Test
  void openFindingsAreGroupedByFileInPathOrder() {
    List<String> open = section(lines(render("terminal", Reports.full())), "Findings (2 blocking, 3 warnings)");
    assertThat(fileHeaders(open)).containsExactly("Dockerfile", "src/main/java/com/acme/UserDao.java",
        "src/main/resources/application.yml", "web/dist/app.min.js");
    int debug = open.indexOf("    at src/main/resources/application.yml:3:1");
    int key = open.indexOf("    at src/main/resources/application.yml:7");
    assertThat(debug).isPositive().isLessThan(key);
  }

  @Test
  void findingShowsSeverityRuleMessagePositionSnippetAndFlow() {
    List<String> open = section(lines(render("terminal", Reports.full())), "Findings");
    int at = open.indexOf("    at src/main/java/com/acme/UserDao.java:42:9");
    assertThat(at).isPositive();
    assertThat(open.get(at - 2)).isEqualTo("  BLOCKING critical java/injection/sql-string-concat");
    assertThat(open.get(at - 1)).startsWith("    Query from request parameter reaches executeQuery");
    assertThat(open.get(at + 1)).isEqualTo("      | stmt.executeQuery(\"select * from t where a = '\" + id + \"' | `x`\");");
    assertThat(open.subList(at + 2, at + 5)).containsExactly(
        "    flow:",
        "      1. src/main/java/com/acme/UserController.java:17:5  request.getParameter(\"id\") read",
        "      2. src/main/java/com/acme/UserDao.java:42:9  reaches executeQuery");
  }

  @Test
  void nonOpenFindingsFollowTheOpenOnesWithTheirStatus() {
    List<String> lines = lines(render("terminal", Reports.full()));
    List<String> notCounted = section(lines, "Not counted (4)");
    assertThat(lines.indexOf("Not counted (4): pre-existing, waived, suppressed or baselined"))
        .isGreaterThan(lines.indexOf("Findings (2 blocking, 3 warnings)"));
    assertThat(notCounted.stream().filter(l -> l.startsWith("    status: ")).toList()).containsExactly(
        "    status: baselined (baseline 2026-10-01)",
        "    status: pre-existing (present at 3f2a9c1d)",
        "    status: suppressed (test-only helper)",
        "    status: waived by alice until 2027-01-01: test key");
    assertThat(section(lines, "Findings")).noneMatch(l -> l.contains("status:"));
  }

  @Test
  void skippedFilesAreCappedAndTheRestCounted() {
    List<String> coverage = section(lines(render("terminal", Reports.full())), "Coverage");
    int start = coverage.indexOf("  skipped files (26):");
    assertThat(start).isPositive();
    List<String> listed = coverage.subList(start + 1, start + 1 + TerminalWriter.MAX_SKIPPED_LISTED);
    assertThat(listed).allMatch(l -> l.startsWith("    ") && l.contains(": "));
    assertThat(coverage.get(start + 1 + TerminalWriter.MAX_SKIPPED_LISTED)).isEqualTo("    ... and 6 more");
  }

  @Test
  void everyScanErrorIsListed() {
    List<String> coverage = section(lines(render("terminal", Reports.full())), "Coverage");
    int start = coverage.indexOf("  errors (2):");
    assertThat(start).isPositive();
    assertThat(coverage.get(start + 1)).startsWith("    java: src/main/java/Broken.java:3: parse error: ");
    assertThat(coverage.get(start + 2)).isEqualTo("    java: type solver ran out of memory");
  }

  @Test
  void verdictAndReasonsComeBeforeTheSummary() {
    List<String> lines = lines(render("terminal", Reports.full()));
    int verdict = lines.indexOf("Verdict: FAILED (exit 1)");
    assertThat(verdict).isPositive();
    assertThat(lines.subList(verdict + 1, lines.size())).containsExactly(
        "  - 2 blocking findings at or above high", "  - scan errors in java", Reports.full().summaryLine());
  }

  @Test
  void quietPrintsOnlyBlockingFindingsErrorsAndTheSummary() {
    List<String> lines = lines(render("terminal", Reports.full(), QUIET));
    assertThat(lines.get(0)).isEqualTo("Blocking findings (2)");
    List<String> rules = lines.stream().filter(l -> l.startsWith("  BLOCKING") || l.matches("^ {11}\\S.*")).toList();
    assertThat(rules).containsExactly("  BLOCKING critical java/injection/sql-string-concat",
        "  BLOCKING high     secrets/generic/api-key");
    assertThat(lines).contains("Errors (2)", "  java: type solver ran out of memory")
        .noneMatch(l -> l.startsWith("Coverage") || l.startsWith("Verdict") || l.startsWith("Not counted")
            || l.contains("config/spring/debug-enabled") || l.contains("skipped files"));
  }

  @Test
  void noAnsiWithoutColourAndOnlyOurOwnEscapesWithColour() {
    String plain = render("terminal", Reports.full());
    assertThat(plain).doesNotContain("\u001b");
    String coloured = render("terminal", Reports.full(), COLOUR);
    assertThat(coloured).contains("\u001b[31m");
    // Our SGR sequences stripped, no escape character may remain: the hostile ones in messages were replaced.
    String stripped = coloured.replaceAll("\u001b\\[[0-9;]*m", "");
    assertThat(stripped).doesNotContain("\u001b");
    assertThat(stripped.replace("\u001b[0m", "")).isEqualTo(stripped);
  }

  @Test
  void hostileControlCharactersNeverReachTheTerminal() {
    String out = render("terminal", Reports.full());
    for (char c : out.toCharArray()) {
      boolean control = c < 0x20 && c != '\n' || c >= 0x7F && c <= 0x9F || c >= '\u202A' && c <= '\u202E'
          || c >= '\u2066' && c <= '\u2069';
      assertThat(control).as("control character U+%04X in output", (int) c).isFalse();
    }
    assertThat(out).contains(Reports.UNICODE);
  }

  @Test
  void longSnippetLinesAreCutWithAnEllipsis() {
    List<String> lines = lines(render("terminal", Reports.full()));
    String snippet = lines.stream().filter(l -> l.startsWith("      | var a=")).findFirst().orElseThrow();
    assertThat(snippet.codePointCount(0, snippet.length())).isEqualTo("      | ".length() + TerminalWriter.MAX_SNIPPET_WIDTH);
    assertThat(snippet).endsWith(Text.ELLIPSIS);
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(TerminalWriter.MAX_MESSAGE_WIDTH + 60));
  }

  @Test
  void multiLineSnippetShowsThreeLinesAndCountsTheRest() {
    var f = dev.shipgate.core.model.Finding.builder(Reports.DEBUG).atLine("a.yml", 1)
        .snippet("one\ntwo\nthree\nfour\nfive\n").build();
    List<String> lines = lines(render("terminal", Reports.report(List.of(f), null)));
    assertThat(lines.stream().filter(l -> l.startsWith("      | ")).toList())
        .containsExactly("      | one", "      | two", "      | three", "      | (2 more lines)");
  }

  @Test
  void runWithoutFindingsSaysSoAndStillEndsWithTheSummary() {
    ScanReport clean = Reports.withoutErrors(List.of());
    List<String> lines = lines(render("terminal", clean));
    assertThat(lines).contains("No open findings.", "Verdict: PASSED (exit 0)");
    assertThat(lines.get(lines.size() - 1)).isEqualTo(clean.summaryLine());
    assertThat(lines(render("terminal", clean, QUIET))).containsExactly(clean.summaryLine());
  }
}
