package dev.shipgate.scanner.k8s;

import dev.shipgate.core.yaml.YamlFile;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Checks that a parsed file is a tree kubectl could convert to JSON: no alias that contains itself, no nesting
 * deeper than a limit, and no aliases that expand to millions of values (billion laughs). One pass over the
 * shared nodes, with heights and expanded sizes memoised, so a bomb is measured without being expanded.
 */
final class Shape {

  /** How many values aliases may add beyond the file's own; real manifests reuse a few blocks, not millions. */
  static final long MAX_EXPANSION = 1_000_000;

  record Problem(int line, String message) {}

  private Shape() {}

  static Optional<Problem> check(YamlFile yaml, int maxDepth) {
    IdentityHashMap<Node, long[]> done = new IdentityHashMap<>();
    Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Node doc : yaml.documents()) {
      ArrayDeque<Node> nodes = new ArrayDeque<>();
      ArrayDeque<Iterator<Node>> children = new ArrayDeque<>();
      if (!done.containsKey(doc)) {
        nodes.push(doc);
        children.push(children(doc));
        open.add(doc);
      }
      while (!nodes.isEmpty()) {
        Iterator<Node> it = children.peek();
        if (it.hasNext()) {
          Node c = it.next();
          if (done.containsKey(c)) {
            continue;
          }
          if (open.contains(c)) {
            return Optional.of(new Problem(line(c), "an alias refers to a node that contains it (a recursive structure kubectl cannot read)"));
          }
          if (nodes.size() >= maxDepth) {
            return Optional.of(new Problem(line(c), "nesting deeper than " + maxDepth + " levels; not a manifest kubectl would apply"));
          }
          nodes.push(c);
          children.push(children(c));
          open.add(c);
          continue;
        }
        Node n = nodes.pop();
        children.pop();
        open.remove(n);
        long size = 1;
        for (Iterator<Node> kids = children(n); kids.hasNext(); ) {
          size = Math.min(Long.MAX_VALUE / 2, size + done.get(kids.next())[0]);
        }
        done.put(n, new long[] {size});
        if (size - done.size() > MAX_EXPANSION) {
          return Optional.of(new Problem(line(n), "aliases expand to more than " + MAX_EXPANSION
              + " values (an alias bomb); kubectl would expand every one"));
        }
      }
    }
    return Optional.empty();
  }

  private static int line(Node n) {
    return Math.max(1, YamlFile.line(n));
  }

  private static Iterator<Node> children(Node n) {
    if (n instanceof MappingNode m) {
      List<NodeTuple> tuples = m.getValue();
      return new Iterator<>() {
        int i;

        @Override
        public boolean hasNext() {
          return i < 2 * tuples.size();
        }

        @Override
        public Node next() {
          NodeTuple t = tuples.get(i / 2);
          return i++ % 2 == 0 ? t.getKeyNode() : t.getValueNode();
        }
      };
    }
    if (n instanceof SequenceNode s) {
      return s.getValue().iterator();
    }
    return Collections.<Node>emptyList().iterator();
  }
}
