package dev.shipgate.scanner.secrets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the rules of a gitleaks TOML configuration into shipgate detectors, so teams can bring their custom
 * rules along. Each {@code [[rules]]} entry becomes {@code secrets/gitleaks/<id>}: {@code regex},
 * {@code secretGroup}, {@code entropy}, {@code keywords}, {@code description} and the rule's allowlist
 * {@code regexes} and {@code stopwords} carry over. Rules shipgate cannot run the same way are listed in
 * {@link Result#skipped} with the reason (no keywords: shipgate only runs regexes behind its keyword
 * prefilter; path-only rules; regexes RE2 rejects). Only the TOML this format uses is parsed: tables,
 * arrays of tables, strings of all four kinds, numbers, booleans and arrays.
 */
public final class GitleaksImport {

  /** Imported detectors and the rules left out, each as "id: reason". */
  public record Result(List<Detector> detectors, List<String> skipped) {}

  private GitleaksImport() {}

  public static Result parse(String name, String toml) {
    List<Map<String, Object>> rules = new ArrayList<>();
    Map<String, Object> current = null;
    Map<String, Object> target = new LinkedHashMap<>();
    Parser p = new Parser(toml);
    while (p.skipBlank()) {
      if (p.peek() == '[') {
        String header = p.header();
        if (header.equals("[rules]")) {
          current = new LinkedHashMap<>();
          rules.add(current);
          target = current;
        } else if ((header.equals("rules.allowlist") || header.equals("[rules.allowlists]")) && current != null) {
          Map<String, Object> allow = new LinkedHashMap<>();
          @SuppressWarnings("unchecked")
          List<Map<String, Object>> list = (List<Map<String, Object>>) current.computeIfAbsent("allowlists", k -> new ArrayList<>());
          list.add(allow);
          target = allow;
        } else {
          target = new LinkedHashMap<>(); // [allowlist], [extend], ...: not per-rule, ignored
          current = header.startsWith("rules") ? current : null;
        }
        continue;
      }
      String key = p.key();
      p.expect('=');
      target.put(key, p.value());
    }
    List<Detector> out = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Map<String, Object> r : rules) {
      String id = String.valueOf(r.getOrDefault("id", "")).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
      if (id.isEmpty()) {
        skipped.add("(rule without id): no id");
        continue;
      }
      Object regex = r.get("regex");
      if (regex == null) {
        skipped.add(id + ": path-only rule");
        continue;
      }
      List<String> keywords = strings(r.get("keywords"));
      if (keywords.isEmpty()) {
        skipped.add(id + ": no keywords (shipgate runs regexes only behind its keyword prefilter)");
        continue;
      }
      String rx = String.valueOf(regex);
      int group = r.get("secretGroup") instanceof Number n ? n.intValue() : 0;
      if (group > 0) {
        rx = nameGroup(rx, group);
      }
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("id", "secrets/gitleaks/" + id);
      d.put("title", r.getOrDefault("description", "gitleaks rule " + id));
      d.put("provider", "gitleaks:" + id);
      d.put("keywords", keywords);
      d.put("regex", rx.contains("(") ? rx : "(" + rx + ")");
      if (r.get("entropy") instanceof Number e) {
        d.put("entropy", e.toString());
      }
      List<String> allow = new ArrayList<>();
      if (r.get("allowlists") instanceof List<?> lists) {
        for (Object o : lists) {
          if (o instanceof Map<?, ?> m) {
            allow.addAll(strings(m.get("regexes")));
            for (String stop : strings(m.get("stopwords"))) {
              allow.add("(?i)" + com.google.re2j.Pattern.quote(stop));
            }
          }
        }
      }
      d.put("allow", allow);
      try {
        Detector det = DetectorCatalog.detector(name, d, Map.of("cwe", List.of("CWE-798"),
            "tags", List.of("owasp-top10:A07:2021", "asvs:4.0.3-2.10.4")));
        if (det.regex().groupCount() < 1) {
          skipped.add(id + ": regex has no group for the secret");
          continue;
        }
        out.add(det);
      } catch (IllegalArgumentException e) {
        skipped.add(id + ": " + e.getMessage());
      }
    }
    return new Result(List.copyOf(out), List.copyOf(skipped));
  }

  /** Names the {@code n}th capturing group {@code secret}, so the engine takes it as the secret. */
  static String nameGroup(String rx, int n) {
    int seen = 0;
    for (int i = 0; i < rx.length(); i++) {
      char c = rx.charAt(i);
      if (c == '\\') {
        i++;
        continue;
      }
      if (c == '[') {
        // skip a character class: parentheses inside it are literal
        int end = SecretEngine.classEnd(rx, i);
        i = end < 0 ? rx.length() : end;
        continue;
      }
      if (c == '(' && (i + 1 >= rx.length() || rx.charAt(i + 1) != '?')) {
        if (++seen == n) {
          return rx.substring(0, i + 1) + "?P<secret>" + rx.substring(i + 1);
        }
      } else if (c == '(' && rx.startsWith("(?P<", i)) {
        if (++seen == n) {
          int close = rx.indexOf('>', i);
          return rx.substring(0, i) + "(?P<secret>" + rx.substring(close + 1);
        }
      }
    }
    throw new IllegalArgumentException("secretGroup " + n + " does not exist in " + rx);
  }

  private static List<String> strings(Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> l) {
      for (Object o : l) {
        out.add(String.valueOf(o));
      }
    } else if (v != null) {
      out.add(String.valueOf(v));
    }
    return out;
  }

  /** A small TOML reader for what gitleaks configurations contain. */
  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    char peek() {
      return s.charAt(i);
    }

    /** Skips whitespace, newlines and comments; false at the end. */
    boolean skipBlank() {
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '#') {
          while (i < s.length() && s.charAt(i) != '\n') {
            i++;
          }
        } else if (Character.isWhitespace(c)) {
          i++;
        } else {
          return true;
        }
      }
      return false;
    }

    /** {@code [a.b]} → "a.b", {@code [[a.b]]} → "[a.b]". */
    String header() {
      int end = s.indexOf('\n', i);
      String line = (end < 0 ? s.substring(i) : s.substring(i, end)).trim();
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash).trim();
      }
      i = end < 0 ? s.length() : end;
      if (line.startsWith("[[") && line.endsWith("]]")) {
        return "[" + line.substring(2, line.length() - 2).trim() + "]";
      }
      return line.substring(1, line.length() - 1).trim();
    }

    String key() {
      skipSpaces();
      if (s.charAt(i) == '"' || s.charAt(i) == '\'') {
        return String.valueOf(value());
      }
      int start = i;
      while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '-' || s.charAt(i) == '.')) {
        i++;
      }
      if (start == i) {
        throw error("a key");
      }
      return s.substring(start, i);
    }

    void expect(char c) {
      skipSpaces();
      if (i >= s.length() || s.charAt(i) != c) {
        throw error("'" + c + "'");
      }
      i++;
    }

    Object value() {
      skipSpaces();
      if (s.startsWith("'''", i)) {
        return multi("'''", false);
      }
      if (s.startsWith("\"\"\"", i)) {
        return multi("\"\"\"", true);
      }
      char c = s.charAt(i);
      if (c == '\'') {
        int end = s.indexOf('\'', i + 1);
        String v = s.substring(i + 1, end);
        i = end + 1;
        return v;
      }
      if (c == '"') {
        return basic();
      }
      if (c == '[') {
        i++;
        List<Object> list = new ArrayList<>();
        while (true) {
          skipBlank();
          if (s.charAt(i) == ']') {
            i++;
            return list;
          }
          list.add(value());
          skipBlank();
          if (s.charAt(i) == ',') {
            i++;
          }
        }
      }
      int start = i;
      while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != ',' && s.charAt(i) != ']' && s.charAt(i) != '#') {
        i++;
      }
      String word = s.substring(start, i);
      if (word.equals("true") || word.equals("false")) {
        return Boolean.parseBoolean(word);
      }
      try {
        return word.contains(".") ? (Object) Double.parseDouble(word) : (Object) Long.parseLong(word.replace("_", ""));
      } catch (NumberFormatException e) {
        throw error("a value, not '" + word + "'");
      }
    }

    private String multi(String quote, boolean escapes) {
      i += 3;
      if (i < s.length() && s.charAt(i) == '\n') {
        i++;
      }
      int end = s.indexOf(quote, i);
      if (end < 0) {
        throw error("closing " + quote);
      }
      String v = s.substring(i, end);
      i = end + 3;
      return escapes ? unescape(v) : v;
    }

    private String basic() {
      StringBuilder sb = new StringBuilder();
      i++;
      while (i < s.length() && s.charAt(i) != '"') {
        if (s.charAt(i) == '\\' && i + 1 < s.length()) {
          sb.append(s, i, i + 2);
          i += 2;
        } else {
          sb.append(s.charAt(i++));
        }
      }
      i++;
      return unescape(sb.toString());
    }

    private static String unescape(String v) {
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < v.length(); k++) {
        char c = v.charAt(k);
        if (c == '\\' && k + 1 < v.length()) {
          char n = v.charAt(++k);
          sb.append(switch (n) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case '"' -> '"';
            case '\\' -> '\\';
            default -> n;
          });
        } else {
          sb.append(c);
        }
      }
      return sb.toString();
    }

    private void skipSpaces() {
      while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
        i++;
      }
    }

    private IllegalArgumentException error(String expected) {
      int line = 1;
      for (int k = 0; k < Math.min(i, s.length()); k++) {
        if (s.charAt(k) == '\n') {
          line++;
        }
      }
      return new IllegalArgumentException("gitleaks config line " + line + ": expected " + expected);
    }
  }
}
