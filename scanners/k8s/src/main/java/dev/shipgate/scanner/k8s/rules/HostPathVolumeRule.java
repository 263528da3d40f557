package dev.shipgate.scanner.k8s.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.k8s.Issues;
import dev.shipgate.scanner.k8s.K8sRule;
import dev.shipgate.scanner.k8s.Pod;
import dev.shipgate.scanner.k8s.Yaml;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/** {@code hostPath} volumes mount the node's filesystem into the pod; runtime sockets hand over the node. */
public final class HostPathVolumeRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/pod/host-path-volume", "k8s")
      .title("Pod mounts a path of the node (hostPath)")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-250", "CWE-668")
      .description("A `hostPath` volume exposes part of the node's filesystem to the pod. The container runtime's "
          + "socket (docker.sock, containerd.sock, crio.sock) lets the pod start privileged containers on the node; "
          + "/, /etc, /proc, /var/lib/kubelet and similar paths expose credentials and configuration of the node and "
          + "of every other pod on it.")
      .fix("Use a persistent volume, an `emptyDir`, a ConfigMap or a projected volume instead. Never mount the "
          + "container runtime's socket; if a node agent needs host files, mount the narrowest path read-only.")
      .tags("pss:baseline", "cis-k8s:5.2.12", "nsa-k8s:pod-security", "owasp-k8s:K01:2022", "mitre-attack:T1611",
          "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.3", "soc2:CC6.8")
      .build();

  /** Container runtime sockets and their usual directories: mounting them is control of the node. */
  private static final Set<String> RUNTIME = Set.of("/var/run/docker.sock", "/run/docker.sock", "/var/run/containerd",
      "/run/containerd", "/var/run/containerd/containerd.sock", "/run/containerd/containerd.sock", "/var/run/crio",
      "/var/run/crio/crio.sock", "/run/crio/crio.sock", "/var/run/cri-dockerd.sock", "/var/run", "/run",
      "/var/lib/docker", "/var/lib/containerd");

  /** Node paths holding credentials or control of the node. */
  private static final List<String> SENSITIVE = List.of("/", "/etc", "/root", "/home", "/proc", "/sys", "/dev", "/boot",
      "/var/lib/kubelet", "/etc/kubernetes", "/var/lib/etcd", "/usr", "/lib", "/bin", "/sbin");

  private static final Pattern SLASHES = Pattern.compile("/+");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void checkPod(Pod pod, Issues issues) {
    for (Node volume : Yaml.get(pod.spec(), "volumes").map(YamlFile::items).orElse(List.of())) {
      Node hostPath = Yaml.get(volume, "hostPath").orElse(null);
      if (hostPath == null) {
        continue;
      }
      Node pathNode = Yaml.get(hostPath, "path").orElse(hostPath);
      String path = normalise(YamlFile.scalar(pathNode).orElse(""));
      String volumeName = Yaml.string(volume, "name").orElse("");
      Severity severity;
      String why;
      if (RUNTIME.contains(path)) {
        severity = Severity.CRITICAL;
        why = "the container runtime's socket: whoever reaches it controls the node";
      } else if (SENSITIVE.contains(path) || path.startsWith("/etc/") || path.startsWith("/var/lib/kubelet/")) {
        severity = Severity.HIGH;
        why = "a sensitive node path";
      } else {
        severity = Severity.MEDIUM;
        why = "a path on the node";
      }
      issues.report(RULE, pathNode, "volume '" + volumeName + "' of " + pod.owner().id() + " mounts " + path + " from the node ("
              + why + ")")
          .severity(severity)
          .key(volumeName + "|" + path);
    }
  }

  private static String normalise(String path) {
    String p = SLASHES.matcher(path.trim()).replaceAll("/");
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
