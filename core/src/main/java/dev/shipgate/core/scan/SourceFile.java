package dev.shipgate.core.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One file offered to scanners: from the working tree, the git index or a commit. Content is loaded once
 * and shared by every scanner that looks at the file.
 *
 * <p>Text is decoded as UTF-8; malformed bytes become U+FFFD and {@link #isValidUtf8()} says so, so a
 * scanner never fails on encoding.
 */
public final class SourceFile {

  /** Supplies the bytes of a file; called at most once per {@link SourceFile} unless released. */
  @FunctionalInterface
  public interface Loader {
    byte[] load() throws IOException;
  }

  private final String path;
  private final long size;
  private final Loader loader;
  private byte[] bytes;
  private String text;
  private boolean validUtf8 = true;
  private int[] lineStarts;

  private SourceFile(String path, long size, Loader loader) {
    this.path = Objects.requireNonNull(path, "path");
    this.size = size;
    this.loader = loader;
  }

  /** A file whose content is read when first needed. */
  public static SourceFile lazy(String path, long size, Loader loader) {
    return new SourceFile(path, size, loader);
  }

  /** A file whose content is already in memory (tests, git blobs). */
  public static SourceFile of(String path, byte[] content) {
    SourceFile f = new SourceFile(path, content.length, () -> content);
    f.bytes = content;
    return f;
  }

  public static SourceFile of(String path, String content) {
    return of(path, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Repository-relative path with forward slashes. */
  public String path() {
    return path;
  }

  /** File name after the last slash. */
  public String name() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  public long size() {
    return size;
  }

  public synchronized byte[] bytes() throws IOException {
    if (bytes == null) {
      bytes = loader.load();
    }
    return bytes;
  }

  /** The content as text; throws {@link UncheckedIOException} only when the file cannot be read at all. */
  public synchronized String text() {
    if (text == null) {
      byte[] b;
      try {
        b = bytes();
      } catch (IOException e) {
        throw new UncheckedIOException(path + ": cannot read: " + e.getMessage(), e);
      }
      text = decode(b);
    }
    return text;
  }

  private String decode(byte[] b) {
    CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = strict.decode(ByteBuffer.wrap(b));
      return chars.toString();
    } catch (CharacterCodingException e) {
      validUtf8 = false;
      return new String(b, StandardCharsets.UTF_8);
    }
  }

  /** False when the bytes were not valid UTF-8 and replacement characters stand in the text. */
  public synchronized boolean isValidUtf8() {
    text();
    return validUtf8;
  }

  /** The number of lines (a trailing newline does not start a new line). */
  public int lineCount() {
    int[] starts = lineStarts();
    String t = text();
    return t.isEmpty() ? 0 : (t.endsWith("\n") ? starts.length - 1 : starts.length);
  }

  /** Line {@code n} (1-based) without its line terminator, or "" outside the file. */
  public String line(int n) {
    int[] starts = lineStarts();
    if (n < 1 || n > starts.length) {
      return "";
    }
    String t = text();
    int start = starts[n - 1];
    int end = n < starts.length ? starts[n] - 1 : t.length();
    if (end > start && t.charAt(end - 1) == '\r') {
      end--;
    }
    return t.substring(start, Math.max(start, end));
  }

  /** Character offset in {@link #text()} where line {@code n} (1-based) starts; the text's length past the end. */
  public int lineStart(int n) {
    int[] starts = lineStarts();
    return n >= 1 && n <= starts.length ? starts[n - 1] : text().length();
  }

  /** The 1-based line holding character offset {@code offset} of {@link #text()}. */
  public int lineOf(int offset) {
    int[] starts = lineStarts();
    int i = Arrays.binarySearch(starts, offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** The 1-based line holding byte {@code offset} of {@code bytes}: for errors found before the text is decoded. */
  public static int lineAtByte(byte[] bytes, int offset) {
    int line = 1;
    int end = Math.min(offset, bytes.length);
    for (int i = 0; i < end; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The 1-based column of character offset {@code offset}. */
  public int columnOf(int offset) {
    return offset - lineStarts()[lineOf(offset) - 1] + 1;
  }

  private synchronized int[] lineStarts() {
    if (lineStarts == null) {
      String t = text();
      int count = 1;
      for (int i = 0; i < t.length(); i++) {
        if (t.charAt(i) == '\n') {
          count++;
        }
      }
      int[] starts = new int[count];
      int k = 1;
      for (int i = 0; i < t.length(); i++) {
        if (t.charAt(i) == '\n') {
          starts[k++] = i + 1;
        }
      }
      lineStarts = starts;
    }
    return lineStarts;
  }

  /** Drops cached content so a large tree is not held in memory; the next access reloads it. */
  public synchronized void release() {
    bytes = null;
    text = null;
    lineStarts = null;
    validUtf8 = true;
  }

  @Override
  public String toString() {
    return path;
  }
}
