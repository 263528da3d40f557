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

/** {@code :latest} or no tag at all: what runs changes whenever someone pushes, and no one reviewed it. */
public final class MutableImageTagRule implements K8sRule {

  public static final Rule RULE = Rule.builder("k8s/pod/image-latest-tag", "k8s")
      .title("Container image uses the latest tag or no tag")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-1357", "CWE-494")
      .description("An image without a tag means `:latest`, and `:latest` points at whatever was pushed last. Each node "
          + "may pull a different build, a rollback does not restore the old code, and a compromised or broken push "
          + "reaches production without review. Pulls default to Always for such images.")
      .fix("Reference a specific version tag that your pipeline produces, and preferably pin it by digest "
          + "(`image: registry/app:1.4.2@sha256:...`).")
      .tags("nsa-k8s:image-security", "owasp-k8s:K02:2022", "owasp-top10:A08:2021", "ssdf:PW.4.1",
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
        if (ref.digest().isEmpty() && (ref.tag().isEmpty() || ref.tag().equals("latest"))) {
          issues.report(RULE, node, c.label() + " runs image " + ref.name()
                  + (ref.tag().isEmpty() ? " without a tag (which means :latest)" : ":latest"))
              .key(c.name());
        }
      }));
    }
  }
}
