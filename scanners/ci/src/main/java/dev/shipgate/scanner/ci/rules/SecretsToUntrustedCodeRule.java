package dev.shipgate.scanner.ci.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.ci.CiFile;
import dev.shipgate.scanner.ci.CiRule;
import dev.shipgate.scanner.ci.Expressions;
import dev.shipgate.scanner.ci.Findings;
import dev.shipgate.scanner.ci.PullRequestCode;
import dev.shipgate.scanner.ci.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Secrets in the environment or inputs of a privileged job that has checked out pull request code. */
public final class SecretsToUntrustedCodeRule implements CiRule {

  public static final Rule RULE = Rule.builder("ci/github/secrets-exposed-to-untrusted-code", "ci")
      .title("Secrets available to pull request code")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-200", "CWE-522")
      .description("A `pull_request_target`, `workflow_run` or `issue_comment` job that fetches the pull request's code "
          + "and also has `${{ secrets.* }}` in its workflow, job or step environment, or passes them to steps after "
          + "the checkout, lets that code read the secrets: build scripts, test hooks and package install scripts all "
          + "inherit the environment, and files on disk are readable by any later step.")
      .fix("Do not combine secrets with untrusted code in one job. Build the pull request without secrets in a "
          + "`pull_request` workflow; use secrets only in a separate job that never checks out or runs the contribution, "
          + "and scope each secret to the single step that needs it.")
      .tags("owasp-top10:A08:2021", "owasp-cicd:CICD-SEC-6", "owasp-cicd:CICD-SEC-4", "ssdf:PO.5.1", "soc2:CC6.1",
          "iso27001:2022-A.8.32")
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
    YamlFile yaml = file.yaml();
    for (Workflow.Job job : w.jobs()) {
      Optional<Workflow.Step> checkout = PullRequestCode.untrustedCheckout(job);
      if (checkout.isEmpty()) {
        continue;
      }
      List<Node> holders = new ArrayList<>();
      YamlFile.get(w.root(), "env").ifPresent(holders::add);
      job.get("env").ifPresent(holders::add);
      for (Workflow.Step s : job.steps()) {
        if (s.index() >= checkout.get().index()) {
          s.get("env").ifPresent(holders::add);
          s.get("with").ifPresent(holders::add);
        }
      }
      for (Node holder : holders) {
        for (var entry : YamlFile.entries(holder).entrySet()) {
          String src = yaml.source(entry.getValue());
          for (Expressions.Expr e : Expressions.find(src)) {
            if (e.references("secrets")) {
              out.report(out.at(RULE, file.lineOf(yaml.start(entry.getValue()) + e.start()))
                  .message("`" + entry.getKey() + ": ${{ " + e.body() + " }}` is readable by the pull request code that job '"
                      + job.id() + "' checks out at line " + PullRequestCode.fetch(checkout.get()).orElseThrow().line())
                  .contextKey(entry.getKey() + ":" + e.body()));
            }
          }
        }
      }
    }
  }
}
