package dev.shipgate.scanner.docker.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.docker.DockerfileInput;
import dev.shipgate.scanner.docker.DockerfileRule;
import java.util.ArrayList;
import java.util.List;

/** {@code FROM node} or {@code FROM node:latest}: the build pulls whatever the registry serves that day. */
public final class BaseImageUnpinnedRule implements DockerfileRule {

  public static final Rule RULE = Rule.builder("docker/dockerfile/base-image-unpinned", "docker")
      .title("Base image has no tag or uses latest")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-1357", "CWE-494")
      .description("A FROM (or COPY --from) image without a tag, or with the moving tag `latest`, resolves to whatever "
          + "the registry serves at build time. Two builds of the same commit can ship different operating systems and "
          + "libraries, an upstream compromise or breaking release flows straight into production, and a scan of the "
          + "image says nothing about the next build. Build stages count too: they compile what is shipped. Stage "
          + "references (`FROM builder`) and `scratch` are not images; `ARG` defaults are substituted first.")
      .fix("Pin a specific version tag (`node:20.11-alpine3.19`), better a digest (`node:20.11-alpine3.19@sha256:…`) "
          + "kept current by Dependabot or Renovate. `shipgate fix` pins images listed in the policy's "
          + "`scanners.docker.pins`.")
      .tags("cis-docker:4.2", "nist-800-190:4.1.5", "owasp-top10:A08:2021", "ssdf:PS.3.2", "iso27001:2022-A.8.32", "soc2:CC8.1")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(DockerfileInput input) {
    List<Finding> out = new ArrayList<>();
    for (BaseImages.Pull pull : BaseImages.of(input.dockerfile())) {
      if (!pull.ref().isFloating()) {
        continue;
      }
      String how = pull.ref().tag() == null ? "has no tag, so Docker pulls whatever `latest` is at build time" : "uses the moving tag `latest`";
      Finding.Builder b = input.at(RULE, pull.instruction())
          .message("image " + pull.ref().repository() + pull.via() + " " + how);
      input.settings().pin(pull.ref().familiar()).flatMap(pin -> pull.pinTo(input.path(), pin)).ifPresent(b::fix);
      out.add(b.build());
    }
    return out;
  }
}
