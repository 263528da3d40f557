package dev.shipgate.scanner.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CleanCodeTest {

  @Test
  void realisticControllersServicesAndRepositoriesScannedTogetherHaveNoFindings() throws IOException {
    List<SourceFile> files = ScanSupport.fixtureDir("clean");
    assertThat(files).hasSizeGreaterThanOrEqualTo(4);
    RecordingContext ctx = ScanSupport.scan(files.toArray(SourceFile[]::new));
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).isEmpty();
  }
}
