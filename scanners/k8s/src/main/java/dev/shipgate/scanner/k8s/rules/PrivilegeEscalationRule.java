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

/** Without {@code allowPrivilegeEscalation: false}, setuid binaries and file capabilities can gain privileges. */
public final class PrivilegeEscalationRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/pod/privilege-escalation-allowed", "k8s")
      .title("Container allows privilege escalation")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-269")
      .description("Kubernetes allows privilege escalation unless a container sets `allowPrivilegeEscalation: false`, "
          + "which turns on the kernel's no_new_privs flag. Without it a process can gain more privileges than its "
          + "parent through setuid binaries (sudo, su) or file capabilities, turning a foothold into root in the container.")
      .fix("Set `securityContext.allowPrivilegeEscalation: false` on every container (init and ephemeral ones too); "
          + "`shipgate fix` adds it with the rest of a hardened securityContext.")
      .tags("pss:restricted", "cis-k8s:5.2.6", "nsa-k8s:pod-security", "owasp-k8s:K01:2022", "owasp-top10:A05:2021",
          "ssdf:PW.9.1", "iso27001:2022-A.8.2", "soc2:CC6.8")
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
      if (c.escalationAllowed()) {
        Optional<Node> set = c.own("allowPrivilegeEscalation");
        issues.report(RULE, set.orElse(c.nameNode()), c.label() + (set.isPresent()
                ? " sets allowPrivilegeEscalation to something other than false"
                : " does not set allowPrivilegeEscalation: false (Kubernetes allows escalation by default)"))
            .key(c.name())
            .fixedBy(Remedy.SECURITY_CONTEXT, c);
      }
    }
  }
}
