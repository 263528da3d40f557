package dev.shipgate.scanner.ci.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Fix;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.ci.CiFile;
import dev.shipgate.scanner.ci.CiRule;
import dev.shipgate.scanner.ci.Findings;
import dev.shipgate.scanner.ci.Workflow;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/** No {@code permissions:} at the top level nor on every job: the token gets the repository's default scopes. */
public final class MissingPermissionsRule implements CiRule {

  public static final Rule RULE = Rule.builder("ci/github/missing-permissions", "ci")
      .title("Workflow token permissions not declared")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-272", "CWE-250")
      .description("Without a `permissions:` block the job's GITHUB_TOKEN gets the repository or organisation default, "
          + "which is read-write on contents, packages, pull requests and more for repositories created before 2023 and "
          + "in many organisations. Any compromised step (a hijacked action, an injected script) can then push code, "
          + "publish packages or approve pull requests. Declaring permissions makes the token least-privilege and "
          + "independent of settings outside the repository.")
      .fix("Add `permissions: contents: read` at the top of the workflow and grant extra scopes only on the jobs that "
          + "need them (e.g. `permissions: { contents: write }` on a release job). `shipgate fix` inserts the top-level "
          + "block; check jobs that push or publish afterwards.")
      .tags("owasp-top10:A01:2021", "owasp-cicd:CICD-SEC-5", "ssdf:PO.5.1", "soc2:CC6.1", "iso27001:2022-A.8.2",
          "cis-supply-chain:2.3")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(CiFile file, Findings out) {
    if (file.kind() != CiFile.Kind.GITHUB_WORKFLOW) {
      return;
    }
    Workflow w = file.workflow();
    // Reusable workflows run with the caller's token, whose permissions the caller declares.
    if (w.permissions().isPresent() || w.jobs().isEmpty() || w.triggers().equals(java.util.Set.of("workflow_call"))) {
      return;
    }
    List<Workflow.Job> bare = w.jobs().stream().filter(j -> j.get("permissions").isEmpty()).toList();
    if (bare.isEmpty()) {
      return;
    }
    Node jobsKey = YamlFile.keyNode(w.root(), "jobs").orElseThrow();
    String names = String.join(", ", bare.stream().map(j -> "'" + j.id() + "'").toList());
    var b = out.at(RULE, YamlFile.line(jobsKey))
        .message("no top-level `permissions:` and job" + (bare.size() > 1 ? "s " : " ") + names
            + (bare.size() > 1 ? " declare" : " declares") + " none, so the token has the repository's default scopes")
        .contextKey("permissions");
    fix(file, jobsKey).ifPresent(b::fix);
    out.report(b);
  }

  /** Inserts {@code permissions: contents: read} before {@code jobs:} and the comment lines that introduce it. */
  private static Optional<Fix> fix(CiFile file, Node jobsKey) {
    if (!(file.root() instanceof MappingNode m) || m.getFlowStyle() != FlowStyle.BLOCK) {
      return Optional.empty();
    }
    YamlFile yaml = file.yaml();
    String text = yaml.text();
    String nl = file.newline();
    int at = yaml.lineStart(YamlFile.line(jobsKey));
    while (at > 0) {
      int prev = text.lastIndexOf('\n', at - 2) + 1;
      if (!text.substring(prev, at).strip().startsWith("#")) {
        break;
      }
      at = prev;
    }
    boolean blankBefore = at > 0 && text.substring(text.lastIndexOf('\n', at - 2) + 1, at).isBlank();
    String indent = " ".repeat(Math.max(0, YamlFile.column(jobsKey) - 1));
    String block = indent + "permissions:" + nl + indent + "  contents: read" + nl + (blankBefore ? nl : "");
    return Optional.of(Fix.of("declare least-privilege `permissions: contents: read` for the whole workflow "
        + "(jobs that push or publish then need their own `permissions:`)",
        Fix.Edit.insert(file.path(), at, block)));
  }
}
