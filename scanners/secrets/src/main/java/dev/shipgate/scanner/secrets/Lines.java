package dev.shipgate.scanner.secrets;

/**
 * Line geometry of a byte array, found by scanning for newlines near the offsets asked about: most files
 * have a keyword hit, few have a finding, so no file pays for a full line index.
 */
final class Lines {

  private final byte[] b;
  /** The last offset {@link #lineOf} counted to and its line: findings come in order, so counting resumes there. */
  private int countedTo;
  private int countedLine = 1;

  Lines(byte[] b) {
    this.b = b;
  }

  /** 1-based line of byte {@code offset}. */
  int lineOf(int offset) {
    if (offset < countedTo) {
      countedTo = 0;
      countedLine = 1;
    }
    int line = countedLine;
    for (int i = countedTo; i < offset; i++) {
      if (b[i] == '\n') {
        line++;
      }
    }
    countedTo = offset;
    countedLine = line;
    return line;
  }

  /** Start of the line {@code up} lines above the one holding {@code offset} (or of the first line). */
  int startOfLineAbove(int offset, int up) {
    int s = startOfLineAt(offset, offset);
    for (int k = 0; k < up && s > 0; k++) {
      s = startOfLineAt(s - 1, s - 1);
    }
    return s;
  }

  /**
   * End of the line {@code down} lines below the one holding {@code offset} (or of the last line): the offset of
   * its terminator ({@code \r\n} or {@code \n}), or the end of the data.
   */
  int endOfLineBelow(int offset, int down) {
    int start = startOfLineAt(offset, offset);
    int e = Math.min(offset, b.length);
    while (e < b.length && b[e] != '\n') {
      e++;
    }
    for (int k = 0; k < down && e < b.length; k++) {
      start = ++e;
      while (e < b.length && b[e] != '\n') {
        e++;
      }
    }
    return e > start && b[e - 1] == '\r' ? e - 1 : e;
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
