package dev.shipgate.scanner.docker.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.docker.ComposeInput;
import dev.shipgate.scanner.docker.ComposeRule;
import dev.shipgate.scanner.docker.dockerfile.ImageRef;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/** {@code image: redis} or {@code image: redis:latest} for a service that is pulled, not built. */
public final class ComposeImageUnpinnedRule implements ComposeRule {

  public static final Rule RULE = Rule.builder("docker/compose/image-unpinned", "docker")
      .title("Service image has no tag or uses latest")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-1357", "CWE-494")
      .description("The service pulls an image without a tag, or with the moving tag `latest`, so `docker compose up` "
          + "runs whatever the registry serves that day: an upstream compromise or breaking release is deployed "
          + "without review and two hosts can run different code. Services with `build:` name their own output image "
          + "and are not judged; references made of `${VARIABLES}` are not judged either.")
      .fix("Pin a version tag (`redis:7.2.4-alpine`), better with its digest (`redis:7.2.4-alpine@sha256:…`), and let "
          + "Dependabot or Renovate keep it current.")
      .tags("cis-docker:4.2", "nist-800-190:4.1.5", "owasp-top10:A08:2021", "ssdf:PS.3.2", "iso27001:2022-A.8.32", "soc2:CC8.1")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public List<Finding> check(ComposeInput input, ComposeInput.Service service) {
    NodeTuple t = service.entries().get("image");
    if (t == null || service.entries().containsKey("build")) {
      return List.of();
    }
    String image = YamlFile.scalar(t.getValueNode()).map(String::strip).orElse("");
    if (image.isEmpty() || image.contains("$")) {
      return List.of();
    }
    ImageRef ref = ImageRef.parse(image);
    if (!ref.isFloating()) {
      return List.of();
    }
    return List.of(input.at(RULE, service, t.getValueNode())
        .message("service '" + service.name() + "' image " + image + (ref.tag() == null ? " has no tag (pulls latest)" : " uses the moving tag latest"))
        .build());
  }
}
