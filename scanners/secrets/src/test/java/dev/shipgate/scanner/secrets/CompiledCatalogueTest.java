package dev.shipgate.scanner.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.yaml.CompiledTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code detectors.compiled} is {@code detectors.yml}'s document tree (core's {@link CompiledTree} form). After
 * editing {@code detectors.yml}, regenerate it with
 * {@code ./mvnw -o -q -pl scanners/secrets test -Dtest=CompiledCatalogueTest -Dsecrets.compile-catalogue=true}.
 */
class CompiledCatalogueTest {

  private static final Path SOURCE = Path.of("src/main/resources" + DetectorCatalog.BUILT_IN);
  private static final Path COMPILED = Path.of("src/main/resources" + DetectorCatalog.COMPILED);

  @Test
  void theCompiledCatalogueIsTheTreeOfDetectorsYml() throws IOException {
    Object yaml;
    try (InputStream in = Files.newInputStream(SOURCE)) {
      yaml = DetectorCatalog.yaml(DetectorCatalog.BUILT_IN, in);
    }
    String expected = write(yaml);
    if (Boolean.getBoolean("secrets.compile-catalogue")) {
      Files.writeString(COMPILED, expected);
    }
    assertThat(Files.readString(COMPILED))
        .as("%s is stale: regenerate it (see this class's comment)", COMPILED)
        .isEqualTo(expected);
    assertThat(CompiledTree.read(COMPILED.toString(), Files.readString(COMPILED))).isEqualTo(yaml);
  }

  /** The file's text for {@code tree}. */
  static String write(Object tree) {
    return CompiledTree.write(tree, "Generated from detectors.yml by CompiledCatalogueTest: do not edit.");
  }
}
