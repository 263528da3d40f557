package dev.shipgate.scanner.ci.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.ci.CiFile;
import dev.shipgate.scanner.ci.CiRule;
import dev.shipgate.scanner.ci.Findings;
import dev.shipgate.scanner.ci.Pipeline;
import dev.shipgate.scanner.ci.SecretNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** A job that runs in merge request pipelines and reads credential-named variables. */
public final class GitlabMergeRequestSecretsRule implements CiRule {

  public static final Rule RULE = Rule.builder("ci/gitlab/merge-request-secrets", "ci")
      .title("Merge request pipeline job uses secrets")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-200", "CWE-522")
      .description("Merge request pipelines run the `.gitlab-ci.yml` and code of the source branch, which the merge "
          + "request's author controls: they can change the job's script to print or send any variable the job can "
          + "see. Credentials used by such a job are therefore exposed to every developer who can open a merge "
          + "request, unless they are protected variables (only available on protected branches and tags).")
      .fix("Mark the credentials as protected (and masked) in the CI/CD settings and run jobs that need them only on "
          + "protected branches or tags (`rules: - if: $CI_COMMIT_REF_PROTECTED == \"true\"`); keep merge request jobs "
          + "to building and testing without secrets.")
      .tags("owasp-top10:A08:2021", "owasp-cicd:CICD-SEC-4", "owasp-cicd:CICD-SEC-6", "ssdf:PO.5.1", "soc2:CC6.1",
          "iso27001:2022-A.8.32", "cis-supply-chain:2.3")
      .build();

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)\\}?");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(CiFile file, Findings out) {
    if (file.kind() != CiFile.Kind.GITLAB_CI) {
      return;
    }
    YamlFile yaml = file.yaml();
    for (Pipeline.Job job : file.pipeline().jobs()) {
      if (job.name().startsWith(".")) {
        continue;
      }
      Optional<String> trigger = mergeRequestTrigger(job);
      if (trigger.isEmpty()) {
        continue;
      }
      Set<String> reported = new HashSet<>();
      List<ScalarNode> lines = new ArrayList<>(job.scriptLines());
      for (ScalarNode line : lines) {
        String src = yaml.source(line);
        Matcher m = VARIABLE.matcher(src);
        while (m.find()) {
          String name = m.group(1);
          if (!SecretNames.isSecret(name) || !reported.add(name)) {
            continue;
          }
          var b = out.at(RULE, file.lineOf(yaml.start(line) + m.start()))
              .message("job '" + job.name() + "' runs in merge request pipelines (" + trigger.get() + ") and reads $" + name
                  + "; the merge request's author can change the script to print it")
              .contextKey(job.name() + ":" + name);
          if (SecretNames.isProtectedLooking(name)) {
            b.severity(Severity.HIGH);
          }
          out.report(b);
        }
      }
    }
  }

  /** How the job (or what it extends) opts into merge request pipelines, if it does. */
  static Optional<String> mergeRequestTrigger(Pipeline.Job job) {
    for (Pipeline.Job j : job.lineage()) {
      Optional<Node> rules = j.get("rules");
      if (rules.isPresent()) {
        for (Node rule : YamlFile.items(rules.get())) {
          String when = YamlFile.string(rule, "when").orElse("").trim();
          String condition = YamlFile.string(rule, "if").orElse("");
          if (!when.equals("never") && (condition.contains("merge_request_event") || condition.contains("CI_MERGE_REQUEST_"))) {
            return Optional.of("rules: if: " + condition.strip());
          }
        }
        return Optional.empty();
      }
      Optional<Node> only = j.get("only");
      if (only.isPresent()) {
        List<String> refs = new ArrayList<>();
        YamlFile.items(only.get()).forEach(i -> YamlFile.scalar(i).ifPresent(refs::add));
        YamlFile.get(only.get(), "refs").ifPresent(r -> YamlFile.items(r).forEach(i -> YamlFile.scalar(i).ifPresent(refs::add)));
        YamlFile.scalar(only.get()).ifPresent(refs::add);
        return refs.stream().map(r -> r.trim().toLowerCase(Locale.ROOT)).filter(r -> r.equals("merge_requests"))
            .findFirst().map(r -> "only: merge_requests");
      }
    }
    return Optional.empty();
  }
}
