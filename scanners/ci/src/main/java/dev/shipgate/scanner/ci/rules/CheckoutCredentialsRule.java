package dev.shipgate.scanner.ci.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Fix;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.ci.CiFile;
import dev.shipgate.scanner.ci.CiRule;
import dev.shipgate.scanner.ci.Edits;
import dev.shipgate.scanner.ci.Findings;
import dev.shipgate.scanner.ci.Workflow;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** {@code actions/checkout} without {@code persist-credentials: false} leaves the token in {@code .git/config}. */
public final class CheckoutCredentialsRule implements CiRule {

  public static final Rule RULE = Rule.builder("ci/github/checkout-persist-credentials", "ci")
      .title("Checkout leaves the token in the workspace")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-522", "CWE-200")
      .description("By default `actions/checkout` writes the job's token into `.git/config` for the rest of the job, so "
          + "every later step, action and build script can read it, and an `upload-artifact` of the workspace publishes "
          + "it (\"ArtiPACKED\"). Most jobs only need the checkout itself; persisting the credential only widens who can "
          + "use it.")
      .fix("Add `persist-credentials: false` under the checkout step's `with:`; a step that really pushes can pass the "
          + "token explicitly. `shipgate fix` adds the line (creating `with:` if needed).")
      .tags("owasp-top10:A05:2021", "owasp-cicd:CICD-SEC-6", "ssdf:PO.5.1", "soc2:CC6.1", "iso27001:2022-A.5.17",
          "cis-supply-chain:2.3")
      .build();

  /** Scripts that use the persisted credential on purpose. */
  private static final Pattern GIT_WRITE = Pattern.compile("\\bgit\\s+(?:push|tag\\b[^\\n]*&&[^\\n]*push)|\\bgit-auto-commit|\\bgh\\s+pr\\s+create");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(CiFile file, Findings out) {
    if (!file.isGithub()) {
      return;
    }
    for (Workflow.Job job : file.workflow().jobs()) {
      for (Workflow.Step step : job.steps()) {
        if (!step.usesAction("actions/checkout")) {
          continue;
        }
        Optional<Node> persist = YamlFile.at(step.node(), "with", "persist-credentials");
        if (persist.isPresent()) {
          String v = YamlFile.scalar(persist.get()).orElse("").trim().toLowerCase(Locale.ROOT);
          if (!v.equals("true")) {
            continue;
          }
          out.report(out.at(RULE, YamlFile.line(persist.get())).confidence(Confidence.LOW).contextKey("persist-credentials: true")
              .message("checkout in " + ScriptInjectionRule.where(job, step) + " sets persist-credentials: true, keeping the token in .git/config for every later step"));
          continue;
        }
        String message = "checkout in " + ScriptInjectionRule.where(job, step) + " keeps the token in .git/config for every later step";
        var b = out.at(RULE, YamlFile.line(step.get("uses").orElseThrow())).message(message).contextKey(step.uses().orElseThrow());
        if (job.steps().stream().anyMatch(s -> s.index() > step.index() && pushes(file, s))) {
          // The job pushes with the persisted credential, so removing it would break the job: report, no fix.
          b.confidence(Confidence.LOW).message(message + " (a later step pushes with it; pass the token to that step instead)");
        } else {
          fix(file, step).ifPresent(b::fix);
        }
        out.report(b);
      }
    }
  }

  private static boolean pushes(CiFile file, Workflow.Step step) {
    return step.run().map(r -> GIT_WRITE.matcher(file.yaml().source(r)).find()).orElse(false)
        || step.uses().map(u -> u.toLowerCase(Locale.ROOT).contains("auto-commit") || u.toLowerCase(Locale.ROOT).contains("push")).orElse(false);
  }

  private static Optional<Fix> fix(CiFile file, Workflow.Step step) {
    YamlFile yaml = file.yaml();
    String nl = file.newline();
    String description = "add `persist-credentials: false` to the checkout";
    Optional<Node> with = step.get("with");
    if (with.isEmpty()) {
      if (!(step.node() instanceof MappingNode m) || m.getFlowStyle() != FlowStyle.BLOCK) {
        return Optional.empty();
      }
      Node usesKey = step.key("uses").orElseThrow();
      Node uses = step.get("uses").orElseThrow();
      String indent = Edits.indent(usesKey);
      String lines = indent + "with:" + nl + indent + "  persist-credentials: false" + nl;
      return Optional.of(Fix.of(description, Edits.insertLines(file, Edits.afterLastLine(yaml, uses), lines)));
    }
    if (!(with.get() instanceof MappingNode m) || Edits.endsInKeptScalar(yaml, m)) {
      return Optional.empty();
    }
    List<NodeTuple> entries = m.getValue();
    if (m.getFlowStyle() == FlowStyle.FLOW) {
      if (entries.isEmpty()) {
        return Optional.of(Fix.of(description, new Fix.Edit(file.path(), yaml.start(m), yaml.end(m), "{ persist-credentials: false }")));
      }
      Node last = entries.get(entries.size() - 1).getValueNode();
      return Optional.of(Fix.of(description, Fix.Edit.insert(file.path(), yaml.end(last), ", persist-credentials: false")));
    }
    if (entries.isEmpty() || !(entries.get(0).getKeyNode() instanceof ScalarNode)) {
      return Optional.empty();
    }
    String indent = Edits.indent(entries.get(0).getKeyNode());
    return Optional.of(Fix.of(description, Edits.insertLines(file, Edits.afterLastLine(yaml, m), indent + "persist-credentials: false" + nl)));
  }
}
