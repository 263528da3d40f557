package dev.shipgate.scanner.docker.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.docker.DockerfileInput;
import dev.shipgate.scanner.docker.DockerfileRule;
import java.util.ArrayList;
import java.util.List;

/**
 * A tagged image without a digest; tags can be moved. Reported only when the policy sets
 * {@code scanners.docker.require_digest: true}, because most teams pin by tag and update by digest bots.
 */
public final class BaseImageNoDigestRule implements DockerfileRule {

  public static final Rule RULE = Rule.builder("docker/dockerfile/base-image-no-digest", "docker")
      .title("Base image is pinned by tag, not by digest")
      .severity(Severity.LOW)
      .confidence(Confidence.HIGH)
      .cwe("CWE-494", "CWE-1357")
      .description("A tag such as `python:3.12-slim` is a name the publisher (or anyone who takes over the account or "
          + "registry) can point at new content at any time; even 'immutable-looking' tags are republished for security "
          + "updates. Only a content digest (`@sha256:…`) makes the build reproducible and lets a review approve exactly "
          + "what runs. Reported only when the policy sets `scanners.docker.require_digest: true`.")
      .fix("Append the digest of the tag you tested: `FROM python:3.12-slim@sha256:<digest>` (`docker buildx imagetools "
          + "inspect python:3.12-slim` prints it), and let Dependabot or Renovate update it. `shipgate fix` applies pins "
          + "from `scanners.docker.pins` that carry a digest.")
      .tags("nist-800-190:4.1.5", "owasp-top10:A08:2021", "ssdf:PS.3.2", "iso27001:2022-A.8.32", "soc2:CC8.1")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(DockerfileInput input) {
    if (!input.settings().requireDigest()) {
      return List.of();
    }
    List<Finding> out = new ArrayList<>();
    for (BaseImages.Pull pull : BaseImages.of(input.dockerfile())) {
      if (pull.ref().hasDigest() || pull.ref().isFloating()) {
        continue;
      }
      Finding.Builder b = input.at(RULE, pull.instruction())
          .message("image " + pull.ref().repository() + ":" + pull.ref().tag() + pull.via() + " has no @sha256 digest; the tag can be moved");
      input.settings().pin(pull.ref().familiar()).filter(pin -> pin.contains("sha256:"))
          .flatMap(pin -> pull.pinTo(input.path(), pin)).ifPresent(b::fix);
      out.add(b.build());
    }
    return out;
  }
}
