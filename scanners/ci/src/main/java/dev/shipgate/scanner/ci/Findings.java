package dev.shipgate.scanner.ci;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.scan.ScanContext;
import dev.shipgate.core.scan.SourceFile;
import java.util.HashSet;
import java.util.Set;

/**
 * Where rules report. Snippets are the source line with credential-shaped tokens masked, since pipeline
 * lines sometimes carry a pasted token. Anchored steps shared by several jobs are reported once, under the first.
 */
public final class Findings {

  private final SourceFile file;
  private final ScanContext context;
  private final Set<String> seen = new HashSet<>();

  Findings(SourceFile file, ScanContext context) {
    this.file = file;
    this.context = context;
  }

  /** A finding of {@code rule} on {@code line}, with the rule's severity and confidence to start from. */
  public Finding.Builder at(Rule rule, int line) {
    return Finding.builder(rule).atLine(file.path(), Math.max(line, 1)).snippet(Redact.line(file.line(line).strip()));
  }

  public void report(Finding.Builder builder) {
    Finding f = builder.build();
    // The context key names what is reported independently of the job, so a step shared through an anchor counts once.
    String subject = f.contextKey().isEmpty() ? f.message() : f.contextKey();
    if (seen.add(f.ruleId() + "\u0000" + f.location().startLine() + "\u0000" + subject)) {
      context.report(f);
    }
  }
}
