package dev.shipgate.core.scan;

import java.io.IOException;
import java.util.List;

/** A scanner that needs all its files at once (whole-program analysis, manifests that refer to each other). */
public interface ProjectScanner extends Scanner {

  /** Reports findings over every accepted file; called once per scan. */
  void scan(List<SourceFile> files, ScanContext context) throws IOException;
}
