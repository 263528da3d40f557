package dev.shipgate.scanner.k8s.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.k8s.Issues;
import dev.shipgate.scanner.k8s.K8sObject;
import dev.shipgate.scanner.k8s.K8sRule;
import dev.shipgate.scanner.k8s.Yaml;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A ConfigMap key named like a credential with a literal value: ConfigMaps are readable by anyone who may read
 * the namespace's configuration, and are never encrypted at rest. Values are redacted like env values.
 */
public final class ConfigMapCredentialRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/configmap/credential", "k8s")
      .title("Credential stored in a ConfigMap")
      .severity(Severity.HIGH)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-798", "CWE-312")
      .description("ConfigMaps hold plain configuration: RBAC roles that read configuration (`view`, most operators) "
          + "can read them, they are not encrypted at rest, they appear in `kubectl describe`, and the manifest puts the "
          + "value in git. A password, token or key stored under `data` is exposed to all of these.")
      .fix("Move the value into a Secret (ideally synced from an external secret store) and mount it or reference it "
          + "with `secretKeyRef`; rotate the credential, since it is already in history.")
      .tags("cis-k8s:5.4.1", "nsa-k8s:secrets", "owasp-k8s:K08:2022", "owasp-top10:A07:2021", "ssdf:PW.1.1",
          "iso27001:2022-A.5.17", "soc2:CC6.1")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void checkObject(K8sObject object, Issues issues) {
    if (!object.kind().equals("ConfigMap") || !object.inGroup("")
        || !(Yaml.get(object.node(), "data").orElse(null) instanceof MappingNode data)) {
      return;
    }
    for (NodeTuple t : data.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key) || !(t.getValueNode() instanceof ScalarNode value)) {
        continue;
      }
      String v = value.getValue().trim();
      // A multi-line value is a whole file (application.properties); the secrets family reads those.
      if (v.isEmpty() || v.contains("\n") || v.contains("${") || !SecretInEnvRule.credentialName(key.getValue())
          || SecretInEnvRule.notAValue(v)) {
        continue;
      }
      String redacted = SecretInEnvRule.redact(v);
      issues.report(RULE, value, object.id() + " stores " + key.getValue() + " as a literal value (" + redacted + ")")
          .confidence(v.length() >= 8 ? Confidence.HIGH : Confidence.MEDIUM)
          .secret(value.getValue(), redacted, key.getValue() + ": " + redacted)
          .key(key.getValue());
    }
  }
}
