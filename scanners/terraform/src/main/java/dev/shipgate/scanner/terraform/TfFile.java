package dev.shipgate.scanner.terraform;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.terraform.hcl.Body;

/** One parsed {@code .tf} file. */
public record TfFile(SourceFile source, Body body) {

  public String path() {
    return source.path();
  }

  public String text() {
    return source.text();
  }

  public int lineOf(int offset) {
    return source.lineOf(offset);
  }
}
