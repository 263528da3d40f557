package dev.shipgate.scanner.docker;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Location;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.core.yaml.YamlFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** What a {@link ComposeRule} sees: the file, its YAML with positions, and its services with merges applied. */
public record ComposeInput(SourceFile file, YamlFile yaml, DockerSettings settings, List<Service> services) {

  /** Merge keys nest rarely; deeper chains are cut off rather than followed. */
  private static final int MAX_MERGE_DEPTH = 16;

  /**
   * One service.
   *
   * @param name the key under {@code services:}
   * @param entries its settings with {@code <<} merges applied (own keys win), each with its own position
   */
  public record Service(String name, Map<String, NodeTuple> entries) {

    /** Its {@code volumes:} entries, in short ({@code source:target[:mode]}) or long syntax. */
    public List<Volume> volumes() {
      NodeTuple t = entries.get("volumes");
      if (t == null) {
        return List.of();
      }
      List<Volume> out = new ArrayList<>();
      for (Node volume : YamlFile.items(t.getValueNode())) {
        Node at = YamlFile.get(volume, "source").orElse(volume);
        String source = YamlFile.scalar(volume).map(v -> v.contains(":") ? v.substring(0, v.indexOf(':')) : "")
            .orElse(YamlFile.scalar(at).orElse("")).strip();
        out.add(new Volume(volume, at, source));
      }
      return out;
    }
  }

  /**
   * One volume of a service.
   *
   * @param node the entry
   * @param at where findings about its source point: the long syntax's {@code source}, else the entry
   * @param source the host path or volume name, stripped; empty for an anonymous volume
   */
  public record Volume(Node node, Node at, String source) {}

  public String path() {
    return file.path();
  }

  /** The services of every document (a file without a {@code services:} key has none). */
  static List<Service> services(YamlFile yaml) {
    List<Service> out = new ArrayList<>();
    for (Node doc : yaml.documents()) {
      Node services = Optional.ofNullable(entries(doc).get("services")).map(NodeTuple::getValueNode).orElse(null);
      if (services == null) {
        continue;
      }
      for (NodeTuple t : entries(services).values()) {
        if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof MappingNode) {
          out.add(new Service(k.getValue(), entries(t.getValueNode())));
        }
      }
    }
    return out;
  }

  /**
   * A mapping's entries with YAML merge keys applied: {@code <<: *anchor} or {@code <<: [*a, *b]} supply
   * entries the mapping does not set itself, earlier sources winning; a later duplicate key wins over an
   * earlier one, as Compose reads it.
   */
  public static Map<String, NodeTuple> entries(Node node) {
    return entries(node, 0);
  }

  private static Map<String, NodeTuple> entries(Node node, int depth) {
    Map<String, NodeTuple> out = new LinkedHashMap<>();
    if (!(node instanceof MappingNode m) || depth > MAX_MERGE_DEPTH) {
      return out;
    }
    List<Node> sources = new ArrayList<>();
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        continue;
      }
      if (k.getValue().equals("<<")) {
        Node v = t.getValueNode();
        if (v instanceof SequenceNode seq) {
          sources.addAll(seq.getValue());
        } else {
          sources.add(v);
        }
      } else {
        out.put(k.getValue(), t);
      }
    }
    for (Node source : sources) {
      for (Map.Entry<String, NodeTuple> e : entries(source, depth + 1).entrySet()) {
        out.putIfAbsent(e.getKey(), e.getValue());
      }
    }
    return out;
  }

  /** A finding on the line where {@code node} starts, naming the service in its fingerprint context. */
  public Finding.Builder at(Rule rule, Service service, Node node) {
    int line = Math.max(1, YamlFile.line(node));
    return Finding.builder(rule)
        .at(new Location(path(), line, Math.max(0, YamlFile.column(node)), line, 0))
        .snippet(Snippets.line(file.line(line)))
        .contextKey(service.name() + ": " + file.line(line).strip().replaceAll("\\s+", " "))
        .property("service", service.name());
  }
}
