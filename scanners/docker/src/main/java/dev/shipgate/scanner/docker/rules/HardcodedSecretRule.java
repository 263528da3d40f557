package dev.shipgate.scanner.docker.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.docker.DockerfileInput;
import dev.shipgate.scanner.docker.DockerfileRule;
import dev.shipgate.scanner.docker.SecretNames;
import dev.shipgate.scanner.docker.Snippets;
import dev.shipgate.scanner.docker.dockerfile.Assignments;
import dev.shipgate.scanner.docker.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.List;

/** {@code ENV DB_PASSWORD=hunter2}, {@code ARG NPM_TOKEN=npm_…}: a credential written into the Dockerfile. */
public final class HardcodedSecretRule implements DockerfileRule {

  public static final Rule RULE = Rule.builder("docker/dockerfile/hardcoded-secret", "docker")
      .title("Secret in ENV or ARG")
      .severity(Severity.HIGH)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-798", "CWE-538")
      .description("An ENV or ARG whose name says it holds a credential (PASSWORD, SECRET, TOKEN, API_KEY, PRIVATE_KEY, …) "
          + "is given a literal value. The value is in the repository, and ENV values are also stored in the image "
          + "configuration where anyone who can pull the image reads them with `docker inspect`; ARG values show up in "
          + "`docker history` for every RUN that uses them. Values that are only a variable reference are not reported. "
          + "Reports show only the first characters of the value.")
      .fix("Remove the value and rotate the credential. Pass build-time secrets with BuildKit secret mounts "
          + "(`RUN --mount=type=secret,id=npm_token …`, `docker build --secret id=npm_token,env=NPM_TOKEN`) and runtime "
          + "secrets through the orchestrator (Compose/Kubernetes secrets, environment injected at deploy time).")
      .tags("cis-docker:4.10", "nist-800-190:4.1.4", "owasp-top10:A07:2021", "ssdf:PW.1.1", "iso27001:2022-A.5.17", "soc2:CC6.1")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(DockerfileInput input) {
    List<Finding> out = new ArrayList<>();
    for (Instruction in : input.dockerfile().instructions()) {
      if (!in.is("ENV") && !in.is("ARG")) {
        continue;
      }
      for (Assignments.Assignment a : Assignments.of(in)) {
        if (a.value() == null || !SecretNames.isSecretName(a.name()) || !SecretNames.isLiteral(a.value())) {
          continue;
        }
        String redacted = Snippets.redact(a.value().strip());
        int offset = in.args().sourceOffset(a.valueStart());
        String where = in.is("ENV") ? "it is stored in the image configuration (docker inspect)" : "it is in the repository and in docker history";
        out.add(input.at(RULE, in, offset)
            .message(in.keyword() + " " + a.name() + " is set to a literal secret (" + redacted + "); " + where)
            .snippet(in.keyword() + " " + a.name() + "=" + redacted)
            .contextKey(in.keyword() + " " + a.name())
            .property("redacted", redacted)
            .build());
      }
    }
    return out;
  }
}
