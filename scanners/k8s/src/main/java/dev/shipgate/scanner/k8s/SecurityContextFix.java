package dev.shipgate.scanner.k8s;

import dev.shipgate.core.model.Fix;
import dev.shipgate.core.yaml.YamlFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Hardens one container's {@code securityContext} in a single fix: flips explicit unsafe values and adds what is
 * missing ({@code allowPrivilegeEscalation: false}, {@code capabilities.drop: [ALL]}, {@code readOnlyRootFilesystem:
 * true}, {@code runAsNonRoot: true}, {@code seccompProfile: RuntimeDefault}), judged on the same effective settings
 * the rules use, so that it resolves every securityContext finding of the container that it touches.
 */
final class SecurityContextFix {

  private SecurityContextFix() {}

  static Remediation build(TextEdits t, Container c) {
    if (Yaml.isFlow(c.node()) || !t.ownText(c.node())) {
      return Remediation.none("the container is written in flow style or through an alias or merge; edit it by hand");
    }
    Optional<NodeTuple> scEntry = Yaml.ownEntry(c.node(), "securityContext");
    Node sc = scEntry.map(NodeTuple::getValueNode).orElse(null);
    if (sc != null && !(sc instanceof MappingNode)) {
      return Remediation.none("securityContext is not a mapping");
    }
    if (sc != null && !t.ownText((MappingNode) sc)) {
      return Remediation.none("securityContext comes through an alias or merge; edit it by hand");
    }
    List<Fix.Edit> edits = new ArrayList<>();
    List<String[]> added = new ArrayList<>();
    List<String> what = new ArrayList<>();
    if (c.privileged()) {
      edits.add(t.replace(c.own("privileged").orElseThrow(), "false"));
      what.add("privileged: false");
    }
    boolean linux = !c.pod().windows();
    if (linux && c.escalationAllowed()) {
      setOrAdd(t, c, "allowPrivilegeEscalation", "false", edits, added);
      what.add("allowPrivilegeEscalation: false");
    }
    if (linux && !c.dropsAll()) {
      String problem = dropAll(t, c, edits, added);
      if (problem != null) {
        return Remediation.none(problem);
      }
      what.add("drop ALL capabilities");
    }
    if (linux && !c.readOnlyRoot()) {
      setOrAdd(t, c, "readOnlyRootFilesystem", "true", edits, added);
      what.add("readOnlyRootFilesystem: true");
    }
    if (c.mayRunAsRoot() && c.rootUser().isEmpty()) {
      setOrAdd(t, c, "runAsNonRoot", "true", edits, added);
      what.add("runAsNonRoot: true");
    }
    Optional<String> seccomp = c.seccompType();
    // A profile set only by legacy annotation is left alone: field and annotation must agree, so it moves by hand.
    if (linux && (seccomp.isEmpty() || (seccomp.get().equals("Unconfined") && c.effective("seccompProfile").isPresent()))) {
      Optional<Node> type = c.own("seccompProfile").flatMap(p -> Yaml.get(p, "type"));
      if (type.isPresent()) {
        edits.add(t.replace(type.get(), "RuntimeDefault"));
      } else if (c.own("seccompProfile").isPresent()) {
        return Remediation.none("seccompProfile has no type to set");
      } else {
        added.add(new String[] {"seccompProfile:", "+type: RuntimeDefault"});
      }
      what.add("seccompProfile RuntimeDefault");
    }
    if (!added.isEmpty()) {
      String problem = addToContext(t, c, scEntry, added, edits);
      if (problem != null) {
        return Remediation.none(problem);
      }
    }
    if (edits.isEmpty()) {
      return Remediation.none("nothing to change");
    }
    return Remediation.of("harden the securityContext of " + c.label() + " (" + String.join(", ", what)
        + "); check that the image runs as a non-root user and writes only to mounted volumes", edits);
  }

  /** Flips an existing field of the container's own securityContext, or plans a new line for it. */
  private static void setOrAdd(TextEdits t, Container c, String key, String value, List<Fix.Edit> edits, List<String[]> added) {
    Optional<Node> own = c.own(key);
    if (own.isPresent()) {
      edits.add(t.replace(own.get(), value));
    } else {
      added.add(new String[] {key + ": " + value});
    }
  }

