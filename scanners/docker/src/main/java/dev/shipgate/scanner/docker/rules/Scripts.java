package dev.shipgate.scanner.docker.rules;

import dev.shipgate.scanner.docker.dockerfile.Dockerfile;
import dev.shipgate.scanner.docker.dockerfile.Heredoc;
import dev.shipgate.scanner.docker.dockerfile.Instruction;
import dev.shipgate.scanner.docker.dockerfile.MappedText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell text that {@code RUN} instructions execute: the command itself and any heredoc scripts, and the
 * command of {@code ONBUILD RUN}.
 */
final class Scripts {

  /** One piece of shell text and the instruction it belongs to. */
  record Script(Instruction instruction, MappedText text) {}

  private Scripts() {}

  /**
   * A simple command of a script: where its first keyword (program name) is, and where the command ends
   * (the next {@code ;}, {@code &}, {@code |} or line break, or the end of the text).
   */
  record Command(int keyword, int end) {}

  /**
   * The commands in which one of {@code keywords} occurs as a word, each with its first such occurrence, in
   * text order. Patterns are then tried once per command, bounded by the command's end, so a megabyte-long
   * RUN line full of keywords still takes linear time.
   */
  static List<Command> commands(String text, List<String> keywords) {
    int n = text.length();
    int[] ends = new int[n + 1];
    ends[n] = n;
    for (int i = n - 1; i >= 0; i--) {
      char c = text.charAt(i);
      ends[i] = c == ';' || c == '&' || c == '|' || c == '\n' ? i : ends[i + 1];
    }
    TreeMap<Integer, Integer> firstByEnd = new TreeMap<>();
    for (String keyword : keywords) {
      for (int at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
        if (at > 0 && isWordChar(text.charAt(at - 1))) {
          continue;
        }
        firstByEnd.merge(ends[at], at, Math::min);
      }
    }
    List<Command> out = new ArrayList<>();
    firstByEnd.forEach((end, at) -> out.add(new Command(at, end)));
    out.sort(Comparator.comparingInt(Command::keyword));
    return out;
  }

  /** Matches of {@code pattern} at the first keyword of each command, within the command. */
  static List<MatchResult> find(Pattern pattern, String text, List<String> keywords) {
    Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    List<MatchResult> out = new ArrayList<>();
    for (Command c : commands(text, keywords)) {
      if (m.region(c.keyword(), c.end()).lookingAt()) {
        out.add(m.toMatchResult());
      }
    }
    return out;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
  }

  static List<Script> of(Dockerfile df) {
    List<Script> out = new ArrayList<>();
    for (Instruction in : df.instructions()) {
      if (in.is("ONBUILD") && in.args().value().regionMatches(true, 0, "RUN", 0, 3)) {
        // ONBUILD RUN runs in every image built FROM this one.
        MappedText args = in.args();
        out.add(new Script(in, args.sub(3, args.value().length()).trim()));
        continue;
      }
      if (!in.is("RUN")) {
        continue;
      }
      out.add(new Script(in, in.operands()));
      for (Heredoc h : in.heredocs()) {
        out.add(new Script(in, h.body()));
      }
    }
    return out;
  }
}
