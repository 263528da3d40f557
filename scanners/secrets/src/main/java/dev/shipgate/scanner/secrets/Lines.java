package dev.shipgate.scanner.secrets;

import java.util.Arrays;

/**
 * Line geometry of a byte array. Windows around keyword hits are found by scanning for newlines near the
 * hit; the full line index is built only when a candidate needs a line number.
 */
final class Lines {

  private final byte[] b;
  private int[] starts;

  Lines(byte[] b) {
    this.b = b;
  }

  private int[] starts() {
    if (starts == null) {
      int count = 1;
      for (byte x : b) {
        if (x == '\n') {
          count++;
        }
      }
      int[] s = new int[count];
      int k = 1;
      for (int i = 0; i < b.length; i++) {
        if (b[i] == '\n') {
          s[k++] = i + 1;
        }
      }
      starts = s;
    }
    return starts;
  }

  int count() {
    return starts().length;
  }

  /** 1-based line of byte {@code offset}. */
  int lineOf(int offset) {
    int i = Arrays.binarySearch(starts(), offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  int startOfLine(int line) {
    int[] s = starts();
    return s[Math.max(0, Math.min(line, s.length) - 1)];
  }

  /** Offset of the line's terminator ({@code \r\n} or {@code \n}), or the end of the data. */
  int endOfLine(int line) {
    int[] s = starts();
    int e = line < s.length ? s[line] - 1 : b.length;
    if (e > startOfLine(line) && e > 0 && e <= b.length && b[e - 1] == '\r') {
      e--;
    }
    return e;
  }

  /** Start of the line holding {@code offset}, but no further back than {@code reach} bytes. */
  int startOfLineAt(int offset, int reach) {
    int limit = Math.max(0, offset - reach);
    int i = Math.min(offset, b.length);
    while (i > limit && b[i - 1] != '\n') {
      i--;
    }
    return i;
  }

  /** End of the line holding {@code offset} (before any {@code \r\n}), but no further than {@code reach} bytes ahead. */
  int endOfLineAt(int offset, int reach) {
    if (offset >= b.length) {
      return b.length;
    }
    int limit = (int) Math.min(b.length, (long) offset + reach);
    int i = offset;
    while (i < limit && b[i] != '\n') {
      i++;
    }
    if (i < b.length && b[i] == '\n' && i > offset && b[i - 1] == '\r') {
      i--;
    }
    return i;
  }
}
