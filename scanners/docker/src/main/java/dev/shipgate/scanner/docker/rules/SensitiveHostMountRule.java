package dev.shipgate.scanner.docker.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.docker.ComposeInput;
import dev.shipgate.scanner.docker.ComposeRule;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A bind mount of a host system directory ({@code /}, {@code /etc}, {@code /proc}, {@code /root}, …) into a
 * service. Container engine sockets are {@link DockerSocketRule}'s concern.
 */
public final class SensitiveHostMountRule implements ComposeRule {

  public static final Rule RULE = Rule.builder("docker/compose/sensitive-host-mount", "docker")
      .title("Service mounts a sensitive host directory")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-668", "CWE-732")
      .description("A volume binds a host system directory into the container: the host's root file system, `/etc` "
          + "(passwd, shadow, sudoers, cron), `/root` or `/home` (SSH keys, cloud credentials), `/boot`, `/dev`, `/proc`, "
          + "`/sys`, `/lib/modules` or Docker's own `/var/lib/docker`. A writable mount lets a compromised container "
          + "change the host directly (add a cron job, a user, an SSH key); even read-only it exposes secrets and "
          + "other containers' data. Read-only mounts are reported at medium severity.")
      .fix("Mount only the specific file or application directory the service needs, read-only (`:ro`), or use a "
          + "named volume; for host metrics use an exporter designed for it with the narrowest paths.")
      .tags("cis-docker:5.5", "nist-800-190:4.5.5", "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.2", "soc2:CC6.3")
      .build();

  private static final Pattern SENSITIVE = Pattern.compile("/+|/+(?:etc|root|home|boot|dev|proc|sys|lib/modules|usr|bin|sbin|lib|var/lib/docker"
      + "|var/lib/kubelet|etc/kubernetes|run/secrets)/*");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(ComposeInput input, ComposeInput.Service service) {
    List<Finding> out = new ArrayList<>();
    for (ComposeInput.Volume volume : service.volumes()) {
      String source = volume.source();
      if (!SENSITIVE.matcher(source).matches()) {
        continue;
      }
      boolean readOnly = YamlFile.scalar(volume.node()).map(v -> v.matches(".*:(?:[a-z,]*,)?ro(?:,[a-z,]*)?")).orElse(false)
          || YamlFile.string(volume.node(), "read_only").map(v -> v.equalsIgnoreCase("true")).orElse(false);
      out.add(input.at(RULE, service, volume.at())
          .severity(readOnly ? Severity.MEDIUM : Severity.HIGH)
          .message("service '" + service.name() + "' mounts the host's " + source + (readOnly ? " read-only" : " writable"))
          .build());
    }
    return out;
  }
}
