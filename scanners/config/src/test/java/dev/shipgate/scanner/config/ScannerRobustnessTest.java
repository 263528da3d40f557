package dev.shipgate.scanner.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the text, a scan ends normally with findings and errors on lines that exist. */
class ScannerRobustnessTest {

  private final ConfigScanner scanner = new ConfigScanner();

  @Property(tries = 400)
  void yamlScanNeverThrowsAndNamesRealLines(@ForAll("yamlText") String text) throws Exception {
    assertLinesExist("application.yml", text);
  }

  @Property(tries = 200)
  void propertiesScanNeverThrowsAndNamesRealLines(@ForAll("propertiesText") String text) throws Exception {
    assertLinesExist("application.properties", text);
  }

  private void assertLinesExist(String name, String text) throws Exception {
    RecordingContext ctx = new RecordingContext();
    scanner.scan(SourceFile.of(name, text), ctx);
    int lines = (int) text.chars().filter(c -> c == '\n').count() + 1;
    assertThat(ctx.findings()).allSatisfy(f -> assertThat(f.location().startLine()).isBetween(1, lines));
    assertThat(ctx.errors()).allSatisfy(e -> assertThat(e.line()).isBetween(0, lines));
    assertThat(ctx.errors().size()).isLessThanOrEqualTo(lines);
  }

  /** Fragments of Spring YAML with the punctuation that trips parsers, shuffled together. */
  @Provide
  Arbitrary<String> yamlText() {
    Arbitrary<String> pieces = Arbitraries.of("debug", "management", "endpoints", "web", "exposure", "include", ":", ": ",
        "\n", "\n  ", "\n    ", "- ", "[", "]", "{", "}", ",", "\"", "'", "*", "&a ", "*a", "<<: ", "---\n", "...\n",
        "# c", "!!str ", "? ", "|", ">", "true", "always", "${X:always}", "\t", "%YAML 1.2\n", "é", "\uFEFF");
    return pieces.list().ofMaxSize(60).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> propertiesText() {
    Arbitrary<String> pieces = Arbitraries.of("debug", "server.error.include-stacktrace", "=", ":", " ", "\\", "\n",
        "\r\n", "#", "!", "#---\n", "always", "true", "\\u0041", "\\u00", "${A:true}", ",", "[0]");
    return pieces.list().ofMaxSize(40).map(l -> String.join("", l));
  }
}
