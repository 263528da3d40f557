package dev.shipgate.evidence;

/**
 * Evidence that cannot be used: a malformed key, envelope, statement or audit log. The message names the file and
 * what is wrong with it, and never contains key material.
 */
public class EvidenceException extends Exception {
  private static final long serialVersionUID = 1L;

  public EvidenceException(String message) {
    super(message);
  }

  public EvidenceException(String message, Throwable cause) {
    super(message, cause);
  }
}
