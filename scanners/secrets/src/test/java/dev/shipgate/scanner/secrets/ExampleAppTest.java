package dev.shipgate.scanner.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps the planted secret of examples/vulnerable-app in step with what the scanner reports. */
class ExampleAppTest {

  private static final Path APP = Path.of("../../examples/vulnerable-app");

  @Test
  void plantedDatabasePasswordInTheVulnerableAppIsReportedOnItsLine() throws Exception {
    String rel = "src/main/resources/application-prod.properties";
    List<Finding> findings = CatalogueTest.scan(rel, Files.readString(APP.resolve(rel)));
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo("secrets/url/database-credentials");
      assertThat(f.location().startLine()).isEqualTo(4);
    });
  }
}
