package dev.shipgate.core.scan;

import java.io.IOException;

/** A scanner that judges each file on its own; the engine calls it in parallel, one file per call. */
public interface FileScanner extends Scanner {

  /**
   * Reports findings in one accepted file. Problems with the file's content (a parse error) are reported
   * with {@link ScanContext#error}; an exception is treated as an internal error of the scanner.
   */
  void scan(SourceFile file, ScanContext context) throws IOException;

  /**
   * Called once after every file was scanned, for repository-wide work that is not about the current
   * files (the secrets family's {@code --history} walk over git objects).
   */
  default void finish(ScanContext context) throws IOException {}
}
