package dev.shipgate.scanner.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeywordIndexTest {

  /** Every occurrence, as "keyword@end", by brute force. */
  private static List<String> naive(List<String> keywords, String text) {
    List<String> out = new ArrayList<>();
    String lower = text.toLowerCase(Locale.ROOT);
    for (int end = 1; end <= text.length(); end++) {
      for (int k = 0; k < keywords.size(); k++) {
        String w = keywords.get(k);
        if (end >= w.length() && lower.startsWith(w, end - w.length())) {
          out.add(k + "@" + end);
        }
      }
    }
    return out;
  }

  private static List<String> index(List<String> keywords, String text) {
    List<String> out = new ArrayList<>();
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    new KeywordIndex(keywords).scan(b, 0, b.length, (k, end) -> out.add(k + "@" + end));
    out.sort(java.util.Comparator.comparingInt((String s) -> Integer.parseInt(s.substring(s.indexOf('@') + 1)))
        .thenComparingInt(s -> Integer.parseInt(s.substring(0, s.indexOf('@')))));
    return out;
  }

  @Test
  void findsEveryOccurrenceOfOverlappingShortAndLongKeywords() {
    // A four-letter alphabet makes overlaps, repeats and near misses common; keywords of one and two bytes
    // take the trigram filter's wildcard path, runs of hits at the end of the data its tail.
    Random r = new Random(42);
    String alphabet = "abAB_c";
    for (int round = 0; round < 2_000; round++) {
      List<String> keywords = new ArrayList<>();
      int n = 1 + r.nextInt(6);
      while (keywords.size() < n) {
        StringBuilder w = new StringBuilder();
        int len = 1 + r.nextInt(round % 3 == 0 ? 2 : 6);
        for (int i = 0; i < len; i++) {
          w.append(Character.toLowerCase(alphabet.charAt(r.nextInt(alphabet.length()))));
        }
        if (!keywords.contains(w.toString())) {
          keywords.add(w.toString());
        }
      }
      StringBuilder text = new StringBuilder();
      int len = r.nextInt(40);
      for (int i = 0; i < len; i++) {
        text.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      assertThat(index(keywords, text.toString())).as("%s in %s", keywords, text).isEqualTo(naive(keywords, text.toString()));
    }
  }

  @Test
  void aKeywordAtTheVeryStartOrEndOfTheDataIsFound() {
    List<String> keywords = List.of("ghp_", "q~", "aws");
    assertThat(index(keywords, "ghp_x q~")).containsExactly("0@4", "1@8");
    assertThat(index(keywords, "AWS")).containsExactly("2@3");
    assertThat(index(keywords, "q~")).containsExactly("1@2");
  }

  @Test
  void bytesAboveAsciiNeitherMatchNorBreakAKeyword() {
    // Rows are indexed by the signed byte: 0x80..0xFF must land in their own row's entries, not a neighbour's.
    List<String> keywords = List.of("tok", "ok_");
    String text = "\u00fftok\u0080\u00e9TOK_\u00e9tok\u00ff";
    assertThat(index(keywords, text)).isEqualTo(naive(keywords, text));
    assertThat(index(List.of("ghp_"), "\u00c7hp_ gh\u00d0_ \u00ffghp_")).containsExactly("0@15");
  }

  @Test
  void aKeywordListNeedingTooManyStatesIsRefused() {
    List<String> keywords = new ArrayList<>();
    for (int i = 0; i < KeywordIndex.MAX_STATES / 4; i++) {
      // Digits reversed, so keywords differ from their second byte on and share few trie states.
      keywords.add("k" + new StringBuilder(String.format(Locale.ROOT, "%08d", i)).reverse());
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new KeywordIndex(keywords))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("automaton states");
  }

  @Test
  void aLongInputScannedInSideBySideSegmentsReportsWhatOneScanReportsInTheSameOrder() {
    // Long keywords make the streams' lead long; a small alphabet puts occurrences across every segment boundary.
    Random r = new Random(7);
    String alphabet = "abAB_";
    for (int round = 0; round < 60; round++) {
      List<String> keywords = new ArrayList<>();
      while (keywords.size() < 6) {
        StringBuilder w = new StringBuilder();
        int len = 1 + r.nextInt(round % 2 == 0 ? 4 : 40);
        for (int i = 0; i < len; i++) {
          w.append(Character.toLowerCase(alphabet.charAt(r.nextInt(alphabet.length()))));
        }
        keywords.add(w.toString()); // a repeated keyword must be reported once per index, as in one scan
      }
      StringBuilder text = new StringBuilder();
      int len = 2_048 + r.nextInt(6_000);
      while (text.length() < len) {
        // Planted keywords, long ones included, land across segment boundaries too.
        text.append(r.nextInt(20) == 0 ? keywords.get(r.nextInt(keywords.size())) : alphabet.charAt(r.nextInt(alphabet.length())));
      }
      byte[] b = text.toString().getBytes(StandardCharsets.ISO_8859_1);
      KeywordIndex index = new KeywordIndex(keywords);
      int from = r.nextInt(50);
      int to = b.length - r.nextInt(50);
      List<String> split = new ArrayList<>();
      index.scan(b, from, to, (k, end) -> split.add(k + "@" + end));
      List<String> one = new ArrayList<>();
      index.scanOneStream(b, from, to, (k, end) -> one.add(k + "@" + end));
      assertThat(split).as("%s", keywords).isEqualTo(one);
      assertThat(one).isNotEmpty();
    }
    assertThat(index(List.of("ab"), "ab".repeat(3_000))).hasSize(3_000);
  }
}
