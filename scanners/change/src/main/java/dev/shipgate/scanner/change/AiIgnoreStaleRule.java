package dev.shipgate.scanner.change;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import java.util.function.Consumer;

/** An assistant's ignore file exists but its managed section does not match the policy's sensitive paths. */
final class AiIgnoreStaleRule extends ChangeRule {

  static final Rule RULE = rule("hygiene/ai-ignore-stale")
      .title("Coding assistant's ignore file is out of date with the policy")
      .severity(Severity.LOW)
      .confidence(Confidence.HIGH)
      .cwe("CWE-200")
      .description("An assistant's ignore file exists, but the section shipgate manages in it is absent or lists other "
          + "paths than the policy's sensitive paths (scanners.change.ai_ignore.paths plus the built-in list), so "
          + "paths added to the policy since are still readable by that assistant.")
      .fix("Run `shipgate ai-ignore` to rewrite the managed section (lines outside its markers are kept) and commit "
          + "the result; `shipgate ai-ignore --check` verifies it in CI.")
      .tags("owasp-llm:LLM02:2025", "ssdf:PO.5.1", "iso27001:2022-A.8.12")
      .build();

  @Override
  Rule rule() {
    return RULE;
  }

  @Override
  void check(Governance g, Consumer<Finding> out) {
    for (Governance.AiIgnoreState s : g.aiIgnore.values()) {
      if (s.exists() && s.staleWhy() != null) {
        out.accept(finding(s.file(), 0, "ai-ignore-stale:" + s.file())
            .message(s.file() + ": " + s.staleWhy() + "; run `shipgate ai-ignore`").build());
      }
    }
  }
}
