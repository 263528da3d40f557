package dev.shipgate.scanner.ci.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.ci.CiFile;
import dev.shipgate.scanner.ci.CiRule;
import dev.shipgate.scanner.ci.Findings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/** Pipeline configuration included from outside the repository at a reference that can change. */
public final class GitlabUnpinnedIncludeRule implements CiRule {

  public static final Rule RULE = Rule.builder("ci/gitlab/unpinned-include", "ci")
      .title("Pipeline configuration included from a mutable source")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-829", "CWE-494")
      .description("`include:` merges another file's jobs and scripts into this pipeline, where they run with its "
          + "variables and deploy credentials. A `remote:` URL without `integrity:`, a `project:` include without a "
          + "`ref:` or at a branch, or a CI/CD `component:` at `~latest` or a branch can change without any change "
          + "here, so whoever controls that source (or compromises it) controls this pipeline.")
      .fix("Pin `project:` includes and components to a commit SHA (or at least a protected release tag), add "
          + "`integrity: sha256-…` to `remote:` includes, or vendor the file into the repository as a `local:` include.")
      .tags("owasp-top10:A08:2021", "owasp-cicd:CICD-SEC-3", "ssdf:PS.1.1", "ssdf:PO.3.2", "soc2:CC8.1",
          "iso27001:2022-A.8.32", "cis-supply-chain:2.4")
      .build();

  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
  private static final Pattern VERSION = Pattern.compile("v?\\d+(?:\\.\\d+)*(?:[-+.][0-9A-Za-z.-]+)?");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(CiFile file, Findings out) {
    if (file.kind() != CiFile.Kind.GITLAB_CI) {
      return;
    }
    Optional<Node> include = YamlFile.get(file.root(), "include");
    if (include.isEmpty()) {
      return;
    }
    List<Node> items = new ArrayList<>(YamlFile.items(include.get()));
    if (items.isEmpty()) {
      items.add(include.get());
    }
    for (Node item : items) {
      judge(item, out);
    }
  }

  private static void judge(Node item, Findings out) {
    // A bare string is a local path or, when it is a URL, a remote include.
    Optional<String> bare = YamlFile.scalar(item).map(String::trim);
    if (bare.isPresent()) {
      if (bare.get().startsWith("http://") || bare.get().startsWith("https://")) {
        out.report(out.at(RULE, YamlFile.line(item)).message("remote include " + bare.get() + " has no integrity hash").contextKey(bare.get()));
      }
      return;
    }
    Optional<String> remote = YamlFile.string(item, "remote").map(String::trim);
    if (remote.isPresent()) {
      if (YamlFile.get(item, "integrity").isEmpty()) {
        out.report(out.at(RULE, YamlFile.line(YamlFile.get(item, "remote").orElseThrow()))
            .message("remote include " + remote.get() + " has no `integrity:` hash, so the server decides what runs")
            .severity(remote.get().startsWith("http://") ? Severity.HIGH : Severity.MEDIUM)
            .contextKey(remote.get()));
      }
      return;
    }
    Optional<String> project = YamlFile.string(item, "project").map(String::trim);
    if (project.isPresent()) {
      Optional<Node> refNode = YamlFile.get(item, "ref");
      String ref = refNode.flatMap(YamlFile::scalar).map(String::trim).orElse("");
      if (!SHA.matcher(ref).matches()) {
        String what = ref.isEmpty() ? "has no `ref:` and follows the project's default branch"
            : VERSION.matcher(ref).matches() ? "is pinned to the tag '" + ref + "', which can be moved"
            : "follows the branch '" + ref + "'";
        var b = out.at(RULE, YamlFile.line(refNode.orElse(YamlFile.get(item, "project").orElseThrow())))
            .message("include of project " + project.get() + " " + what)
            .contextKey(project.get() + "@" + ref);
        if (VERSION.matcher(ref).matches()) {
          b.severity(Severity.LOW);
        }
        out.report(b);
      }
      return;
    }
    Optional<String> component = YamlFile.string(item, "component").map(String::trim);
    if (component.isPresent()) {
      int at = component.get().lastIndexOf('@');
      String version = at < 0 ? "" : component.get().substring(at + 1);
      if (!SHA.matcher(version).matches() && !VERSION.matcher(version).matches()) {
        out.report(out.at(RULE, YamlFile.line(YamlFile.get(item, "component").orElseThrow()))
            .message("component " + component.get() + (version.isEmpty() ? " has no version" : " follows '" + version + "'")
                + ", not a release or commit")
            .contextKey(component.get()));
      }
    }
  }
}
