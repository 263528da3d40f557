package dev.shipgate.cli;

import dev.shipgate.core.model.Rule;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shipgate rules}: every rule with its metadata. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List every rule: id, severity, confidence, CWE and title.")
final class RulesCommand implements Callable<Integer> {

  @Option(names = "--family", paramLabel = "FAMILY", description = "Only rules of this scanner family.")
  String family;

  @Option(names = "--markdown", description = "Print a Markdown table (used for the README's rule list).")
  boolean markdown;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws UsageException {
    List<Rule> rules = Scanners.allRules(Scanners.all()).stream().filter(r -> family == null || r.family().equals(family)).toList();
    if (rules.isEmpty()) {
      throw new UsageException("no rules for family '" + family + "' (known: shipgate, " + String.join(", ", Scanners.families(Scanners.all())) + ")");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (markdown) {
      out.println("| Rule | Severity | Confidence | CWE | Title |");
      out.println("|---|---|---|---|---|");
      for (Rule r : rules) {
        out.printf(Locale.ROOT, "| `%s` | %s | %s | %s | %s |%n", r.id(), r.severity().label(), r.confidence().label(),
            String.join(", ", r.cwe()), r.title().replace("|", "\\|"));
      }
      return 0;
    }
    int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(10);
    for (Rule r : rules) {
      out.printf(Locale.ROOT, "%-" + width + "s  %-8s  %-6s  %-9s  %s%n", r.id(), r.severity().label(), r.confidence().label(),
          r.cwe().isEmpty() ? "-" : String.join(",", r.cwe()), r.title());
    }
    out.println(rules.size() + " rules");
    return 0;
  }
}
