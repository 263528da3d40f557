package dev.shipgate.scanner.terraform;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.terraform.hcl.Body;

/** One parsed {@code .tf}, {@code .tf.json} or auto-loaded {@code .tfvars} file. */
public record TfFile(SourceFile source, Body body) {

  public String path() {
    return source.path();
  }

  public String text() {
    return source.text();
  }

  /** Whether the file sets variable values that Terraform loads automatically ({@code terraform.tfvars}, {@code *.auto.tfvars}). */
  public boolean variableValues() {
    return setsVariables(source.path());
  }

  static boolean setsVariables(String path) {
    return path.endsWith(".tfvars") || path.endsWith(".tfvars.json");
  }

  /** Whether the file uses Terraform's JSON syntax ({@code .tf.json}, {@code .tfvars.json}). */
  public boolean json() {
    return source.path().endsWith(".json");
  }

  public int lineOf(int offset) {
    return source.lineOf(offset);
  }
}
