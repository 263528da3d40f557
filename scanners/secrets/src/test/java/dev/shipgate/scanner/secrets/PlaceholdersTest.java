package dev.shipgate.scanner.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

  /** The plain string tests the single-pass versions replace, written the obvious way. */
  private static boolean templateOpener(String v) {
    return v.contains("${") || v.contains("{{") || v.contains("%(") || v.contains("<%") || v.contains("$(") || v.contains("#{") || v.contains("[[");
  }

  private static boolean placeholderWord(String v, List<String> words) {
    String lower = v.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
    return words.stream().anyMatch(lower::contains);
  }

  @Test
  void singlePassTestsAgreeWithThePlainStringOnes() {
    // Fragments of the words, separators, case, template openers and non-ASCII (İ lower-cases to two chars).
    String[] parts = {"ex", "AMP", "le", "x", "X", "-", "_", " ", "$", "{", "(", "%", "<", "#", "[", "•", "İ", "your", "Key",
        "todo", "1234", "5678", "a", "Z", "9", "e", "pl"};
    Random r = new Random(3);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder v = new StringBuilder();
      int n = 1 + r.nextInt(10);
      for (int i = 0; i < n; i++) {
        v.append(parts[r.nextInt(parts.length)]);
      }
      String s = v.toString();
      if (templateOpener(s)) {
        assertThat(Placeholders.template(s)).as(s).isTrue();
        assertThat(Placeholders.reason(s, s, true)).as(s).isEqualTo("template variable");
        continue;
      }
      String generic = Placeholders.reason(s, s, true);
      String token = Placeholders.reason(s, s, false);
      if (!Placeholders.template(s)) {
        assertThat("placeholder word".equals(token)).as(s).isEqualTo(placeholderWord(s, Placeholders.TOKEN_WORDS));
        if (placeholderWord(s, Placeholders.WORDS)) {
          assertThat(generic).as(s).isIn("placeholder word", "common word");
        }
      }
    }
  }
}
