package dev.shipgate.scanner.docker.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.docker.ComposeInput;
import dev.shipgate.scanner.docker.ComposeRule;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A volume that mounts the container engine's API socket: whoever controls the service controls the host. */
public final class DockerSocketRule implements ComposeRule {

  public static final Rule RULE = Rule.builder("docker/compose/docker-socket", "docker")
      .title("Service mounts the Docker socket")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-250", "CWE-668")
      .description("The service mounts the Docker (or containerd, Podman, CRI-O) API socket, or the /run directory that "
          + "holds it. Anything that can talk to the socket can start a privileged container with the host's root file "
          + "system mounted, so a compromise of this service is a compromise of the host. Mounting it read-only does not "
          + "help: the API is still fully usable.")
      .fix("Remove the mount. If the service must see containers, put a filtering proxy in front of the socket "
          + "(e.g. tecnativa/docker-socket-proxy with only the needed endpoints) or use rootless Docker; for CI builds, "
          + "use a builder that needs no daemon (BuildKit rootless, kaniko).")
      .tags("cis-docker:5.31", "nist-800-190:4.4.3", "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.2", "soc2:CC6.3")
      .build();

  private static final Pattern SOCKET = Pattern.compile("/*(?:var/)?run(?:/(?:docker|containerd/containerd|podman/podman|crio/crio)\\.sock)?/?"
      + "|/*var/run/docker|/*run/docker");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(ComposeInput input, ComposeInput.Service service) {
    List<Finding> out = new ArrayList<>();
    for (ComposeInput.Volume volume : service.volumes()) {
      if (SOCKET.matcher(volume.source()).matches()) {
        out.add(input.at(RULE, service, volume.at())
            .message("service '" + service.name() + "' mounts " + volume.source() + ": control of the container engine is control of the host")
            .build());
      }
    }
    return out;
  }
}
