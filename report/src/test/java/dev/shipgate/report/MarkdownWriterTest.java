package dev.shipgate.report;

import static dev.shipgate.report.Render.render;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.gate.ScanReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MarkdownWriterTest {

  private static final Set<String> OUR_TAGS = Set.of("<details>", "</details>", "<summary>", "</summary>", "<br>", "<sub>", "</sub>");

  /** Cells of a GFM table row, split on pipes that are not backslash-escaped (as GFM does before inline parsing). */
  static List<String> cells(String row) {
    assertThat(row).startsWith("| ").endsWith(" |");
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 1; i < row.length() - 1; i++) {
      char c = row.charAt(i);
      if (c == '\\' && i + 1 < row.length() - 1) {
        cell.append(c).append(row.charAt(++i));
      } else if (c == '|') {
        cells.add(cell.toString().trim());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString().trim());
    return cells;
  }

  /** The rows of the table that follows {@code heading}. */
  private static List<String> tableAfter(String md, String heading) {
    List<String> lines = List.of(md.split("\n", -1));
    int i = lines.indexOf(heading);
    assertThat(i).as(heading).isNotNegative();
    while (!lines.get(i).startsWith("| Rule |")) {
      i++;
    }
    assertThat(lines.get(i + 1)).isEqualTo("|---|---|---|---|");
    List<String> rows = new ArrayList<>();
    for (int j = i + 2; j < lines.size() && lines.get(j).startsWith("|"); j++) {
      rows.add(lines.get(j));
    }
    return rows;
  }

  @Test
  void headlineNamesTheVerdictWithoutEmoji() {
    String md = render("markdown", Reports.full());
    assertThat(md.lines().findFirst().orElseThrow()).isEqualTo("## shipgate: FAILED");
    assertThat(render("markdown", Reports.withoutErrors(List.of())).lines().findFirst().orElseThrow())
        .isEqualTo("## shipgate: PASSED");
    assertThat(md.codePoints().filter(cp -> Character.getType(cp) == Character.OTHER_SYMBOL
        && cp >= 0x1F000 && !Reports.UNICODE.contains(new String(Character.toChars(cp))))).isEmpty();
  }

  @Test
  void countsTableHasOneRowPerCount() {
    String md = render("markdown", Reports.full());
    assertThat(md).contains("| | Count |\n|---|---:|\n| Blocking | 2 |\n| Warnings | 3 |\n| Pre-existing | 1 |\n"
        + "| Suppressed | 1 |\n| Waived | 1 |\n| Baselined | 1 |\n| Files scanned | 42 |\n| Files skipped | 26 |\n"
        + "| Scan errors | 2 |\n");
  }

  @Test
  void blockingTableHasFourCellsPerRowDespitePipesInFindings() {
    List<String> rows = tableAfter(render("markdown", Reports.full()), "### Blocking findings");
    assertThat(rows).hasSize(2);
    List<String> first = cells(rows.get(0));
    assertThat(first).hasSize(4);
    assertThat(first.get(0)).isEqualTo("`java/injection/sql-string-concat`");
    assertThat(first.get(1)).isEqualTo("critical");
    assertThat(first.get(2)).isEqualTo("`src/main/java/com/acme/UserDao.java:42:9`");
    // The snippet holds backticks, so its fence is two backticks long.
    assertThat(first.get(3)).endsWith("<br>``stmt.executeQuery(\"select * from t where a = '\" + id + \"' \\| `x`\");``");
    assertThat(cells(rows.get(1))).hasSize(4).element(2).isEqualTo("`src/main/resources/application.yml:7`");
  }

  @Test
  void warningsAreCollapsedInADetailsBlock() {
    String md = render("markdown", Reports.full());
    int open = md.indexOf("<details>\n<summary>Warnings (3)</summary>");
    int close = md.indexOf("</details>");
    assertThat(open).isPositive().isLessThan(close);
    List<String> rows = tableAfter(md.substring(open), "<summary>Warnings (3)</summary>");
    assertThat(rows).hasSize(3).allSatisfy(r -> assertThat(cells(r)).hasSize(4));
    assertThat(md.substring(0, open)).doesNotContain("config/spring/debug-enabled");
  }

  @Test
  void findingTextCannotInjectHtmlOrMentionPeople() {
    String md = render("markdown", Reports.full());
    Matcher tags = Pattern.compile("<[^>\\s]*>").matcher(md);
    while (tags.find()) {
      assertThat(OUR_TAGS).as("tag in output").contains(tags.group());
    }
    assertThat(md).doesNotContain("<script").doesNotContain("</script").doesNotContain("<b>")
        .doesNotContainPattern("@[A-Za-z0-9]").doesNotContain("\u001b").doesNotContain("\u0000");
    assertThat(md).contains("&lt;/script&gt;&lt;b&gt;x&lt;/b&gt; \\]\\]&gt; a\\|b \\`tick\\`");
  }

  @Test
  void coverageDiffAndFooterNameVersionsAndDigest() {
    String md = render("markdown", Reports.full());
    assertThat(md).contains("**Coverage:** 42 files scanned, 26 skipped, 2 errors.\n- java: src/main/java/Broken.java:3: parse error");
    assertThat(md).contains("**Diff:** base against `origin/main` at `3f2a9c1d`, 5 changed files; 1 pre-existing findings not counted.");
    List<String> lines = md.lines().toList();
    assertThat(lines.get(lines.size() - 1)).isEqualTo("<sub>shipgate 0.1.0-SNAPSHOT; rule packs: config 1.2.0 (2 rules), "
        + "java 0.9.1 (2 rules), secrets 2.0.0 (2 rules); policy .shipgate.yml digest `sha256:9f86d081884c7d65`</sub>");
    assertThat(render("markdown", Reports.plainScan())).doesNotContain("**Diff:**");
  }

  @Test
  void longReportsStayUnderGitHubsCommentLimitAndSayWhatWasCut() {
    ScanReport big = Reports.many(3000);
    String md = render("markdown", big);
    assertThat(md.length()).isLessThanOrEqualTo(MarkdownWriter.GITHUB_LIMIT);
    List<String> blockingRows = tableAfter(md, "### Blocking findings");
    assertThat(blockingRows).isNotEmpty().hasSizeLessThan((int) big.blocking());
    assertThat(md).contains("_Not shown to stay within GitHub's 65536-character comment limit: "
        + (big.blocking() - blockingRows.size()) + " of " + big.blocking() + " blocking findings and "
        + big.warnings() + " of " + big.warnings() + " warnings.");
    assertThat(md).endsWith("</sub>\n");
  }

  @Test
  void escapedTextHasNoRawMarkupLineBreaksOrMentions() {
    for (String text : HostileStrings.sample(500)) {
      String e = MarkdownWriter.escape(text);
      assertThat(e).as("escape(%s)", text).doesNotContain("<").doesNotContain(">").doesNotContain("\n").doesNotContain("\r")
          .doesNotContainPattern("@[^\u200B]").doesNotEndWith("@");
      assertThat(cells("| " + e + " |")).as("cells of escape(%s)", text).hasSize(1);
    }
  }

  @Test
  void codeSpanFenceIsLongerThanAnyBacktickRunAndPipesStayInTheCell() {
    for (String text : HostileStrings.sample(500)) {
      String span = MarkdownWriter.codeSpan(text);
      if (Text.oneLine(text).isEmpty()) {
        assertThat(span).isEmpty();
        continue;
      }
      int fence = 0;
      while (fence < span.length() && span.charAt(fence) == '`') {
        fence++;
      }
      String inner = span.substring(fence, span.length() - fence);
      assertThat(span).as("codeSpan(%s)", text).endsWith("`".repeat(fence));
      assertThat(inner).as("codeSpan(%s)", text).doesNotContain("`".repeat(fence)).doesNotContain("\n");
      assertThat(cells("| " + span + " |")).as("cells of codeSpan(%s)", text).hasSize(1);
    }
  }
}
