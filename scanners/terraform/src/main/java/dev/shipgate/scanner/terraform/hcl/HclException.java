package dev.shipgate.scanner.terraform.hcl;

/** Malformed HCL: the message says what is wrong, {@link #offset()} where (a character offset of the text). */
public final class HclException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int offset;

  public HclException(String message, int offset) {
    super(message, null, false, false);
    this.offset = offset;
  }

  public int offset() {
    return offset;
  }
}
