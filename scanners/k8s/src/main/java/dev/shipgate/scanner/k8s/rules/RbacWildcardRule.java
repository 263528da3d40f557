package dev.shipgate.scanner.k8s.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.k8s.Issues;
import dev.shipgate.scanner.k8s.K8sObject;
import dev.shipgate.scanner.k8s.K8sRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** {@code *} in a Role's verbs, resources or apiGroups grants today's and all future permissions. */
public final class RbacWildcardRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/rbac/wildcard", "k8s")
      .title("RBAC rule grants wildcard permissions")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-269", "CWE-732")
      .description("A `*` in a Role or ClusterRole rule matches every verb, resource or API group, including secrets, "
          + "pods/exec, escalate and impersonate, and any custom resource installed later. `verbs: [\"*\"]` with "
          + "`resources: [\"*\"]` in a ClusterRole is cluster-admin under another name.")
      .fix("List the exact verbs (get, list, watch, ...), resources and API groups the subject needs; generate them "
          + "from audit logs (for example with audit2rbac) instead of granting everything.")
      .tags("cis-k8s:5.1.3", "nsa-k8s:rbac", "owasp-k8s:K03:2022", "owasp-top10:A01:2021", "ssdf:PW.9.1",
          "iso27001:2022-A.8.2", "soc2:CC6.3")
      .build();

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
      List<ScalarNode> stars = new ArrayList<>();
      List<String> fields = new ArrayList<>();
      addIf(r.verbs(), "verbs", stars, fields);
      addIf(r.resources(), "resources", stars, fields);
      addIf(r.apiGroups(), "apiGroups", stars, fields);
      addIf(r.nonResourceUrls(), "nonResourceURLs", stars, fields);
      if (stars.isEmpty()) {
        continue;
      }
      boolean everything = fields.contains("verbs") && fields.contains("resources");
      Severity severity = everything && cluster ? Severity.CRITICAL
          : fields.equals(List.of("apiGroups")) ? Severity.LOW
          : cluster || everything ? Severity.HIGH : Severity.MEDIUM;
      ScalarNode at = stars.stream().min(Comparator.comparingInt(YamlFile::line)).orElseThrow();
      issues.report(RULE, at, role.id() + " grants * in " + String.join(", ", fields)
              + (everything && cluster ? " (equivalent to cluster-admin)" : ""))
          .severity(severity)
          .key(index + "|" + String.join(",", fields));
    }
  }

  private static void addIf(List<ScalarNode> values, String field, List<ScalarNode> stars, List<String> fields) {
    ScalarNode star = PolicyRules.first(values, "*");
    if (star != null) {
      stars.add(star);
      fields.add(field);
    }
  }
}
