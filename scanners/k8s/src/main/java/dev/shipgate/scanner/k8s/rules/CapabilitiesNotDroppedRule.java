package dev.shipgate.scanner.k8s.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.k8s.Container;
import dev.shipgate.scanner.k8s.Issues;
import dev.shipgate.scanner.k8s.K8sRule;
import dev.shipgate.scanner.k8s.Pod;
import dev.shipgate.scanner.k8s.Remedy;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Container runtimes grant a default set of capabilities (NET_RAW, CHOWN, SETUID, ...) unless ALL are dropped. */
public final class CapabilitiesNotDroppedRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/pod/capabilities-not-dropped", "k8s")
      .title("Container does not drop all capabilities")
      .severity(Severity.LOW)
      .confidence(Confidence.HIGH)
      .cwe("CWE-250")
      .description("Container runtimes give every container a default set of Linux capabilities, including NET_RAW "
          + "(forge packets, ARP and DNS spoofing on the pod network), SETUID/SETGID and DAC_OVERRIDE. Few applications "
          + "need any of them; the restricted Pod Security Standard requires dropping ALL.")
      .fix("Set `securityContext.capabilities.drop: [ALL]` and add back only what the process needs, usually nothing "
          + "or `NET_BIND_SERVICE` for ports below 1024.")
      .tags("pss:restricted", "cis-k8s:5.2.10", "cis-k8s:5.2.8", "nsa-k8s:pod-security", "owasp-k8s:K01:2022",
          "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.2", "soc2:CC6.8")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void checkPod(Pod pod, Issues issues) {
    if (pod.windows()) {
      return; // a Linux-only control
    }
    for (Container c : pod.containers()) {
      if (!c.dropsAll()) {
        Optional<Node> dropKey = c.own("capabilities").flatMap(caps -> dev.shipgate.core.yaml.YamlFile.keyNode(caps, "drop"));
        issues.report(RULE, dropKey.orElse(c.nameNode()), c.label() + (dropKey.isPresent()
                ? " drops some capabilities but not ALL" : " keeps the runtime's default capabilities (drop ALL is missing)"))
            .key(c.name())
            .fixedBy(Remedy.SECURITY_CONTEXT, c);
      }
    }
  }
}
