package dev.shipgate.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ScanReportTest {

  @Test
  void secondsPrintWhatFormatterPrints() {
    for (long millis = 0; millis <= 200_000; millis++) {
      String expected = String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
      if (!ScanReport.seconds(millis).equals(expected)) {
        assertThat(ScanReport.seconds(millis)).as("%d ms", millis).isEqualTo(expected);
      }
    }
    assertThat(ScanReport.seconds(3_600_049)).isEqualTo("3600.0s");
    assertThat(ScanReport.seconds(-5)).as("a clock step back is not a negative duration").isEqualTo("0.0s");
  }
}
