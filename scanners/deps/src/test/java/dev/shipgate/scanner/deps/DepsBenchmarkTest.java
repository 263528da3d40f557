package dev.shipgate.scanner.deps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark driver at toy scale, so it keeps working; the real numbers are in the README. */
class DepsBenchmarkTest {

  @Test
  void benchmarkImportsScansAndFindsTheAdvisedPackages(@TempDir Path work) throws Exception {
    DepsBenchmark.Result r = DepsBenchmark.run(work, 700, 500, 10, 1);
    assertThat(r.indexBytes()).isPositive();
    assertThat(r.scanMillis()).hasSize(1);
    // A third of the packages carry advised names, with versions spread around the fixes.
    assertThat(r.findings()).isBetween(20, 500);
  }
}
