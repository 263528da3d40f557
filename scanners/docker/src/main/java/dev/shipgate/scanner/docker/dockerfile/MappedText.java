package dev.shipgate.scanner.docker.dockerfile;

import java.util.Arrays;

/**
 * Text assembled from pieces of a file (an instruction joined across line continuations, a heredoc body)
 * that remembers where each of its characters came from, so that a match anywhere in it can be reported on
 * its own line and replaced in place.
 */
public final class MappedText {

  private final String value;
  private final int[] offsets;
  private final int end;

  MappedText(String value, int[] offsets, int end) {
    this.value = value;
    this.offsets = offsets;
    this.end = end;
  }

  public String value() {
    return value;
  }

  /** The offset in the file's text of character {@code index}; the end of the source for {@code length()}. */
  public int sourceOffset(int index) {
    return index >= value.length() ? end : offsets[index];
  }

  /** The part {@code [from, to)}, still mapped. */
  public MappedText sub(int from, int to) {
    return new MappedText(value.substring(from, to), Arrays.copyOfRange(offsets, from, to), sourceOffset(to));
  }

  /** Without leading and trailing spaces and tabs. */
  public MappedText trim() {
    int from = 0;
    int to = value.length();
    while (from < to && isBlank(value.charAt(from))) {
      from++;
    }
    while (to > from && isBlank(value.charAt(to - 1))) {
      to--;
    }
    return from == 0 && to == value.length() ? this : sub(from, to);
  }

  static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  @Override
  public String toString() {
    return value;
  }

  /** Builds a mapped text piece by piece. */
  static final class Builder {
    private final StringBuilder text = new StringBuilder();
    private int[] offsets = new int[64];

    void append(String source, int from, int to) {
      for (int i = from; i < to; i++) {
        add(source.charAt(i), i);
      }
    }

    void add(char c, int sourceOffset) {
      if (text.length() == offsets.length) {
        offsets = Arrays.copyOf(offsets, offsets.length * 2);
      }
      offsets[text.length()] = sourceOffset;
      text.append(c);
    }

    int length() {
      return text.length();
    }

    MappedText build(int end) {
      return new MappedText(text.toString(), Arrays.copyOf(offsets, text.length()), end);
    }
  }
}
