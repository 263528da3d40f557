package dev.shipgate.git;

/** A clear, user-facing failure: the message says what is wrong and what to do. */
public class GitException extends Exception {

  private static final long serialVersionUID = 1L;

  public GitException(String message) {
    super(message);
  }

  public GitException(String message, Throwable cause) {
    super(message, cause);
  }
}
