package dev.shipgate.scanner.ci.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.ci.CiFile;
import dev.shipgate.scanner.ci.CiRule;
import dev.shipgate.scanner.ci.Findings;
import dev.shipgate.scanner.ci.PullRequestCode;
import dev.shipgate.scanner.ci.Workflow;
import java.util.Optional;

/** A privileged workflow ({@code pull_request_target}, {@code workflow_run}, {@code issue_comment}) checks out pull request code. */
public final class UntrustedCheckoutRule implements CiRule {

  public static final Rule RULE = Rule.builder("ci/github/untrusted-checkout", "ci")
      .title("Privileged workflow checks out pull request code")
      .severity(Severity.CRITICAL)
      .confidence(Confidence.HIGH)
      .cwe("CWE-829", "CWE-94")
      .description("Workflows triggered by `pull_request_target`, `workflow_run` or `issue_comment` run with the base "
          + "repository's write token and secrets, even for pull requests from forks. Checking out the pull request's "
          + "head (`ref: ${{ github.event.pull_request.head.sha }}`, `github.head_ref`, `workflow_run.head_sha`, "
          + "`refs/pull/N/merge`, `gh pr checkout`) and then running its build scripts, tests or local actions executes "
          + "the contributor's code with those privileges (a \"pwn request\", poisoned pipeline execution).")
      .fix("Build and test pull requests in a `pull_request` workflow, which runs without secrets and with a read-only "
          + "token. If a privileged follow-up is needed (labelling, commenting), run it in a separate `workflow_run` job "
          + "that only reads the results as data and never checks out or executes the pull request's code.")
      .tags("owasp-top10:A08:2021", "owasp-cicd:CICD-SEC-4", "ssdf:PO.3.2", "soc2:CC8.1", "iso27001:2022-A.8.32",
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
    Optional<String> trigger = w.firstTrigger(PullRequestCode.PRIVILEGED_TRIGGERS);
    if (trigger.isEmpty()) {
      return;
    }
    for (Workflow.Job job : w.jobs()) {
      for (Workflow.Step step : job.steps()) {
        Optional<PullRequestCode.Fetch> fetch = PullRequestCode.fetch(step);
        if (fetch.isEmpty()) {
          continue;
        }
        Optional<Workflow.Step> runs = job.steps().stream()
            .filter(s -> s.index() > step.index() && PullRequestCode.runsCode(s)).findFirst();
        String message = "job '" + job.id() + "' runs on " + trigger.get() + " with the base repository's privileges and fetches "
            + "pull request code (" + fetch.get().what() + ")";
        var b = out.at(RULE, fetch.get().line()).contextKey(fetch.get().what());
        if (runs.isPresent()) {
          message += "; step at line " + runs.get().line() + " then executes it" + (job.usesSecrets() ? ", with secrets in the job" : "");
        } else {
          message += "; no later step runs it directly, but actions and caches may still execute it";
          b.severity(Severity.HIGH).confidence(Confidence.MEDIUM);
        }
        if (fetch.get().computed()) {
          b.confidence(Confidence.MEDIUM);
          message += " (the ref comes from a step output; check that it is not the pull request's head)";
        }
        out.report(b.message(message));
      }
    }
  }
}
