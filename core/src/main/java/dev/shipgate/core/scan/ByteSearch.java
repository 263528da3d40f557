package dev.shipgate.core.scan;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A byte string to find in raw file content (ASCII markers and keywords, looked for before a scanner pays for decoding
 * the text), its shift table built once rather than at every search. The engine searches every file for the
 * inline-suppression marker, so this is on the path of every byte scanned.
 */
public final class ByteSearch {

  private final byte[] needle;
  /** Horspool's shift by the window's last byte; null for needles shorter than four bytes, compared in place. */
  private final int[] skip;

  private ByteSearch(byte[] needle) {
    this.needle = needle;
    int n = needle.length;
    if (n < 4) {
      skip = null;
      return;
    }
    // Horspool: most windows are left after one comparison and a skip of up to the needle's length. Byte by byte,
    // the marker search was a tenth of a secrets scan; a table keyed by the window's last two bytes was measured no
    // faster (common English pairs such as "at", "re" and "or" occur in the marker).
    skip = new int[256];
    Arrays.fill(skip, n);
    for (int k = 0; k < n - 1; k++) {
      skip[needle[k] & 0xff] = n - 1 - k;
    }
  }

  public static ByteSearch of(byte[] needle) {
    return new ByteSearch(needle.clone());
  }

  public static ByteSearch ascii(String needle) {
    return new ByteSearch(needle.getBytes(StandardCharsets.US_ASCII));
  }

  /** Where the needle first occurs in {@code bytes} at or after {@code from}, or -1. */
  public int indexIn(byte[] bytes, int from) {
    int n = needle.length;
    int start = Math.max(0, from);
    if (n == 0) {
      return Math.min(start, bytes.length);
    }
    int last = bytes.length - n;
    if (skip == null) {
      for (int i = start; i <= last; i++) {
        if (matchesAt(bytes, i)) {
          return i;
        }
      }
      return -1;
    }
    byte tail = needle[n - 1];
    int i = start;
    while (i <= last) {
      byte b = bytes[i + n - 1];
      if (b == tail && matchesAt(bytes, i)) {
        return i;
      }
      i += skip[b & 0xff];
    }
    return -1;
  }

  /** Whether the needle occurs anywhere in {@code bytes}. */
  public boolean in(byte[] bytes) {
    return indexIn(bytes, 0) >= 0;
  }

  private boolean matchesAt(byte[] bytes, int at) {
    for (int k = 0; k < needle.length; k++) {
      if (bytes[at + k] != needle[k]) {
        return false;
      }
    }
    return true;
  }
}
