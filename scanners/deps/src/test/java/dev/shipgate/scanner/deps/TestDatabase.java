package dev.shipgate.scanner.deps;

import dev.shipgate.scanner.deps.osv.OsvImporter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The advisory database of the tests: our own OSV records in {@code src/test/resources/osv}, imported once. */
public final class TestDatabase {

  public static final Path RECORDS = Path.of("src/test/resources/osv");
  public static final Instant IMPORTED_AT = Instant.parse("2026-11-20T00:00:00Z");

  private TestDatabase() {}

  public static Path build(Path dir) throws IOException {
    new OsvImporter(Clock.fixed(IMPORTED_AT, ZoneOffset.UTC)).importInto(dir, List.of(RECORDS));
    return dir;
  }

  /** A clock {@code days} after the import. */
  public static Clock daysLater(long days) {
    return Clock.fixed(IMPORTED_AT.plusSeconds(days * 86400 + 60), ZoneOffset.UTC);
  }
}
