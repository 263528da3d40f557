package dev.shipgate.scanner.k8s.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.k8s.Issues;
import dev.shipgate.scanner.k8s.K8sObject;
import dev.shipgate.scanner.k8s.K8sRule;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** get, list or watch on secrets reads every credential in scope; list and watch return the values too. */
public final class RbacSecretsAccessRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/rbac/secrets-access", "k8s")
      .title("RBAC rule grants read access to secrets")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-200", "CWE-522")
      .description("`get`, `list` or `watch` on `secrets` reads the credentials stored in them: database passwords, "
          + "TLS keys and the tokens of other service accounts, which lead to further permissions. `list` and `watch` "
          + "return full secret values, not just names; in a ClusterRole this covers every namespace.")
      .fix("Mount the secrets the workload needs as volumes or env references instead of reading them through the "
          + "API; if API access is needed, use a namespaced Role with `resourceNames` and `get` only.")
      .tags("cis-k8s:5.1.2", "nsa-k8s:rbac", "owasp-k8s:K03:2022", "owasp-k8s:K08:2022", "owasp-top10:A01:2021",
          "ssdf:PW.9.1", "iso27001:2022-A.8.3", "soc2:CC6.1")
      .build();

  private static final Set<String> READS = Set.of("get", "list", "watch", "*");

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
      ScalarNode secrets = PolicyRules.first(r.resources(), "secrets");
      List<String> reads = r.verbs().stream().map(ScalarNode::getValue).filter(READS::contains).distinct().toList();
      if (secrets == null || reads.isEmpty() || !r.coreGroup()) {
        continue;
      }
      boolean named = !r.resourceNames().isEmpty() && !reads.contains("list") && !reads.contains("watch") && !reads.contains("*");
      Severity severity = named ? Severity.LOW : cluster ? Severity.HIGH : Severity.MEDIUM;
      issues.report(RULE, secrets, role.id() + " can " + String.join("/", reads) + " secrets"
              + (named ? " (only the named ones)" : cluster ? " in every namespace" : " in its namespace"))
          .severity(severity)
          .key(String.valueOf(index));
    }
  }
}
