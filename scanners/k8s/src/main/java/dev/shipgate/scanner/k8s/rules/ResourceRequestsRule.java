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

/**
 * A resource with neither a request nor a limit: Kubernetes uses a limit as the request when only the limit is
 * set, so only the absence of both leaves the scheduler blind.
 */
public final class ResourceRequestsRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/pod/resource-requests-missing", "k8s")
      .title("Container has no CPU or memory request")
      .severity(Severity.LOW)
      .confidence(Confidence.HIGH)
      .cwe("CWE-770")
      .description("Without a request (or a limit, which then serves as the request) the scheduler assumes the "
          + "container needs nothing: it packs pods onto nodes that cannot hold them, and under memory pressure such "
          + "BestEffort pods are evicted first. Availability then depends on luck rather than capacity planning.")
      .fix("Set `resources.requests.cpu` and `resources.requests.memory` to the workload's normal use; "
          + "`shipgate fix` adds the policy's defaults (`scanners.k8s.default_requests`).")
      .tags("nsa-k8s:resource-policies", "owasp-k8s:K01:2022", "owasp-top10:A05:2021", "ssdf:PW.9.1",
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
        boolean request = Yaml.at(c.node(), "resources", "requests", r).filter(v -> !Yaml.isEmptyValue(v)).isPresent();
        boolean limit = Yaml.at(c.node(), "resources", "limits", r).filter(v -> !Yaml.isEmptyValue(v)).isPresent();
        if (!request && !limit) {
          missing.add(r);
        }
      }
      if (!missing.isEmpty()) {
        issues.report(RULE, c.nameNode(), c.label() + " has no " + String.join(" or ", missing) + " request")
            .key(c.name())
            .fixedBy(Remedy.RESOURCES, c);
      }
    }
  }
}
