package dev.shipgate.scanner.secrets;

import java.util.Arrays;

/** Line starts of a byte array, built once per file that has a keyword hit. */
final class Lines {

  private final byte[] b;
  private final int[] starts;

  Lines(byte[] b) {
    this.b = b;
    int count = 1;
    for (byte x : b) {
      if (x == '\n') {
        count++;
      }
    }
    starts = new int[count];
    int k = 1;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n') {
        starts[k++] = i + 1;
      }
    }
  }

  int count() {
    return starts.length;
  }

  /** 1-based line of byte {@code offset}. */
  int lineOf(int offset) {
    int i = Arrays.binarySearch(starts, offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  int startOfLine(int line) {
    return starts[Math.max(0, Math.min(line, starts.length) - 1)];
  }

  /** Offset of the line's terminator ({@code \r\n} or {@code \n}), or the end of the data. */
  int endOfLine(int line) {
    int e = line < starts.length ? starts[line] - 1 : b.length;
    if (e > startOfLine(line) && e > 0 && e <= b.length && b[e - 1] == '\r') {
      e--;
    }
    return e;
  }

  /** Start of the line holding {@code offset}, but no further back than {@code reach} bytes. */
  int startOfLineAt(int offset, int reach) {
    return Math.max(startOfLine(lineOf(offset)), offset - reach);
  }

  /** End of the line holding {@code offset}, but no further than {@code reach} bytes ahead. */
  int endOfLineAt(int offset, int reach) {
    if (offset >= b.length) {
      return b.length;
    }
    return Math.min(endOfLine(lineOf(offset)), offset + reach);
  }
}
