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

/** A writable root filesystem lets an intruder drop tools and alter binaries inside the running container. */
public final class WritableRootFilesystemRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/pod/writable-root-filesystem", "k8s")
      .title("Container root filesystem is writable")
      .severity(Severity.LOW)
      .confidence(Confidence.HIGH)
      .cwe("CWE-732")
      .description("Unless `readOnlyRootFilesystem: true` is set, a compromised process can write anywhere in the "
          + "container's filesystem: download tools, replace binaries or libraries, plant web shells, and persist until "
          + "the pod is replaced. An immutable root filesystem limits an intruder to mounted volumes.")
      .fix("Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` volume at each path the "
          + "application must write to (for example /tmp or a cache directory).")
      .tags("cis-k8s:5.7.3", "nsa-k8s:immutable-filesystems", "owasp-k8s:K01:2022", "owasp-top10:A05:2021", "ssdf:PW.9.1",
          "iso27001:2022-A.8.9", "soc2:CC6.8")
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
      if (!c.readOnlyRoot()) {
        Optional<Node> set = c.own("readOnlyRootFilesystem");
        issues.report(RULE, set.orElse(c.nameNode()), c.label() + (set.isPresent()
                ? " sets readOnlyRootFilesystem to something other than true"
                : " does not set readOnlyRootFilesystem: true"))
            .key(c.name())
            .fixedBy(Remedy.SECURITY_CONTEXT, c);
      }
    }
  }
}
