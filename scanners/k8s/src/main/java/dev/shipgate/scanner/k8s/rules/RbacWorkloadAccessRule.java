package dev.shipgate.scanner.k8s.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.k8s.Issues;
import dev.shipgate.scanner.k8s.K8sObject;
import dev.shipgate.scanner.k8s.K8sRule;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Permissions that run code as someone else: creating pods (with any service account or host mount), exec or
 * attach into running pods, ephemeral debug containers, the kubelet API through nodes/proxy, minting tokens.
 */
public final class RbacWorkloadAccessRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/rbac/workload-takeover", "k8s")
      .title("RBAC rule lets the subject run code in other workloads")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-269", "CWE-250")
      .description("`create` on pods lets a subject start a pod under any service account of the namespace and, "
          + "without admission control, with host mounts; `pods/exec`, `pods/attach` and `pods/ephemeralcontainers` run "
          + "commands inside existing pods with their tokens and secrets; `nodes/proxy` reaches the kubelet API; "
          + "`serviceaccounts/token` mints tokens. Each one turns a narrow identity into the most powerful one nearby.")
      .fix("Grant these only to deployment controllers and human operators who need them, in the namespaces they "
          + "need, and enforce the restricted Pod Security Standard on those namespaces.")
      .tags("cis-k8s:5.1.4", "nsa-k8s:rbac", "owasp-k8s:K03:2022", "mitre-attack:T1609", "owasp-top10:A01:2021",
          "ssdf:PW.9.1", "iso27001:2022-A.8.2", "soc2:CC6.3")
      .build();

  /** Resource to the verbs on it that hand over code execution, and what that means. */
  private static final Map<String, Set<String>> VERBS = Map.of(
      "pods", Set.of("create"),
      "pods/exec", Set.of("create", "get"),
      "pods/attach", Set.of("create", "get"),
      "pods/ephemeralcontainers", Set.of("patch", "update"),
      "nodes/proxy", Set.of("get", "create"),
      "serviceaccounts/token", Set.of("create"));

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void checkObject(K8sObject role, Issues issues) {
    boolean cluster = role.kind().equals("ClusterRole");
    int index = 0;
    for (PolicyRules r : PolicyRules.of(role)) {
      index++;
      if (!r.coreGroup()) {
        continue;
      }
      for (ScalarNode resource : r.resources()) {
        Set<String> dangerous = VERBS.get(resource.getValue());
        if (dangerous == null) {
          continue;
        }
        String verbs = r.verbs().stream().map(ScalarNode::getValue).filter(v -> v.equals("*") || dangerous.contains(v))
            .distinct().reduce((a, b) -> a + "/" + b).orElse("");
        if (!verbs.isEmpty()) {
          issues.report(RULE, resource, role.id() + " can " + verbs + " " + resource.getValue()
                  + (cluster ? " in every namespace" : " in its namespace"))
              .severity(cluster || resource.getValue().equals("nodes/proxy") ? Severity.HIGH : Severity.MEDIUM)
              .key(index + "|" + resource.getValue());
        }
      }
    }
  }
}
