package dev.shipgate.scanner.k8s.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.k8s.Container;
import dev.shipgate.scanner.k8s.Issues;
import dev.shipgate.scanner.k8s.K8sRule;
import dev.shipgate.scanner.k8s.Pod;
import dev.shipgate.scanner.k8s.Remedy;
import dev.shipgate.scanner.k8s.Yaml;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * No seccomp profile (Kubernetes then runs containers Unconfined) or an explicit {@code Unconfined}; the
 * container's profile overrides the pod's, and legacy annotations still count.
 */
public final class SeccompProfileRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/pod/seccomp-profile-missing", "k8s")
      .title("Container runs without a seccomp profile")
      .severity(Severity.LOW)
      .confidence(Confidence.HIGH)
      .cwe("CWE-693")
      .description("Unless a seccomp profile is set, Kubernetes runs containers Unconfined: every system call of the "
          + "kernel is reachable, including the rarely used ones behind most kernel exploits and container escapes. "
          + "The runtime's default profile blocks those calls and breaks almost no application.")
      .fix("Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod (or each container), or `Localhost` "
          + "with a profile tailored to the application; never `Unconfined`.")
      .tags("pss:restricted", "pss:baseline", "cis-k8s:5.7.2", "nsa-k8s:pod-security", "owasp-k8s:K01:2022",
          "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.9", "soc2:CC6.8")
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
      Optional<String> type = c.seccompType();
      if (type.isPresent() && !type.get().equals("Unconfined")) {
        continue;
      }
      Optional<Node> field = c.effective("seccompProfile");
      // A profile set only by legacy annotation must be moved by hand: field and annotation have to agree.
      boolean fixable = field.isPresent() || type.isEmpty();
      if (type.isEmpty()) {
        issues.report(RULE, c.nameNode(), c.label() + " has no seccomp profile, so it runs Unconfined")
            .key(c.name())
            .fixedBy(Remedy.SECURITY_CONTEXT, c);
        continue;
      }
      Node at = field.flatMap(f -> Yaml.get(f, "type")).orElse(c.nameNode());
      var issue = issues.report(RULE, at, c.label() + " runs with seccomp explicitly Unconfined")
          .severity(Severity.MEDIUM)
          .key(c.name());
      if (fixable) {
        issue.fixedBy(Remedy.SECURITY_CONTEXT, c);
      }
    }
  }
}
