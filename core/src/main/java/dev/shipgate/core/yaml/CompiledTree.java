package dev.shipgate.core.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document tree (as snakeyaml-engine's {@code Load} builds it: maps, lists, strings, integers, decimals,
 * booleans, nulls) in a line format that needs no YAML parser to read: the form of the catalogues shipgate ships,
 * which a cold CLI would otherwise parse at every start. One node per line: {@code m N} (a mapping, then N key and
 * value nodes), {@code l N} (a list of N nodes), {@code s TEXT} (a string; {@code \\}, {@code \n}, {@code \r} and
 * {@code \t} escaped), {@code i N}, {@code f N}, {@code b true|false}, {@code n} (null); lines starting with
 * {@code #} are comments. Each module keeps its compiled file next to the YAML and a test that fails when the two
 * disagree (and rewrites it on request).
 */
public final class CompiledTree {

  private final String name;
  private final String text;
  private int pos;
  private int line;

  private CompiledTree(String name, String text) {
    this.name = name;
    this.text = text;
  }

  /**
   * The tree written in {@code text}; {@code name} (the resource) prefixes every error, which names the line.
   *
   * @throws IllegalStateException on a damaged file (a shipped resource: a build defect, not user input)
   */
  public static Object read(String name, String text) {
    CompiledTree r = new CompiledTree(name, text);
    Object root = r.node();
    r.skipComments();
    if (r.pos < r.text.length()) {
      throw r.error(r.line + 1, "trailing content");
    }
    return root;
  }

  /** The inverse of {@link #read}, after a {@code # header} comment line. */
  public static String write(Object tree, String header) {
    StringBuilder sb = new StringBuilder("# ").append(header).append('\n');
    write(tree, sb);
    return sb.toString();
  }

  private static void write(Object node, StringBuilder sb) {
    if (node instanceof Map<?, ?> m) {
      sb.append("m ").append(m.size()).append('\n');
      m.forEach((k, v) -> {
        write(k, sb);
        write(v, sb);
      });
    } else if (node instanceof List<?> l) {
      sb.append("l ").append(l.size()).append('\n');
      l.forEach(x -> write(x, sb));
    } else if (node instanceof String s) {
      sb.append("s ").append(s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")).append('\n');
    } else if (node instanceof Integer || node instanceof Long) {
      sb.append("i ").append(node).append('\n');
    } else if (node instanceof Double d) {
      sb.append("f ").append(d).append('\n');
    } else if (node instanceof Boolean b) {
      sb.append("b ").append(b).append('\n');
    } else if (node == null) {
      sb.append("n\n");
    } else {
      throw new IllegalArgumentException("the tree holds a " + node.getClass().getSimpleName()
          + ", which the compiled form does not carry: use strings, integers, decimals and booleans");
    }
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
    try {
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
          List<Object> list = new ArrayList<>(Math.min(n, 1024));
          for (int i = 0; i < n; i++) {
            list.add(node());
          }
          return list;
        }
        case 's' -> {
          return unescape(arg);
        }
        case 'i' -> {
          // As snakeyaml-engine: an Integer when it fits, else a Long.
          long v = Long.parseLong(arg);
          return v == (int) v ? (Object) (int) v : (Object) v;
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
    } catch (NumberFormatException e) {
      throw error(line, "not a number in '" + l + "'");
    }
  }

  private void skipComments() {
    while (pos < text.length() && text.charAt(pos) == '#') {
      int end = text.indexOf('\n', pos);
      pos = end < 0 ? text.length() : end + 1;
      line++;
    }
  }

  private IllegalStateException error(int at, String what) {
    return new IllegalStateException(name + ":" + at + ": " + what + " (regenerate it with its module's compiled-form test)");
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
