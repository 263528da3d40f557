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
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/** SELinux options beyond the container types: a custom type, user or role can lift the container's confinement. */
public final class SeLinuxOptionsRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/pod/selinux-custom-options", "k8s")
      .title("Container sets a custom SELinux type, user or role")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-693")
      .description("On SELinux nodes, containers run as `container_t`, which keeps them away from host files and "
          + "processes. A custom `seLinuxOptions.type` (for example `spc_t`, a super-privileged container), `user` or "
          + "`role` can remove that confinement; the baseline Pod Security Standard allows only the container types.")
      .fix("Remove `seLinuxOptions.type`, `user` and `role` (set only `level` for MCS separation), or use one of "
          + "container_t, container_init_t, container_kvm_t or container_engine_t.")
      .tags("pss:baseline", "nsa-k8s:pod-security", "owasp-k8s:K01:2022", "owasp-top10:A05:2021", "ssdf:PW.9.1",
          "iso27001:2022-A.8.9", "soc2:CC6.8")
      .build();

  private static final Set<String> TYPES = Set.of("", "container_t", "container_init_t", "container_kvm_t", "container_engine_t");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void checkPod(Pod pod, Issues issues) {
    for (Container c : pod.containers()) {
      Node options = c.effective("seLinuxOptions").orElse(null);
      if (options == null) {
        continue;
      }
      for (String key : new String[] {"type", "user", "role"}) {
        Yaml.get(options, key).ifPresent(n -> {
          String value = YamlFile.scalar(n).orElse("").trim();
          if (key.equals("type") ? !TYPES.contains(value) : !value.isEmpty()) {
            issues.report(RULE, n, c.label() + " sets SELinux " + key + " " + value).key(c.name() + "|" + key);
          }
        });
      }
    }
  }
}
