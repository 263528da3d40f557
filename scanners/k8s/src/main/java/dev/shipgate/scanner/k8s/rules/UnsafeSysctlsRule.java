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
import org.snakeyaml.engine.v2.nodes.Node;

/** Sysctls outside the namespaced "safe" set change kernel settings that other pods on the node share. */
public final class UnsafeSysctlsRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/pod/unsafe-sysctls", "k8s")
      .title("Pod sets an unsafe sysctl")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-250", "CWE-653")
      .description("Kubernetes considers only a short list of sysctls safe: namespaced per pod and unable to affect "
          + "other pods or the node. Any other sysctl in `securityContext.sysctls` changes kernel behaviour for the whole "
          + "node (memory, networking, IPC limits) and can degrade or open up every workload scheduled there.")
      .fix("Remove the sysctl, or tune it on dedicated nodes through the node's configuration rather than from a "
          + "workload manifest; the baseline Pod Security Standard allows only the safe set.")
      .tags("pss:baseline", "nsa-k8s:pod-security", "owasp-k8s:K01:2022", "owasp-top10:A05:2021", "ssdf:PW.9.1",
          "iso27001:2022-A.8.9", "soc2:CC6.8")
      .build();

  /** The safe set of the baseline Pod Security Standard (Kubernetes 1.29+). */
  private static final Set<String> SAFE = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
      "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
      "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
      "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void checkPod(Pod pod, Issues issues) {
    for (Node sysctl : pod.security("sysctls").map(YamlFile::items).orElse(List.of())) {
      Node nameNode = Yaml.get(sysctl, "name").orElse(sysctl);
      String name = YamlFile.scalar(nameNode).orElse("").trim();
      // Kubernetes accepts both separators: net/ipv4/... and net.ipv4....
      if (!name.isEmpty() && !SAFE.contains(name.replace('/', '.'))) {
        issues.report(RULE, nameNode, "pods of " + pod.owner().id() + " set sysctl " + name
            + ", which is not in the safe set and affects the node").key(name);
      }
    }
  }
}
