package dev.shipgate.scanner.ci;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.core.yaml.YamlFile;
import org.snakeyaml.engine.v2.nodes.Node;

/** One YAML document of a pipeline file, with the views rules read it through. */
public final class CiFile {

  /** What the file is, judged by its path. */
  public enum Kind { GITHUB_WORKFLOW, GITHUB_ACTION, GITLAB_CI }

  private final String path;
  private final Kind kind;
  private final YamlFile yaml;
  private final Node root;
  private final CiSettings settings;
  private final SourceFile source;
  private Workflow workflow;
  private Pipeline pipeline;

  CiFile(String path, Kind kind, YamlFile yaml, Node root, CiSettings settings, SourceFile source) {
    this.path = path;
    this.kind = kind;
    this.yaml = yaml;
    this.root = root;
    this.settings = settings;
    this.source = source;
  }

  public String path() {
    return path;
  }

  public Kind kind() {
    return kind;
  }

  public boolean isGithub() {
    return kind != Kind.GITLAB_CI;
  }

  public YamlFile yaml() {
    return yaml;
  }

  public Node root() {
    return root;
  }

  public CiSettings settings() {
    return settings;
  }

  /** The GitHub view (a workflow, or a composite action as one pseudo-job); only for GitHub kinds. */
  public Workflow workflow() {
    if (workflow == null) {
      workflow = new Workflow(this);
    }
    return workflow;
  }

  /** The GitLab view; only for {@link Kind#GITLAB_CI}. */
  public Pipeline pipeline() {
    if (pipeline == null) {
      pipeline = new Pipeline(this);
    }
    return pipeline;
  }

  /** The 1-based line of a character offset of the text. */
  public int lineOf(int offset) {
    return source.lineOf(offset);
  }

  /** The file's own line ending, so inserted lines match it. */
  public String newline() {
    return yaml.text().contains("\r\n") ? "\r\n" : "\n";
  }
}
