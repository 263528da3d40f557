package dev.shipgate.scanner.java;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs the scanner over in-memory sources for tests. */
final class ScanSupport {

  static final JavaScanner SCANNER = new JavaScanner();

  private ScanSupport() {}

  static RecordingContext scan(SourceFile... files) throws IOException {
    RecordingContext ctx = new RecordingContext();
    SCANNER.scan(List.of(files), ctx);
    return ctx;
  }

  static List<Finding> findings(SourceFile... files) throws IOException {
    return scan(files).findings();
  }

  static SourceFile file(String path, String text) {
    return SourceFile.of(path, text);
  }

  /** Every fixture below {@code fixtures/<dir>} as a source file named relative to the fixtures root. */
  static List<SourceFile> fixtureDir(String dir) {
    Path root = Path.of("src/test/resources/fixtures");
    try (Stream<Path> s = Files.walk(root.resolve(dir))) {
      List<SourceFile> out = new ArrayList<>();
      for (Path p : s.filter(Files::isRegularFile).sorted().collect(Collectors.toList())) {
        out.add(SourceFile.of(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p)));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
