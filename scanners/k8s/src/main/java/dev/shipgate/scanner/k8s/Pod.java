package dev.shipgate.scanner.k8s;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The pod spec of a workload: a Pod's {@code spec}, a controller's {@code spec.template.spec}, a CronJob's
 * {@code spec.jobTemplate.spec.template.spec}, with every container (init and ephemeral ones included).
 *
 * @param specKey the {@code spec:} key of the pod spec, where missing pod-level settings are reported
 * @param metadata the pod's metadata (the template's for controllers), for legacy annotations; may be null
 */
public record Pod(K8sObject owner, Node specKey, MappingNode spec, Node metadata, List<Container> containers) {

  /** Controllers whose pods come from {@code spec.template}. */
  private static final List<String> TEMPLATED = List.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job",
      "ReplicationController");

  /** The object's pod spec, if it is a workload. */
  public static Optional<Pod> of(K8sObject object) {
    Node template;
    String kind = object.kind();
    if (kind.equals("Pod")) {
      template = object.node();
    } else if (TEMPLATED.contains(kind)) {
      template = Yaml.at(object.node(), "spec", "template").orElse(null);
    } else if (kind.equals("CronJob")) {
      template = Yaml.at(object.node(), "spec", "jobTemplate", "spec", "template").orElse(null);
    } else if (kind.equals("PodTemplate")) {
      template = Yaml.get(object.node(), "template").orElse(null);
    } else {
      return Optional.empty();
    }
    if (template == null || !(Yaml.get(template, "spec").orElse(null) instanceof MappingNode spec)) {
      return Optional.empty();
    }
    List<Container> containers = new ArrayList<>();
    Node specKey = dev.shipgate.core.yaml.YamlFile.keyNode(template, "spec").orElse(spec);
    Pod pod = new Pod(object, specKey, spec, Yaml.get(template, "metadata").orElse(null), Collections.unmodifiableList(containers));
    for (Container.Kind k : Container.Kind.values()) {
      Yaml.get(spec, k.key()).ifPresent(list -> {
        for (Node item : dev.shipgate.core.yaml.YamlFile.items(list)) {
          if (item instanceof MappingNode m) {
            containers.add(new Container(pod, m, k));
          }
        }
      });
    }
    return Optional.of(pod);
  }

  /**
   * Whether the pod declares {@code os.name: windows}: the Linux-only controls (privilege escalation, capabilities,
   * seccomp, read-only root filesystem) do not apply, and the API server rejects them.
   */
  public boolean windows() {
    return Yaml.at(spec, "os", "name").flatMap(dev.shipgate.core.yaml.YamlFile::scalar).filter("windows"::equals).isPresent();
  }

  /** A pod-level {@code securityContext} field. */
  public Optional<Node> security(String key) {
    return Yaml.at(spec, "securityContext", key);
  }

  /** A pod annotation's value. */
  public Optional<String> annotation(String key) {
    return metadata == null ? Optional.empty() : Yaml.at(metadata, "annotations").flatMap(a -> Yaml.string(a, key));
  }

  /** Identity: a pod and its containers refer to each other, so record equality would never end. */
  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public String toString() {
    return owner.id();
  }
}
