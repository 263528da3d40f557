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
import org.snakeyaml.engine.v2.nodes.Node;

/** {@code ACTIONS_ALLOW_UNSECURE_COMMANDS: true} re-enables the deprecated {@code ::set-env::} workflow commands. */
public final class InsecureCommandsRule implements CiRule {

  public static final Rule RULE = Rule.builder("ci/github/insecure-commands", "ci")
      .title("Deprecated set-env/add-path workflow commands re-enabled")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-77", "CWE-94")
      .description("GitHub disabled the `::set-env::` and `::add-path::` workflow commands in 2020 (CVE-2020-15228) "
          + "because any text a step prints, such as a log line containing an issue title or a test name, can set "
          + "environment variables like `NODE_OPTIONS` or `LD_PRELOAD` and so run code in later steps. "
          + "`ACTIONS_ALLOW_UNSECURE_COMMANDS: true` turns them back on for the job.")
      .fix("Remove `ACTIONS_ALLOW_UNSECURE_COMMANDS`; write to the `$GITHUB_ENV` and `$GITHUB_PATH` files instead, and "
          + "update actions that still print `::set-env::` to a release that uses the environment files.")
      .tags("owasp-top10:A05:2021", "owasp-cicd:CICD-SEC-7", "ssdf:PW.9.1", "soc2:CC8.1", "iso27001:2022-A.8.9")
      .build();

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
    List<Node> envs = new ArrayList<>();
    YamlFile.get(w.root(), "env").ifPresent(envs::add);
    for (Workflow.Job job : w.jobs()) {
      job.get("env").ifPresent(envs::add);
      for (Workflow.Step step : job.steps()) {
        step.get("env").ifPresent(envs::add);
      }
    }
    for (Node env : envs) {
      YamlFile.get(env, "ACTIONS_ALLOW_UNSECURE_COMMANDS").ifPresent(v -> {
        String value = YamlFile.scalar(v).orElse("").trim().toLowerCase(Locale.ROOT);
        if (value.equals("true") || value.contains("${{")) {
          out.report(out.at(RULE, YamlFile.line(v))
              .message("ACTIONS_ALLOW_UNSECURE_COMMANDS is " + (value.equals("true") ? "true" : "set from an expression")
                  + ", so printed text can set environment variables and PATH for later steps")
              .contextKey("ACTIONS_ALLOW_UNSECURE_COMMANDS"));
        }
      });
    }
  }
}
