package dev.shipgate.sbom;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.parsers.JsonParser;

/** The official schemas, read from the class path: no test reaches the network. */
final class Schemas {

  private static Schema spdx;

  private Schemas() {}

  /** CycloneDX's own validator with the 1.6 schema bundled in its jar (references resolved from the jar). */
  static List<String> cycloneDxErrors(String json) {
    try {
      return new JsonParser().validate(json.getBytes(StandardCharsets.UTF_8), CycloneDxWriter.VERSION).stream()
          .map(ParseException::getMessage).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The SPDX project's own SPDX 2.3 JSON schema, as shipped in org.spdx:tools-java. */
  static List<String> spdxErrors(String json) {
    return spdxSchema().validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
  }

  private static synchronized Schema spdxSchema() {
    if (spdx == null) {
      try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream("resources/spdx-schema-v2.3.json")) {
        if (in == null) {
          throw new IllegalStateException("resources/spdx-schema-v2.3.json missing: org.spdx:tools-java not on the test class path");
        }
        spdx = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return spdx;
  }
}
