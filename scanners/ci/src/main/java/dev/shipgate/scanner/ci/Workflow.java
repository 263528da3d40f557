package dev.shipgate.scanner.ci;

import dev.shipgate.core.yaml.YamlFile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * A GitHub Actions workflow, or a composite action seen as a workflow with one pseudo-job and no triggers.
 * Only the structure rules need is modelled; everything keeps its node for positions and fixes.
 */
public final class Workflow {

  private final CiFile file;
  private final boolean action;
  private final Set<String> triggers = new LinkedHashSet<>();
  private final List<Job> jobs = new ArrayList<>();

  Workflow(CiFile file) {
    this.file = file;
    Node root = file.root();
    this.action = file.kind() == CiFile.Kind.GITHUB_ACTION;
    if (action) {
      Optional<Node> runs = YamlFile.get(root, "runs");
      if (runs.isPresent() && YamlFile.string(runs.get(), "using").filter(u -> u.equalsIgnoreCase("composite")).isPresent()) {
        jobs.add(new Job(this, "(composite action)", null, runs.get()));
      }
      return;
    }
    YamlFile.get(root, "on").ifPresent(on -> {
      if (on instanceof ScalarNode s) {
        triggers.add(s.getValue());
      }
      for (Node item : YamlFile.items(on)) {
        YamlFile.scalar(item).ifPresent(triggers::add);
      }
      triggers.addAll(YamlFile.entries(on).keySet());
    });
    YamlFile.get(root, "jobs").ifPresent(js -> {
      if (js instanceof MappingNode m) {
        for (var t : m.getValue()) {
          if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof MappingNode) {
            jobs.add(new Job(this, k.getValue(), k, t.getValueNode()));
          }
        }
      }
    });
  }

  public CiFile file() {
    return file;
  }

  public YamlFile yaml() {
    return file.yaml();
  }

  public Node root() {
    return file.root();
  }

  /** A composite action rather than a workflow. */
  public boolean isAction() {
    return action;
  }

  /** Event names under {@code on:}. */
  public Set<String> triggers() {
    return triggers;
  }

  public boolean triggeredByAny(Set<String> events) {
    for (String t : triggers) {
      if (events.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /** The first of {@code events} that triggers the workflow, in the order given. */
  public Optional<String> firstTrigger(List<String> events) {
    return events.stream().filter(triggers::contains).findFirst();
  }

  public List<Job> jobs() {
    return jobs;
  }

  public Optional<Node> permissions() {
    return YamlFile.get(root(), "permissions");
  }

  /** Whether a node's source reads {@code ${{ secrets.* }}}. */
  static boolean mentionsSecrets(YamlFile yaml, Node node) {
    return node != null && Expressions.find(yaml.source(node)).stream().anyMatch(e -> e.references("secrets"));
  }

  /** One job; for a composite action, {@code node} is the {@code runs:} mapping and there is no key. */
  public record Job(Workflow workflow, String id, Node key, Node node) {

    public List<Step> steps() {
      List<Node> items = YamlFile.get(node, "steps").map(YamlFile::items).orElse(List.of());
      List<Step> out = new ArrayList<>(items.size());
      for (int i = 0; i < items.size(); i++) {
        if (items.get(i) instanceof MappingNode) {
          out.add(new Step(this, out.size(), items.get(i)));
        }
      }
      return out;
    }

    public Optional<Node> get(String field) {
      return YamlFile.get(node, field);
    }

    /** The reusable workflow a job calls ({@code jobs.<id>.uses}). */
    public Optional<String> uses() {
      return YamlFile.string(node, "uses");
    }

    /** {@code defaults.run.shell} of the job, then of the workflow; then what the runner's OS defaults to. */
    String shell() {
      Optional<String> shell = YamlFile.at(node, "defaults", "run", "shell").flatMap(YamlFile::scalar)
          .or(() -> YamlFile.at(workflow.root(), "defaults", "run", "shell").flatMap(YamlFile::scalar));
      if (shell.isPresent()) {
        return shell.get();
      }
      String runsOn = get("runs-on").map(n -> workflow.yaml().source(n)).orElse("");
      return runsOn.toLowerCase(Locale.ROOT).contains("windows") ? "pwsh" : "bash";
    }

    /** Whether any environment, input or script of the job (or the workflow's env) names a secret. */
    public boolean usesSecrets() {
      YamlFile yaml = workflow.yaml();
      return mentionsSecrets(yaml, node) || mentionsSecrets(yaml, workflow.isAction() ? null : workflow.env());
    }
  }

  private Node env() {
    return YamlFile.get(root(), "env").orElse(null);
  }

  /** One step of a job. */
  public record Step(Job job, int index, Node node) {

    public int line() {
      return YamlFile.line(node);
    }

    public Optional<Node> get(String field) {
      return YamlFile.get(node, field);
    }

    public Optional<Node> key(String field) {
      return YamlFile.keyNode(node, field);
    }

    public Optional<String> uses() {
      return YamlFile.string(node, "uses").map(String::trim);
    }

    /** Whether the step uses {@code ownerRepo} (case-insensitive), at any ref and sub-path. */
    public boolean usesAction(String ownerRepo) {
      return uses().map(u -> {
        String l = u.toLowerCase(Locale.ROOT);
        return l.startsWith(ownerRepo + "@") || l.startsWith(ownerRepo + "/");
      }).orElse(false);
    }

    /** The {@code run:} script node. */
    public Optional<Node> run() {
      return get("run");
    }

    /** A scalar input under {@code with:}. */
    public Optional<String> with(String input) {
      return YamlFile.at(node, "with", input).flatMap(YamlFile::scalar);
    }

    /** The shell the {@code run:} script is given to. */
    public String shell() {
      return YamlFile.string(node, "shell").orElseGet(job::shell).trim().toLowerCase(Locale.ROOT);
    }
  }
}
