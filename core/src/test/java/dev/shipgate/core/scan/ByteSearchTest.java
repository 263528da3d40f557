package dev.shipgate.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ByteSearchTest {

  @Property
  void byteSearchFromAnyOffsetAgreesWithStringSearch(@ForAll("fewLetters") String hay, @ForAll("fewLetters") String needle,
      @ForAll @net.jqwik.api.constraints.IntRange(min = -3, max = 80) int from) {
    byte[] h = hay.getBytes(StandardCharsets.ISO_8859_1);
    byte[] n = needle.getBytes(StandardCharsets.ISO_8859_1);
    int expected = needle.isEmpty() ? Math.max(0, Math.min(from, hay.length())) : hay.indexOf(needle, Math.max(0, from));
    assertThat(ByteSearch.of(n).indexIn(h, from)).isEqualTo(expected);
  }

  /** Few distinct bytes (a NUL and a high byte among them), so that needles occur, overlap and repeat. */
  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<String> fewLetters() {
    return net.jqwik.api.Arbitraries.strings().withChars('a', 'b', 'h', ':', '\0', '\u00e9').ofMaxLength(70);
  }

  @Property
  void byteSearchAgreesWithStringSearch(@ForAll String hay, @ForAll String needle) {
    // ISO-8859-1 maps each char below 256 to one byte; other chars are folded so both sides see the same units.
    String h = hay.chars().map(c -> c & 0xff).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    String n = needle.chars().map(c -> c & 0xff).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    assertThat(ByteSearch.of(n.getBytes(StandardCharsets.ISO_8859_1)).indexIn(h.getBytes(StandardCharsets.ISO_8859_1), 0))
        .isEqualTo(h.indexOf(n));
  }

  @Property
  void byteSearchFindsEveryCutOfTheHaystack(@ForAll @net.jqwik.api.constraints.CharRange(from = 'a', to = 'd') String hay,
      @ForAll @net.jqwik.api.constraints.IntRange(max = 60) int start, @ForAll @net.jqwik.api.constraints.IntRange(max = 12) int length,
      @ForAll @net.jqwik.api.constraints.IntRange(max = 60) int from) {
    // A small alphabet makes partial matches and repeated prefixes common, which is where skip tables go wrong.
    int a = Math.min(start, hay.length());
    String needle = hay.substring(a, Math.min(hay.length(), a + length));
    byte[] h = hay.getBytes(StandardCharsets.US_ASCII);
    assertThat(ByteSearch.ascii(needle).indexIn(h, from))
        .isEqualTo(needle.isEmpty() ? Math.min(from, hay.length()) : hay.indexOf(needle, from));
  }

  @Test
  void byteSearchHonoursItsStartAndBounds() {
    byte[] b = "ab shipgate:ignore cd shipgate:ignore".getBytes(StandardCharsets.US_ASCII);
    ByteSearch m = ByteSearch.ascii("shipgate:ignore");
    assertThat(m.indexIn(b, 0)).isEqualTo(3);
    assertThat(m.indexIn(b, 4)).isEqualTo(22);
    assertThat(m.indexIn(b, 23)).isEqualTo(-1);
    assertThat(m.indexIn(new byte[0], 0)).isEqualTo(-1);
    assertThat(m.in("shipgate:ignore".getBytes(StandardCharsets.US_ASCII))).isTrue();
  }

  @Property
  void longNeedlesFindEveryMatch(@ForAll("fewLetters") String hay,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 4, max = 300) int repeat) {
    // Long needles with repeated parts: skips must never pass over an occurrence.
    String needle = "ab:".repeat(repeat / 3 + 1) + "h";
    String h = hay + needle + hay;
    assertThat(ByteSearch.ascii(needle).indexIn(h.getBytes(StandardCharsets.ISO_8859_1), 0)).isEqualTo(h.indexOf(needle));
  }
}
