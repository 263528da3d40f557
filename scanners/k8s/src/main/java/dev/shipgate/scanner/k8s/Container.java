package dev.shipgate.scanner.k8s;

import dev.shipgate.core.yaml.YamlFile;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * One container of a pod, with its effective security settings. Kubernetes lets a container's
 * {@code securityContext} override the pod's for the fields both have ({@code runAsUser}, {@code runAsNonRoot},
 * {@code seccompProfile}, ...); {@code privileged}, {@code allowPrivilegeEscalation}, {@code capabilities} and
 * {@code readOnlyRootFilesystem} exist only on the container.
 */
public record Container(Pod pod, MappingNode node, Kind kind) {

  /** Where a container list sits in the pod spec. */
  public enum Kind {
    CONTAINER("containers", "container"),
    INIT("initContainers", "init container"),
    EPHEMERAL("ephemeralContainers", "ephemeral container");

    private final String key;
    private final String label;

    Kind(String key, String label) {
      this.key = key;
      this.label = label;
    }

    public String key() {
      return key;
    }
  }

  public String name() {
    return Yaml.string(node, "name").orElse("");
  }

  /** "container 'app' of Deployment/web", for messages. */
  public String label() {
    return kind.label + " '" + name() + "' of " + pod.owner().id();
  }

  /** The {@code - name:} key, where settings the container lacks are reported. */
  public Node nameNode() {
    return YamlFile.keyNode(node, "name").orElse(node);
  }

  /** A field of the container's own {@code securityContext}. */
  public Optional<Node> own(String key) {
    return Yaml.at(node, "securityContext", key);
  }

  /** A field that the container sets or, failing that, inherits from the pod's {@code securityContext}. */
  public Optional<Node> effective(String key) {
    return own(key).or(() -> pod.security(key));
  }

  public boolean privileged() {
    return own("privileged").filter(Yaml::isTrue).isPresent();
  }

  /** True unless {@code allowPrivilegeEscalation: false} (Kubernetes' default is to allow it). */
  public boolean escalationAllowed() {
    return own("allowPrivilegeEscalation").filter(Yaml::isFalse).isEmpty();
  }

  public boolean readOnlyRoot() {
    return own("readOnlyRootFilesystem").filter(Yaml::isTrue).isPresent();
  }

  /** The effective {@code runAsUser} when it is 0. */
  public Optional<Node> rootUser() {
    return effective("runAsUser").filter(Yaml::isZero);
  }

  /**
   * Whether the container may run as root: no effective {@code runAsNonRoot: true} and no non-zero
   * {@code runAsUser} (either one keeps root out, whatever the image says).
   */
  public boolean mayRunAsRoot() {
    if (effective("runAsNonRoot").filter(Yaml::isTrue).isPresent()) {
      return rootUser().isPresent();
    }
    Optional<Node> user = effective("runAsUser");
    return user.isEmpty() || Yaml.isZero(user.get()) || !Yaml.isNumber(user.get());
  }

  /** Whether {@code capabilities.drop} names {@code ALL}. */
  public boolean dropsAll() {
    return own("capabilities").flatMap(c -> Yaml.get(c, "drop")).stream()
        .flatMap(d -> Yaml.scalars(d).stream())
        .anyMatch(s -> Capabilities.normalise(s.getValue()).equals("ALL"));
  }

  /** The effective seccomp profile type, or empty when none applies (legacy annotations included). */
  public Optional<String> seccompType() {
    Optional<String> type = effective("seccompProfile").flatMap(p -> Yaml.string(p, "type"));
    if (type.isPresent()) {
      return type;
    }
    // Before 1.19 the profile was set by annotations; 1.25 dropped them, but old manifests still carry them.
    return pod.annotation("container.seccomp.security.alpha.kubernetes.io/" + name())
        .or(() -> pod.annotation("seccomp.security.alpha.kubernetes.io/pod"))
        .map(a -> a.equals("unconfined") ? "Unconfined" : a.startsWith("localhost/") ? "Localhost" : "RuntimeDefault");
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
    return label();
  }
}
