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
import org.snakeyaml.engine.v2.nodes.Node;

/** {@code secrets: inherit} on a call to a reusable workflow outside the repository and its trusted owners. */
public final class SecretsInheritRule implements CiRule {

  public static final Rule RULE = Rule.builder("ci/github/secrets-inherit", "ci")
      .title("All secrets passed to a third-party reusable workflow")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-200", "CWE-829")
      .description("`secrets: inherit` hands every repository, environment and organisation secret the caller can see "
          + "to the called workflow, not just the ones it needs. When that workflow lives in another owner's repository, "
          + "its maintainers (or whoever compromises them, or moves the tag you call) receive all of your credentials.")
      .fix("Pass only the secrets the workflow declares, by name: `secrets: { NPM_TOKEN: ${{ secrets.NPM_TOKEN }} }`, "
          + "pin the call to a commit SHA, and list your own organisation in `scanners.ci.trusted_owners` if the "
          + "workflow is yours.")
      .tags("owasp-top10:A08:2021", "owasp-cicd:CICD-SEC-6", "owasp-cicd:CICD-SEC-8", "ssdf:PO.5.1", "soc2:CC6.1",
          "iso27001:2022-A.5.19")
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
    for (Workflow.Job job : file.workflow().jobs()) {
      Optional<Node> secrets = job.get("secrets");
      Optional<String> uses = job.uses().map(String::trim);
      if (secrets.flatMap(YamlFile::scalar).filter(s -> s.trim().equals("inherit")).isEmpty() || uses.isEmpty()
          || uses.get().startsWith("./")) {
        continue;
      }
      String owner = uses.get().contains("/") ? uses.get().substring(0, uses.get().indexOf('/')) : uses.get();
      if (file.settings().trustedOwners().contains(owner.toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      var b = out.at(RULE, YamlFile.line(secrets.get()))
          .message("job '" + job.id() + "' passes every secret to `" + uses.get() + "`, owned by '" + owner + "'");
      if (owner.equalsIgnoreCase("actions") || owner.equalsIgnoreCase("github")) {
        b.severity(Severity.MEDIUM);
      }
      out.report(b);
    }
  }
}
