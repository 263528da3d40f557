package dev.shipgate.core.scan;

/** Content-based binary detection, as git does it: a NUL byte in the first 8,000 bytes. */
public final class Binary {

  private static final int PROBE = 8000;

  private Binary() {}

  public static boolean looksBinary(byte[] content) {
    int n = Math.min(content.length, PROBE);
    for (int i = 0; i < n; i++) {
      if (content[i] == 0) {
        return true;
      }
    }
    return false;
  }
}
