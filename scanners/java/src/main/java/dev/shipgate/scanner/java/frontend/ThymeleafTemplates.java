package dev.shipgate.scanner.java.frontend;

import dev.shipgate.core.model.Location;
import dev.shipgate.core.scan.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Thymeleaf templates under a {@code templates/} directory (Spring Boot's {@code classpath:/templates/}) and the places
 * where they write a model value without HTML escaping: {@code th:utext} (or {@code data-th-utext}) attributes and
 * {@code [(...)]} inlined text. Read by scanning the text, never by parsing HTML, so malformed markup costs nothing
 * and the time is linear in the file size.
 */
public final class ThymeleafTemplates {

  /** One unescaped output: where it is, its expression, and the model variables the expression reads. */
  public record Unescaped(Location location, String expression, Set<String> variables) {}

  private static final String DIR = "templates/";
  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "true",
      "false", "null", "T", "new", "instanceof");

  private final List<String> paths = new ArrayList<>();
  private final List<List<Unescaped>> outputs = new ArrayList<>();

  private ThymeleafTemplates() {}

  public static final ThymeleafTemplates NONE = new ThymeleafTemplates();

  /** An HTML file below a {@code templates} directory. */
  public static boolean isCandidate(String path) {
    String p = path.replace('\\', '/');
    return p.toLowerCase(Locale.ROOT).endsWith(".html") && (p.startsWith(DIR) || p.contains("/" + DIR));
  }

  public static ThymeleafTemplates read(List<SourceFile> files) {
    ThymeleafTemplates t = new ThymeleafTemplates();
    List<SourceFile> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(SourceFile::path));
    for (SourceFile f : sorted) {
      t.paths.add(f.path().replace('\\', '/'));
      t.outputs.add(unescaped(f));
    }
    return t;
  }

  public boolean isEmpty() {
    return paths.isEmpty();
  }

  /** Every template's unescaped outputs, by template path order. */
  public List<Unescaped> all() {
    List<Unescaped> out = new ArrayList<>();
    outputs.forEach(out::addAll);
    return out;
  }

  /** The unescaped outputs of the template(s) a view name selects ({@code users/profile} is {@code templates/users/profile.html}). */
  public List<Unescaped> forView(String view) {
    String v = view.startsWith("/") ? view.substring(1) : view;
    int fragment = v.indexOf("::");
    if (fragment >= 0) {
      v = v.substring(0, fragment).trim();
    }
    String suffix = DIR + v + ".html";
    List<Unescaped> out = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      String p = paths.get(i);
      if (p.equals(suffix) || p.endsWith("/" + suffix)) {
        out.addAll(outputs.get(i));
      }
    }
    return out;
  }

  static List<Unescaped> unescaped(SourceFile file) {
    String text = file.text();
    List<Unescaped> out = new ArrayList<>();
    String lower = text.toLowerCase(Locale.ROOT);
    // Each search resumes after what it consumed, so the scan stays linear in the file size.
    int at = lower.indexOf("utext");
    while (at >= 0) {
      int next = at + 1;
      if (lower.startsWith("th:", at - 3) || lower.startsWith("data-th-", at - 8)) {
        int i = skipSpaces(text, at + "utext".length());
        if (i < text.length() && text.charAt(i) == '=') {
          i = skipSpaces(text, i + 1);
          if (i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
            int end = text.indexOf(text.charAt(i), i + 1);
            if (end < 0) {
              break;
            }
            add(out, file, at, text.substring(i + 1, end));
            next = end + 1;
          }
        }
      }
      at = lower.indexOf("utext", next);
    }
    at = text.indexOf("[(");
    while (at >= 0) {
      int end = text.indexOf(")]", at + 2);
      if (end < 0) {
        break;
      }
      add(out, file, at, text.substring(at + 2, end));
      at = text.indexOf("[(", end + 2);
    }
    out.sort(Comparator.comparingInt(u -> u.location().startLine()));
    return out;
  }

  private static int skipSpaces(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static void add(List<Unescaped> out, SourceFile file, int at, String expression) {
    Set<String> vars = variables(expression);
    if (!vars.isEmpty()) {
      int line = file.lineOf(at);
      out.add(new Unescaped(new Location(file.path(), line, 0, line, 0), expression.trim(), vars));
    }
  }

  /**
   * The variables {@code ${...}} expressions read: identifiers not reached through a dot, a {@code #} utility object
   * or inside a quoted literal ({@code ${user.bio}} reads {@code user}, {@code ${#strings.trim(name)}} reads
   * {@code name}). Selection ({@code *{...}}) and message ({@code #{...}}) expressions are not followed.
   */
  static Set<String> variables(String expression) {
    Set<String> out = new LinkedHashSet<>();
    int end = -1;
    for (int start = expression.indexOf("${"); start >= 0; start = expression.indexOf("${", end + 1)) {
      end = expression.indexOf('}', start + 2);
      if (end < 0) {
        break;
      }
      String e = expression.substring(start + 2, end);
      boolean quoted = false;
      for (int i = 0; i < e.length(); i++) {
        char c = e.charAt(i);
        if (c == '\'') {
          quoted = !quoted;
        }
        if (quoted || !Character.isJavaIdentifierStart(c)) {
          continue;
        }
        int j = i;
        while (j < e.length() && Character.isJavaIdentifierPart(e.charAt(j))) {
          j++;
        }
        char before = i == 0 ? ' ' : e.charAt(i - 1);
        String id = e.substring(i, j);
        if (before != '.' && before != '#' && before != '@' && !Character.isJavaIdentifierPart(before)
            && !KEYWORDS.contains(id)) {
          out.add(id);
        }
        i = j - 1;
      }
    }
    return out;
  }
}
