package dev.shipgate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.shipgate.core.gate.ScanReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs a writer into a string and parses structured output back. */
final class Render {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Render() {}

  static String render(String kind, ScanReport report, ReportOptions options) {
    StringWriter out = new StringWriter();
    try {
      ReportWriters.forKind(kind, options).write(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static String render(String kind, ScanReport report) {
    return render(kind, report, ReportOptions.defaults());
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON Schema loaded from {@code in} by a registry that never fetches remote resources (tests stay offline). */
  static Schema offlineSchema(SpecificationVersion version, InputStream in) {
    return SchemaRegistry.withDefaultDialect(version, b -> b.schemaLoader(l -> l.fetchRemoteResources(false))).getSchema(in);
  }

  /** The checkout root: the nearest directory upwards from the working directory that holds {@code mvnw}. */
  static Path checkoutRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    return dir;
  }

  static Path sarifSchema() {
    Path root = checkoutRoot();
    return root == null ? Path.of("../shared/schemas/sarif-schema-2.1.0.json")
        : root.resolve("../shared/schemas/sarif-schema-2.1.0.json").normalize();
  }
}
