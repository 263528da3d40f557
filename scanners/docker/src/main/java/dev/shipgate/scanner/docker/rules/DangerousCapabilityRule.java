package dev.shipgate.scanner.docker.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.docker.ComposeInput;
import dev.shipgate.scanner.docker.ComposeRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** {@code cap_add: [ALL]}, {@code SYS_ADMIN}, {@code NET_ADMIN}, …: capabilities that amount to host control. */
public final class DangerousCapabilityRule implements ComposeRule {

  public static final Rule RULE = Rule.builder("docker/compose/dangerous-capability", "docker")
      .title("Service adds a dangerous Linux capability")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-250", "CWE-269")
      .description("`cap_add` grants root in the container kernel privileges beyond Docker's default set. `ALL` is nearly "
          + "privileged mode; `SYS_ADMIN` allows mounts and many known container escapes; `NET_ADMIN` reconfigures "
          + "networking, `SYS_PTRACE` reads other processes' memory, `SYS_MODULE` loads kernel modules, `SYS_RAWIO` and "
          + "`DAC_READ_SEARCH` reach raw devices and any file (the 'shocker' escape), `BPF`/`PERFMON` run kernel programs.")
      .fix("Remove the capability, or drop everything and add back only what is needed: `cap_drop: [ALL]` with e.g. "
          + "`cap_add: [NET_BIND_SERVICE]`. Run the workload as a non-root user so capabilities do not apply at all.")
      .tags("cis-docker:5.3", "nist-800-190:4.4.3", "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.2", "soc2:CC6.3")
      .build();

  private static final Set<String> DANGEROUS = Set.of("ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE", "SYS_RAWIO",
      "DAC_READ_SEARCH", "BPF", "PERFMON", "SYS_BOOT");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(ComposeInput input, ComposeInput.Service service) {
    NodeTuple t = service.entries().get("cap_add");
    if (t == null) {
      return List.of();
    }
    List<Finding> out = new ArrayList<>();
    for (ScalarNode cap : Compose.scalars(t.getValueNode())) {
      String name = cap.getValue().strip().toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "");
      if (DANGEROUS.contains(name)) {
        out.add(input.at(RULE, service, cap)
            .message("service '" + service.name() + "' adds capability " + name)
            .build());
      }
    }
    return out;
  }
}
