package dev.shipgate.scanner.deps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A database setting may name a folder of plain OSV JSON records (a small curated set) instead of an index. */
final class RawRecords {

  private RawRecords() {}

  /** Whether {@code dir} is a folder holding OSV JSON records (searched two levels deep). */
  static boolean present(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> s = Files.walk(dir, 2)) {
      return s.anyMatch(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json"));
    }
  }

  /** Removes a scratch index; null is nothing to do. */
  static void delete(Path scratch) {
    if (scratch == null) {
      return;
    }
    try (Stream<Path> s = Files.walk(scratch)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the scratch advisory index " + scratch, e);
    }
  }
}
