package dev.shipgate.scanner.change;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import java.util.List;
import java.util.function.Consumer;

/** Coding assistants' ignore files are missing, so the assistants may read the sensitive paths. */
final class AiIgnoreMissingRule extends ChangeRule {

  static final Rule RULE = rule("hygiene/ai-ignore-missing")
      .title("Coding assistants' ignore files are missing")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-200")
      .description("The policy lists sensitive paths (keys, credentials, customer data) that coding assistants must "
          + "not read, but the repository lacks the ignore files the assistants honour (.aiexclude, .geminiignore, "
          + ".cursorignore, .codeiumignore, .aiderignore, .aiignore). Without them an assistant may send those files "
          + "to its model as context.")
      .fix("Run `shipgate ai-ignore` and commit the files it writes; it keeps any lines you already have and manages "
          + "only its own marked section. Choose the tools with scanners.change.ai_ignore.tools.")
      .tags("owasp-llm:LLM02:2025", "ssdf:PO.5.1", "iso27001:2022-A.8.12", "soc2:CC6.1")
      .build();

  @Override
  Rule rule() {
    return RULE;
  }

  @Override
  void check(Governance g, Consumer<Finding> out) {
    List<String> missing = g.aiIgnore.values().stream().filter(s -> !s.exists()).map(Governance.AiIgnoreState::file).toList();
    if (!missing.isEmpty()) {
      out.accept(finding(missing.get(0), 0, "ai-ignore-missing:" + missing)
          .message("the assistants' ignore files " + String.join(", ", missing) + " do not exist, so those assistants "
              + "may read " + g.policy.sensitivePaths().size() + " kinds of sensitive paths; run `shipgate ai-ignore` "
              + "and commit the files")
          .build());
    }
  }
}
