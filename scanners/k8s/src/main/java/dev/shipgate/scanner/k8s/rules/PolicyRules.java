package dev.shipgate.scanner.k8s.rules;

import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.k8s.K8sObject;
import dev.shipgate.scanner.k8s.Yaml;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** The {@code rules} of a Role or ClusterRole, each with its lists as scalar nodes (for their lines). */
record PolicyRules(Node node, List<ScalarNode> apiGroups, List<ScalarNode> resources, List<ScalarNode> verbs,
    List<ScalarNode> resourceNames, List<ScalarNode> nonResourceUrls) {

  static final String RBAC = "rbac.authorization.k8s.io";

  static List<PolicyRules> of(K8sObject role) {
    if (!role.inGroup(RBAC) || !(role.kind().equals("Role") || role.kind().equals("ClusterRole"))) {
      return List.of();
    }
    List<PolicyRules> out = new ArrayList<>();
    for (Node rule : Yaml.get(role.node(), "rules").map(YamlFile::items).orElse(List.of())) {
      out.add(new PolicyRules(rule, list(rule, "apiGroups"), list(rule, "resources"), list(rule, "verbs"),
          list(rule, "resourceNames"), list(rule, "nonResourceURLs")));
    }
    return out;
  }

  private static List<ScalarNode> list(Node rule, String key) {
    return Yaml.get(rule, key).map(Yaml::scalars).orElse(List.of());
  }

  static boolean has(List<ScalarNode> values, String value) {
    return values.stream().anyMatch(v -> v.getValue().equals(value));
  }

  static ScalarNode first(List<ScalarNode> values, String value) {
    return values.stream().filter(v -> v.getValue().equals(value)).findFirst().orElse(null);
  }

  /** Whether the rule covers the core API group ("" or "*"), where secrets, pods and service accounts live. */
  boolean coreGroup() {
    return has(apiGroups, "") || has(apiGroups, "*");
  }
}
