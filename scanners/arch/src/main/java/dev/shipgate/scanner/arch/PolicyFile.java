package dev.shipgate.scanner.arch;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.policy.Threshold;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The parts of {@code shipgate.yml} that the assistant instructions are generated from: the {@code scanners.arch}
 * section, the {@code fail_on} threshold and the sensitive paths of {@code scanners.change}. The rest of the policy
 * is validated by the CLI's loader; this reader only needs these parts, and reads the sensitive paths tolerantly
 * because another family owns that section.
 */
public record PolicyFile(String name, Settings arch, Threshold failOn, List<String> sensitivePaths) {

  private static final Threshold DEFAULT_FAIL_ON = new Threshold(Severity.HIGH, Confidence.HIGH);

  /** What applies when the policy file cannot be found: only the arch section the scanner was given. */
  static PolicyFile ofArch(Settings arch) {
    return new PolicyFile(arch.file(), arch, DEFAULT_FAIL_ON, List.of());
  }

  public static PolicyFile parse(String yaml, String name) throws PolicyException {
    Node root;
    try {
      LoadSettings settings = LoadSettings.builder().setLabel(name).setAllowDuplicateKeys(false)
          .setMaxAliasesForCollections(50).setCodePointLimit(1024 * 1024).build();
      root = new Compose(settings).composeString(yaml).orElse(null);
    } catch (MarkedYamlEngineException e) {
      throw new PolicyException(name, e.getProblemMark().map(m -> m.getLine() + 1).orElse(0),
          e.getProblemMark().map(m -> m.getColumn() + 1).orElse(0), "not valid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw new PolicyException(name, 0, 0, "not valid YAML: " + e.getMessage());
    }
    if (root == null) {
      throw new PolicyException(name, 0, 0, "the policy is empty");
    }
    Settings top = Settings.of(name, root, "the policy");
    Settings scanners = top.section("scanners");
    Settings arch = scanners.has(ArchScanner.FAMILY) ? scanners.section(ArchScanner.FAMILY) : Settings.empty(name);
    Settings failOn = top.section("fail_on");
    Severity severity = Severity.parse(failOn.string("severity", "high"));
    Confidence confidence = Confidence.parse(failOn.string("confidence", "high"));
    if (severity == null) {
      throw failOn.errorAt("severity", "not a severity (info, low, medium, high, critical)");
    }
    if (confidence == null) {
      throw failOn.errorAt("confidence", "not a confidence (low, medium, high)");
    }
    List<String> sensitive = new ArrayList<>();
    Node change = scanners.node("change");
    if (change instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("sensitive_paths")) {
          collectScalars(t.getValueNode(), sensitive, 0);
        }
      }
    }
    return new PolicyFile(name, arch, new Threshold(severity, confidence), List.copyOf(sensitive));
  }

  /** Every scalar below a node: plain globs, or globs inside entries such as {@code {path: ..., reason: ...}}. */
  private static void collectScalars(Node n, List<String> out, int depth) {
    if (depth > 8) {
      return;
    }
    if (n instanceof ScalarNode s && !s.getValue().isBlank() && (s.getValue().contains("/") || s.getValue().contains("*")
        || s.getValue().contains("."))) {
      out.add(s.getValue().trim());
    } else if (n instanceof SequenceNode seq) {
      seq.getValue().forEach(item -> collectScalars(item, out, depth + 1));
    } else if (n instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
        if (!key.equals("reason") && !key.equals("message") && !key.equals("description")) {
          collectScalars(t.getValueNode(), out, depth + 1);
        }
      }
    }
  }

  /**
   * The policy file a scan's settings came from: their file name is the path as the CLI displays it, relative
   * to the repository top, which is the scan root or one of its parents. Null when it cannot be found (built-in
   * defaults, a policy outside the tree).
   */
  public static Path locate(Path root, String name) {
    if (name == null || name.startsWith("<")) {
      return null;
    }
    Path given = Path.of(name);
    if (given.isAbsolute()) {
      return Files.isRegularFile(given) ? given : null;
    }
    for (Path dir = root.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** The managed section this policy yields; fails on a malformed arch section. */
  public String section() throws PolicyException {
    return Instructions.section(ArchPolicy.parse(arch), failOn, sensitivePaths, name);
  }
}
