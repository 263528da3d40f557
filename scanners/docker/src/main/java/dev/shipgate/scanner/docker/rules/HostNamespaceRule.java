package dev.shipgate.scanner.docker.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.docker.ComposeInput;
import dev.shipgate.scanner.docker.ComposeRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/** {@code network_mode: host}, {@code pid: host}, {@code ipc: host}, …: the container shares a host namespace. */
public final class HostNamespaceRule implements ComposeRule {

  public static final Rule RULE = Rule.builder("docker/compose/host-namespace", "docker")
      .title("Service shares a host namespace")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-653", "CWE-668")
      .description("The service joins one of the host's namespaces instead of getting its own. `pid: host` lets it see "
          + "and signal (as root: ptrace) every host process and read their environments; `ipc: host` shares host "
          + "shared memory; `network_mode: host` puts it on the host's interfaces, reaching services bound to localhost "
          + "and bypassing published-port filtering; `uts: host`, `userns_mode: host` and `cgroup: host` remove further "
          + "isolation. Network, UTS, user and cgroup namespaces are reported at medium severity, PID and IPC at high.")
      .fix("Remove the setting. Publish ports with `ports:` instead of host networking, talk to other services over a "
          + "Compose network, and use a sidecar or an exporter with explicit access instead of the host PID namespace.")
      .tags("cis-docker:5.9", "cis-docker:5.15", "cis-docker:5.16", "cis-docker:5.20", "nist-800-190:4.4.3", "owasp-top10:A05:2021",
          "ssdf:PW.9.1", "iso27001:2022-A.8.22", "soc2:CC6.6")
      .build();

  private static final Map<String, Severity> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put("pid", Severity.HIGH);
    KEYS.put("ipc", Severity.HIGH);
    KEYS.put("network_mode", Severity.MEDIUM);
    KEYS.put("uts", Severity.MEDIUM);
    KEYS.put("userns_mode", Severity.MEDIUM);
    KEYS.put("cgroup", Severity.MEDIUM);
  }

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(ComposeInput input, ComposeInput.Service service) {
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<String, Severity> e : KEYS.entrySet()) {
      NodeTuple t = service.entries().get(e.getKey());
      if (t != null && YamlFile.scalar(t.getValueNode()).map(v -> v.strip().toLowerCase(Locale.ROOT).equals("host")).orElse(false)) {
        out.add(input.at(RULE, service, t.getKeyNode())
            .severity(e.getValue())
            .message("service '" + service.name() + "' uses the host's " + e.getKey().replace("_mode", "") + " namespace (" + e.getKey() + ": host)")
            .build());
      }
    }
    return out;
  }
}
