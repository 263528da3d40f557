package dev.shipgate.scanner.docker.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits instruction arguments into words the way the Dockerfile frontend does for {@code ENV}, {@code ARG},
 * {@code FROM}, {@code COPY} and flags: on unquoted blanks, with quotes removed and the escape character
 * taking the next character literally (but not inside single quotes).
 */
public final class Words {

  /**
   * One word.
   *
   * @param value the word without quotes and escapes
   * @param start index of its first character in the split text
   * @param end index just after it
   */
  public record Word(String value, int start, int end) {}

  private Words() {}

  public static List<Word> split(String text, char escape) {
    List<Word> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i >= n) {
        break;
      }
      int start = i;
      StringBuilder word = new StringBuilder();
      char quote = 0;
      while (i < n) {
        char c = text.charAt(i);
        if (quote == 0 && Character.isWhitespace(c)) {
          break;
        }
        if (c == escape && quote != '\'' && i + 1 < n) {
          word.append(text.charAt(i + 1));
          i += 2;
          continue;
        }
        if (quote == 0 && (c == '"' || c == '\'')) {
          quote = c;
        } else if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
        i++;
      }
      out.add(new Word(word.toString(), start, i));
    }
    return out;
  }
}
