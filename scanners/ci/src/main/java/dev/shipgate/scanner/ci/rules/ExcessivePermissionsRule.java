package dev.shipgate.scanner.ci.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.ci.CiFile;
import dev.shipgate.scanner.ci.CiRule;
import dev.shipgate.scanner.ci.Findings;
import dev.shipgate.scanner.ci.PullRequestCode;
import dev.shipgate.scanner.ci.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** {@code permissions: write-all}, or write scopes granted to every job at the top of the workflow. */
public final class ExcessivePermissionsRule implements CiRule {

  public static final Rule RULE = Rule.builder("ci/github/excessive-permissions", "ci")
      .title("Workflow token granted broad write permissions")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-250", "CWE-732")
      .description("`permissions: write-all` gives the GITHUB_TOKEN write access to every scope (contents, packages, "
          + "actions, pull requests, deployments, id-token…), and write scopes at the top level of a workflow are granted "
          + "to every job, including those that only build or lint. A single compromised step can then push to "
          + "protected branches' sources, tamper with releases or mint cloud credentials.")
      .fix("Set `permissions: contents: read` at the top level and grant each write scope only on the job that needs it, "
          + "e.g. `permissions: { contents: write }` on the release job, `id-token: write` only where OIDC is used.")
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
    boolean privileged = w.firstTrigger(PullRequestCode.PRIVILEGED_TRIGGERS).isPresent();
    w.permissions().ifPresent(p -> judge(p, "the whole workflow", true, privileged, out));
    for (Workflow.Job job : w.jobs()) {
      job.get("permissions").ifPresent(p -> judge(p, "job '" + job.id() + "'", false, privileged, out));
    }
  }

  private static void judge(Node permissions, String scope, boolean topLevel, boolean privileged, Findings out) {
    Optional<String> all = YamlFile.scalar(permissions).map(String::trim);
    if (all.filter(v -> v.equals("write-all")).isPresent()) {
      out.report(out.at(RULE, YamlFile.line(permissions))
          .message("`permissions: write-all` grants every write scope to " + scope)
          .severity(privileged ? Severity.CRITICAL : Severity.HIGH));
      return;
    }
    if (!topLevel) {
      return;
    }
    List<String> writes = new ArrayList<>();
    Node first = null;
    for (Map.Entry<String, Node> e : YamlFile.entries(permissions).entrySet()) {
      if (YamlFile.scalar(e.getValue()).filter(v -> v.trim().equals("write")).isPresent()) {
        writes.add(e.getKey());
        first = first == null ? e.getValue() : first;
      }
    }
    if (first != null) {
      out.report(out.at(RULE, YamlFile.line(first))
          .message("top-level permissions grant write on " + String.join(", ", writes) + " to every job; grant them on the jobs that need them")
          .severity(privileged ? Severity.HIGH : Severity.MEDIUM)
          .contextKey("top:" + String.join(",", writes)));
    }
  }
}
