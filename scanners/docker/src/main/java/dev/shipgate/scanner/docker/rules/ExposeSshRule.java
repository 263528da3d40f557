package dev.shipgate.scanner.docker.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.docker.DockerfileInput;
import dev.shipgate.scanner.docker.DockerfileRule;
import dev.shipgate.scanner.docker.dockerfile.Stage;
import dev.shipgate.scanner.docker.dockerfile.Variables;
import dev.shipgate.scanner.docker.dockerfile.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code EXPOSE 22}: an SSH server in a container is a second way in that bypasses the orchestrator. */
public final class ExposeSshRule implements DockerfileRule {

  public static final Rule RULE = Rule.builder("docker/dockerfile/expose-ssh", "docker")
      .title("Image exposes the SSH port")
      .severity(Severity.LOW)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-668", "CWE-284")
      .description("EXPOSE 22 announces an SSH server inside the container. Running sshd in an application container adds "
          + "an always-on remote login with its own keys or passwords to manage and rotate, and it bypasses the audit and "
          + "access control of `docker exec`/`kubectl exec`. Port ranges that include 22 count too.")
      .fix("Remove sshd and `EXPOSE 22`; debug with `docker exec` or `kubectl exec`/ephemeral debug containers, and copy "
          + "files with `docker cp`/`kubectl cp`.")
      .tags("cis-docker:5.6", "nist-800-190:4.1.2", "owasp-top10:A05:2021", "ssdf:PW.9.1", "iso27001:2022-A.8.20", "soc2:CC6.6")
      .build();

  private static final Pattern PORT = Pattern.compile("(\\d{1,5})(?:-(\\d{1,5}))?(?:/(?:tcp|udp|sctp))?");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(DockerfileInput input) {
    List<Finding> out = new ArrayList<>();
    Map<String, String> globals = input.dockerfile().globals();
    for (Stage s : input.dockerfile().stages()) {
      s.forEachWithVariables(globals, (in, vars) -> {
        if (!in.is("EXPOSE")) {
          return;
        }
        for (Words.Word w : in.words()) {
          Optional<String> port = Variables.expand(w.value(), vars, in.escape());
          Matcher m = PORT.matcher(port.orElse(""));
          if (m.matches() && includes22(m)) {
            out.add(input.at(RULE, in).message("EXPOSE " + port.get() + " announces SSH (port 22)").build());
            return;
          }
        }
      });
    }
    return out;
  }

  private static boolean includes22(Matcher m) {
    int from = Integer.parseInt(m.group(1));
    int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
    return from <= 22 && 22 <= to;
  }
}
