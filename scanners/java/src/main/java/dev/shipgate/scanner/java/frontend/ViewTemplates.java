package dev.shipgate.scanner.java.frontend;

import dev.shipgate.core.model.Location;
import dev.shipgate.core.scan.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * View templates and the places where they write a value without HTML escaping. Thymeleaf ({@code *.html}), FreeMarker
 * ({@code *.ftlh}, {@code *.ftl}) and Mustache ({@code *.mustache}) below a {@code templates/} directory (Spring Boot's
 * {@code classpath:/templates/}), and JSP pages ({@code *.jsp}) anywhere. Read by scanning the text, never by parsing
 * the markup, so malformed templates cost nothing and the time is linear in the file size.
 */
public final class ViewTemplates {

  /**
   * One unescaped output: where it is, its view technology and expression, the model variables it reads, and whether
   * it reads request data itself ({@code ${param.x}} in Thymeleaf or JSP, {@code request.getParameter} in a JSP).
   */
  public record Unescaped(Location location, String technology, String expression, Set<String> variables,
      boolean readsRequest) {}

  private static final String DIR = "templates/";
  private static final Set<String> THYMELEAF_KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
      "true", "false", "null", "T", "new", "instanceof");
  private static final Set<String> FREEMARKER_KEYWORDS = Set.of("true", "false", "gt", "gte", "lt", "lte", "as", "in",
      "using");
  private static final Set<String> EL_KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "true",
      "false", "null", "empty", "div", "mod", "instanceof", "pageContext", "initParam", "sessionScope",
      "applicationScope", "pageScope");
  /** JSP EL implicit objects holding request data. */
  private static final Set<String> EL_REQUEST = Set.of("param", "paramValues", "header", "headerValues", "cookie");
  /** Escaping calls or built-ins: an output wrapped in one is escaped whatever writes it. */
  private static final Pattern ESCAPED = Pattern.compile(
      "fn:escapeXml\\(|\\?(html|xhtml|xml|esc)\\b|(?i:escapeHtml|htmlEscape|escapeXml|Encode\\.forHtml|encodeForHTML)");
  private static final Pattern JSP_ATTRIBUTE = Pattern.compile(
      "(?:request|pageContext)\\s*\\.\\s*(?:getAttribute|findAttribute)\\s*\\(\\s*\"([\\w.-]+)\"");
  private static final Pattern JSP_REQUEST = Pattern.compile(
      "request\\s*\\.\\s*(?:getParameter|getParameterValues|getHeader|getQueryString|getRequestURI)\\s*\\(");
  private static final Pattern REQUEST_SCOPE = Pattern.compile("requestScope\\s*\\.\\s*(\\w+)");
  private static final Pattern TAG_ATTRIBUTE = Pattern.compile("([\\w:-]+)\\s*=\\s*(\"[^\"]*\"|'[^']*')");

  private final List<String> paths = new ArrayList<>();
  private final List<List<Unescaped>> outputs = new ArrayList<>();
  private final List<String> jspPrefixes;
  private final String jspSuffix;

  private ViewTemplates(List<String> jspPrefixes, String jspSuffix) {
    this.jspPrefixes = jspPrefixes;
    this.jspSuffix = jspSuffix;
  }

  public static final ViewTemplates NONE = new ViewTemplates(List.of(), ".jsp");

  /** A template file below a {@code templates} directory, or a JSP page. */
  public static boolean isCandidate(String path) {
    String p = path.replace('\\', '/');
    String lower = p.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".jsp")) {
      return true;
    }
    return (lower.endsWith(".html") || lower.endsWith(".ftlh") || lower.endsWith(".ftl") || lower.endsWith(".mustache"))
        && (p.startsWith(DIR) || p.contains("/" + DIR));
  }

  /**
   * Reads the templates. JSP view names resolve with {@code spring.mvc.view.prefix}/{@code suffix} from the
   * configuration, else below {@code /WEB-INF/jsp/} or {@code /WEB-INF/views/} with {@code .jsp}.
   */
  public static ViewTemplates read(List<SourceFile> files, ProjectConfig config) {
    String prefix = config.value("spring.mvc.view.prefix");
    String suffix = config.value("spring.mvc.view.suffix");
    ViewTemplates t = new ViewTemplates(prefix != null ? List.of(slashed(prefix)) : List.of("/WEB-INF/jsp/",
        "/WEB-INF/views/"), suffix != null ? suffix.trim() : ".jsp");
    List<SourceFile> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(SourceFile::path));
    for (SourceFile f : sorted) {
      t.paths.add(f.path().replace('\\', '/'));
      t.outputs.add(unescaped(f));
    }
    return t;
  }

  private static String slashed(String prefix) {
    String p = prefix.trim();
    return (p.startsWith("/") ? p : "/" + p) + (p.endsWith("/") ? "" : "/");
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

  /**
   * The unescaped outputs of the template(s) a view name selects: {@code users/profile} is
   * {@code templates/users/profile.html}, {@code .ftlh}, {@code .ftl} or {@code .mustache}, or
   * {@code WEB-INF/jsp/users/profile.jsp}.
   */
  public List<Unescaped> forView(String view) {
    String v = view.startsWith("/") ? view.substring(1) : view;
    int fragment = v.indexOf("::");
    if (fragment >= 0) {
      v = v.substring(0, fragment).trim();
    }
    List<String> names = new ArrayList<>();
    for (String ext : List.of(".html", ".ftlh", ".ftl", ".mustache")) {
      names.add(DIR + v + ext);
    }
    for (String prefix : jspPrefixes) {
      names.add(prefix.substring(1) + v + jspSuffix);
    }
    List<Unescaped> out = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      String p = paths.get(i);
      for (String n : names) {
        if (p.equals(n) || p.endsWith("/" + n)) {
          out.addAll(outputs.get(i));
          break;
        }
      }
    }
    return out;
  }

  static List<Unescaped> unescaped(SourceFile file) {
    String lower = file.path().toLowerCase(Locale.ROOT);
    List<Unescaped> out = new ArrayList<>();
    if (lower.endsWith(".jsp")) {
      jsp(file, out);
    } else if (lower.endsWith(".ftlh") || lower.endsWith(".ftl")) {
      freemarker(file, out);
    } else if (lower.endsWith(".mustache")) {
      mustache(file, out);
    } else {
      thymeleaf(file, out);
    }
    out.sort(Comparator.comparingInt(u -> u.location().startLine()));
    return out;
  }

  /** {@code th:utext} / {@code data-th-utext} attributes and {@code [(...)]} inlined text. */
  private static void thymeleaf(SourceFile file, List<Unescaped> out) {
    String text = file.text();
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
            addThymeleaf(out, file, at, text.substring(i + 1, end));
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
      addThymeleaf(out, file, at, text.substring(at + 2, end));
      at = text.indexOf("[(", end + 2);
    }
  }

  private static void addThymeleaf(List<Unescaped> out, SourceFile file, int at, String expression) {
    Set<String> vars = variables(expression);
    boolean request = vars.remove("param");
    add(out, file, at, "Thymeleaf", expression, vars, request);
  }

  /**
   * FreeMarker: {@code ${x?no_esc}}, and every {@code ${...}} inside {@code <#noautoesc>} (or
   * {@code <#outputformat "plainText">}) blocks. Other interpolations of {@code .ftlh} files are escaped; plain
   * {@code .ftl} files escape nothing unless configured, which is not judged here.
   */
  private static void freemarker(SourceFile file, List<Unescaped> out) {
    String text = blankComments(file.text(), "<#--", "-->");
    // Raw blocks in order: [start, end) pairs, walked once alongside the interpolations.
    List<int[]> raw = new ArrayList<>();
    blocks(text, "<#noautoesc", "</#noautoesc", raw);
    blocks(text, "<#outputformat \"plain", "</#outputformat", raw);
    raw.sort(Comparator.comparingInt(r -> r[0]));
    List<int[]> merged = new ArrayList<>(); // disjoint, so one pointer walks them (nested blocks cost nothing more)
    for (int[] r : raw) {
      if (!merged.isEmpty() && r[0] <= merged.get(merged.size() - 1)[1]) {
        merged.get(merged.size() - 1)[1] = Math.max(merged.get(merged.size() - 1)[1], r[1]);
      } else {
        merged.add(r);
      }
    }
    int block = 0;
    for (int at = text.indexOf("${"); at >= 0; at = text.indexOf("${", at + 2)) {
      int end = text.indexOf('}', at + 2);
      if (end < 0) {
        break;
      }
      while (block < merged.size() && merged.get(block)[1] <= at) {
        block++;
      }
      boolean inRaw = block < merged.size() && merged.get(block)[0] < at;
      String expression = text.substring(at + 2, end);
      if ((expression.contains("?no_esc") || inRaw) && !ESCAPED.matcher(expression).find()) {
        add(out, file, at, "FreeMarker", "${" + expression + "}", identifiers(expression, FREEMARKER_KEYWORDS, '?'),
            false);
      }
      at = end - 1;
    }
  }

  /** Each {@code open} tag up to the next {@code close} (or the end), found in one pass over the text. */
  private static void blocks(String text, String open, String close, List<int[]> out) {
    int end = text.indexOf(close);
    for (int at = text.indexOf(open); at >= 0; at = text.indexOf(open, at + 1)) {
      if (end >= 0 && end < at) {
        end = text.indexOf(close, at);
      }
      out.add(new int[] {at, end < 0 ? text.length() : end});
    }
  }

  /** The text with each comment's characters but line breaks replaced by spaces: same offsets, same lines. */
  private static String blankComments(String text, String open, String close) {
    int at = text.indexOf(open);
    if (at < 0) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text);
    while (at >= 0) {
      int end = text.indexOf(close, at + open.length());
      int stop = end < 0 ? text.length() : end + close.length();
      for (int i = at; i < stop; i++) {
        if (sb.charAt(i) != '\n') {
          sb.setCharAt(i, ' ');
        }
      }
      at = end < 0 ? -1 : text.indexOf(open, stop);
    }
    return sb.toString();
  }

  /** Mustache: triple braces {@code {{{x}}}} and {@code {{& x}}}. */
  private static void mustache(SourceFile file, List<Unescaped> out) {
    String text = file.text();
    for (int at = text.indexOf("{{"); at >= 0; at = text.indexOf("{{", at + 2)) {
      boolean triple = text.startsWith("{{{", at);
      boolean amp = !triple && text.startsWith("&", skipSpaces(text, at + 2));
      if (!triple && !amp) {
        continue;
      }
      int end = text.indexOf(triple ? "}}}" : "}}", at + 2);
      if (end < 0) {
        break;
      }
      String name = text.substring(triple ? at + 3 : text.indexOf('&', at) + 1, end).trim();
      int dot = name.indexOf('.');
      String head = dot < 0 ? name : name.substring(0, dot);
      if (!head.isEmpty() && Character.isJavaIdentifierStart(head.charAt(0))) {
        add(out, file, at, "Mustache", text.substring(at, end + (triple ? 3 : 2)), Set.of(head), false);
      }
      at = end;
    }
  }

  /**
   * JSP: {@code <%= ... %>} expressions, EL {@code ${...}} in template text and in the attributes of plain HTML tags
   * (JSP does not escape EL), and {@code <c:out escapeXml="false">}. EL in the attributes of tag-library tags is the
   * tag's input, not output. Comments, directives and scriptlets are skipped.
   */
  private static void jsp(SourceFile file, List<Unescaped> out) {
    String text = file.text();
    if (text.contains("isELIgnored=\"true\"")) {
      return;
    }
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '<' && text.startsWith("<%--", i)) {
        int end = text.indexOf("--%>", i + 4);
        i = end < 0 ? n : end + 4;
      } else if (c == '<' && text.startsWith("<%=", i)) {
        int end = text.indexOf("%>", i + 3);
        int stop = end < 0 ? n : end;
        scriptletOutput(out, file, i, text.substring(i + 3, stop));
        i = stop + 2;
      } else if (c == '<' && text.startsWith("<%", i)) {
        int end = text.indexOf("%>", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '<' && i + 1 < n && (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) == '/')) {
        i = tag(out, file, text, i);
      } else if (c == '$' && text.startsWith("${", i)) {
        i = el(out, file, text, i);
      } else {
        i++;
      }
    }
  }

  /** One tag from {@code <} to its closing {@code >} (outside quotes); returns the index after it. */
  private static int tag(List<Unescaped> out, SourceFile file, String text, int start) {
    int n = text.length();
    int nameEnd = start + 1;
    while (nameEnd < n && !Character.isWhitespace(text.charAt(nameEnd)) && text.charAt(nameEnd) != '>'
        && text.charAt(nameEnd) != '/') {
      nameEnd++;
    }
    String name = text.substring(start + 1, nameEnd);
    boolean library = name.indexOf(':') > 0;
    char quote = 0;
    int i = nameEnd;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '$' && text.startsWith("${", i)) {
        i = library ? Math.max(i + 2, text.indexOf('}', i + 2) + 1) : el(out, file, text, i);
        continue;
      }
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
      i++;
    }
    if (name.endsWith(":out")) {
      cOut(out, file, start, text.substring(start, Math.min(i, n)));
    }
    return Math.min(i + 1, n);
  }

  /** {@code <c:out value="${x}" escapeXml="false"/>}: written as it is. */
  private static void cOut(List<Unescaped> out, SourceFile file, int at, String tag) {
    String value = null;
    boolean raw = false;
    Matcher m = TAG_ATTRIBUTE.matcher(tag);
    while (m.find()) {
      String v = m.group(2).substring(1, m.group(2).length() - 1);
      if (m.group(1).equals("value")) {
        value = v;
      } else if (m.group(1).equals("escapeXml")) {
        raw = v.trim().equalsIgnoreCase("false");
      }
    }
    if (raw && value != null && value.contains("${")) {
      int s = value.indexOf("${");
      int e = value.indexOf('}', s);
      addEl(out, file, at, value.substring(s + 2, e < 0 ? value.length() : e), value);
    }
  }

  /** EL written by the page at {@code start}; returns the index after the closing brace. */
  private static int el(List<Unescaped> out, SourceFile file, String text, int start) {
    int end = text.indexOf('}', start + 2);
    if (end < 0) {
      return text.length();
    }
    String expression = text.substring(start + 2, end);
    addEl(out, file, start, expression, "${" + expression + "}");
    return end + 1;
  }

  private static void addEl(List<Unescaped> out, SourceFile file, int at, String expression, String shown) {
    if (ESCAPED.matcher(expression).find()) {
      return;
    }
    Set<String> vars = identifiers(expression, EL_KEYWORDS, ':');
    boolean request = vars.removeAll(EL_REQUEST);
    // requestScope.x is the request attribute x, which is where the model goes.
    Matcher m = REQUEST_SCOPE.matcher(expression);
    while (m.find()) {
      vars.add(m.group(1));
    }
    vars.remove("requestScope");
    add(out, file, at, "JSP", shown, vars, request);
  }

  private static void scriptletOutput(List<Unescaped> out, SourceFile file, int at, String code) {
    if (ESCAPED.matcher(code).find()) {
      return;
    }
    Set<String> vars = new LinkedHashSet<>();
    Matcher m = JSP_ATTRIBUTE.matcher(code);
    while (m.find()) {
      vars.add(m.group(1));
    }
    add(out, file, at, "JSP", "<%=" + code + "%>", vars, JSP_REQUEST.matcher(code).find());
  }

  private static int skipSpaces(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static void add(List<Unescaped> out, SourceFile file, int at, String technology, String expression,
      Set<String> vars, boolean request) {
    if (!vars.isEmpty() || request) {
      int line = file.lineOf(at);
      out.add(new Unescaped(new Location(file.path(), line, 0, line, 0), technology, expression.trim(), vars, request));
    }
  }

  /**
   * The variables Thymeleaf {@code ${...}} expressions read: identifiers not reached through a dot, a {@code #}
   * utility object or inside a quoted literal ({@code ${user.bio}} reads {@code user}, {@code ${#strings.trim(name)}}
   * reads {@code name}). Selection ({@code *{...}}) and message ({@code #{...}}) expressions are not followed.
   */
  static Set<String> variables(String expression) {
    Set<String> out = new LinkedHashSet<>();
    int end = -1;
    for (int start = expression.indexOf("${"); start >= 0; start = expression.indexOf("${", end + 1)) {
      end = expression.indexOf('}', start + 2);
      if (end < 0) {
        break;
      }
      out.addAll(identifiers(expression.substring(start + 2, end), THYMELEAF_KEYWORDS, '#'));
    }
    return out;
  }

  /**
   * Identifiers an expression reads as variables: not after a dot, {@code @} or {@code after} (a utility object, a
   * FreeMarker built-in, an EL function name), not before {@code :} directly followed by a name (an EL function
   * prefix), not quoted, not keywords.
   */
  private static Set<String> identifiers(String e, Set<String> keywords, char after) {
    Set<String> out = new LinkedHashSet<>();
    char quote = 0;
    for (int i = 0; i < e.length(); i++) {
      char c = e.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
        continue;
      }
      if (!Character.isJavaIdentifierStart(c)) {
        continue;
      }
      int j = i;
      while (j < e.length() && Character.isJavaIdentifierPart(e.charAt(j))) {
        j++;
      }
      char before = i == 0 ? ' ' : e.charAt(i - 1);
      boolean prefix = j + 1 < e.length() && e.charAt(j) == ':' && Character.isJavaIdentifierStart(e.charAt(j + 1));
      boolean function = before == ':' && i >= 2 && Character.isJavaIdentifierPart(e.charAt(i - 2));
      String id = e.substring(i, j);
      if (before != '.' && before != '@' && before != after && !Character.isJavaIdentifierPart(before) && !prefix
          && !function && !keywords.contains(id)) {
        out.add(id);
      }
      i = j - 1;
    }
    return out;
  }
}
