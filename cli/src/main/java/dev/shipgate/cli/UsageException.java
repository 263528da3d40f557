package dev.shipgate.cli;

/** A problem with how shipgate was called or configured: exit code 2, message without a stack trace. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
