package dev.shipgate.scanner.deps.osv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipgate.scanner.deps.Ecosystem;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code shipgate db import}: reads OSV exports (the per-ecosystem {@code all.zip}, directories of
 * {@code *.json}, single records) and writes the local index. Each ecosystem found in the input replaces
 * that ecosystem's index; the others stay. Withdrawn records are dropped.
 *
 * <p>Index layout in the database directory, per ecosystem: {@code <eco>.jsonl}, one line per (record,
 * affected package) grouped by package and sorted; {@code <eco>.idx}, a sorted table of package names with
 * the byte range of their lines, binary-searched through a memory map. {@code meta.json} records the import
 * time and counts and is written last, so a crash leaves the previous database readable.
 */
public final class OsvImporter {

  static final byte[] MAGIC = "SGOSVIX1".getBytes(StandardCharsets.US_ASCII);
  static final int FORMAT = 1;
  private static final long MAX_RECORD_BYTES = 16L * 1024 * 1024;

  /** What an import did; {@code problems} are records skipped as unreadable, with their source and reason. */
  public record Result(Map<Ecosystem, Integer> entries, int records, int withdrawnOrForeign, List<String> problems, Instant importedAt, long millis) {}

  private final Clock clock;

  public OsvImporter() {
    this(Clock.systemUTC());
  }

  public OsvImporter(Clock clock) {
    this.clock = clock;
  }

  public Result importInto(Path database, List<Path> sources) throws IOException {
    long started = System.nanoTime();
    Map<Ecosystem, TreeMap<String, List<String>>> byEco = new EnumMap<>(Ecosystem.class);
    List<String> problems = new ArrayList<>();
    int[] counts = new int[2];
    for (Path source : sources) {
      if (Files.isDirectory(source)) {
        try (Stream<Path> s = Files.walk(source)) {
          for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
            readFile(p, byEco, problems, counts);
          }
        }
      } else if (Files.isRegularFile(source)) {
        readFile(source, byEco, problems, counts);
      } else {
        throw new IOException("no such file or directory: " + source);
      }
    }
    Files.createDirectories(database);
    Instant now = clock.instant();
    Map<Ecosystem, Integer> entries = new EnumMap<>(Ecosystem.class);
    for (Map.Entry<Ecosystem, TreeMap<String, List<String>>> e : byEco.entrySet()) {
      entries.put(e.getKey(), write(database, e.getKey(), e.getValue()));
    }
    writeMeta(database, entries, now, sources);
    return new Result(entries, counts[0], counts[1], List.copyOf(problems), now, (System.nanoTime() - started) / 1_000_000);
  }

  private void readFile(Path p, Map<Ecosystem, TreeMap<String, List<String>>> byEco, List<String> problems, int[] counts) throws IOException {
    String name = p.getFileName().toString();
    if (name.endsWith(".zip")) {
      try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(p))) {
        ZipEntry entry;
        while ((entry = zip.getNextEntry()) != null) {
          if (!entry.isDirectory() && entry.getName().endsWith(".json")) {
            record(readLimited(zip), p + "!" + entry.getName(), byEco, problems, counts);
          }
        }
      }
    } else if (name.endsWith(".json")) {
      try (InputStream in = Files.newInputStream(p)) {
        record(readLimited(in), p.toString(), byEco, problems, counts);
      }
    }
  }

  private static byte[] readLimited(InputStream in) throws IOException {
    byte[] b = in.readNBytes((int) MAX_RECORD_BYTES + 1);
    if (b.length > MAX_RECORD_BYTES) {
      throw new IOException("an OSV record over " + MAX_RECORD_BYTES + " bytes");
    }
    return b;
  }

  private static void record(byte[] bytes, String where, Map<Ecosystem, TreeMap<String, List<String>>> byEco, List<String> problems, int[] counts) {
    List<OsvRecords.Affected> affected;
    try {
      JsonNode node = OsvRecords.JSON.readTree(bytes);
      if (node == null) {
        problems.add(where + ": empty file");
        return;
      }
      affected = OsvRecords.parse(node);
    } catch (IOException | IllegalArgumentException e) {
      problems.add(where + ": " + e.getMessage().lines().findFirst().orElse("unreadable"));
      return;
    }
    counts[0]++;
    if (affected.isEmpty()) {
      counts[1]++;
    }
    for (OsvRecords.Affected a : affected) {
      byEco.computeIfAbsent(a.ecosystem(), k -> new TreeMap<>(OsvImporter::compareUtf8))
          .computeIfAbsent(a.name(), k -> new ArrayList<>())
          .add(OsvRecords.toLine(a.name(), a.entry()));
    }
  }

  /** Names are ordered by their UTF-8 bytes, the order the reader's binary search uses. */
  static int compareUtf8(String a, String b) {
    return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static int write(Path dir, Ecosystem eco, TreeMap<String, List<String>> packages) throws IOException {
    String base = fileBase(eco);
    Path data = dir.resolve(base + ".jsonl.tmp");
    Path index = dir.resolve(base + ".idx.tmp");
    ByteArrayOutputStream names = new ByteArrayOutputStream();
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    DataOutputStream t = new DataOutputStream(table);
    int lines = 0;
    long offset = 0;
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(data), 1 << 16)) {
      for (Map.Entry<String, List<String>> e : packages.entrySet()) {
        List<String> entries = new ArrayList<>(e.getValue());
        entries.sort(null);
        long start = offset;
        for (String line : entries) {
          byte[] b = (line + "\n").getBytes(StandardCharsets.UTF_8);
          out.write(b);
          offset += b.length;
          lines++;
        }
        byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
        t.writeInt(names.size());
        t.writeInt(name.length);
        t.writeLong(start);
        t.writeInt((int) (offset - start));
        names.write(name);
      }
    }
    try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(index), 1 << 16))) {
      out.write(MAGIC);
      out.writeInt(packages.size());
      table.writeTo(out);
      names.writeTo(out);
    }
    Files.move(data, dir.resolve(base + ".jsonl"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Files.move(index, dir.resolve(base + ".idx"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return lines;
  }

  static String fileBase(Ecosystem eco) {
    return eco.purlType();
  }

  private static void writeMeta(Path dir, Map<Ecosystem, Integer> entries, Instant now, List<Path> sources) throws IOException {
    Path meta = dir.resolve(OsvDatabase.META);
    ObjectNode root = Files.exists(meta) ? (ObjectNode) OsvRecords.JSON.readTree(meta.toFile()) : OsvRecords.JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("imported_at", now.toString());
    ObjectNode ecos = root.has("ecosystems") ? (ObjectNode) root.get("ecosystems") : root.putObject("ecosystems");
    for (Map.Entry<Ecosystem, Integer> e : entries.entrySet()) {
      ObjectNode o = ecos.putObject(e.getKey().osvName());
      o.put("entries", e.getValue());
      o.put("imported_at", now.toString());
      o.put("file", fileBase(e.getKey()));
    }
    var src = root.putArray("last_sources");
    sources.forEach(s -> src.add(s.toAbsolutePath().toString()));
    Path tmp = dir.resolve(OsvDatabase.META + ".tmp");
    OsvRecords.JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
    Files.move(tmp, meta, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
