package dev.shipgate.scanner.config;

/** A file Spring could not load either; {@code line} is 1-based, 0 when unknown. */
public final class ConfigParseException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int line;

  public ConfigParseException(int line, String message) {
    super(message);
    this.line = line;
  }

  public int line() {
    return line;
  }
}
