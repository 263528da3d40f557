package dev.shipgate.scanner.k8s.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.k8s.Capabilities;
import dev.shipgate.scanner.k8s.Container;
import dev.shipgate.scanner.k8s.Issues;
import dev.shipgate.scanner.k8s.K8sRule;
import dev.shipgate.scanner.k8s.Pod;
import dev.shipgate.scanner.k8s.Yaml;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Capabilities added beyond what the Pod Security Standards allow: the restricted profile allows only
 * NET_BIND_SERVICE, the baseline profile the runtime's default set; the rest are rated by what they unlock.
 */
public final class DangerousCapabilitiesRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/pod/dangerous-capabilities", "k8s")
      .title("Container adds dangerous Linux capabilities")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-250", "CWE-269")
      .description("`capabilities.add` grants kernel privileges to the container. SYS_ADMIN is close to full root "
          + "(mounts, namespaces, BPF), SYS_MODULE loads kernel modules, SYS_PTRACE reads other processes' memory, "
          + "NET_ADMIN rewrites the pod's network and NET_RAW forges packets; ALL grants everything. These are the "
          + "usual container escape paths.")
      .fix("Remove the capability from `capabilities.add`; if one is truly needed, isolate the workload (dedicated "
          + "nodes, namespace with a baseline exemption) and document why. Keep `drop: [ALL]`.")
      .tags("pss:baseline", "pss:restricted", "cis-k8s:5.2.9", "nsa-k8s:pod-security", "owasp-k8s:K01:2022",
          "mitre-attack:T1611", "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.2", "soc2:CC6.8")
      .build();

  /** Capabilities that amount to host root or container escape. */
  private static final Set<String> SEVERE = Set.of("ALL", "SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO", "BPF",
      "PERFMON", "DAC_READ_SEARCH", "NET_ADMIN", "SYS_BOOT", "MAC_ADMIN", "MAC_OVERRIDE", "SYS_TIME", "SYSLOG",
      "CHECKPOINT_RESTORE");

  /** What the baseline Pod Security Standard still allows (the runtime's defaults). */
  private static final Set<String> BASELINE = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL",
      "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void checkPod(Pod pod, Issues issues) {
    for (Container c : pod.containers()) {
      for (ScalarNode cap : c.own("capabilities").flatMap(caps -> Yaml.get(caps, "add")).map(Yaml::scalars).orElse(java.util.List.of())) {
        String name = Capabilities.normalise(cap.getValue());
        if (name.equals("NET_BIND_SERVICE") || name.isEmpty()) {
          continue;
        }
        Severity severity = SEVERE.contains(name) ? Severity.HIGH : BASELINE.contains(name) ? Severity.LOW : Severity.MEDIUM;
        String why = SEVERE.contains(name) ? "a known container escape or host takeover path"
            : BASELINE.contains(name) ? "allowed by the baseline but not the restricted Pod Security Standard"
            : "not allowed by the baseline Pod Security Standard";
        issues.report(RULE, cap, c.label() + " adds capability " + name + " (" + why + ")")
            .severity(severity)
            .key(c.name() + "|" + name);
      }
    }
  }
}
