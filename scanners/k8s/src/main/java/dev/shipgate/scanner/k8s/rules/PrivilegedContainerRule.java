package dev.shipgate.scanner.k8s.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.k8s.Container;
import dev.shipgate.scanner.k8s.Issues;
import dev.shipgate.scanner.k8s.K8sRule;
import dev.shipgate.scanner.k8s.Pod;
import dev.shipgate.scanner.k8s.Remedy;

/** {@code privileged: true} gives the container every capability and every host device: root on the node. */
public final class PrivilegedContainerRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/pod/privileged-container", "k8s")
      .title("Privileged container")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-250", "CWE-269")
      .description("A privileged container runs with all Linux capabilities, without seccomp or AppArmor confinement and "
          + "with access to every device of the node. A process in it, or an attacker who reaches it, can load kernel "
          + "modules, mount the host's disks and take over the node and every pod on it.")
      .fix("Remove `privileged: true` (or set it to false) and grant only the capabilities the process needs with "
          + "`capabilities.add`; run node agents that truly need it in a dedicated, locked-down namespace.")
      .tags("pss:baseline", "cis-k8s:5.2.2", "nsa-k8s:pod-security", "owasp-k8s:K01:2022", "mitre-attack:T1611",
          "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.2", "soc2:CC6.8")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void checkPod(Pod pod, Issues issues) {
    for (Container c : pod.containers()) {
      if (c.privileged()) {
        issues.report(RULE, c.own("privileged").orElseThrow(), c.label() + " is privileged: it has full access to the node")
            .key(c.name())
            .fixedBy(Remedy.SECURITY_CONTEXT, c);
      }
    }
  }
}
