package dev.shipgate.scanner.k8s.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.k8s.Container;
import dev.shipgate.scanner.k8s.Issues;
import dev.shipgate.scanner.k8s.K8sRule;
import dev.shipgate.scanner.k8s.Pod;
import dev.shipgate.scanner.k8s.Yaml;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * AppArmor explicitly turned off, by {@code appArmorProfile.type: Unconfined} (container over pod) or by the
 * pre-1.30 annotation {@code container.apparmor.security.beta.kubernetes.io/<container>: unconfined}.
 */
public final class AppArmorUnconfinedRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/pod/apparmor-unconfined", "k8s")
      .title("Container runs with AppArmor unconfined")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-693")
      .description("On nodes with AppArmor, the runtime's default profile stops a container from writing to /proc and "
          + "/sys, mounting filesystems and other escape steps. Setting the profile to Unconfined removes that layer; "
          + "the baseline Pod Security Standard forbids it.")
      .fix("Remove the Unconfined setting so the runtime default applies, or use `appArmorProfile.type: Localhost` "
          + "with a profile written for the application.")
      .tags("pss:baseline", "nsa-k8s:pod-security", "owasp-k8s:K01:2022", "owasp-top10:A05:2021", "ssdf:PW.9.1",
          "iso27001:2022-A.8.9", "soc2:CC6.8")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void checkPod(Pod pod, Issues issues) {
    for (Container c : pod.containers()) {
      Optional<Node> type = c.effective("appArmorProfile").flatMap(p -> Yaml.get(p, "type"));
      if (type.isPresent()) {
        if (YamlFile.scalar(type.get()).filter(v -> v.equals("Unconfined")).isPresent()) {
          issues.report(RULE, type.get(), c.label() + " runs with AppArmor Unconfined").key(c.name());
        }
        continue;
      }
      String annotation = "container.apparmor.security.beta.kubernetes.io/" + c.name();
      if (pod.annotation(annotation).filter(v -> v.equals("unconfined")).isPresent()) {
        Node at = Yaml.at(pod.metadata(), "annotations").flatMap(a -> YamlFile.get(a, annotation)).orElse(c.nameNode());
        issues.report(RULE, at, c.label() + " runs with AppArmor unconfined (annotation)").key(c.name());
      }
    }
  }
}
