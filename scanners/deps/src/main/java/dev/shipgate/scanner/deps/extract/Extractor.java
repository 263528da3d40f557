package dev.shipgate.scanner.deps.extract;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Package;
import java.util.List;

/**
 * Reads the packages of one manifest or lockfile format. Implementations are stateless and thread-safe, and
 * are registered in {@link Extractors#ALL}.
 */
public interface Extractor {

  /** Stable name, {@code ecosystem/format}, e.g. {@code npm/package-lock}. */
  String name();

  /** Bumped whenever the packages extracted from the same input change. */
  int version();

  /** Cheap test on the repository-relative path alone. */
  boolean accepts(String path);

  /**
   * The packages the file declares, in file order.
   *
   * @param context other files of the repository (parents, includes) and a sink for non-fatal notes
   * @throws ExtractException when the file is malformed; the exception names the line
   */
  List<Package> extract(SourceFile file, ExtractContext context) throws ExtractException;

  /** Extraction of a single file with no access to others. */
  default List<Package> extract(SourceFile file) throws ExtractException {
    return extract(file, ExtractContext.NONE);
  }

  /**
   * Whether every registry package of this format carries a hash, so a missing one means the lockfile was
   * edited or produced by something that skipped verification. Formats without this still get judged when
   * some of a file's packages have hashes (pip's all-or-nothing hash mode).
   */
  default boolean recordsIntegrity() {
    return false;
  }

  /** A limitation of this format's inventory that reports should state for every file it reads, or null. */
  default String coverageNote() {
    return null;
  }

  /** The file's text without a leading byte-order mark, which editors on Windows add and parsers reject. */
  static String text(SourceFile file) {
    String t = file.text();
    return t.startsWith("\uFEFF") ? t.substring(1) : t;
  }

  /** File name after the last slash. */
  static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Directory part with a trailing slash, or "" at the root. */
  static String directory(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash + 1);
  }
}
