package dev.shipgate.scanner.secrets;

/** Byte/char offset helpers for windows cut out of UTF-8 bytes. */
final class Utf8 {

  private Utf8() {}

  /** Moves back to the first byte of the character containing {@code i} (never splits a character). */
  static int charStart(byte[] b, int i) {
    int j = i;
    while (j > 0 && j < b.length && (b[j] & 0xC0) == 0x80 && i - j < 3) {
      j--;
    }
    return j;
  }

  static boolean isAscii(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /** UTF-8 length of {@code s[from, to)}, matching what {@link String#getBytes} would produce. */
  static int length(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n += 1;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
