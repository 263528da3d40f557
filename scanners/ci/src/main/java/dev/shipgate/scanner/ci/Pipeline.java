package dev.shipgate.scanner.ci;

import dev.shipgate.core.yaml.YamlFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** A GitLab CI file: its jobs (top-level keys that are not keywords, hidden templates included) and scripts. */
public final class Pipeline {

  /** Top-level keys that are global keywords, not jobs. */
  static final Set<String> KEYWORDS = Set.of("default", "include", "stages", "variables", "workflow", "image",
      "services", "cache", "before_script", "after_script", "types", "spec");

  private final CiFile file;
  private final List<Job> jobs = new ArrayList<>();

  Pipeline(CiFile file) {
    this.file = file;
    if (file.root() instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && !KEYWORDS.contains(k.getValue()) && t.getValueNode() instanceof MappingNode) {
          jobs.add(new Job(this, k.getValue(), k, t.getValueNode()));
        }
      }
    }
  }

  public List<Job> jobs() {
    return jobs;
  }

  /** A job, found by name for {@code extends:}. */
  public Optional<Job> job(String name) {
    return jobs.stream().filter(j -> j.name().equals(name)).findFirst();
  }

  /**
   * Script lines of every {@code script}, {@code before_script} and {@code after_script} in the file: jobs,
   * {@code default:} and the global ones. Nested lists (from anchors) are flattened as GitLab does.
   */
  public List<ScalarNode> allScriptLines() {
    List<ScalarNode> out = new ArrayList<>();
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Node> holders = new ArrayList<>();
    holders.add(file.root());
    YamlFile.get(file.root(), "default").ifPresent(holders::add);
    jobs.forEach(j -> holders.add(j.node()));
    for (Node h : holders) {
      for (String key : List.of("before_script", "script", "after_script")) {
        YamlFile.get(h, key).ifPresent(n -> flatten(n, out, seen, 0));
      }
    }
    return out;
  }

  static void flatten(Node n, List<ScalarNode> out, Set<Node> seen, int depth) {
    if (depth > 8 || !seen.add(n)) {
      return;
    }
    if (n instanceof ScalarNode s) {
      out.add(s);
    }
    for (Node item : YamlFile.items(n)) {
      flatten(item, out, seen, depth + 1);
    }
  }

  /** One job or hidden template ({@code .name}). */
  public record Job(Pipeline pipeline, String name, Node key, Node node) {

    public Optional<Node> get(String field) {
      return YamlFile.get(node, field);
    }

    /** This job followed by what it {@code extends:}, nearest first, cycles cut. */
    public List<Job> lineage() {
      List<Job> out = new ArrayList<>();
      List<Job> todo = new ArrayList<>(List.of(this));
      while (!todo.isEmpty() && out.size() < 32) {
        Job j = todo.remove(0);
        if (out.contains(j)) {
          continue;
        }
        out.add(j);
        Optional<Node> ext = j.get("extends");
        List<String> parents = new ArrayList<>();
        ext.flatMap(YamlFile::scalar).ifPresent(parents::add);
        ext.map(YamlFile::items).orElse(List.of()).forEach(i -> YamlFile.scalar(i).ifPresent(parents::add));
        for (String p : parents) {
          pipeline.job(p).ifPresent(todo::add);
        }
      }
      return out;
    }

    /** The job's own script lines (its {@code before_script}, {@code script} and {@code after_script}). */
    public List<ScalarNode> scriptLines() {
      List<ScalarNode> out = new ArrayList<>();
      Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      for (Job j : lineage()) {
        for (String key : List.of("before_script", "script", "after_script")) {
          j.get(key).ifPresent(n -> flatten(n, out, seen, 0));
        }
      }
      return out;
    }
  }
}
