package dev.shipgate.scanner.k8s;

import dev.shipgate.core.yaml.YamlFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads manifest values the way the API server receives them: kubectl converts YAML with go-yaml v2, a YAML 1.1
 * reader, so plain {@code yes}/{@code on} are booleans and {@code <<} merge keys apply; a quoted {@code "true"} is
 * a string the server rejects for a boolean field, so it counts as neither true nor false.
 */
public final class Yaml {

  private static final Set<String> TRUE = Set.of("true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y");
  private static final Pattern ZERO = Pattern.compile("\\+?0+");
  private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]+");

  private static final Set<String> FALSE = Set.of("false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N");

  private Yaml() {}

  /** The value under {@code key}, looking through {@code <<} merges when the mapping itself lacks it. */
  public static Optional<Node> get(Node node, String key) {
    Optional<Node> own = YamlFile.get(node, key);
    if (own.isPresent()) {
      return own;
    }
    Optional<Node> merged = YamlFile.get(node, "<<");
    if (merged.isEmpty()) {
      return Optional.empty();
    }
    for (Node source : merged.get() instanceof SequenceNode s ? s.getValue() : List.of(merged.get())) {
      Optional<Node> found = YamlFile.get(source, key);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** Follows a path of keys, merges included. */
  public static Optional<Node> at(Node node, String... keys) {
    Optional<Node> cur = Optional.of(node);
    for (String k : keys) {
      cur = cur.flatMap(n -> get(n, k));
    }
    return cur;
  }

  public static Optional<String> string(Node node, String key) {
    return get(node, key).flatMap(YamlFile::scalar);
  }

  public static boolean isTrue(Node node) {
    return node instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN && TRUE.contains(s.getValue());
  }

  public static boolean isFalse(Node node) {
    return node instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN && FALSE.contains(s.getValue());
  }

  /** A plain integer zero ({@code 0}, {@code +0}, {@code 00}). */
  public static boolean isZero(Node node) {
    return node instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN && ZERO.matcher(s.getValue()).matches();
  }

  /** A plain non-negative integer. */
  public static boolean isNumber(Node node) {
    return node instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN && NUMBER.matcher(s.getValue()).matches();
  }

  /** Items of a sequence that are scalars, as text. */
  public static List<ScalarNode> scalars(Node node) {
    return YamlFile.items(node).stream().filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast).toList();
  }

  public static boolean isFlow(Node node) {
    return (node instanceof MappingNode m && m.getFlowStyle() == FlowStyle.FLOW)
        || (node instanceof SequenceNode s && s.getFlowStyle() == FlowStyle.FLOW);
  }

  /** An implicit null: a key written with nothing after it. */
  public static boolean isEmptyValue(Node node) {
    return node instanceof ScalarNode s && s.getScalarStyle() == ScalarStyle.PLAIN
        && (s.getValue().isEmpty() || s.getValue().equals("~") || s.getValue().equals("null"));
  }

  /** Whether the mapping takes any key from a {@code <<} merge, whose text lives elsewhere in the file. */
  public static boolean hasMerge(Node node) {
    return YamlFile.get(node, "<<").isPresent();
  }

  /** The key node of an entry, merges not included (only own keys have a position to edit). */
  public static Optional<NodeTuple> ownEntry(Node node, String key) {
    return YamlFile.entry(node, key);
  }
}
