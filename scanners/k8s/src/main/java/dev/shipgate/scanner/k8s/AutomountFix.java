package dev.shipgate.scanner.k8s;

import dev.shipgate.core.yaml.YamlFile;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Adds {@code automountServiceAccountToken: false} as the pod spec's first key: the top of the spec is never
 * where a container fix edits, so the fixes do not overlap.
 */
final class AutomountFix {

  private AutomountFix() {}

  static Remediation build(TextEdits t, Pod pod) {
    if (Yaml.isFlow(pod.spec()) || pod.spec().getValue().isEmpty() || !t.ownText(pod.spec())) {
      return Remediation.none("the pod spec is written in flow style or through an alias or merge; edit it by hand");
    }
    Node first = pod.spec().getValue().get(0).getKeyNode();
    if (!t.startsLine(first)) {
      return Remediation.none("the pod spec's first key does not start its line; edit it by hand");
    }
    int at = t.lineStartOf(t.yaml.start(first));
    String line = TextEdits.spaces(YamlFile.column(first) - 1) + "automountServiceAccountToken: false" + t.newline;
    return Remediation.of("do not mount the service account token into the pods of " + pod.owner().id()
        + " (set it back to true only if the application calls the Kubernetes API)", List.of(dev.shipgate.core.model.Fix.Edit.insert(t.yaml.path(), at, line)));
  }
}
