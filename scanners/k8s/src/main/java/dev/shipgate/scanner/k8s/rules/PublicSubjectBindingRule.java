package dev.shipgate.scanner.k8s.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.k8s.Issues;
import dev.shipgate.scanner.k8s.K8sObject;
import dev.shipgate.scanner.k8s.K8sRule;
import java.util.Map;
import java.util.Set;

/** Bindings to the groups that contain everyone: anonymous requests, or every authenticated identity. */
public final class PublicSubjectBindingRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/rbac/public-subject-binding", "k8s")
      .title("Role bound to anonymous or all authenticated users")
      .severity(Severity.CRITICAL)
      .confidence(Confidence.HIGH)
      .cwe("CWE-284", "CWE-306")
      .description("`system:anonymous` and `system:unauthenticated` are whoever reaches the API server without "
          + "credentials; `system:authenticated` and `system:serviceaccounts` are every user and every pod of the "
          + "cluster. A role bound to them is granted to the internet (if the API is exposed) or to any compromised pod.")
      .fix("Bind the role to the specific users, groups or service accounts that need it; keep anonymous access "
          + "disabled on the API server (`--anonymous-auth=false`) unless it serves health checks only.")
      .tags("cis-k8s:5.1.1", "nsa-k8s:authentication", "owasp-k8s:K03:2022", "owasp-k8s:K06:2022", "owasp-top10:A01:2021",
          "ssdf:PW.9.1", "iso27001:2022-A.5.15", "soc2:CC6.1")
      .build();

  private static final Map<String, Severity> GROUPS = Map.of(
      "system:anonymous", Severity.CRITICAL,
      "system:unauthenticated", Severity.CRITICAL,
      "system:authenticated", Severity.HIGH,
      "system:serviceaccounts", Severity.HIGH);

  /** The roles Kubernetes itself grants to everyone: discovery and public cluster information. */
  private static final Set<String> DEFAULT_PUBLIC_ROLES = Set.of("system:public-info-viewer", "system:discovery",
      "system:basic-user");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void checkObject(K8sObject binding, Issues issues) {
    Bindings b = Bindings.of(binding);
    if (DEFAULT_PUBLIC_ROLES.contains(b.roleName())) {
      return;
    }
    for (Bindings.Subject s : b.subjects()) {
      Severity severity = GROUPS.get(s.name());
      if (severity != null && (s.kind().equals("Group") || s.kind().equals("User"))) {
        issues.report(RULE, s.nameNode(), binding.id() + " grants " + b.roleKind() + " '" + b.roleName() + "' to "
                + s.name() + (severity == Severity.CRITICAL ? " (requests without credentials)" : " (every identity in the cluster)"))
            .severity(severity)
            .key(s.name());
      }
    }
  }
}
