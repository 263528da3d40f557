package dev.shipgate.scanner.k8s;

import dev.shipgate.core.model.Fix;
import dev.shipgate.core.yaml.YamlFile;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Minimal text edits to a block-style manifest: new keys go after the last line of their mapping with the
 * mapping's own indentation; the file's indentation step, sequence style and line endings are kept. Nodes that
 * are flow style, come from an alias or a {@code <<} merge are not edited (their text is elsewhere or inline).
 */
final class TextEdits {

  /** Where an insertion after a node goes: at the end of its last line, or at the start of the next one. */
  enum At { LINE_END, NEXT_LINE }

  private static final Pattern ITEM_PREFIX = Pattern.compile(" *- +");

  final YamlFile yaml;
  final String text;
  final String newline;
  final int step;
  final int sequenceIndent;

  TextEdits(YamlFile yaml) {
    this.yaml = yaml;
    this.text = yaml.text();
    this.newline = text.contains("\r\n") ? "\r\n" : "\n";
    this.step = detectStep();
    this.sequenceIndent = detectSequenceIndent();
  }

  /** Indentation of the mapping's keys. */
  int keyIndent(MappingNode m) {
    return YamlFile.column(m.getValue().get(0).getKeyNode()) - 1;
  }

  static String spaces(int n) {
    return " ".repeat(Math.max(0, n));
  }

  /**
   * The node whose text ends the block: the last scalar or flow collection, or the key of a trailing empty
   * value. Empty when the block's text is not where the tree says (aliases, merges) or cannot be edited.
   */
  Optional<Node> lastLeaf(Node node) {
    Node cur = node;
    while (true) {
      if (cur instanceof MappingNode m && !Yaml.isFlow(m)) {
        List<NodeTuple> tuples = m.getValue();
        if (tuples.isEmpty() || Yaml.hasMerge(m)) {
          return Optional.empty();
        }
        NodeTuple last = tuples.get(tuples.size() - 1);
        if (yaml.start(last.getValueNode()) < yaml.end(last.getKeyNode())) {
          return Optional.empty();
        }
        if (Yaml.isEmptyValue(last.getValueNode()) && ((ScalarNode) last.getValueNode()).getValue().isEmpty()) {
          return Optional.of(last.getKeyNode());
        }
        cur = last.getValueNode();
      } else if (cur instanceof SequenceNode s && !Yaml.isFlow(s)) {
        if (s.getValue().isEmpty()) {
          return Optional.empty();
        }
        Node item = s.getValue().get(s.getValue().size() - 1);
        if (yaml.start(item) < yaml.start(s) || (Yaml.isEmptyValue(item) && ((ScalarNode) item).getValue().isEmpty())) {
          return Optional.empty();
        }
        cur = item;
      } else {
        return Optional.of(cur);
      }
    }
  }

  /** Whether every value in the block sits after its key in the text, i.e. no alias stands in it. */
  boolean ownText(MappingNode m) {
    if (Yaml.hasMerge(m)) {
      return false;
    }
    for (NodeTuple t : m.getValue()) {
      if (yaml.start(t.getValueNode()) < yaml.end(t.getKeyNode())) {
        return false;
      }
    }
    return true;
  }

  /** Inserts {@code lines} (already indented, without line ends) after the text of {@code leaf}. */
  Fix.Edit insertAfter(Node leaf, List<String> lines, At at) {
    int end = yaml.end(leaf);
    int eol;
    if (end > 0 && text.charAt(end - 1) == '\n') {
      // Block scalars end after their line break.
      eol = end - (end > 1 && text.charAt(end - 2) == '\r' ? 2 : 1);
    } else {
      eol = text.indexOf('\n', end);
      eol = eol < 0 ? text.length() : (eol > 0 && text.charAt(eol - 1) == '\r' ? eol - 1 : eol);
    }
    String block = String.join(newline, lines);
    if (at == At.LINE_END || eol == text.length()) {
      return Fix.Edit.insert(yaml.path(), eol, newline + block);
    }
    int next = text.indexOf('\n', eol) + 1;
    return Fix.Edit.insert(yaml.path(), next, block + newline);
  }

  /** Replaces the text of a scalar (quotes included) with {@code value}. */
  Fix.Edit replace(Node scalar, String value) {
    return new Fix.Edit(yaml.path(), yaml.start(scalar), yaml.end(scalar), value);
  }

  /** Replaces an empty flow mapping value ({@code key: {}}) by a block of {@code lines} under its key. */
  Fix.Edit replaceEmptyFlow(Node key, Node flow, List<String> lines) {
    return new Fix.Edit(yaml.path(), yaml.end(key), yaml.end(flow), ":" + newline + String.join(newline, lines));
  }

  /** Start of the line holding {@code offset}. */
  int lineStartOf(int offset) {
    return text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** Whether only spaces precede {@code node} on its line. */
  boolean startsLine(Node node) {
    int s = yaml.start(node);
    return text.substring(lineStartOf(s), s).isBlank();
  }

  /** Indented lines of a sequence item under a key at {@code keyIndent}: "- item" in the file's sequence style. */
  String item(int keyIndent, String value) {
    return spaces(keyIndent + sequenceIndent) + "- " + value;
  }

  /** The text preceding a sequence item on its line, dash included, when the item starts a line of its own. */
  Optional<String> itemPrefix(Node item) {
    int s = yaml.start(item);
    String before = text.substring(lineStartOf(s), s);
    return ITEM_PREFIX.matcher(before).matches() ? Optional.of(before) : Optional.empty();
  }

  /** The indentation step of the file: how far the first nested block mapping is indented under its key. */
  private int detectStep() {
    for (Node doc : yaml.documents()) {
      if (doc instanceof MappingNode m) {
        for (NodeTuple t : m.getValue()) {
          if (t.getValueNode() instanceof MappingNode child && !Yaml.isFlow(child) && !child.getValue().isEmpty()) {
            Node first = child.getValue().get(0).getKeyNode();
            int delta = YamlFile.column(first) - YamlFile.column(t.getKeyNode());
            if (YamlFile.line(first) > YamlFile.line(t.getKeyNode()) && delta > 0 && delta <= 8) {
              return delta;
            }
          }
        }
      }
    }
    return 2;
  }

  /** How far a block sequence's dashes sit right of its key: 0 ({@code key:\n- a}) or the indentation step. */
  private int detectSequenceIndent() {
    int[] found = {-1};
    yaml.walk(n -> {
      if (found[0] < 0 && n instanceof MappingNode m && !Yaml.isFlow(m)) {
        for (NodeTuple t : m.getValue()) {
          if (t.getValueNode() instanceof SequenceNode s && !Yaml.isFlow(s) && !s.getValue().isEmpty()
              && YamlFile.line(s.getValue().get(0)) > YamlFile.line(t.getKeyNode())) {
            int s0 = yaml.start(s.getValue().get(0));
            int dash = text.lastIndexOf('-', s0 - 1);
            if (dash >= 0) {
              found[0] = Math.max(0, dash - lineStartOf(dash) - (YamlFile.column(t.getKeyNode()) - 1));
              return;
            }
          }
        }
      }
    });
    return found[0] < 0 ? 0 : found[0];
  }
}
