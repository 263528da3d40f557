package dev.shipgate.scanner.deps.osv;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipgate.scanner.deps.Ecosystem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local advisory index written by {@link OsvImporter}. Opening reads only {@code meta.json}; each
 * ecosystem's index is memory-mapped on first use and searched in place, so start-up costs milliseconds
 * whatever the database size. Thread-safe.
 */
public final class OsvDatabase {

  static final String META = "meta.json";

  private final Path dir;
  private final Instant importedAt;
  private final Map<Ecosystem, Integer> entries;
  private final Map<Ecosystem, Index> indexes = new EnumMap<>(Ecosystem.class);

  private OsvDatabase(Path dir, Instant importedAt, Map<Ecosystem, Integer> entries) {
    this.dir = dir;
    this.importedAt = importedAt;
    this.entries = entries;
  }

  /** The database in {@code dir}, or empty when none was imported there. A damaged one is an IOException. */
  public static Optional<OsvDatabase> open(Path dir) throws IOException {
    Path meta = dir.resolve(META);
    if (!Files.isRegularFile(meta)) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = OsvRecords.JSON.readTree(meta.toFile());
    } catch (IOException e) {
      throw new IOException("advisory database " + dir + " is damaged (meta.json unreadable): " + e.getMessage(), e);
    }
    if (root == null || root.path("format").asInt() != OsvImporter.FORMAT) {
      throw new IOException("advisory database " + dir + " has an unknown format; run `shipgate db import` again");
    }
    Instant at;
    try {
      at = Instant.parse(root.path("imported_at").asText());
    } catch (DateTimeParseException e) {
      throw new IOException("advisory database " + dir + " has no valid import time", e);
    }
    Map<Ecosystem, Integer> entries = new EnumMap<>(Ecosystem.class);
    root.path("ecosystems").properties().forEach(e -> {
      Ecosystem eco = Ecosystem.fromOsv(e.getKey());
      if (eco != null) {
        entries.put(eco, e.getValue().path("entries").asInt());
      }
    });
    return Optional.of(new OsvDatabase(dir, at, entries));
  }

  public Path directory() {
    return dir;
  }

  /** When the last import finished; reports print the database age from it. */
  public Instant importedAt() {
    return importedAt;
  }

  public Duration age(Instant now) {
    return Duration.between(importedAt, now);
  }

  /** Ecosystems with an index, and how many (record, package) entries each holds. */
  public Map<Ecosystem, Integer> ecosystems() {
    return Map.copyOf(entries);
  }

  /** One line for reports: where the database is, when it was imported, how old it is, what it covers. */
  public String describe(Instant now) {
    long days = age(now).toDays();
    StringBuilder b = new StringBuilder("OSV advisory database ").append(dir).append(", imported ").append(importedAt)
        .append(" (").append(days == 0 ? "less than a day" : days == 1 ? "1 day" : days + " days").append(" old): ");
    List<String> parts = new ArrayList<>();
    new java.util.TreeMap<>(entries).forEach((eco, n) -> parts.add(eco.osvName() + " " + n));
    return b.append(String.join(", ", parts)).toString();
  }

  public boolean covers(Ecosystem eco) {
    return entries.containsKey(eco);
  }

  /** Entries for a package, by its matching key ({@link OsvRecords#key}); empty when it has none. */
  public List<OsvEntry> lookup(Ecosystem eco, String key) throws IOException {
    Index index = index(eco);
    if (index == null) {
      return List.of();
    }
    return index.find(key);
  }

  private synchronized Index index(Ecosystem eco) throws IOException {
    if (!entries.containsKey(eco)) {
      return null;
    }
    Index i = indexes.get(eco);
    if (i == null) {
      i = new Index(dir.resolve(OsvImporter.fileBase(eco) + ".idx"), dir.resolve(OsvImporter.fileBase(eco) + ".jsonl"));
      indexes.put(eco, i);
    }
    return i;
  }

  /** A memory-mapped name table: count, then (name offset, name length, data offset, data length) rows, then names. */
  private static final class Index {
    private static final int ROW = 20;
    private final ByteBuffer idx;
    private final ByteBuffer data;
    private final int count;
    private final int namesStart;

    Index(Path idxFile, Path dataFile) throws IOException {
      this.idx = map(idxFile);
      this.data = map(dataFile);
      byte[] magic = new byte[OsvImporter.MAGIC.length];
      if (idx.capacity() < magic.length + 4) {
        throw new IOException("advisory index " + idxFile + " is truncated");
      }
      idx.get(0, magic);
      if (!Arrays.equals(magic, OsvImporter.MAGIC)) {
        throw new IOException("advisory index " + idxFile + " is not a shipgate index");
      }
      count = idx.getInt(magic.length);
      namesStart = magic.length + 4 + count * ROW;
      if (count < 0 || namesStart > idx.capacity()) {
        throw new IOException("advisory index " + idxFile + " is truncated");
      }
    }

    private static ByteBuffer map(Path p) throws IOException {
      try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
        MappedByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
        return b.asReadOnlyBuffer();
      }
    }

    List<OsvEntry> find(String key) throws IOException {
      byte[] want = key.getBytes(StandardCharsets.UTF_8);
      int lo = 0;
      int hi = count - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int row = OsvImporter.MAGIC.length + 4 + mid * ROW;
        int nameOff = idx.getInt(row);
        int nameLen = idx.getInt(row + 4);
        byte[] name = new byte[nameLen];
        idx.get(namesStart + nameOff, name);
        int c = Arrays.compareUnsigned(name, want);
        if (c < 0) {
          lo = mid + 1;
        } else if (c > 0) {
          hi = mid - 1;
        } else {
          long off = idx.getLong(row + 8);
          int len = idx.getInt(row + 16);
          byte[] lines = new byte[len];
          data.get((int) off, lines);
          List<OsvEntry> out = new ArrayList<>();
          for (String line : new String(lines, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
              out.add(OsvRecords.fromLine(line));
            }
          }
          return out;
        }
      }
      return List.of();
    }
  }
}
