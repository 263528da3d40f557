package dev.shipgate.scanner.ci.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.ci.CiFile;
import dev.shipgate.scanner.ci.CiRule;
import dev.shipgate.scanner.ci.Findings;
import dev.shipgate.scanner.ci.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/** A self-hosted runner serving a workflow that outsiders can trigger. */
public final class SelfHostedRunnerRule implements CiRule {

  public static final Rule RULE = Rule.builder("ci/github/self-hosted-runner", "ci")
      .title("Self-hosted runner used by a publicly triggerable workflow")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-668", "CWE-269")
      .description("Self-hosted runners are not ephemeral virtual machines: a job from a pull request, issue or comment "
          + "event can run code (its own, or injected) that persists on the machine, reads credentials, caches and the "
          + "network around it, and tampers with later jobs, including release jobs. GitHub advises never to use "
          + "self-hosted runners with public repositories.")
      .fix("Run jobs triggered by `pull_request`, `pull_request_target`, `issue_comment`, `issues`, `discussion` or "
          + "`workflow_run` on GitHub-hosted runners, or on ephemeral, isolated self-hosted runners (one job per fresh "
          + "VM, no network path to internal systems) in a runner group restricted to trusted workflows.")
      .tags("owasp-top10:A05:2021", "owasp-cicd:CICD-SEC-7", "ssdf:PO.5.1", "soc2:CC6.6", "iso27001:2022-A.8.22",
          "cis-supply-chain:2.2")
      .build();

  static final List<String> PUBLIC_EVENTS = List.of("pull_request", "pull_request_target", "pull_request_review",
      "pull_request_review_comment", "issue_comment", "issues", "discussion", "discussion_comment", "workflow_run", "fork", "watch");

  /** GitHub-hosted runner labels; anything else without {@code self-hosted} may be a larger hosted runner. */
  private static final Pattern HOSTED = Pattern.compile("(?:ubuntu|windows|macos)-[a-z0-9.-]+");

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
    Optional<String> event = w.firstTrigger(PUBLIC_EVENTS);
    if (event.isEmpty()) {
      return;
    }
    for (Workflow.Job job : w.jobs()) {
      Optional<Node> runsOn = job.get("runs-on");
      if (runsOn.isEmpty()) {
        continue;
      }
      List<String> labels = labels(runsOn.get());
      if (labels.stream().anyMatch(l -> l.contains("${{"))) {
        continue;
      }
      var b = out.at(RULE, YamlFile.line(YamlFile.keyNode(job.node(), "runs-on").orElse(runsOn.get())));
      if (labels.contains("self-hosted")) {
        out.report(b.message("job '" + job.id() + "' runs on a self-hosted runner " + labels + " in a workflow triggered by " + event.get()));
      } else if (!labels.isEmpty() && labels.stream().noneMatch(l -> HOSTED.matcher(l).matches())) {
        out.report(b.confidence(Confidence.LOW).message("job '" + job.id() + "' runs on " + labels
            + ", not a GitHub-hosted label, in a workflow triggered by " + event.get() + " (self-hosted unless it is a larger hosted runner)"));
      }
    }
  }

  private static List<String> labels(Node runsOn) {
    List<String> out = new ArrayList<>();
    YamlFile.scalar(runsOn).ifPresent(out::add);
    YamlFile.items(runsOn).forEach(i -> YamlFile.scalar(i).ifPresent(out::add));
    YamlFile.get(runsOn, "labels").ifPresent(l -> {
      YamlFile.scalar(l).ifPresent(out::add);
      YamlFile.items(l).forEach(i -> YamlFile.scalar(i).ifPresent(out::add));
    });
    YamlFile.get(runsOn, "group").flatMap(YamlFile::scalar).ifPresent(g -> out.add("group:" + g));
    return out.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).distinct().toList();
  }
}
