package dev.shipgate.scanner.k8s.rules;

import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.k8s.K8sObject;
import dev.shipgate.scanner.k8s.Yaml;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** The subjects of a RoleBinding or ClusterRoleBinding, with the role they are given. */
record Bindings(String roleKind, String roleName, List<Subject> subjects) {

  record Subject(String kind, String name, String namespace, Node nameNode) {}

  static Bindings of(K8sObject binding) {
    if (!binding.inGroup(PolicyRules.RBAC) || !(binding.kind().equals("RoleBinding") || binding.kind().equals("ClusterRoleBinding"))) {
      return new Bindings("", "", List.of());
    }
    Node roleRef = Yaml.get(binding.node(), "roleRef").orElse(null);
    String roleKind = roleRef == null ? "" : Yaml.string(roleRef, "kind").orElse("");
    String roleName = roleRef == null ? "" : Yaml.string(roleRef, "name").orElse("");
    List<Subject> subjects = new ArrayList<>();
    for (Node s : Yaml.get(binding.node(), "subjects").map(YamlFile::items).orElse(List.of())) {
      Node nameNode = Yaml.get(s, "name").orElse(s);
      subjects.add(new Subject(Yaml.string(s, "kind").orElse(""), YamlFile.scalar(nameNode).orElse(""),
          Yaml.string(s, "namespace").orElse(""), nameNode));
    }
    return new Bindings(roleKind, roleName, subjects);
  }
}
