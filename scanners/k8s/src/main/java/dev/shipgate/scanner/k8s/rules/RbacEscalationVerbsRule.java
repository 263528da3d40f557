package dev.shipgate.scanner.k8s.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.k8s.Issues;
import dev.shipgate.scanner.k8s.K8sObject;
import dev.shipgate.scanner.k8s.K8sRule;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** {@code escalate}, {@code bind} and {@code impersonate} let a subject grant itself more than it has. */
public final class RbacEscalationVerbsRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/rbac/escalation-verbs", "k8s")
      .title("RBAC rule grants escalate, bind or impersonate")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-269")
      .description("RBAC normally stops a subject from granting permissions it does not hold. `escalate` on roles lifts "
          + "that check when editing roles, `bind` lifts it when creating bindings, and `impersonate` lets the subject "
          + "act as any user, group or service account, cluster-admin included. Each one is a path to full control.")
      .fix("Remove these verbs; leave role and binding management to cluster administrators or a GitOps controller, "
          + "and if impersonation is needed, restrict it with `resourceNames` to specific identities.")
      .tags("cis-k8s:5.1.8", "nsa-k8s:rbac", "owasp-k8s:K03:2022", "mitre-attack:T1078", "owasp-top10:A01:2021",
          "ssdf:PW.9.1", "iso27001:2022-A.8.2", "soc2:CC6.3")
      .build();

  private static final Map<String, String> WHAT = Map.of(
      "escalate", "edit roles to hold permissions it does not have",
      "bind", "bind roles it does not hold",
      "impersonate", "act as other users, groups or service accounts");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void checkObject(K8sObject role, Issues issues) {
    int index = 0;
    for (PolicyRules r : PolicyRules.of(role)) {
      index++;
      for (ScalarNode verb : r.verbs()) {
        String what = WHAT.get(verb.getValue());
        if (what != null) {
          issues.report(RULE, verb, role.id() + " grants '" + verb.getValue() + "': the subject can " + what
                  + (r.resourceNames().isEmpty() ? "" : " (limited to named resources)"))
              .severity(r.resourceNames().isEmpty() ? Severity.HIGH : Severity.MEDIUM)
              .key(index + "|" + verb.getValue());
        }
      }
    }
  }
}
