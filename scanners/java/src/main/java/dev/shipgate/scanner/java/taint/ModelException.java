package dev.shipgate.scanner.java.taint;

/** A model file that does not say what it means; the message names the file and the entry. */
public final class ModelException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ModelException(String file, String message) {
    super(file + ": " + message);
  }
}
