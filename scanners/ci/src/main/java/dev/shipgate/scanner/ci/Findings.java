package dev.shipgate.scanner.ci;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.scan.ScanContext;
import dev.shipgate.core.scan.SourceFile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where rules report. Snippets are the source line with credential-shaped tokens masked, since pipeline
 * lines sometimes carry a pasted token. Anchored steps shared by several jobs are reported once, under the first.
 */
public final class Findings {

  /** Snippets are for reading; a generated one-line blob is cut here. */
  static final int MAX_SNIPPET = 300;

  private final SourceFile file;
  private final ScanContext context;
  private final Set<String> seen = new HashSet<>();
  private final Map<Integer, String> snippets = new HashMap<>();

  Findings(SourceFile file, ScanContext context) {
    this.file = file;
    this.context = context;
  }

  /** A finding of {@code rule} on {@code line}, with the rule's severity and confidence to start from. */
  public Finding.Builder at(Rule rule, int line) {
    String snippet = snippets.computeIfAbsent(line, l -> {
      String source = file.line(l).strip();
      return Redact.line(source.length() > MAX_SNIPPET ? source.substring(0, MAX_SNIPPET) + "…" : source);
    });
    return Finding.builder(rule).atLine(file.path(), Math.max(line, 1)).snippet(snippet);
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
