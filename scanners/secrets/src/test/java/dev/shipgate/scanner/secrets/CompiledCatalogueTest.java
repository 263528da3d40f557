package dev.shipgate.scanner.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code detectors.compiled} is {@code detectors.yml}'s document tree (see {@link CompiledCatalogue}). After
 * editing {@code detectors.yml}, regenerate it with
 * {@code ./mvnw -o -q -pl scanners/secrets test -Dtest=CompiledCatalogueTest -Dsecrets.compile-catalogue=true}.
 */
class CompiledCatalogueTest {

  private static final Path SOURCE = Path.of("src/main/resources" + DetectorCatalog.BUILT_IN);
  private static final Path COMPILED = Path.of("src/main/resources" + CompiledCatalogue.RESOURCE);

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
    try (InputStream in = Files.newInputStream(COMPILED)) {
      assertThat(CompiledCatalogue.read(in)).isEqualTo(yaml);
    }
  }

  @Test
  void scalarsAndEscapesSurviveTheRoundTrip() throws IOException {
    Object tree = Map.of("k", List.of("a\\b\nc\r\td", 42, 4.5, true, "", "# not a comment"));
    assertThat(CompiledCatalogue.read(stream(write(tree)))).isEqualTo(tree);
  }

  @Test
  void aDamagedFileNamesItsLine() {
    assertThatThrownBy(() -> CompiledCatalogue.read(stream("# header\nm 1\ns a\nx 1\n")))
        .hasMessageContaining("detectors.compiled:4: unknown node 'x 1'");
    assertThatThrownBy(() -> CompiledCatalogue.read(stream("l 2\ns a\n"))).hasMessageContaining(":3: unexpected end");
  }

  private static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  /** The inverse of {@link CompiledCatalogue#read}. */
  static String write(Object tree) {
    StringBuilder sb = new StringBuilder("# Generated from detectors.yml by CompiledCatalogueTest: do not edit.\n");
    write(tree, sb);
    return sb.toString();
  }

  private static void write(Object node, StringBuilder sb) {
    if (node instanceof Map<?, ?> m) {
      sb.append("m ").append(m.size()).append('\n');
      m.forEach((k, v) -> {
        write(k, sb);
        write(v, sb);
      });
    } else if (node instanceof List<?> l) {
      sb.append("l ").append(l.size()).append('\n');
      l.forEach(x -> write(x, sb));
    } else if (node instanceof String s) {
      sb.append("s ").append(s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")).append('\n');
    } else if (node instanceof Integer i) {
      sb.append("i ").append(i).append('\n');
    } else if (node instanceof Double d) {
      sb.append("f ").append(d).append('\n');
    } else if (node instanceof Boolean b) {
      sb.append("b ").append(b).append('\n');
    } else if (node == null) {
      sb.append("n\n");
    } else {
      throw new IllegalArgumentException("detectors.yml holds a " + node.getClass().getSimpleName()
          + ", which the compiled form does not carry: use strings, integers, decimals and booleans");
    }
  }
}
