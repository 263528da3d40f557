package dev.shipgate.scanner.change;

import java.util.ArrayList;
import java.util.List;
import com.google.re2j.Pattern;

/**
 * A GitHub {@code CODEOWNERS} file: the last matching pattern wins; patterns are gitignore-like except that
 * {@code dir/*} matches direct children only, and negation ({@code !}) and character ranges ({@code [..]}) are not
 * supported. Lines GitHub would skip are kept as problems with their line number, never silently dropped.
 */
public final class CodeOwners {

  /** Where GitHub looks, in order; the first that exists is used. */
  public static final List<String> LOCATIONS = List.of(".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS");
  /** GitHub ignores larger files; so does the gate, with an error. */
  public static final int MAX_BYTES = 3 * 1024 * 1024;

  private static final Pattern USER = Pattern.compile("@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\[bot\\])?");
  private static final Pattern TEAM = Pattern.compile("@[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** One usable line. An empty owner list means "these files have no owner". */
  public record Entry(String pattern, List<String> owners, int line, Pattern regex) {}

  public record Problem(int line, String message) {}

  private final String path;
  private final List<Entry> entries;
  private final List<Problem> problems;

  private CodeOwners(String path, List<Entry> entries, List<Problem> problems) {
    this.path = path;
    this.entries = List.copyOf(entries);
    this.problems = List.copyOf(problems);
  }

  public static CodeOwners none() {
    return new CodeOwners("", List.of(), List.of());
  }

  public static CodeOwners parse(String path, String text) {
    List<Entry> entries = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int n = i + 1;
      String line = stripComment(lines[i]).strip();
      if (line.isEmpty()) {
        continue;
      }
      List<String> words = words(line);
      String pattern = words.get(0);
      String bad = patternProblem(pattern);
      if (bad != null) {
        problems.add(new Problem(n, "pattern '" + pattern + "' " + bad + "; GitHub skips this line, so these files have no owner"));
        continue;
      }
      List<String> owners = words.subList(1, words.size());
      String badOwner = owners.stream().filter(o -> !isOwner(o)).findFirst().orElse(null);
      if (badOwner != null) {
        problems.add(new Problem(n, "'" + badOwner + "' is not an owner (@user, @org/team or an e-mail address); "
            + "GitHub skips this line, so these files have no owner"));
        continue;
      }
      entries.add(new Entry(pattern, List.copyOf(owners), n, Pattern.compile(toRegex(pattern))));
    }
    return new CodeOwners(path, entries, problems);
  }

  /** The file this was read from, or "" when there is none. */
  public String path() {
    return path;
  }

  public List<Problem> problems() {
    return problems;
  }

  /** The last entry matching a repository path, or null when no line does. */
  public Entry match(String repoPath) {
    Entry found = null;
    for (Entry e : entries) {
      if (e.regex().matcher(repoPath).matches()) {
        found = e;
      }
    }
    return found;
  }

  /** The owners of a path (possibly none). */
  public List<String> owners(String repoPath) {
    Entry e = match(repoPath);
    return e == null ? List.of() : e.owners();
  }

  static boolean isOwner(String o) {
    return USER.matcher(o).matches() || TEAM.matcher(o).matches() || EMAIL.matcher(o).matches();
  }

  /** Removes a comment: '#' at the start, or after whitespace; '\#' is a literal '#'. */
  private static String stripComment(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  /** Whitespace-separated words; '\ ' keeps a space inside a pattern. */
  private static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        w.append(c).append(line.charAt(++i));
      } else if (Character.isWhitespace(c)) {
        if (w.length() > 0) {
          out.add(w.toString());
          w.setLength(0);
        }
      } else {
        w.append(c);
      }
    }
    if (w.length() > 0) {
      out.add(w.toString());
    }
    return out;
  }

  private static String patternProblem(String p) {
    if (p.startsWith("!")) {
      return "uses negation ('!'), which CODEOWNERS does not support";
    }
    if (p.indexOf('[') >= 0 || p.indexOf(']') >= 0) {
      return "uses a character range ('[...]'), which CODEOWNERS does not support";
    }
    if (p.contains("***")) {
      return "has '***', which matches nothing useful";
    }
    if (p.length() > 4096) {
      return "is longer than 4096 characters";
    }
    return null;
  }

  /** gitignore-like translation, with GitHub's rule that a trailing {@code /*} matches direct children only. */
  static String toRegex(String pattern) {
    String p = pattern;
    boolean dirOnly = p.endsWith("/");
    String body = dirOnly ? p.substring(0, p.length() - 1) : p;
    boolean anchored = p.startsWith("/") || body.contains("/");
    if (p.startsWith("/")) {
      p = p.substring(1);
    }
    if (dirOnly) {
      p = p + "**";
    }
    boolean childrenOnly = p.endsWith("/*") && !p.endsWith("/**/*") && !p.equals("*");
    StringBuilder re = new StringBuilder(anchored ? "" : "(?:.*/)?");
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '*' && i + 1 < p.length() && p.charAt(i + 1) == '*') {
        boolean slashAfter = i + 2 < p.length() && p.charAt(i + 2) == '/';
        re.append(slashAfter ? "(?:.*/)?" : ".*");
        i += slashAfter ? 3 : 2;
      } else if (c == '*') {
        re.append("[^/]*");
        i++;
      } else if (c == '?') {
        re.append("[^/]");
        i++;
      } else if (c == '\\' && i + 1 < p.length()) {
        re.append(Pattern.quote(String.valueOf(p.charAt(i + 1))));
        i += 2;
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
    if (!childrenOnly) {
      re.append("(?:/.*)?"); // a name that matches a directory owns everything below it
    }
    return re.toString();
  }
}
