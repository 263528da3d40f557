package dev.shipgate.scanner.docker.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Fix;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.docker.ComposeInput;
import dev.shipgate.scanner.docker.ComposeRule;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/** {@code privileged: true}: every capability, every device, no seccomp or AppArmor; root on the host. */
public final class PrivilegedRule implements ComposeRule {

  public static final Rule RULE = Rule.builder("docker/compose/privileged", "docker")
      .title("Service runs privileged")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-250", "CWE-269")
      .description("`privileged: true` gives the container all Linux capabilities, access to every host device, and turns "
          + "off seccomp, AppArmor/SELinux confinement and the read-only /sys and /proc masks. Root in such a container "
          + "is root on the host: it can mount the host disk, load kernel modules or write to /dev/mem. Very few "
          + "workloads need it (nested Docker, some hardware drivers).")
      .fix("Remove `privileged: true`. Grant only what the service needs: specific `cap_add` entries, `devices:` for "
          + "a single device, or a tailored seccomp profile. `shipgate fix` removes the line.")
      .tags("cis-docker:5.4", "nist-800-190:4.4.3", "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.2", "soc2:CC6.3")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(ComposeInput input, ComposeInput.Service service) {
    NodeTuple t = service.entries().get("privileged");
    if (t == null || !Compose.isTrue(t.getValueNode())) {
      return List.of();
    }
    Finding.Builder b = input.at(RULE, service, t.getKeyNode())
        .message("service '" + service.name() + "' runs privileged: root in the container is root on the host");
    removeLine(input, t).ifPresent(b::fix);
    return List.of(b.build());
  }

  /** Deletes the entry's line when it stands alone on it in block style (not inside a flow mapping). */
  private static Optional<Fix> removeLine(ComposeInput input, NodeTuple t) {
    YamlFile yaml = input.yaml();
    String text = yaml.text();
    int keyStart = yaml.start(t.getKeyNode());
    int valueEnd = yaml.end(t.getValueNode());
    int lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
    int lineEnd = text.indexOf('\n', valueEnd);
    lineEnd = lineEnd < 0 ? text.length() : lineEnd + 1;
    String before = text.substring(lineStart, keyStart);
    String after = text.substring(valueEnd, lineEnd).strip();
    if (!before.isBlank() || !(after.isEmpty() || after.startsWith("#"))) {
      return Optional.empty();
    }
    return Optional.of(Fix.of("remove `privileged: true`", new Fix.Edit(input.path(), lineStart, lineEnd, "")));
  }
}
