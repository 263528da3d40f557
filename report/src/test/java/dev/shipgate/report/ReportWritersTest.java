package dev.shipgate.report;

import static dev.shipgate.report.Render.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipgate.core.gate.ScanReport;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportWritersTest {

  private static final List<String> ALL_KINDS = List.of("terminal", "json", "sarif", "markdown", "junit");
  private static final List<ReportOptions> ALL_OPTIONS = List.of(ReportOptions.defaults(),
      new ReportOptions(true, false, 5000, true), new ReportOptions(true, true, 3, true));

  @Test
  void eachKindHasAWriterThatNamesItself() {
    for (String kind : ALL_KINDS) {
      assertThat(ReportWriters.forKind(kind, ReportOptions.defaults()).kind()).isEqualTo(kind);
    }
    assertThat(ReportWriters.forKind(" SARIF ", ReportOptions.defaults()).kind()).isEqualTo("sarif");
  }

  @Test
  void fileKindsAreEveryKindButTerminalInAStableOrder() {
    assertThat(ReportWriters.fileKinds()).containsExactly("json", "sarif", "markdown", "junit");
    assertThatThrownBy(() -> ReportWriters.fileKinds().add("html")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void unknownKindIsRejectedWithTheKnownOnes() {
    assertThatThrownBy(() -> ReportWriters.forKind("html", ReportOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'html'")
        .hasMessageContaining("terminal, json, sarif, markdown, junit");
    assertThatThrownBy(() -> ReportWriters.forKind(null, ReportOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void defaultOptionsAreColourlessVerboseAndCappedAtGitHubsDisplayLimit() {
    assertThat(ReportOptions.defaults()).isEqualTo(new ReportOptions(false, false, 5000, false));
  }

  @Test
  void optionsRejectANonPositiveResultLimitAndClampToGitHubsHardLimit() {
    assertThatThrownBy(() -> new ReportOptions(false, false, 0, false)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new ReportOptions(false, false, 100_000, false).sarifMaxResults()).isEqualTo(25_000);
  }

  @Test
  void sameReportGivesByteIdenticalOutput() {
    for (String kind : ALL_KINDS) {
      for (ReportOptions o : ALL_OPTIONS) {
        String first = render(kind, Reports.full(), o);
        String second = render(kind, Reports.full(), o);
        assertThat(second).as(kind).isEqualTo(first);
      }
    }
  }

  @Test
  void inputOrderOfFindingsDoesNotChangeAnyOutput() {
    List<dev.shipgate.core.model.Finding> reversed = new ArrayList<>(Reports.findings());
    java.util.Collections.reverse(reversed);
    ScanReport a = Reports.report(Reports.findings(), null);
    ScanReport b = Reports.report(reversed, null);
    for (String kind : ALL_KINDS) {
      assertThat(render(kind, b)).as(kind).isEqualTo(render(kind, a));
    }
  }

  @Test
  void secretInAContextKeyNeverAppearsInAnyOutput() {
    assertThat(Reports.full().findings()).anyMatch(f -> f.contextKey().equals(Reports.PLANTED_SECRET));
    for (String kind : ALL_KINDS) {
      for (ReportOptions o : ALL_OPTIONS) {
        for (ScanReport r : List.of(Reports.full(), Reports.plainScan())) {
          String out = render(kind, r, o);
          assertThat(out).as(kind).isNotEmpty().doesNotContain(Reports.PLANTED_SECRET).doesNotContain("PLANTEDc0ntext");
        }
      }
    }
  }

  @Test
  void writersLeaveTheWriterOpen() throws IOException {
    for (String kind : ALL_KINDS) {
      ClosingProbe out = new ClosingProbe();
      ReportWriters.forKind(kind, ReportOptions.defaults()).write(Reports.full(), out);
      assertThat(out.closed).as(kind).isFalse();
      assertThat(out.toString()).isNotEmpty();
    }
  }

  @Test
  void emptyReportIsRenderedInEveryFormat() {
    ScanReport empty = new ScanReport("0.1.0", "default", "", List.of(), List.of(), List.of(), List.of(),
        new dev.shipgate.core.gate.Verdict(true, 0, List.of()), null, 0, null, java.util.Map.of());
    for (String kind : ALL_KINDS) {
      assertThat(render(kind, empty)).as(kind).isNotBlank();
    }
    assertThat(Render.json(render("json", empty)).get("started_at").isNull()).isTrue();
    assertThat(Render.json(render("sarif", empty)).at("/runs/0/results")).isEmpty();
  }

  private static final class ClosingProbe extends StringWriter {
    boolean closed;

    @Override
    public void close() throws IOException {
      closed = true;
      super.close();
    }
  }
}
