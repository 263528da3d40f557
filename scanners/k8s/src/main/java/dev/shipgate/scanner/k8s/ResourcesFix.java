package dev.shipgate.scanner.k8s;

import dev.shipgate.core.model.Fix;
import dev.shipgate.core.yaml.YamlFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Gives a container cpu and memory limits (and requests when it has no resources at all) from the policy's
 * defaults. A limit never goes below the container's own request, which Kubernetes would reject. A new
 * {@code resources:} block goes right after {@code image:} so it never meets the securityContext fix, which
 * appends at the container's end.
 */
final class ResourcesFix {

  static final List<String> RESOURCES = List.of("cpu", "memory");

  private ResourcesFix() {}

  static Remediation build(TextEdits t, Container c, ResourceDefaults defaults) {
    if (Yaml.isFlow(c.node()) || !t.ownText(c.node())) {
      return Remediation.none("the container is written in flow style or through an alias or merge; edit it by hand");
    }
    Optional<NodeTuple> resEntry = Yaml.ownEntry(c.node(), "resources");
    List<Fix.Edit> edits = new ArrayList<>();
    int base = t.keyIndent(c.node());
    if (resEntry.isEmpty() || (resEntry.get().getValueNode() instanceof MappingNode m && m.getValue().isEmpty())) {
      List<String> lines = new ArrayList<>();
      if (resEntry.isEmpty()) {
        lines.add(TextEdits.spaces(base) + "resources:");
      }
      for (String section : List.of("requests", "limits")) {
        lines.add(TextEdits.spaces(base + t.step) + section + ":");
        for (String r : RESOURCES) {
          String v = section.equals("requests") ? defaults.request(r) : defaults.limit(r);
          lines.add(TextEdits.spaces(base + 2 * t.step) + r + ": " + v);
        }
      }
      if (resEntry.isPresent()) {
        edits.add(t.replaceEmptyFlow(resEntry.get().getKeyNode(), resEntry.get().getValueNode(), lines.subList(0, lines.size())));
      } else {
        Node after = YamlFile.get(c.node(), "image").filter(i -> !Yaml.isEmptyValue(i)).orElse(null);
        Optional<Node> leaf = after != null ? t.lastLeaf(after) : t.lastLeaf(c.node());
        if (leaf.isEmpty()) {
          return Remediation.none("the container cannot be edited in place");
        }
        edits.add(t.insertAfter(leaf.get(), lines, TextEdits.At.LINE_END));
      }
      return Remediation.of("add resource requests (cpu " + defaults.cpuRequest() + ", memory " + defaults.memoryRequest()
          + ") and limits (cpu " + defaults.cpuLimit() + ", memory " + defaults.memoryLimit() + ") to " + c.label()
          + "; tune them to the workload's measured use", edits);
    }
    if (!(resEntry.get().getValueNode() instanceof MappingNode res) || Yaml.isFlow(res) || !t.ownText(res)) {
      return Remediation.none("resources is written in flow style or through an alias; add the limits by hand");
    }
    Optional<NodeTuple> limitsEntry = Yaml.ownEntry(res, "limits");
    List<String> missing = new ArrayList<>();
    for (String r : RESOURCES) {
      if (limitsEntry.flatMap(l -> Yaml.get(l.getValueNode(), r)).filter(v -> !Yaml.isEmptyValue(v)).isEmpty()) {
        missing.add(r);
      }
    }
    if (missing.isEmpty()) {
      return Remediation.none("nothing to change");
    }
    List<String> values = new ArrayList<>();
    for (String r : missing) {
      values.add(r + ": " + limitFor(r, res, defaults));
    }
    if (limitsEntry.isEmpty()) {
      Optional<Node> leaf = t.lastLeaf(res);
      if (leaf.isEmpty()) {
        return Remediation.none("resources cannot be edited in place");
      }
      int indent = t.keyIndent(res);
      List<String> lines = new ArrayList<>();
      lines.add(TextEdits.spaces(indent) + "limits:");
      values.forEach(v -> lines.add(TextEdits.spaces(indent + t.step) + v));
      edits.add(t.insertAfter(leaf.get(), lines, TextEdits.At.LINE_END));
    } else if (limitsEntry.get().getValueNode() instanceof MappingNode limits && limits.getValue().isEmpty()) {
      int indent = YamlFile.column(limitsEntry.get().getKeyNode()) - 1 + t.step;
      edits.add(t.replaceEmptyFlow(limitsEntry.get().getKeyNode(), limits, values.stream().map(v -> TextEdits.spaces(indent) + v).toList()));
    } else if (limitsEntry.get().getValueNode() instanceof MappingNode limits && !Yaml.isFlow(limits) && t.ownText(limits)) {
      Optional<Node> leaf = t.lastLeaf(limits);
      if (leaf.isEmpty()) {
        return Remediation.none("resources.limits cannot be edited in place");
      }
      int indent = t.keyIndent(limits);
      edits.add(t.insertAfter(leaf.get(), values.stream().map(v -> TextEdits.spaces(indent) + v).toList(), TextEdits.At.LINE_END));
    } else {
      return Remediation.none("resources.limits is written in flow style or through an alias; add the limits by hand");
    }
    return Remediation.of("add " + String.join(" and ", missing) + " limits to " + c.label()
        + "; tune them to the workload's measured use", edits);
  }

  /** The policy default, raised to the container's own request when that is higher. */
  private static String limitFor(String resource, MappingNode res, ResourceDefaults defaults) {
    String fallback = defaults.limit(resource);
    Optional<String> request = Yaml.at(res, "requests", resource).flatMap(YamlFile::scalar);
    if (request.isEmpty()) {
      return fallback;
    }
    OptionalDouble req = Quantities.parse(request.get());
    OptionalDouble lim = Quantities.parse(fallback);
    return req.isPresent() && req.getAsDouble() > lim.getAsDouble() ? request.get().trim() : fallback;
  }
}
