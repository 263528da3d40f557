package dev.shipgate.scanner.ci.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.ci.CiFile;
import dev.shipgate.scanner.ci.CiRule;
import dev.shipgate.scanner.ci.Findings;
import dev.shipgate.scanner.ci.Workflow;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code workflow_run} job downloads another run's artifacts and unpacks or executes them unverified. */
public final class ArtifactPoisoningRule implements CiRule {

  public static final Rule RULE = Rule.builder("ci/github/artifact-poisoning", "ci")
      .title("Artifacts of an untrusted run used without verification")
      .severity(Severity.HIGH)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-494", "CWE-345")
      .description("A `workflow_run` workflow runs privileged after a `pull_request` run, whose artifacts the pull "
          + "request's code produced. Downloading them (`actions/download-artifact` with `run-id`, "
          + "`dawidd6/action-download-artifact`, `gh run download`) and then unzipping, sourcing or executing them, or "
          + "extracting them over the workspace, lets the contributor plant scripts, binaries or `$GITHUB_ENV` content "
          + "that run with the privileged token and secrets.")
      .fix("Treat artifacts from pull request runs as untrusted data: extract them into a dedicated directory outside "
          + "the workspace (e.g. `${{ runner.temp }}/artifacts`), never execute or `source` their content, parse only "
          + "the values you need and validate them; verify checksums or attestations (`gh attestation verify`) when "
          + "artifacts must be run.")
      .tags("owasp-top10:A08:2021", "owasp-cicd:CICD-SEC-9", "owasp-cicd:CICD-SEC-4", "ssdf:PS.2.1", "soc2:CC8.1",
          "iso27001:2022-A.8.32", "cis-supply-chain:4.1")
      .build();

  private static final Pattern GH_DOWNLOAD = Pattern.compile("\\bgh\\s+run\\s+download\\b");
  private static final Pattern USE = Pattern.compile(
      "\\b(?:unzip|7z\\s+x|bsdtar)\\b|\\btar\\s+(?:-[a-zA-Z]*x|x[a-z]*\\b|--extract)|\\b(?:source|bash|sh|python3?|node|chmod\\s+\\+x)\\s"
          + "|\\s\\.\\s+\\S|\\./[\\w./-]+|>>\\s*\"?\\$GITHUB_(?:ENV|PATH)");
  private static final Pattern VERIFY = Pattern.compile("\\bsha(?:256|512)sum\\s+(?:-c|--check)|\\bshasum\\b[^\\n]*-c\\b"
      + "|\\bgh\\s+attestation\\s+verify|\\bcosign\\s+verify|\\bslsa-verifier\\b|\\bgpg\\s+--verify");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(CiFile file, Findings out) {
    if (file.kind() != CiFile.Kind.GITHUB_WORKFLOW || !file.workflow().triggers().contains("workflow_run")) {
      return;
    }
    YamlFile yaml = file.yaml();
    for (Workflow.Job job : file.workflow().jobs()) {
      Workflow.Step download = null;
      boolean workspace = false;
      for (Workflow.Step step : job.steps()) {
        String run = step.run().map(yaml::source).orElse("");
        if (download == null && downloads(step, run)) {
          download = step;
          String path = step.with("path").orElse("").trim();
          workspace = path.isEmpty() || path.equals(".") || path.startsWith("./") || path.contains("github.workspace");
          continue;
        }
        if (download == null) {
          continue;
        }
        if (VERIFY.matcher(run).find()) {
          break;
        }
        Matcher m = USE.matcher(run);
        boolean uses = m.find();
        if (uses || (workspace && (step.run().isPresent() || step.uses().filter(u -> u.startsWith("./")).isPresent()))) {
          String how = uses ? "`" + m.group().strip() + "`" : "a step that runs code from the workspace the artifact was extracted into";
          out.report(out.at(RULE, download.line())
              .message("job '" + job.id() + "' downloads artifacts of the triggering run here and uses them unverified at line "
                  + step.line() + " (" + how + ")")
              .contextKey(download.uses().orElse("run") + ":" + how));
          break;
        }
      }
    }
  }

  private static boolean downloads(Workflow.Step step, String run) {
    if (step.usesAction("dawidd6/action-download-artifact")) {
      return true;
    }
    if (step.usesAction("actions/download-artifact")) {
      return step.with("run-id").isPresent() || step.with("github-token").isPresent();
    }
    if (step.usesAction("actions/github-script")) {
      Optional<String> script = step.with("script");
      return script.map(s -> s.toLowerCase(Locale.ROOT).contains("downloadartifact")).orElse(false);
    }
    return GH_DOWNLOAD.matcher(run).find();
  }
}
