package dev.shipgate.scanner.docker.rules;

import dev.shipgate.core.yaml.YamlFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Reading Compose values the way Compose does. */
final class Compose {

  /** Compose's YAML reader takes the YAML 1.1 spellings of true as well. */
  private static final Set<String> TRUE = Set.of("true", "yes", "on", "y");

  private Compose() {}

  static boolean isTrue(Node node) {
    return YamlFile.scalar(node).map(v -> TRUE.contains(v.strip().toLowerCase(Locale.ROOT))).orElse(false);
  }

  /** A list of scalars, or a single scalar as a list of one. */
  static List<ScalarNode> scalars(Node node) {
    List<ScalarNode> out = new ArrayList<>();
    if (node instanceof ScalarNode s) {
      out.add(s);
    }
    for (Node item : YamlFile.items(node)) {
      if (item instanceof ScalarNode s) {
        out.add(s);
      }
    }
    return out;
  }
}
