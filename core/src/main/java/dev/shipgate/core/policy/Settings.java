package dev.shipgate.core.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A YAML mapping from a policy-like file, read with typed accessors that fail with file, line and column.
 * Scanners receive their {@code scanners.<family>} section as one of these.
 */
public final class Settings {

  private final String file;
  private final Node node;
  private final Map<String, Node> entries;
  private final Map<String, Node> keyNodes;

  private Settings(String file, Node node, Map<String, Node> entries, Map<String, Node> keyNodes) {
    this.file = file;
    this.node = node;
    this.entries = entries;
    this.keyNodes = keyNodes;
  }

  /** An empty section (the policy said nothing). */
  public static Settings empty(String file) {
    return new Settings(file, null, Map.of(), Map.of());
  }

  /** Wraps a mapping node; anything else is an error at the node's position. */
  public static Settings of(String file, Node node, String what) throws PolicyException {
    if (!(node instanceof MappingNode mapping)) {
      throw error(file, node, what + " must be a mapping of keys to values");
    }
    Map<String, Node> entries = new LinkedHashMap<>();
    Map<String, Node> keys = new LinkedHashMap<>();
    for (NodeTuple t : mapping.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key)) {
        throw error(file, t.getKeyNode(), "keys in " + what + " must be plain words");
      }
      if (entries.containsKey(key.getValue())) {
        throw error(file, key, "duplicate key '" + key.getValue() + "' in " + what);
      }
      entries.put(key.getValue(), t.getValueNode());
      keys.put(key.getValue(), key);
    }
    return new Settings(file, node, Collections.unmodifiableMap(entries), Collections.unmodifiableMap(keys));
  }

  public String file() {
    return file;
  }

  public Set<String> keys() {
    return entries.keySet();
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** Fails on the first key not in {@code allowed}, listing the allowed ones. */
  public void requireOnly(Set<String> allowed, String what) throws PolicyException {
    for (Map.Entry<String, Node> e : keyNodes.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw error(file, e.getValue(), "unknown key '" + e.getKey() + "' in " + what + " (known: " + String.join(", ", new TreeSet<>(allowed)) + ")");
      }
    }
  }

  public Settings section(String key) throws PolicyException {
    Node n = entries.get(key);
    return n == null ? empty(file) : of(file, n, "'" + key + "'");
  }

  public String string(String key, String fallback) throws PolicyException {
    Node n = entries.get(key);
    if (n == null) {
      return fallback;
    }
    if (!(n instanceof ScalarNode s)) {
      throw error(file, n, "'" + key + "' must be a single value");
    }
    return s.getValue();
  }

  public boolean bool(String key, boolean fallback) throws PolicyException {
    String v = string(key, null);
    if (v == null) {
      return fallback;
    }
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw error(file, entries.get(key), "'" + key + "' must be true or false, not '" + v + "'");
    };
  }

  public long integer(String key, long fallback) throws PolicyException {
    String v = string(key, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw error(file, entries.get(key), "'" + key + "' must be a whole number, not '" + v + "'");
    }
  }

  /** A list of single values; a lone value counts as a list of one. */
  public List<String> strings(String key) throws PolicyException {
    Node n = entries.get(key);
    if (n == null) {
      return List.of();
    }
    if (n instanceof ScalarNode s) {
      return List.of(s.getValue());
    }
    if (!(n instanceof SequenceNode seq)) {
      throw error(file, n, "'" + key + "' must be a list");
    }
    List<String> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      if (!(item instanceof ScalarNode s)) {
        throw error(file, item, "items of '" + key + "' must be single values");
      }
      out.add(s.getValue());
    }
    return List.copyOf(out);
  }

  /** The raw node under {@code key}, for structures a caller reads itself (lists of mappings). */
  public Node node(String key) {
    return entries.get(key);
  }

  /** An error positioned at the value of {@code key}, or at this section when the key is absent. */
  public PolicyException errorAt(String key, String message) {
    Node n = entries.get(key);
    return error(file, n != null ? n : node, message);
  }

  /** An error positioned at the key itself (for unknown or misplaced keys). */
  public PolicyException errorAtKey(String key, String message) {
    return error(file, keyNodes.getOrDefault(key, node), message);
  }

  public static PolicyException error(String file, Node node, String message) {
    if (node == null || node.getStartMark().isEmpty()) {
      return new PolicyException(file, 0, 0, message);
    }
    Mark m = node.getStartMark().get();
    return new PolicyException(file, m.getLine() + 1, m.getColumn() + 1, message);
  }
}
