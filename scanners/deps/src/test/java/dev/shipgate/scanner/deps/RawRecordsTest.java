package dev.shipgate.scanner.deps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawRecordsTest {

  private static final String POM = """
      <project>
        <modelVersion>4.0.0</modelVersion>
        <groupId>x</groupId><artifactId>y</artifactId><version>1</version>
        <dependencies>
          <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>2.14.1</version></dependency>
        </dependencies>
      </project>
      """;

  private static Path records() throws URISyntaxException {
    return Path.of(RawRecordsTest.class.getResource("/osv/maven").toURI());
  }

  @Test
  void aFolderOfOsvRecordsIsUsableAsTheDatabaseWithoutImport(@TempDir Path tmp) throws Exception {
    RecordingContext ctx = new RecordingContext(tmp, dev.shipgate.core.policy.Settings.empty("<test>"));
    new DepsScanner(records(), Clock.systemUTC(), null).scan(List.of(SourceFile.of("pom.xml", POM)), ctx);
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).extracting(Finding::ruleId).contains("deps/vulnerable/known-advisory");
    assertThat(ctx.findings()).filteredOn(f -> f.ruleId().equals("deps/vulnerable/known-advisory"))
        .anySatisfy(f -> assertThat(f.message()).contains("CVE-2021-44228"));
    try (var s = Files.list(records())) {
      assertThat(s.map(p -> p.getFileName().toString())).as("the records folder is left as it was").allMatch(n -> n.endsWith(".json"));
    }
  }

  @Test
  void anEmptyFolderIsStillAMissingDatabase(@TempDir Path tmp) throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("db"));
    RecordingContext ctx = new RecordingContext(tmp, dev.shipgate.core.policy.Settings.empty("<test>"));
    new DepsScanner(empty, Clock.systemUTC(), null).scan(List.of(SourceFile.of("pom.xml", POM)), ctx);
    assertThat(ctx.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("advisory database missing"));
  }
}
