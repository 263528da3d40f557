package dev.shipgate.scanner.secrets;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.scan.Binary;
import dev.shipgate.core.scan.ScanContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The text entries of a .zip/.jar/.war/.ear file, read from its bytes in memory (never extracted) and scanned
 * like files; findings point at {@code archive.jar!/path/in/archive}. Bounded against zip bombs: entry count,
 * each entry's uncompressed size, and all entries' uncompressed bytes against the archive's size. Nested
 * archives are not opened. Each entry skipped for a limit is reported with its reason; binary entries
 * (classes, images) are counted in one skip per archive.
 */
final class ArchiveScan {

  static final int MAX_ENTRIES = 10_000;
  /** Uncompressed bytes read from all entries, at most this many times the archive's own size. */
  static final int MAX_RATIO = 100;

  private ArchiveScan() {}

  static boolean isArchiveName(String path) {
    String name = path.toLowerCase(Locale.ROOT);
    return name.endsWith(".zip") || name.endsWith(".jar") || name.endsWith(".war") || name.endsWith(".ear");
  }

  /** A local file header or an empty archive's end record. */
  static boolean isZip(byte[] b) {
    return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && ((b[2] == 3 && b[3] == 4) || (b[2] == 5 && b[3] == 6));
  }

  /**
   * Scans the archive's entries, handing each finding (at {@code path!/entry}, with {@code attributes} and the archive
   * path among its properties) to {@code report}; skipped entries and damage go to {@code context}.
   */
  static void scan(String path, byte[] archive, SecretEngine engine, long maxEntrySize, ScanContext context,
      Map<String, String> attributes, Consumer<Finding> report) {
    Map<String, String> properties = new LinkedHashMap<>(attributes);
    properties.put("archive", path);
    long budget = (long) Math.max(archive.length, 1) * MAX_RATIO;
    int entries = 0;
    int binary = 0;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.isDirectory()) {
          continue;
        }
        String where = path + "!/" + e.getName();
        if (++entries > MAX_ENTRIES) {
          context.skipped(path, "archive has more than " + MAX_ENTRIES + " entries; the rest were not scanned");
          break;
        }
        if (isArchiveName(e.getName())) {
          context.skipped(where, "nested archive (not opened)");
          continue;
        }
        if (PathHints.isBinaryName(e.getName())) {
          binary++;
          continue;
        }
        byte[] content = read(zip, Math.min(maxEntrySize, budget));
        if (content == null) {
          boolean ratio = budget <= maxEntrySize;
          context.skipped(where, ratio
              ? "archive expands beyond " + MAX_RATIO + "x its size (zip bomb?); the rest were not scanned"
              : "larger than the secrets scanner's max-file-size (" + maxEntrySize + " bytes) uncompressed");
          if (ratio) {
            break;
          }
          budget -= maxEntrySize;
          continue;
        }
        budget -= content.length;
        if (Binary.looksBinary(content)) {
          binary++;
          continue;
        }
        for (SecretEngine.Match m : engine.scan(e.getName(), content)) {
          report.accept(SecretsScanner.finding(where, m, properties));
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // ZipInputStream throws ZipException for damaged data and IllegalArgumentException for bad name encodings.
      context.error(path, 0, "cannot read archive: " + e.getMessage() + " (entries after the damage were not scanned)");
    }
    if (binary > 0) {
      context.skipped(path, binary + " binary " + (binary == 1 ? "entry" : "entries") + " in the archive not scanned");
    }
  }

  /** The entry's bytes, or null when it holds more than {@code limit} (only {@code limit + 1} bytes are inflated). */
  private static byte[] read(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[16384];
    long total = 0;
    for (int n = in.read(buf); n > 0; n = in.read(buf)) {
      total += n;
      if (total > limit) {
        return null;
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }
}
