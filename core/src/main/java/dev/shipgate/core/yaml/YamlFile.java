package dev.shipgate.core.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A scanned YAML file (workflows, Kubernetes manifests, compose files) as snakeyaml-engine node trees with
 * positions: every node knows its line, and its character offsets in {@link #text()} so that rules can
 * report the exact line and fixes can replace the exact range. Every document of a multi-document stream
 * is kept; aliases resolve to the anchored node (alias bombs are refused).
 *
 * <p>Scanners share these navigation helpers instead of converting to maps and losing positions.
 */
public final class YamlFile {

  /** Largest file accepted; larger YAML is almost always generated data, not configuration. */
  public static final int MAX_CODE_POINTS = 8 * 1024 * 1024;

  private final String path;
  /**
   * Immutable, so one instance serves every parse (building it per file built a schema per file). Errors carry
   * positions, not the label, so no path is set.
   */
  private static final LoadSettings SETTINGS = LoadSettings.builder()
      .setAllowDuplicateKeys(true)
      .setAllowRecursiveKeys(false)
      .setMaxAliasesForCollections(100)
      .setCodePointLimit(MAX_CODE_POINTS)
      .build();

  private final String text;
  private final List<Node> documents;
  private final int codePoints;

  private YamlFile(String path, String text, List<Node> documents) {
    this.path = path;
    this.text = text;
    this.documents = documents;
    this.codePoints = text.codePointCount(0, text.length());
  }

  /**
   * Parses every document of {@code text}; empty documents are dropped. Malformed, over-large, too deeply
   * nested or alias-bomb input raises {@link YamlException} with the position of the problem.
   */
  public static YamlFile parse(String path, String text) throws YamlException {
    List<Node> docs = new ArrayList<>();
    try {
      for (Node doc : new Compose(SETTINGS).composeAllFromString(text)) {
        if (doc != null && !(doc instanceof ScalarNode s && s.getTag().equals(Tag.NULL) && s.getValue().isEmpty())) {
          docs.add(doc);
        }
      }
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> m = e.getProblemMark().or(e::getContextMark);
      String problem = e.getProblem() == null ? "malformed YAML" : e.getProblem();
      throw new YamlException(problem, m.map(x -> x.getLine() + 1).orElse(0), m.map(x -> x.getColumn() + 1).orElse(0));
    } catch (YamlEngineException e) {
      throw new YamlException(firstLine(e.getMessage()), 0, 0);
    } catch (StackOverflowError e) {
      throw new YamlException("nesting too deep to read", 0, 0);
    }
    return new YamlFile(path, text, Collections.unmodifiableList(docs));
  }

  public String path() {
    return path;
  }

  public String text() {
    return text;
  }

  /** The documents of the stream, in order. */
  public List<Node> documents() {
    return documents;
  }

  /**
   * Visits every node of every document once, keys included. Aliases make the tree a graph whose paths can
   * grow exponentially with the alias count; this walk visits each shared node once, so rules that look
   * at all values should use it rather than recurse themselves.
   */
  public void walk(java.util.function.Consumer<Node> visitor) {
    java.util.Set<Node> seen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
    for (int i = documents.size() - 1; i >= 0; i--) {
      todo.push(documents.get(i));
    }
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (!seen.add(n)) {
        continue;
      }
      visitor.accept(n);
      if (n instanceof MappingNode m) {
        List<NodeTuple> tuples = m.getValue();
        for (int i = tuples.size() - 1; i >= 0; i--) {
          todo.push(tuples.get(i).getValueNode());
          todo.push(tuples.get(i).getKeyNode());
        }
      } else if (n instanceof SequenceNode s) {
        for (int i = s.getValue().size() - 1; i >= 0; i--) {
          todo.push(s.getValue().get(i));
        }
      }
    }
  }

  /** 1-based line where the node starts. */
  public static int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  /** 1-based column where the node starts. */
  public static int column(Node node) {
    return node.getStartMark().map(m -> m.getColumn() + 1).orElse(0);
  }

  /** Character offset in {@link #text()} where the node starts. */
  public int start(Node node) {
    return node.getStartMark().map(this::offset).orElse(0);
  }

  /** Character offset in {@link #text()} just after the node. */
  public int end(Node node) {
    return node.getEndMark().map(this::offset).orElse(start(node));
  }

  /** The node's exact source text (a scalar's quotes included). */
  public String source(Node node) {
    return text.substring(start(node), end(node));
  }

  /** Offset of the start of the 1-based line. */
  public int lineStart(int line) {
    int at = 0;
    for (int l = 1; l < line && at >= 0; l++) {
      at = text.indexOf('\n', at);
      at = at < 0 ? -1 : at + 1;
    }
    return at < 0 ? text.length() : at;
  }

  /** The leading whitespace of the line the node starts on, for inserting siblings with the same indent. */
  public String indentOf(Node node) {
    int from = lineStart(line(node));
    int to = from;
    while (to < text.length() && (text.charAt(to) == ' ' || text.charAt(to) == '\t')) {
      to++;
    }
    return text.substring(from, to);
  }

  private int offset(Mark mark) {
    // snakeyaml-engine counts code points; Java strings count UTF-16 units.
    int index = Math.min(mark.getIndex(), codePoints);
    return codePoints == text.length() ? index : text.offsetByCodePoints(0, index);
  }

  /** The value under {@code key} when {@code node} is a mapping with that plain key. */
  public static Optional<Node> get(Node node, String key) {
    return entry(node, key).map(NodeTuple::getValueNode);
  }

  /** The key node for {@code key}, for reporting on the key's line. */
  public static Optional<Node> keyNode(Node node, String key) {
    return entry(node, key).map(NodeTuple::getKeyNode);
  }

  /** The last entry with that key (YAML loaders keep the last duplicate, and so do the tools we model). */
  public static Optional<NodeTuple> entry(Node node, String key) {
    NodeTuple found = null;
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          found = t;
        }
      }
    }
    return Optional.ofNullable(found);
  }

  /** Follows a path of mapping keys. */
  public static Optional<Node> at(Node node, String... keys) {
    Optional<Node> cur = Optional.of(node);
    for (String k : keys) {
      cur = cur.flatMap(n -> get(n, k));
    }
    return cur;
  }

  /** Scalar text of the node, if it is a scalar. */
  public static Optional<String> scalar(Node node) {
    return node instanceof ScalarNode s ? Optional.of(s.getValue()) : Optional.empty();
  }

  /** Scalar text under {@code key}. */
  public static Optional<String> string(Node node, String key) {
    return get(node, key).flatMap(YamlFile::scalar);
  }

  /** Mapping entries with plain keys, in order (later duplicates win). */
  public static Map<String, Node> entries(Node node) {
    Map<String, Node> out = new LinkedHashMap<>();
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k) {
          out.put(k.getValue(), t.getValueNode());
        }
      }
    }
    return out;
  }

  /** Items of a sequence; empty for anything else. */
  public static List<Node> items(Node node) {
    return node instanceof SequenceNode s ? s.getValue() : List.of();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed YAML";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
