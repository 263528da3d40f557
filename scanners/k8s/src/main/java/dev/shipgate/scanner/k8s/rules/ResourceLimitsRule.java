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
import java.util.ArrayList;
import java.util.List;

/** Without limits one container can take a node's memory or CPU from every other pod on it. */
public final class ResourceLimitsRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/pod/resource-limits-missing", "k8s")
      .title("Container has no CPU or memory limit")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-770", "CWE-400")
      .description("A container without `resources.limits.memory` can use all the memory of its node until the kernel "
          + "kills processes, other pods included; without a CPU limit it can starve its neighbours. A memory leak, a "
          + "crafted request or a cryptominer then becomes an outage for everything scheduled next to it.")
      .fix("Set `resources.limits.memory` and `resources.limits.cpu` (and requests) from the workload's measured use; "
          + "`shipgate fix` adds the policy's defaults (`scanners.k8s.default_limits`), or a LimitRange can set them "
          + "per namespace.")
      .tags("cis-k8s:5.7.3", "nsa-k8s:resource-policies", "owasp-k8s:K01:2022", "owasp-top10:A05:2021", "ssdf:PW.9.1",
          "iso27001:2022-A.8.6", "soc2:CC7.2")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void checkPod(Pod pod, Issues issues) {
    for (Container c : pod.containers()) {
      if (c.kind() == Container.Kind.EPHEMERAL) {
        continue; // ephemeral containers cannot have resources
      }
      List<String> missing = new ArrayList<>();
      for (String r : List.of("cpu", "memory")) {
        if (Yaml.at(c.node(), "resources", "limits", r).filter(v -> !Yaml.isEmptyValue(v)).isEmpty()) {
          missing.add(r);
        }
      }
      if (!missing.isEmpty()) {
        issues.report(RULE, c.nameNode(), c.label() + " has no " + String.join(" or ", missing) + " limit")
            .severity(missing.contains("memory") ? Severity.MEDIUM : Severity.LOW)
            .key(c.name())
            .fixedBy(Remedy.RESOURCES, c);
      }
    }
  }
}
