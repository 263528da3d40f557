package dev.shipgate.scanner.deps.extract;

/** A manifest or lockfile that cannot be read; {@code line} is 1-based, 0 when unknown. */
public final class ExtractException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int line;

  public ExtractException(int line, String message) {
    super(message);
    this.line = Math.max(0, line);
  }

  public ExtractException(int line, String message, Throwable cause) {
    super(message, cause);
    this.line = Math.max(0, line);
  }

  public int line() {
    return line;
  }
}
