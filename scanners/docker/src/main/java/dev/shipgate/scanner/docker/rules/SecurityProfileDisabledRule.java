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
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** {@code security_opt: [seccomp:unconfined]}, {@code apparmor:unconfined}, {@code label:disable}. */
public final class SecurityProfileDisabledRule implements ComposeRule {

  public static final Rule RULE = Rule.builder("docker/compose/security-profile-disabled", "docker")
      .title("Service turns off seccomp, AppArmor or SELinux confinement")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-693", "CWE-250")
      .description("`security_opt` switches off one of the kernel confinement layers Docker applies by default: the "
          + "seccomp profile that blocks some 40 rarely needed system calls (`unshare`, `keyctl`, `bpf`, `mount`, …), the "
          + "AppArmor profile, or SELinux labelling. These layers are what stops many kernel exploits and container "
          + "escapes from a compromised process, so turning them off widens the attack surface of the whole host.")
      .fix("Remove the option. If one blocked system call is needed, start from Docker's default seccomp profile, allow "
          + "just that call, and reference the file: `security_opt: [\"seccomp=./seccomp.json\"]`. Consider adding "
          + "`no-new-privileges:true`.")
      .tags("cis-docker:5.1", "cis-docker:5.2", "cis-docker:5.21", "nist-800-190:4.4.3", "owasp-top10:A05:2021",
          "ssdf:PW.9.1", "iso27001:2022-A.8.9", "soc2:CC6.8")
      .build();

  private static final Pattern DISABLED = Pattern.compile("(?:seccomp|apparmor|systempaths)\\s*[:=]\\s*unconfined|label\\s*[:=]\\s*disable");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(ComposeInput input, ComposeInput.Service service) {
    NodeTuple t = service.entries().get("security_opt");
    if (t == null) {
      return List.of();
    }
    List<Finding> out = new ArrayList<>();
    for (ScalarNode opt : Compose.scalars(t.getValueNode())) {
      String v = opt.getValue().strip().toLowerCase(Locale.ROOT);
      if (DISABLED.matcher(v).matches()) {
        out.add(input.at(RULE, service, opt).message("service '" + service.name() + "' sets security_opt " + v).build());
      }
    }
    return out;
  }
}
