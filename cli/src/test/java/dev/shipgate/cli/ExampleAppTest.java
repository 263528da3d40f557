package dev.shipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: the bundled example fails the gate for good reasons, its fixed twin passes. */
class ExampleAppTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path EXAMPLES = Cli.repoRoot().resolve("examples");

  @Test
  void vulnerableExampleFailsWithValidSarif(@TempDir Path out) throws Exception {
    Path sarif = out.resolve("out.sarif");
    Path json = out.resolve("out.json");
    Cli r = Cli.run("scan", EXAMPLES.resolve("vulnerable-app").toString(), "--no-audit", "--format", "sarif=" + sarif + ",json=" + json);
    assertThat(r.exit()).as(r.toString()).isEqualTo(1);

    JsonNode report = JSON.readTree(json.toFile());
    Set<String> blocking = new TreeSet<>();
    for (JsonNode f : report.get("findings")) {
      if (f.get("blocking").asBoolean()) {
        blocking.add(f.get("rule_id").asText());
      }
      assertThat(f.at("/location/path").asText()).as("paths are repository-relative").startsWith("examples/vulnerable-app/");
    }
    assertThat(blocking).contains("config/spring/actuator-endpoints-exposed");
    assertThat(report.at("/verdict/exit_code").asInt()).isEqualTo(1);

    JsonNode s = JSON.readTree(sarif.toFile());
    assertThat(s.at("/runs/0/results").size()).isPositive();
    Path schemaFile = Cli.repoRoot().resolveSibling("shared").resolve("schemas/sarif-schema-2.1.0.json");
    Assumptions.assumeTrue(Files.isRegularFile(schemaFile), "SARIF schema not found at " + schemaFile + ": clone without ../shared");
    Schema schema;
    try (InputStream in = Files.newInputStream(schemaFile)) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
    List<Error> errors = schema.validate(s);
    assertThat(errors).as("SARIF schema errors").isEmpty();
  }

  @Test
  void fixedTwinPasses() {
    Cli r = Cli.run("scan", EXAMPLES.resolve("fixed-app").toString(), "--no-audit");
    assertThat(r.exit()).as(r.toString()).isZero();
  }
}
