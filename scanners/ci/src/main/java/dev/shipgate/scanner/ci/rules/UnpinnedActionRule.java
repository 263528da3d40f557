package dev.shipgate.scanner.ci.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.ci.CiFile;
import dev.shipgate.scanner.ci.CiRule;
import dev.shipgate.scanner.ci.Findings;
import dev.shipgate.scanner.ci.Workflow;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/** {@code uses: owner/repo@v3} (a movable tag or branch) instead of a full commit SHA. */
public final class UnpinnedActionRule implements CiRule {

  public static final Rule RULE = Rule.builder("ci/github/unpinned-action", "ci")
      .title("Action or reusable workflow not pinned to a commit SHA")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-829", "CWE-494")
      .description("A tag (`@v4`) or branch (`@main`) can be moved by whoever controls the action's repository, so the "
          + "code your job runs, with its token and secrets, can change without any change in your repository; "
          + "this is how the tj-actions/changed-files compromise spread in 2025. Only a full 40-character commit SHA is "
          + "immutable. Local actions (`./…`) and `docker://` images pinned by `@sha256:` digest are fine.")
      .fix("Pin to the full commit SHA of the release you reviewed and keep the tag as a comment, e.g. "
          + "`uses: owner/action@<40-hex sha> # v4.1.1`; let Dependabot or Renovate propose updates. Pin docker:// "
          + "images by digest. shipgate does not look SHAs up (it runs offline), so there is no automatic fix.")
      .tags("owasp-top10:A08:2021", "owasp-cicd:CICD-SEC-3", "ssdf:PS.1.1", "ssdf:PO.3.2", "soc2:CC8.1",
          "iso27001:2022-A.8.32", "cis-supply-chain:2.4")
      .build();

  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
  private static final Pattern DIGEST = Pattern.compile(".*@sha256:[0-9a-f]{64}");
  private static final Pattern VERSION = Pattern.compile("v?\\d+(?:\\.\\d+)*(?:[-+.][0-9A-Za-z.-]+)?");

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
    // A Docker container action runs the image it names; a Dockerfile is built from the action's own tree.
    YamlFile.at(w.root(), "runs", "image").filter(n -> YamlFile.scalar(n).filter(i -> i.trim().startsWith("docker://")).isPresent())
        .ifPresent(n -> judge(file, n, out));
    for (Workflow.Job job : w.jobs()) {
      job.get("uses").ifPresent(n -> judge(file, n, out));
      for (Workflow.Step step : job.steps()) {
        step.get("uses").ifPresent(n -> judge(file, n, out));
      }
    }
  }

  private static void judge(CiFile file, Node node, Findings out) {
    Optional<String> value = YamlFile.scalar(node);
    if (value.isEmpty()) {
      return;
    }
    String uses = value.get().trim();
    if (uses.startsWith("./") || uses.contains("${{")) {
      return;
    }
    var b = out.at(RULE, YamlFile.line(node)).contextKey(uses);
    if (uses.startsWith("docker://")) {
      if (!DIGEST.matcher(uses).matches()) {
        out.report(b.message("container image `" + uses + "` is not pinned by digest (@sha256:…)"));
      }
      return;
    }
    int at = uses.lastIndexOf('@');
    String path = at < 0 ? uses : uses.substring(0, at);
    String ref = at < 0 ? "" : uses.substring(at + 1);
    if (SHA.matcher(ref).matches()) {
      return;
    }
    String owner = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
    boolean firstParty = file.settings().firstParty(owner);
    String mode = file.settings().firstPartyActions();
    if (firstParty && mode.equals("ignore")) {
      return;
    }
    String what = ref.isEmpty() ? "has no ref at all"
        : VERSION.matcher(ref).matches() ? "is pinned to the movable tag '" + ref + "'"
        : "follows the branch '" + ref + "'";
    b.message("`" + uses + "` " + what + ", not a full commit SHA");
    if (firstParty && mode.equals("low")) {
      b.severity(Severity.LOW).message("`" + uses + "` " + what + ", not a full commit SHA (first-party owner '" + owner + "': low severity per policy)");
    } else if (!ref.isEmpty() && !VERSION.matcher(ref).matches()) {
      b.severity(Severity.HIGH);
    }
    out.report(b);
  }
}
