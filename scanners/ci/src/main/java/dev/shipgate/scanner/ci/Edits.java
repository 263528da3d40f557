package dev.shipgate.scanner.ci;

import dev.shipgate.core.yaml.YamlFile;
import java.util.List;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Positions for minimal YAML edits: where a sibling line goes, and with what indentation. */
public final class Edits {

  private Edits() {}

  /**
   * The offset just after the line on which {@code node}'s content ends, where a new line can be inserted;
   * -1 when that line is the last of a file without a final newline (insert at the end, after a newline).
   */
  public static int afterLastLine(YamlFile yaml, Node node) {
    String text = yaml.text();
    Node last = lastScalar(node);
    int start = yaml.start(last);
    int q = yaml.end(last) - 1;
    while (q > start && Character.isWhitespace(text.charAt(q))) {
      q--;
    }
    int nl = text.indexOf('\n', Math.max(q, start));
    return nl < 0 ? -1 : nl + 1;
  }

  /** The innermost last value, so that the end offset is that of text and not of a collection's closing token. */
  public static Node lastScalar(Node node) {
    Node n = node;
    while (true) {
      if (n instanceof MappingNode m && !m.getValue().isEmpty() && m.getFlowStyle() == FlowStyle.BLOCK) {
        List<NodeTuple> t = m.getValue();
        n = t.get(t.size() - 1).getValueNode();
      } else if (n instanceof SequenceNode s && !s.getValue().isEmpty() && s.getFlowStyle() == FlowStyle.BLOCK) {
        n = s.getValue().get(s.getValue().size() - 1);
      } else {
        return n;
      }
    }
  }

  /** A block mapping with at least one entry, whose entries new lines can join. */
  public static boolean isBlockMapping(Node node) {
    return node instanceof MappingNode m && m.getFlowStyle() == FlowStyle.BLOCK && !m.getValue().isEmpty();
  }

  /** Whether a block collection's values end in a keep-chomped block scalar, whose trailing newlines an insertion would steal. */
  public static boolean endsInKeptScalar(YamlFile yaml, Node node) {
    Node last = lastScalar(node);
    return last instanceof ScalarNode s && yaml.source(s).matches("(?s)^[|>][0-9]*\\+.*");
  }

  /** Spaces matching the column of a key (all keys of a block mapping share it). */
  public static String indent(Node key) {
    return " ".repeat(Math.max(0, YamlFile.column(key) - 1));
  }

  /** {@code text} inserted at {@code at}, or at the end after a newline when {@code at} is -1. */
  public static dev.shipgate.core.model.Fix.Edit insertLines(CiFile file, int at, String lines) {
    String text = file.yaml().text();
    if (at < 0) {
      return dev.shipgate.core.model.Fix.Edit.insert(file.path(), text.length(), file.newline() + lines);
    }
    return dev.shipgate.core.model.Fix.Edit.insert(file.path(), at, lines);
  }
}
