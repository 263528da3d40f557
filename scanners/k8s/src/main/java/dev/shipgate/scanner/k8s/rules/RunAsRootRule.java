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

/**
 * A container may run as root unless {@code runAsNonRoot: true} or a non-zero {@code runAsUser} applies to it,
 * from its own securityContext or, failing that, the pod's; {@code runAsUser: 0} is root for certain.
 */
public final class RunAsRootRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/pod/runs-as-root", "k8s")
      .title("Container may run as root")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-250")
      .description("Without `runAsNonRoot: true` (or a non-zero `runAsUser`) in the container's or the pod's "
          + "securityContext, the container runs as whatever user its image names, which is root for most images. "
          + "Root in a container is one kernel bug or misconfigured mount away from root on the node.")
      .fix("Set `securityContext.runAsNonRoot: true` (and a non-zero `runAsUser` if the image has no numeric USER), "
          + "and build the image to run as an unprivileged user. Never set `runAsUser: 0`.")
      .tags("pss:restricted", "cis-k8s:5.2.7", "nsa-k8s:non-root-containers", "owasp-k8s:K01:2022", "owasp-top10:A05:2021",
          "ssdf:PW.9.1", "iso27001:2022-A.8.2", "soc2:CC6.8")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void checkPod(Pod pod, Issues issues) {
    for (Container c : pod.containers()) {
      Optional<Node> root = c.rootUser();
      if (root.isPresent()) {
        boolean own = c.own("runAsUser").isPresent();
        issues.report(RULE, root.get(), c.label() + " runs as root: runAsUser is 0" + (own ? "" : " in the pod's securityContext"))
            .severity(Severity.HIGH)
            .key(c.name() + "|uid0");
        continue;
      }
      if (!c.mayRunAsRoot()) {
        continue;
      }
      Optional<Node> nonRoot = c.effective("runAsNonRoot");
      issues.report(RULE, nonRoot.orElse(c.nameNode()), c.label() + (nonRoot.isPresent()
              ? " sets runAsNonRoot to something other than true, so it runs as the image's user (root by default)"
              : " does not set runAsNonRoot: true, so it runs as the image's user (root by default)"))
          .key(c.name())
          .fixedBy(Remedy.SECURITY_CONTEXT, c);
    }
  }
}
