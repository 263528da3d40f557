package dev.shipgate.scanner.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code .properties} text the way {@link java.util.Properties#load(java.io.Reader)} does, keeping the
 * line each key starts on: {@code #}/{@code !} comments, continuation lines ending in an odd number of
 * backslashes, {@code =}, {@code :} or whitespace between key and value, and {@code \t \n \r \f \\uXXXX}
 * escapes. Like Spring Boot 2.4+ it also splits documents at a line that is exactly {@code #---} or
 * {@code !---}. Never throws: a malformed {@code \\uXXXX} is reported as a problem on its line.
 */
public final class PropertiesParser {

  private PropertiesParser() {}

  public static ParsedConfig parse(String text) {
    List<ConfigDocument> documents = new ArrayList<>();
    List<ParsedConfig.Problem> problems = new ArrayList<>();
    List<ConfigEntry> current = new ArrayList<>();
    StringBuilder logical = new StringBuilder();
    int n = text.length();
    int pos = 0;
    int line = 1;
    while (pos < n) {
      // Start of a natural line that is not a continuation.
      int lineStart = pos;
      int startLine = line;
      pos = skipWhitespace(text, pos);
      if (pos >= n) {
        break;
      }
      char first = text.charAt(pos);
      if (first == '\n' || first == '\r') {
        pos = afterTerminator(text, pos);
        line += text.charAt(pos - 1) == '\n' ? 1 : 0;
        continue;
      }
      if (first == '#' || first == '!') {
        int end = lineEnd(text, pos);
        if (pos == lineStart && end - pos == 4 && text.startsWith("---", pos + 1)) {
          documents.add(ConfigDocument.of(current));
          current = new ArrayList<>();
        }
        pos = end;
        if (pos < n) {
          pos = afterTerminator(text, pos);
          line += text.charAt(pos - 1) == '\n' ? 1 : 0;
        }
        continue;
      }
      // Gather the logical line, joining continuations.
      logical.setLength(0);
      while (true) {
        int end = lineEnd(text, pos);
        logical.append(text, pos, end);
        int backslashes = 0;
        for (int i = end - 1; i >= pos && text.charAt(i) == '\\'; i--) {
          backslashes++;
        }
        boolean continued = backslashes % 2 == 1;
        if (continued) {
          logical.setLength(logical.length() - 1);
        }
        pos = end;
        if (pos < n) {
          pos = afterTerminator(text, pos);
          line += text.charAt(pos - 1) == '\n' ? 1 : 0;
        }
        if (!continued || pos >= n) {
          break;
        }
        pos = skipWhitespace(text, pos);
        if (pos >= n) {
          break;
        }
        char c = text.charAt(pos);
        if (c == '\n' || c == '\r') {
          // An empty continuation line ends the logical line (java.util.Properties does the same).
          pos = afterTerminator(text, pos);
          line += text.charAt(pos - 1) == '\n' ? 1 : 0;
          break;
        }
      }
      current.add(entry(logical, startLine, problems));
    }
    documents.add(ConfigDocument.of(current));
    return new ParsedConfig(documents, problems);
  }

  private static ConfigEntry entry(CharSequence s, int line, List<ParsedConfig.Problem> problems) {
    int limit = s.length();
    int keyLen = 0;
    int valueStart = limit;
    boolean hasSep = false;
    boolean escaped = false;
    while (keyLen < limit) {
      char c = s.charAt(keyLen);
      if ((c == '=' || c == ':') && !escaped) {
        valueStart = keyLen + 1;
        hasSep = true;
        break;
      }
      if ((c == ' ' || c == '\t' || c == '\f') && !escaped) {
        valueStart = keyLen + 1;
        break;
      }
      escaped = c == '\\' && !escaped;
      keyLen++;
    }
    while (valueStart < limit) {
      char c = s.charAt(valueStart);
      if (c != ' ' && c != '\t' && c != '\f') {
        if (!hasSep && (c == '=' || c == ':')) {
          hasSep = true;
        } else {
          break;
        }
      }
      valueStart++;
    }
    String key = unescape(s, 0, keyLen, line, problems);
    String value = unescape(s, valueStart, limit, line, problems);
    return new ConfigEntry(key, value, line);
  }

  private static String unescape(CharSequence s, int from, int to, int line, List<ParsedConfig.Problem> problems) {
    StringBuilder out = new StringBuilder(to - from);
    int i = from;
    while (i < to) {
      char c = s.charAt(i++);
      if (c != '\\' || i >= to) {
        // A backslash as the very last character can only come from a continuation cut short by the end of the file.
        if (c != '\\') {
          out.append(c);
        }
        continue;
      }
      c = s.charAt(i++);
      switch (c) {
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'n' -> out.append('\n');
        case 'f' -> out.append('\f');
        case 'u' -> {
          int value = 0;
          int digits = 0;
          while (digits < 4 && i < to && Character.digit(s.charAt(i), 16) >= 0) {
            value = value * 16 + Character.digit(s.charAt(i), 16);
            i++;
            digits++;
          }
          if (digits < 4) {
            problems.add(new ParsedConfig.Problem(line, "malformed \\uXXXX escape (java.util.Properties and Spring reject the file)"));
            out.append('u');
          } else {
            out.append((char) value);
          }
        }
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static int skipWhitespace(String text, int pos) {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\f') {
        break;
      }
      pos++;
    }
    return pos;
  }

  private static int lineEnd(String text, int pos) {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\n' || c == '\r') {
        break;
      }
      pos++;
    }
    return pos;
  }

  /** Position after the terminator at {@code pos}: {@code \n}, {@code \r} or {@code \r\n}. */
  private static int afterTerminator(String text, int pos) {
    if (text.charAt(pos) == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
      return pos + 2;
    }
    return pos + 1;
  }
}
