package dev.shipgate.scanner.change;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * The note that accompanies an AI-assisted change (a Markdown file or a pull-request description): which tools were
 * used, which files they generated or heavily modified, what the code assumes about security, and what context was
 * shared with the tools. Sections are found by their headings.
 */
public final class ChangeNote {

  /** Notes are short documents; larger ones are refused with an error. */
  public static final int MAX_BYTES = 1024 * 1024;

  /** The four required sections, each with how its heading is recognised. */
  public enum Section {
    TOOLS("Tools used", "(?i)\\btools?\\b|\\bassistants?\\b|\\bmodels?\\b"),
    FILES("Files generated or heavily modified", "(?i)\\bfiles?\\b"),
    SECURITY("Security assumptions", "(?i)\\bsecurity\\b"),
    DATA("Data handling", "(?i)\\bdata\\b|\\bcontext shared\\b|\\bprivacy\\b");

    private final String heading;
    private final Pattern pattern;

    Section(String heading, String pattern) {
      this.heading = heading;
      this.pattern = Pattern.compile(pattern);
    }

    /** The heading the template uses. */
    public String heading() {
      return heading;
    }
  }

  /** A section as written: heading line, its non-template text, and its list items with their lines. */
  public record Body(int line, String text, List<Item> items) {}

  public record Item(int line, String value) {}

  /** Placeholders are short; a longer line is content, and is not matched against the placeholder patterns. */
  private static final int MAX_PLACEHOLDER = 400;
  private static final Pattern HEADING = Pattern.compile("\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*");
  private static final Pattern LIST_ITEM = Pattern.compile("\\s*(?:[-*+]|\\d+[.)])\\s+(.*)");
  private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
  private static final Pattern PLACEHOLDER = Pattern.compile(
      "(?i)\\s*(?:[-*+]\\s*)?(?:<[^>]*>|\\[[^\\]]*\\]|todo\\b.*|tbd\\b.*|fixme\\b.*|xxx\\b.*|\\.\\.\\.|…|-|n/?a|none yet|_+|describe\\b.*|list\\b.*here.*)\\s*");

  private final String path;
  private final Map<Section, Body> sections;

  private ChangeNote(String path, Map<Section, Body> sections) {
    this.path = path;
    this.sections = sections;
  }

  public static ChangeNote parse(String path, String text) {
    String[] lines = withoutComments(text).split("\r?\n", -1);
    Map<Section, Body> found = new EnumMap<>(Section.class);
    Section current = null;
    int headingLine = 0;
    StringBuilder body = new StringBuilder();
    List<Item> items = new ArrayList<>();
    boolean fenced = false;
    for (int i = 0; i <= lines.length; i++) {
      String line = i < lines.length ? lines[i] : null;
      if (line != null && line.strip().startsWith("```")) {
        fenced = !fenced;
      }
      Matcher h = line == null || fenced || !line.stripLeading().startsWith("#") ? null : HEADING.matcher(line);
      if (line == null || (h != null && h.matches())) {
        if (current != null && !found.containsKey(current)) {
          found.put(current, new Body(headingLine, body.toString().strip(), List.copyOf(items)));
        }
        current = line == null ? null : sectionOf(h.group(2));
        headingLine = i + 1;
        body.setLength(0);
        items.clear();
        continue;
      }
      if (current == null || line.isBlank() || line.length() <= MAX_PLACEHOLDER && PLACEHOLDER.matcher(line).matches()) {
        continue;
      }
      body.append(line.strip()).append('\n');
      Matcher li = LIST_ITEM.matcher(line);
      if (li.matches()) {
        items.add(new Item(i + 1, li.group(1).strip()));
      }
    }
    return new ChangeNote(path, found);
  }

  /** HTML comments (template guidance) removed, their line breaks kept so that line numbers stay true. */
  private static String withoutComments(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    int open;
    while ((open = text.indexOf("<!--", from)) >= 0) {
      int close = text.indexOf("-->", open + 4);
      int end = close < 0 ? text.length() : close + 3;
      out.append(text, from, open);
      text.substring(open, end).chars().filter(c -> c == '\n').forEach(c -> out.append('\n'));
      from = end;
    }
    return out.append(text.substring(from)).toString();
  }

  private static Section sectionOf(String heading) {
    // Most specific first: "Data handling of security logs" is about data; "Files" headings rarely say "security".
    for (Section s : new Section[] {Section.DATA, Section.SECURITY, Section.FILES, Section.TOOLS}) {
      if (s.pattern.matcher(heading).find()) {
        return s;
      }
    }
    return null;
  }

  public String path() {
    return path;
  }

  /** Required sections that are absent, or hold nothing but template text. */
  public List<Section> incomplete() {
    List<Section> out = new ArrayList<>();
    for (Section s : Section.values()) {
      Body b = sections.get(s);
      if (b == null || b.text().isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /** The section's heading line, or 0 when it is absent. */
  public int line(Section s) {
    Body b = sections.get(s);
    return b == null ? 0 : b.line();
  }

  /** The repository paths the "files" section names, each with its line; backticks and a leading ./ are removed. */
  public List<Item> namedFiles() {
    Body b = sections.get(Section.FILES);
    if (b == null) {
      return List.of();
    }
    List<Item> out = new ArrayList<>();
    for (Item item : b.items()) {
      Matcher m = BACKTICKED.matcher(item.value());
      String p = m.find() ? m.group(1) : item.value().split("\\s+")[0];
      p = p.replaceAll("[,;:]+$", "");
      while (p.startsWith("./")) {
        p = p.substring(2);
      }
      if (p.startsWith("/")) {
        p = p.substring(1);
      }
      if (!p.isEmpty()) {
        out.add(new Item(item.line(), p));
      }
    }
    return out;
  }

  /** A note to start from; every section holds placeholders the gate rejects until they are replaced. */
  public static String template() {
    StringBuilder t = new StringBuilder("# AI assistance note\n\n");
    t.append("## ").append(Section.TOOLS.heading()).append("\n\n<assistant and model, e.g. Claude Code (Sonnet 4.5)>\n\n");
    t.append("## ").append(Section.FILES.heading()).append("\n\n- <path/of/a/file>\n\n");
    t.append("## ").append(Section.SECURITY.heading()).append("\n\n<what the code relies on: who calls it, which input is trusted>\n\n");
    t.append("## ").append(Section.DATA.heading()).append("\n\n<what context was shared with the tool; no secrets or customer data>\n");
    return t.toString();
  }
}