  /** Plans {@code capabilities.drop: [ALL]}: a new block, a new key, or one more item. Returns a problem, or null. */
  private static String dropAll(TextEdits t, Container c, List<Fix.Edit> edits, List<String[]> added) {
    Optional<Node> caps = c.own("capabilities");
    if (caps.isEmpty()) {
      added.add(new String[] {"capabilities:", "+drop:", "-ALL"});
      return null;
    }
    if (!(caps.get() instanceof MappingNode capMap)) {
      return "capabilities is not a mapping";
    }
    Optional<NodeTuple> drop = Yaml.ownEntry(capMap, "drop");
    if (drop.isEmpty()) {
      if (capMap.getValue().isEmpty()) {
        Node key = Yaml.ownEntry(c.node(), "securityContext").map(e -> YamlFile.keyNode(e.getValueNode(), "capabilities").orElse(null)).orElse(null);
        if (key == null) {
          return "capabilities comes through an alias";
        }
        int indent = YamlFile.column(key) - 1;
        edits.add(t.replaceEmptyFlow(key, capMap, List.of(TextEdits.spaces(indent + t.step) + "drop:", t.item(indent + t.step, "ALL"))));
        return null;
      }
      if (Yaml.isFlow(capMap) || !t.ownText(capMap)) {
        return "capabilities is written in flow style or through an alias; add drop: [ALL] by hand";
      }
      Optional<Node> leaf = t.lastLeaf(capMap);
      if (leaf.isEmpty()) {
        return "capabilities cannot be edited in place";
      }
      int indent = t.keyIndent(capMap);
      edits.add(t.insertAfter(leaf.get(), List.of(TextEdits.spaces(indent) + "drop:", t.item(indent, "ALL")), TextEdits.At.NEXT_LINE));
      return null;
    }
    Node list = drop.get().getValueNode();
    if (!(list instanceof SequenceNode seq)) {
      return "capabilities.drop is not a list";
    }
    if (Yaml.isFlow(seq)) {
      int end = t.yaml.end(seq);
      if (end < 1 || t.text.charAt(end - 1) != ']') {
        return "capabilities.drop cannot be edited in place";
      }
      edits.add(Fix.Edit.insert(t.yaml.path(), end - 1, seq.getValue().isEmpty() ? "ALL" : ", ALL"));
      return null;
    }
    Node last = seq.getValue().get(seq.getValue().size() - 1);
    Optional<String> prefix = t.itemPrefix(last);
    if (!(last instanceof ScalarNode) || prefix.isEmpty() || t.yaml.start(last) < t.yaml.end(drop.get().getKeyNode())) {
      return "capabilities.drop cannot be edited in place";
    }
    edits.add(t.insertAfter(last, List.of(prefix.get() + "ALL"), TextEdits.At.NEXT_LINE));
    return null;
  }

  /**
   * Adds the planned lines to the container's securityContext, creating it when missing. Each "+" before a key
   * indents it one level below the group's first key; "-" marks an item of the sequence under the key before.
   */
  private static String addToContext(TextEdits t, Container c, Optional<NodeTuple> scEntry, List<String[]> added,
      List<Fix.Edit> edits) {
    if (scEntry.isEmpty()) {
      Optional<Node> leaf = t.lastLeaf(c.node());
      if (leaf.isEmpty()) {
        return "the container cannot be edited in place";
      }
      int indent = t.keyIndent(c.node());
      List<String> lines = new ArrayList<>();
      lines.add(TextEdits.spaces(indent) + "securityContext:");
      lines.addAll(render(t, indent + t.step, added));
      edits.add(t.insertAfter(leaf.get(), lines, TextEdits.At.NEXT_LINE));
      return null;
    }
    MappingNode sc = (MappingNode) scEntry.get().getValueNode();
    if (sc.getValue().isEmpty()) {
      int indent = YamlFile.column(scEntry.get().getKeyNode()) - 1 + t.step;
      edits.add(t.replaceEmptyFlow(scEntry.get().getKeyNode(), sc, render(t, indent, added)));
      return null;
    }
    if (Yaml.isFlow(sc)) {
      return "securityContext is written in flow style {...}; add the missing fields by hand";
    }
    Optional<Node> leaf = t.lastLeaf(sc);
    if (leaf.isEmpty()) {
      return "securityContext cannot be edited in place";
    }
    edits.add(t.insertAfter(leaf.get(), render(t, t.keyIndent(sc), added), TextEdits.At.NEXT_LINE));
    return null;
  }

  private static List<String> render(TextEdits t, int indent, List<String[]> groups) {
    List<String> lines = new ArrayList<>();
    for (String[] group : groups) {
      int keyIndent = indent;
      for (String line : group) {
        int depth = 0;
        String body = line;
        while (body.startsWith("+")) {
          depth++;
          body = body.substring(1);
        }
        if (body.startsWith("-")) {
          lines.add(t.item(keyIndent, body.substring(1)));
        } else {
          keyIndent = indent + depth * t.step;
          lines.add(TextEdits.spaces(keyIndent) + body);
        }
      }
    }
    return lines;
  }
}
