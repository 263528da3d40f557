package dev.shipgate.scanner.k8s.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.k8s.Issues;
import dev.shipgate.scanner.k8s.K8sRule;
import dev.shipgate.scanner.k8s.Pod;
import dev.shipgate.scanner.k8s.Remedy;
import dev.shipgate.scanner.k8s.Yaml;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Pods on the default service account get its API token mounted unless {@code automountServiceAccountToken:
 * false}. A pod that names its own service account presumably calls the API, and that account decides.
 */
public final class ServiceAccountTokenRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/pod/service-account-token-automount", "k8s")
      .title("Service account token mounted into a pod that does not need it")
      .severity(Severity.LOW)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-522", "CWE-250")
      .description("Kubernetes mounts an API token into every pod unless `automountServiceAccountToken: false` is set. "
          + "Most applications never call the Kubernetes API, yet anyone who gets code execution or a file read in the "
          + "pod can use the token against the API server with whatever the service account, or a later binding, allows.")
      .fix("Set `automountServiceAccountToken: false` in the pod spec (or on the ServiceAccount); pods that do call "
          + "the API should run under their own service account with a minimal Role.")
      .tags("cis-k8s:5.1.6", "cis-k8s:5.1.5", "nsa-k8s:service-account-tokens", "owasp-k8s:K03:2022",
          "mitre-attack:T1528", "owasp-top10:A01:2021", "ssdf:PW.9.1", "iso27001:2022-A.5.15", "soc2:CC6.3")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void checkPod(Pod pod, Issues issues) {
    Optional<Node> automount = Yaml.get(pod.spec(), "automountServiceAccountToken");
    if (automount.filter(Yaml::isFalse).isPresent()) {
      return;
    }
    String account = Yaml.string(pod.spec(), "serviceAccountName").or(() -> Yaml.string(pod.spec(), "serviceAccount")).orElse("");
    if (!account.isEmpty() && !account.equals("default")) {
      return;
    }
    if (automount.isPresent()) {
      issues.report(RULE, automount.get(), "pods of " + pod.owner().id()
              + " mount the default service account's token on purpose; check that they call the Kubernetes API")
          .confidence(Confidence.LOW)
          .key("explicit");
      return;
    }
    issues.report(RULE, pod.specKey(), "pods of " + pod.owner().id()
            + " get the default service account's API token mounted (automountServiceAccountToken is not false)")
        .key("default")
        .fixedBy(Remedy.AUTOMOUNT_TOKEN, pod);
  }
}
