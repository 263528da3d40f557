package dev.shipgate.scanner.ci;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough POSIX shell reading for pipelines: downloads piped into an interpreter, and quoting context. */
public final class Shell {

  private static final String DOWNLOAD = "(?:curl|wget|iwr|invoke-webrequest|fetch)\\b";
  /**
   * Something that executes its standard input: a POSIX shell (unless given {@code -c}), or another interpreter
   * given no script ({@code python3 -m json.tool} only reads data and is fine).
   */
  private static final String STDIN_INTERPRETER = "(?:sudo\\s+(?:-\\S+\\s+)*)?(?:env\\s+(?:\\S+=\\S*\\s+)*)?"
      + "(?:(?:ba|z|k|da|a)?sh(?![\\w.-])(?!\\s+-c\\b)|(?:python[0-9.]*|perl|ruby|node|pwsh|powershell)(?:\\s+-(?![\\w-])|\\s*(?:$|[;&|)#]))"
      + "|iex\\b|invoke-expression\\b)";
  private static final String INTERPRETER = "(?:sudo\\s+)?(?:(?:ba|z|k|da|a)?sh|python[0-9.]*|perl|ruby|node|pwsh|powershell)";
  private static final Pattern PIPE = Pattern.compile(
      "(?i)\\b" + DOWNLOAD + "[^|;&\\n]*\\|\\s*" + STDIN_INTERPRETER
          + "|\\b" + INTERPRETER + "\\s+(?:-\\S+\\s+)*<\\(\\s*" + DOWNLOAD
          + "|\\b" + INTERPRETER + "\\s+(?:-\\S+\\s+)*-c\\s+[\"']?\\$\\(\\s*" + DOWNLOAD
          + "|\\b(?:source|\\.)\\s+<\\(\\s*" + DOWNLOAD);
  private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\1");

  private Shell() {}

  /** Longer lines are judged on their start only: the pattern backtracks, and such lines are data, not commands. */
  static final int MAX_LINE = 8192;

  /** The first download piped or fed into an interpreter on the line, or null. */
  public static String downloadIntoInterpreter(String line) {
    String text = line.length() > MAX_LINE ? line.substring(0, MAX_LINE) : line;
    if (text.indexOf('|') < 0 && !text.contains("<(") && !text.contains("$(")) {
      return null;
    }
    Matcher m = PIPE.matcher(text);
    return m.find() ? m.group() : null;
  }

  /** The quoting in force at a position of a script. */
  public enum Quote { NONE, SINGLE, DOUBLE, HEREDOC, QUOTED_HEREDOC }

  /**
   * The quoting at {@code at} in {@code script}: single or double quotes, a comment (read as unquoted: the
   * expression is substituted before the shell runs, so comments do not protect), or a here-document body,
   * which expands variables unless its delimiter was quoted.
   */
  public static Quote quoteAt(String script, int at) {
    Quote q = Quote.NONE;
    String heredoc = null;
    boolean quotedHeredoc = false;
    String pendingHeredoc = null;
    boolean pendingQuoted = false;
    int i = 0;
    while (i < at && i < script.length()) {
      char c = script.charAt(i);
      if (heredoc != null) {
        int eol = script.indexOf('\n', i);
        int lineEnd = eol < 0 ? script.length() : eol;
        if (at <= lineEnd) {
          return quotedHeredoc ? Quote.QUOTED_HEREDOC : Quote.HEREDOC;
        }
        if (script.substring(i, lineEnd).strip().equals(heredoc)) {
          heredoc = null;
        }
        i = lineEnd + 1;
        continue;
      }
      switch (q) {
        case SINGLE -> {
          if (c == '\'') {
            q = Quote.NONE;
          }
        }
        case DOUBLE -> {
          if (c == '\\') {
            i++;
          } else if (c == '"') {
            q = Quote.NONE;
          }
        }
        default -> {
          if (c == '\\') {
            i++;
          } else if (c == '\'') {
            q = Quote.SINGLE;
          } else if (c == '"') {
            q = Quote.DOUBLE;
          } else if (c == '#' && (i == 0 || Character.isWhitespace(script.charAt(i - 1)))) {
            int eol = script.indexOf('\n', i);
            if (eol < 0 || eol >= at) {
              return Quote.NONE;
            }
            i = eol - 1;
          } else if (c == '<' && script.startsWith("<<", i) && !script.startsWith("<<<", i)) {
            Matcher m = HEREDOC.matcher(script).region(i, script.length());
            if (m.lookingAt()) {
              pendingHeredoc = m.group(2);
              pendingQuoted = !m.group(1).isEmpty();
              i = m.end() - 1;
            }
          } else if (c == '\n' && pendingHeredoc != null) {
            heredoc = pendingHeredoc;
            quotedHeredoc = pendingQuoted;
            pendingHeredoc = null;
          }
        }
      }
      i++;
    }
    return heredoc != null ? (quotedHeredoc ? Quote.QUOTED_HEREDOC : Quote.HEREDOC) : q;
  }
}
