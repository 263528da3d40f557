package dev.shipgate.scanner.k8s.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.k8s.Container;
import dev.shipgate.scanner.k8s.Issues;
import dev.shipgate.scanner.k8s.K8sRule;
import dev.shipgate.scanner.k8s.Pod;
import dev.shipgate.scanner.k8s.Yaml;
import java.util.Map;

/**
 * {@code hostNetwork}, {@code hostPID} and {@code hostIPC} put the pod in the node's own namespaces; Windows
 * {@code hostProcess} containers skip isolation altogether.
 */
public final class HostNamespaceRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/pod/host-namespace", "k8s")
      .title("Pod shares the node's network, process or IPC namespace, or runs as a host process")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-250", "CWE-653")
      .description("`hostNetwork: true` lets the pod listen on and sniff the node's interfaces and reach services bound "
          + "to localhost (the kubelet, cloud metadata); `hostPID: true` lets it see and signal every process on the node "
          + "and read their environment; `hostIPC: true` shares the node's shared memory; a Windows `hostProcess` "
          + "container runs on the node itself. Each one breaks the isolation between the pod and the node.")
      .fix("Remove `hostNetwork`, `hostPID` and `hostIPC` (they default to false). Expose ports with a Service, and run "
          + "node agents that need host namespaces in a dedicated, locked-down namespace.")
      .tags("pss:baseline", "cis-k8s:5.2.3", "cis-k8s:5.2.4", "cis-k8s:5.2.5", "nsa-k8s:pod-security", "owasp-k8s:K01:2022",
          "mitre-attack:T1611", "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.22", "soc2:CC6.8")
      .build();

  private static final Map<String, String> WHAT = Map.of(
      "hostNetwork", "the node's network namespace (its interfaces and localhost services)",
      "hostPID", "the node's process namespace (every process on the node)",
      "hostIPC", "the node's IPC namespace (its shared memory)");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void checkPod(Pod pod, Issues issues) {
    for (String key : new String[] {"hostNetwork", "hostPID", "hostIPC"}) {
      Yaml.get(pod.spec(), key).filter(Yaml::isTrue).ifPresent(v ->
          issues.report(RULE, v, "pods of " + pod.owner().id() + " share " + WHAT.get(key) + " (" + key + ": true)").key(key));
    }
    // A Windows HostProcess container is a process on the node itself, with the node's network and files.
    for (Container c : pod.containers()) {
      c.effective("windowsOptions").flatMap(w -> Yaml.get(w, "hostProcess")).filter(Yaml::isTrue).ifPresent(v ->
          issues.report(RULE, v, c.label() + " is a Windows HostProcess container: it runs directly on the node")
              .key(c.name() + "|hostProcess"));
    }
  }
}
