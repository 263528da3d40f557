package dev.shipgate.scanner.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in {@code detectors.yml} as its YAML document tree in a line format that needs no YAML parser at
 * start-up: one node per line, {@code m N} (a mapping, then N key and value nodes), {@code l N} (a list of N
 * nodes), {@code s TEXT} (a string; {@code \\}, {@code \n}, {@code \r} and {@code \t} escaped), {@code i N},
 * {@code f N}, {@code b true|false}, {@code n} (null); lines starting with {@code #} are comments.
 * {@code CompiledCatalogueTest} writes it from {@code detectors.yml} and fails when the two disagree.
 */
final class CompiledCatalogue {

  static final String RESOURCE = "/dev/shipgate/scanner/secrets/detectors.compiled";

  private final String text;
  private int pos;
  private int line;

  private CompiledCatalogue(String text) {
    this.text = text;
  }

  /** The tree snakeyaml-engine would build from {@code detectors.yml}: maps, lists, strings, numbers, booleans. */
  static Object read(InputStream in) throws IOException {
    CompiledCatalogue r = new CompiledCatalogue(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    Object root = r.node();
    r.skipComments();
    if (r.pos < r.text.length()) {
      throw r.error(r.line + 1, "trailing content");
    }
    return root;
  }

  private Object node() {
    skipComments();
    int end = text.indexOf('\n', pos);
    if (end < 0) {
      throw error(line + 1, "unexpected end");
    }
    String l = text.substring(pos, end);
    pos = end + 1;
    line++;
    char kind = l.isEmpty() ? '?' : l.charAt(0);
    String arg = l.length() > 2 ? l.substring(2) : "";
    switch (kind) {
      case 'm' -> {
        int n = Integer.parseInt(arg);
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          Object key = node();
          m.put(key, node());
        }
        return m;
      }
      case 'l' -> {
        int n = Integer.parseInt(arg);
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(node());
        }
        return list;
      }
      case 's' -> {
        return unescape(arg);
      }
      case 'i' -> {
        return Integer.valueOf(arg);
      }
      case 'f' -> {
        return Double.valueOf(arg);
      }
      case 'b' -> {
        return Boolean.valueOf(arg);
      }
      case 'n' -> {
        return null;
      }
      default -> throw error(line, "unknown node '" + l + "'");
    }
  }

  private void skipComments() {
    while (pos < text.length() && text.charAt(pos) == '#') {
      int end = text.indexOf('\n', pos);
      pos = end < 0 ? text.length() : end + 1;
      line++;
    }
  }

  private static IllegalStateException error(int line, String what) {
    return new IllegalStateException(RESOURCE + ":" + line + ": " + what
        + " (regenerate it from detectors.yml, see CompiledCatalogueTest)");
  }

  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char e = s.charAt(++i);
        sb.append(switch (e) {
          case 'n' -> '\n';
          case 'r' -> '\r';
          case 't' -> '\t';
          default -> e;
        });
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
