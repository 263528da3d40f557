package dev.shipgate.scanner.deps.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The subset of TOML that tool-written lockfiles use ({@code Cargo.lock}, {@code poetry.lock}): table and
 * array-of-table headers, {@code key = value} with strings, booleans, numbers, and arrays or inline tables
 * that may span lines. Every table and key keeps its line, which a general TOML library would not give us.
 */
final class TomlTables {

  /** A key's value: the decoded string for a string, otherwise the raw text (arrays, inline tables, literals). */
  record Value(String text, boolean string, int line) {
    /** Every string literal inside an array or inline table, decoded. */
    List<String> strings() {
      List<String> out = new ArrayList<>();
      int i = 0;
      while (i < text.length()) {
        char c = text.charAt(i);
        int end = c == '"' ? basicStringEnd(text, i) : c == '\'' ? text.indexOf('\'', i + 1) + 1 : i + 1;
        if (end <= 0) {
          break; // not closed: nothing more to read
        }
        if (c == '"' || c == '\'') {
          String inner = text.substring(i + 1, end - 1);
          out.add(c == '"' ? unescape(inner) : inner);
        }
        i = end;
      }
      return out;
    }
  }

  /** One {@code [header]} or {@code [[header]]} with its keys in order. */
  record Table(String header, boolean array, int line, Map<String, Value> values) {
    String string(String key) {
      Value v = values.get(key);
      return v == null ? "" : v.text();
    }
  }


  private TomlTables() {}

  static List<Table> parse(String text) throws ExtractException {
    String[] lines = text.split("\r?\n", -1);
    List<Table> tables = new ArrayList<>();
    Table current = new Table("", false, 1, new LinkedHashMap<>());
    tables.add(current);
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[")) {
        boolean array = line.startsWith("[[");
        int close = line.indexOf(array ? "]]" : "]");
        if (close < 0) {
          throw new ExtractException(lineNo, "table header is not closed: " + YarnLockExtractor.abbreviate(line));
        }
        String header = line.substring(array ? 2 : 1, close).strip();
        current = new Table(header, array, lineNo, new LinkedHashMap<>());
        tables.add(current);
        continue;
      }
      int equals = keyEnd(line);
      if (equals < 0) {
        throw new ExtractException(lineNo, "expected 'key = value' but found: " + YarnLockExtractor.abbreviate(line));
      }
      String key = line.substring(0, equals).strip();
      if ((key.startsWith("\"") || key.startsWith("'")) && key.indexOf(key.charAt(0), 1) == key.length() - 1) {
        key = key.substring(1, key.length() - 1); // one quoted key: its text; dotted keys with quoted parts stay as written
      }
      StringBuilder value = new StringBuilder(line.substring(equals + 1).strip());
      int start = lineNo;
      if (value.toString().startsWith("\"\"\"") || value.toString().startsWith("'''")) {
        String quote = value.substring(0, 3);
        while (value.indexOf(quote, 3) < 0) {
          if (++i >= lines.length) {
            throw new ExtractException(start, "multi-line string is not closed");
          }
          value.append('\n').append(lines[i]);
        }
        current.values().put(key, new Value(value.substring(3, value.indexOf(quote, 3)), true, start));
        continue;
      }
      while (depth(value) > 0) {
        if (++i >= lines.length) {
          throw new ExtractException(start, "array or inline table for '" + key + "' is not closed");
        }
        value.append('\n').append(lines[i]);
      }
      current.values().put(key, decode(stripComment(value.toString()).strip(), start));
    }
    return tables;
  }

  private static Value decode(String raw, int line) throws ExtractException {
    if (raw.startsWith("\"")) {
      int end = basicStringEnd(raw, 0);
      if (end < 0) {
        throw new ExtractException(line, "string is not closed: " + YarnLockExtractor.abbreviate(raw));
      }
      return new Value(unescape(raw.substring(1, end - 1)), true, line);
    }
    if (raw.startsWith("'")) {
      int close = raw.indexOf('\'', 1);
      if (close < 0) {
        throw new ExtractException(line, "string is not closed: " + YarnLockExtractor.abbreviate(raw));
      }
      return new Value(raw.substring(1, close), true, line);
    }
    return new Value(raw, false, line);
  }

  /**
   * Where the {@code =} after a key is: bare ({@code A-Za-z0-9_-}) and quoted parts joined by dots, white space around
   * them; -1 when the line does not start with such a key. A loop, not a regular expression (see {@link #basicStringEnd}).
   */
  private static int keyEnd(String line) {
    int i = 0;
    boolean part = false;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (!part && (c == '"' || c == '\'')) {
        int close = line.indexOf(c, i + 1);
        if (close < 0) {
          return -1;
        }
        i = close + 1;
        part = true;
      } else if (!part && bare(c)) {
        while (i < line.length() && bare(line.charAt(i))) {
          i++;
        }
        part = true;
      } else if (c == ' ' || c == '\t') {
        i++;
      } else if (part && c == '.') {
        part = false;
        i++;
      } else if (part && c == '=') {
        return i;
      } else {
        return -1;
      }
    }
    return -1;
  }

  private static boolean bare(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  }

  /**
   * Just after the closing quote of the basic string opening at {@code start}, or -1 when it is not closed. A loop,
   * not a regular expression: Java's regex engine recurses once per character of an alternation and ran out of stack
   * on a 10,000-character version.
   */
  private static int basicStringEnd(CharSequence s, int start) {
    for (int i = start + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i + 1;
      }
    }
    return -1;
  }

  /** Open brackets and braces outside strings; positive while an array or inline table continues. */
  private static int depth(CharSequence s) {
    int d = 0;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#') {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '[' || c == '{') {
        d++;
      } else if (c == ']' || c == '}') {
        d--;
      }
    }
    return d;
  }

  private static String stripComment(String s) {
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#' && s.indexOf('\n', i) < 0) {
        return s.substring(0, i);
      }
    }
    return s;
  }

  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        b.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (i + 4 < s.length() && s.substring(i + 1, i + 5).chars().allMatch(h -> Character.digit(h, 16) >= 0 && h < 0x80)) {
            b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            i += 4;
          } else {
            b.append("\\u"); // not an escape TOML knows: kept as written
          }
        }
        default -> b.append(n);
      }
    }
    return b.toString();
  }
}
