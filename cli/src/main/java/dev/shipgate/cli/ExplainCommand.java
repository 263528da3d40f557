package dev.shipgate.cli;

import dev.shipgate.core.model.Rule;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code shipgate explain RULE-ID}: what a rule catches and how to fix it. */
@Command(name = "explain", mixinStandardHelpOptions = true, description = "Explain a rule: what it catches, why it matters, how to fix it.")
final class ExplainCommand implements Callable<Integer> {

  @Parameters(paramLabel = "RULE-ID", description = "A rule id from 'shipgate rules'.")
  String id;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws UsageException {
    List<Rule> all = Scanners.allRules(Scanners.all());
    Rule rule = all.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    if (rule == null) {
      String last = id.substring(id.lastIndexOf('/') + 1);
      List<String> near = all.stream().map(Rule::id).filter(r -> r.contains(last) || r.startsWith(id)).limit(5).toList();
      throw new UsageException("no rule '" + id + "'" + (near.isEmpty() ? "; see 'shipgate rules'" : "; did you mean " + String.join(", ", near) + "?"));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(rule.id() + " — " + rule.title());
    out.println();
    out.println("family:     " + rule.family());
    out.println("severity:   " + rule.severity().label());
    out.println("confidence: " + rule.confidence().label());
    if (!rule.cwe().isEmpty()) {
      out.println("CWE:        " + String.join(", ", rule.cwe().stream()
          .map(c -> c + " (https://cwe.mitre.org/data/definitions/" + c.substring(4) + ".html)").toList()));
    }
    if (!rule.tags().isEmpty()) {
      out.println("references: " + String.join(", ", rule.tags()));
    }
    out.println();
    out.println(rule.description());
    out.println();
    out.println("How to fix:");
    out.println(rule.fix());
    out.println();
    out.println("To accept one occurrence, write on the line or the line above: shipgate:ignore " + rule.id() + " -- <reason>");
    return 0;
  }
}
