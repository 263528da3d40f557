package dev.shipgate.scanner.k8s.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.k8s.Issues;
import dev.shipgate.scanner.k8s.K8sObject;
import dev.shipgate.scanner.k8s.K8sRule;

/**
 * cluster-admin given to a workload's service account (or to anyone through a manifest), and membership of
 * {@code system:masters}, which no RBAC rule can ever take away.
 */
public final class ClusterAdminBindingRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/rbac/cluster-admin-binding", "k8s")
      .title("cluster-admin bound to a service account or other subject")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-250", "CWE-269")
      .description("The cluster-admin ClusterRole allows every action on every resource. Bound to a service account, "
          + "it hands the whole cluster to any process that can read that account's token: one compromised pod is a "
          + "compromised cluster. The `system:masters` group bypasses RBAC entirely and cannot be revoked by a binding.")
      .fix("Write a Role or ClusterRole with only the permissions the subject uses and bind that instead; keep "
          + "cluster-admin for break-glass human access, never for workloads, and never use system:masters.")
      .tags("cis-k8s:5.1.1", "cis-k8s:5.1.7", "nsa-k8s:rbac", "owasp-k8s:K03:2022", "owasp-top10:A01:2021",
          "ssdf:PW.9.1", "iso27001:2022-A.8.2", "soc2:CC6.3")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void checkObject(K8sObject binding, Issues issues) {
    Bindings b = Bindings.of(binding);
    boolean clusterAdmin = b.roleKind().equals("ClusterRole") && b.roleName().equals("cluster-admin");
    for (Bindings.Subject s : b.subjects()) {
      if (s.kind().equals("Group") && s.name().equals("system:masters")) {
        issues.report(RULE, s.nameNode(), binding.id() + " names the system:masters group, which bypasses RBAC")
            .key("masters");
      } else if (clusterAdmin && s.kind().equals("ServiceAccount")) {
        issues.report(RULE, s.nameNode(), binding.id() + " makes service account "
                + (s.namespace().isEmpty() ? "" : s.namespace() + "/") + s.name() + " a cluster-admin")
            .key("sa|" + s.namespace() + "/" + s.name());
      } else if (clusterAdmin) {
        issues.report(RULE, s.nameNode(), binding.id() + " makes " + s.kind() + " " + s.name() + " a cluster-admin")
            .severity(Severity.MEDIUM)
            .confidence(Confidence.MEDIUM)
            .key(s.kind() + "|" + s.name());
      }
    }
  }
}
