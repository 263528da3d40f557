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
    StringBuilder buf = new StringBuilder();
    int n = text.length();
    int off = 0;
    int line = 1;
    // One logical line per pass, following java.util.Properties.LineReader.readLine step by step.
    while (true) {
      buf.setLength(0);
      int startLine = 0;
      boolean skipWhiteSpace = true;
      boolean appendedLineBegin = false;
      boolean precedingBackslash = false;
      boolean continuation = false;
      int length = -1;
      while (true) {
        if (off >= n) {
          length = buf.length() == 0 ? -1 : precedingBackslash ? buf.length() - 1 : buf.length();
          break;
        }
        char c = text.charAt(off++);
        if (c == '\n') {
          line++;
        }
        if (skipWhiteSpace) {
          if (c == ' ' || c == '\t' || c == '\f') {
            continue;
          }
          if (!appendedLineBegin && (c == '\r' || c == '\n')) {
            continue;
          }
          continuation = appendedLineBegin;
          skipWhiteSpace = false;
          appendedLineBegin = false;
        }
        if (buf.length() == 0 && (c == '#' || c == '!')) {
          int commentStart = off - 1;
          int commentEnd = n;
          while (off < n) {
            char d = text.charAt(off++);
            if (d == '\n') {
              line++;
            }
            if (d == '\r' || d == '\n') {
              commentEnd = off - 1;
              break;
            }
          }
          // Spring Boot 2.4+: a line that is exactly #--- or !--- starts a new document.
          boolean atLineStart = commentStart == 0 || text.charAt(commentStart - 1) == '\n' || text.charAt(commentStart - 1) == '\r';
          if (atLineStart && !continuation && commentEnd - commentStart == 4 && text.startsWith("---", commentStart + 1)) {
            documents.add(ConfigDocument.of(current));
            current = new ArrayList<>();
          }
          skipWhiteSpace = true;
          continue;
        }
        if (c != '\n' && c != '\r') {
          if (buf.length() == 0) {
            startLine = line;
          }
          buf.append(c);
          precedingBackslash = c == '\\' && !precedingBackslash;
          continue;
        }
        if (buf.length() == 0) {
          skipWhiteSpace = true;
          continue;
        }
        if (off >= n) {
          length = precedingBackslash ? buf.length() - 1 : buf.length();
          break;
        }
        if (!precedingBackslash) {
          length = buf.length();
          break;
        }
        // A backslash at the end of the line joins the next line, minus its leading whitespace.
        buf.setLength(buf.length() - 1);
        skipWhiteSpace = true;
        appendedLineBegin = true;
        precedingBackslash = false;
        if (c == '\r' && text.charAt(off) == '\n') {
          off++;
          line++;
        }
      }
      if (length < 0) {
        break;
      }
      buf.setLength(length);
      current.add(entry(buf, startLine > 0 ? startLine : line, problems));
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
            // One error per line is enough to point at it, however many escapes it breaks.
            if (problems.isEmpty() || problems.get(problems.size() - 1).line() != line) {
              problems.add(new ParsedConfig.Problem(line, "malformed \\uXXXX escape (java.util.Properties and Spring reject the file)"));
            }
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
}
