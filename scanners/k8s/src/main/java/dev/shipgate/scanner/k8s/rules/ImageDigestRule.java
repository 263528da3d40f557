package dev.shipgate.scanner.k8s.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.k8s.Container;
import dev.shipgate.scanner.k8s.Issues;
import dev.shipgate.scanner.k8s.K8sRule;
import dev.shipgate.scanner.k8s.Pod;
import dev.shipgate.scanner.k8s.Yaml;

/**
 * A version tag without a digest can still be re-pushed. Informational by default, because most teams pin tags;
 * a policy that wants digests raises it with a rule override.
 */
public final class ImageDigestRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/pod/image-not-pinned-by-digest", "k8s")
      .title("Container image is not pinned by digest")
      .severity(Severity.INFO)
      .confidence(Confidence.HIGH)
      .cwe("CWE-494")
      .description("A tag such as `1.4.2` is a movable pointer: whoever can push to the repository can replace the "
          + "image behind it, and every node that pulls afterwards runs the replacement. Only a digest "
          + "(`@sha256:...`) names exact content. Reported as info; raise it with a rule override to require digests.")
      .fix("Append the image's digest to the reference (`image: registry/app:1.4.2@sha256:<digest>`), for example "
          + "with `crane digest` or your registry's UI, and let a bot such as Renovate keep it current.")
      .tags("nsa-k8s:image-security", "owasp-k8s:K02:2022", "owasp-top10:A08:2021", "ssdf:PS.2.1",
          "iso27001:2022-A.8.32", "soc2:CC8.1")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void checkPod(Pod pod, Issues issues) {
    for (Container c : pod.containers()) {
      Yaml.get(c.node(), "image").ifPresent(node -> YamlFile.scalar(node).flatMap(ImageRef::parse).ifPresent(ref -> {
        if (ref.digest().isEmpty() && !ref.tag().isEmpty() && !ref.tag().equals("latest")) {
          issues.report(RULE, node, c.label() + " runs " + ref.name() + ":" + ref.tag() + " by tag, not by digest")
              .key(c.name());
        }
      }));
    }
  }
}
