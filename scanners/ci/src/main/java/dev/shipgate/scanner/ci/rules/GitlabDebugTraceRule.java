package dev.shipgate.scanner.ci.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.ci.CiFile;
import dev.shipgate.scanner.ci.CiRule;
import dev.shipgate.scanner.ci.Findings;
import dev.shipgate.scanner.ci.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.snakeyaml.engine.v2.nodes.Node;

/** {@code CI_DEBUG_TRACE: "true"} writes every variable of the job, secrets included, into its log. */
public final class GitlabDebugTraceRule implements CiRule {

  public static final Rule RULE = Rule.builder("ci/gitlab/debug-trace", "ci")
      .title("Debug trace logging exposes every job variable")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-532", "CWE-200")
      .description("`CI_DEBUG_TRACE` (and `CI_DEBUG_SERVICES`) set to true make the runner print every command with "
          + "the content of all variables available to the job into the job log; only values that meet GitLab's "
          + "masking requirements are hidden, so credentials in unmasked variables and files appear in clear. Job "
          + "logs are readable by everyone with access to the pipeline, often far more people than the secrets were "
          + "meant for, and are kept with the job.")
      .fix("Remove `CI_DEBUG_TRACE`/`CI_DEBUG_SERVICES` from the committed pipeline; when a trace is really needed, "
          + "set it for a single manual run in the pipeline's UI, on a job without secrets, and delete the log after.")
      .tags("owasp-top10:A09:2021", "owasp-cicd:CICD-SEC-10", "owasp-cicd:CICD-SEC-6", "ssdf:PO.5.1", "soc2:CC6.1",
          "iso27001:2022-A.8.15")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(CiFile file, Findings out) {
    if (file.kind() != CiFile.Kind.GITLAB_CI) {
      return;
    }
    List<Node> holders = new ArrayList<>();
    YamlFile.get(file.root(), "variables").ifPresent(holders::add);
    for (Pipeline.Job job : file.pipeline().jobs()) {
      job.get("variables").ifPresent(holders::add);
    }
    for (Node holder : holders) {
      for (String name : List.of("CI_DEBUG_TRACE", "CI_DEBUG_SERVICES")) {
        YamlFile.get(holder, name).ifPresent(v -> {
          Node value = YamlFile.get(v, "value").orElse(v);
          if (YamlFile.scalar(value).map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> s.equals("true")).isPresent()) {
            out.report(out.at(RULE, YamlFile.line(value))
                .message(name + " is true: the job log will show the values of every variable the job can see")
                .contextKey(name));
          }
        });
      }
    }
  }
}
