package dev.shipgate.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random strings biased towards what breaks output formats: markup and table metacharacters,
 * backtick runs, backslashes, C0/C1 controls, bidi overrides, lone surrogates, non-characters and emoji.
 * A fixed seed keeps every run identical; the first samples are hand-picked edge cases.
 */
final class HostileStrings {

  private static final String[] PIECES = {
    "|", "\\", "\\|", "`", "``", "```", "<", ">", "&", "\"", "'", "]]>", "</script>", "<!--", "@user", "@", "*", "_",
    "[", "]", "(", ")", "#", "~", "!", "\n", "\r", "\t", "\r\n", " ", "  ", "\u0000", "\u0007", "\u001b[31m", "\u007f",
    "\u0085", "\u009b", "\u202e", "\u2066", "\u200b", "\ud800", "\udfff", "\uffff", "\ufffe", "\ud83d\ude00", "\u00fc",
    "\u65e5\u672c", "a", "b", "x1", "select", ";", ":", "/", "%", "&amp;", "&#0;"
  };

  private HostileStrings() {}

  static List<String> sample(int count) {
    List<String> out = new ArrayList<>(List.of("", " ", "`", "\\", "|", "\\|", "` a `", "a\\|b", "\ud800", "@", "]]>",
        "\r", "\u0000"));
    Random random = new Random(20261121L);
    while (out.size() < count) {
      StringBuilder b = new StringBuilder();
      int parts = random.nextInt(12);
      for (int i = 0; i < parts; i++) {
        if (random.nextInt(5) == 0) {
          b.append((char) random.nextInt(Character.MAX_VALUE + 1));
        } else {
          b.append(PIECES[random.nextInt(PIECES.length)]);
        }
      }
      out.add(b.toString());
    }
    return out;
  }
}
