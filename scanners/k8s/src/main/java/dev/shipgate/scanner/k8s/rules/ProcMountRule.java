package dev.shipgate.scanner.k8s.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.k8s.Container;
import dev.shipgate.scanner.k8s.Issues;
import dev.shipgate.scanner.k8s.K8sRule;
import dev.shipgate.scanner.k8s.Pod;

/** {@code procMount: Unmasked} shows the container the parts of /proc the runtime normally hides. */
public final class ProcMountRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/pod/proc-mount-unmasked", "k8s")
      .title("Container mounts /proc unmasked")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-200", "CWE-250")
      .description("Container runtimes mask and make read-only sensitive paths of /proc (kcore, sysrq-trigger, "
          + "timer_list, sys). `procMount: Unmasked` removes that protection, exposing kernel memory and host "
          + "information and allowing writes that affect the node; the baseline Pod Security Standard forbids it.")
      .fix("Remove `procMount` or set it to `Default`; Unmasked is meant only for nested container runtimes in "
          + "user-namespaced pods.")
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
      c.own("procMount").filter(n -> YamlFile.scalar(n).filter(v -> !v.isEmpty() && !v.equals("Default")).isPresent())
          .ifPresent(n -> issues.report(RULE, n, c.label() + " mounts /proc with procMount " + YamlFile.scalar(n).orElse(""))
              .key(c.name()));
    }
  }
}
