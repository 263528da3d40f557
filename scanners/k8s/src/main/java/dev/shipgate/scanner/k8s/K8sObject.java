package dev.shipgate.scanner.k8s;

import dev.shipgate.core.yaml.YamlFile;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * One Kubernetes object: a document with {@code apiVersion} and {@code kind}, or an item of a {@code List}.
 *
 * @param name {@code metadata.name}, or "" when absent (generated names, Helm output with missing values)
 */
public record K8sObject(String apiVersion, String kind, String name, String namespace, Node node) {

  /** {@code Kind/name}, for messages and fingerprints. */
  public String id() {
    return kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
  }

  /** Whether the API group of {@code apiVersion} is {@code group} ("" for the core group). */
  public boolean inGroup(String group) {
    int slash = apiVersion.indexOf('/');
    return group.equals(slash < 0 ? "" : apiVersion.substring(0, slash));
  }

  /** Every object of the file's documents, {@code List} items expanded (also nested lists). */
  public static List<K8sObject> all(YamlFile yaml) {
    List<K8sObject> out = new ArrayList<>();
    for (Node doc : yaml.documents()) {
      collect(doc, out, 0);
    }
    return out;
  }

  private static void collect(Node node, List<K8sObject> out, int depth) {
    if (!(node instanceof MappingNode) || depth > 4) {
      return;
    }
    String apiVersion = Yaml.string(node, "apiVersion").orElse(null);
    String kind = Yaml.string(node, "kind").orElse(null);
    if (apiVersion == null || kind == null || apiVersion.isBlank() || kind.isBlank()) {
      return;
    }
    if (kind.endsWith("List")) {
      Yaml.get(node, "items").ifPresent(items -> YamlFile.items(items).forEach(i -> collect(i, out, depth + 1)));
      return;
    }
    Node metadata = Yaml.get(node, "metadata").orElse(null);
    String name = metadata == null ? "" : Yaml.string(metadata, "name").orElse("");
    String namespace = metadata == null ? "" : Yaml.string(metadata, "namespace").orElse("");
    out.add(new K8sObject(apiVersion.trim(), kind.trim(), name, namespace, node));
  }
}
