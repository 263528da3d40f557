package dev.shipgate.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class SourceFileTest {

  @Test
  void linesAreOneBasedWithoutTerminators() {
    SourceFile f = SourceFile.of("a.txt", "one\r\ntwo\nthree");
    assertThat(f.lineCount()).isEqualTo(3);
    assertThat(f.line(1)).isEqualTo("one");
    assertThat(f.line(2)).isEqualTo("two");
    assertThat(f.line(3)).isEqualTo("three");
    assertThat(f.line(0)).isEmpty();
    assertThat(f.line(4)).isEmpty();
  }

  @Test
  void trailingNewlineDoesNotAddALine() {
    assertThat(SourceFile.of("a", "x\n").lineCount()).isEqualTo(1);
    assertThat(SourceFile.of("a", "").lineCount()).isZero();
  }

  @Test
  void offsetsMapToLinesAndColumns() {
    SourceFile f = SourceFile.of("a", "ab\ncde\n");
    assertThat(f.lineOf(0)).isEqualTo(1);
    assertThat(f.lineOf(3)).isEqualTo(2);
    assertThat(f.columnOf(4)).isEqualTo(2);
  }

  @Test
  void invalidUtf8IsReplacedAndFlagged() {
    byte[] bytes = {'o', 'k', (byte) 0xC3, (byte) 0x28, '\n'};
    SourceFile f = SourceFile.of("latin.txt", bytes);
    assertThat(f.isValidUtf8()).isFalse();
    assertThat(f.line(1)).startsWith("ok").contains("\uFFFD");
    assertThat(SourceFile.of("u", "héllo".getBytes(StandardCharsets.UTF_8)).isValidUtf8()).isTrue();
  }

  @Test
  void releasedContentIsReloaded() throws Exception {
    int[] loads = {0};
    SourceFile f = SourceFile.lazy("a", 3, () -> {
      loads[0]++;
      return "abc".getBytes(StandardCharsets.UTF_8);
    });
    assertThat(f.text()).isEqualTo("abc");
    f.release();
    assertThat(f.text()).isEqualTo("abc");
    assertThat(loads[0]).isEqualTo(2);
  }

  @Property(tries = 300)
  void everyOffsetHasALineWithinTheFile(@ForAll String text) {
    SourceFile f = SourceFile.of("p", text);
    for (int i = 0; i < text.length(); i++) {
      int line = f.lineOf(i);
      assertThat(line).isBetween(1, Math.max(1, text.split("\n", -1).length));
      assertThat(f.columnOf(i)).isPositive();
    }
  }

  @Test
  void binaryDetectionLooksForNulBytes() {
    assertThat(Binary.looksBinary(new byte[] {'a', 0, 'b'})).isTrue();
    assertThat(Binary.looksBinary("plain text".getBytes(StandardCharsets.UTF_8))).isFalse();
    byte[] lateNul = new byte[10_000];
    java.util.Arrays.fill(lateNul, (byte) 'a');
    lateNul[9_000] = 0;
    assertThat(Binary.looksBinary(lateNul)).as("only the first 8000 bytes are probed, as git does").isFalse();
  }

  @Property
  void binaryProbeAgreesWithAByteLoop(@ForAll byte[] content, @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 8100) int nulAt,
      @ForAll boolean plantNul) {
    byte[] bytes = content;
    if (plantNul) {
      bytes = java.util.Arrays.copyOf(content, Math.max(content.length, nulAt + 1));
      bytes[nulAt] = 0;
    }
    boolean expected = false;
    for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
      expected |= bytes[i] == 0;
    }
    assertThat(Binary.looksBinary(bytes)).isEqualTo(expected);
  }

  @Test
  void binaryProbeFindsANulAtEveryOffsetOfAWord() {
    for (int at = 0; at < 24; at++) {
      byte[] bytes = new byte[24];
      java.util.Arrays.fill(bytes, (byte) 0x80); // high bits set: the borrow trick must not take them for zeros
      bytes[at] = 0;
      assertThat(Binary.looksBinary(bytes)).as("NUL at %d", at).isTrue();
    }
    byte[] ones = new byte[24];
    java.util.Arrays.fill(ones, (byte) 1);
    assertThat(Binary.looksBinary(ones)).isFalse();
    byte[] high = new byte[24];
    java.util.Arrays.fill(high, (byte) 0xff);
    assertThat(Binary.looksBinary(high)).isFalse();
  }

  @Property
  void lineAtByteAgreesWithTheDecodedText(
      @ForAll @net.jqwik.api.constraints.CharRange(from = '\n', to = 'z') String text,
      @ForAll @net.jqwik.api.constraints.IntRange(max = 400) int offset) throws java.io.IOException {
    SourceFile f = SourceFile.of("a.txt", text);
    // ASCII: byte and character offsets coincide, so the line of a byte is the line of the same character.
    assertThat(SourceFile.lineAtByte(f.bytes(), offset)).isEqualTo(f.lineOf(Math.min(offset, text.length())));
  }
}
