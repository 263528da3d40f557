package dev.shipgate.scanner.terraform;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.terraform.hcl.Body;

/** One parsed {@code .tf} or {@code .tf.json} file. */
public record TfFile(SourceFile source, Body body) {

  public String path() {
    return source.path();
  }

  public String text() {
    return source.text();
  }

  /** Whether the file uses Terraform's JSON syntax ({@code .tf.json}). */
  public boolean json() {
    return source.path().endsWith(".json");
  }

  public int lineOf(int offset) {
    return source.lineOf(offset);
  }
}
