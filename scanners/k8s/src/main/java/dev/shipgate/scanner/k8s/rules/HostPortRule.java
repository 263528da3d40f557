package dev.shipgate.scanner.k8s.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.k8s.Container;
import dev.shipgate.scanner.k8s.Issues;
import dev.shipgate.scanner.k8s.K8sRule;
import dev.shipgate.scanner.k8s.Pod;
import dev.shipgate.scanner.k8s.Yaml;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** {@code hostPort} binds the container to a port of the node, bypassing Services and network policies. */
public final class HostPortRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/pod/host-port", "k8s")
      .title("Container binds a port of the node (hostPort)")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-668")
      .description("A `hostPort` publishes the container on the node's own address. Traffic to it skips the Service "
          + "layer and is often outside the reach of NetworkPolicies, it exposes the workload wherever the node is "
          + "reachable, and it limits scheduling to one such pod per node.")
      .fix("Remove `hostPort` and expose the container through a Service (ClusterIP, or a LoadBalancer/Ingress for "
          + "outside traffic).")
      .tags("pss:baseline", "cis-k8s:5.2.13", "nsa-k8s:network-separation", "owasp-k8s:K01:2022", "owasp-top10:A05:2021",
          "ssdf:PW.9.1", "iso27001:2022-A.8.22", "soc2:CC6.6")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void checkPod(Pod pod, Issues issues) {
    for (Container c : pod.containers()) {
      for (Node port : Yaml.get(c.node(), "ports").map(YamlFile::items).orElse(List.of())) {
        Yaml.get(port, "hostPort").filter(p -> Yaml.isNumber(p) && !Yaml.isZero(p))
            .ifPresent(p -> issues.report(RULE, p, c.label() + " binds port " + YamlFile.scalar(p).orElse("")
                + " of the node").key(c.name() + "|" + YamlFile.scalar(p).orElse("")));
      }
    }
  }
}
