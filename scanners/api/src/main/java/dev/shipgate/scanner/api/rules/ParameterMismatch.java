package dev.shipgate.scanner.api.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.api.Inventory;
import dev.shipgate.scanner.api.openapi.Drift;
import java.util.function.Consumer;

/** Query or path parameters differ between the handler and its documented operation. */
public final class ParameterMismatch implements ApiRule {

  static final Rule RULE = Rule.builder("api/openapi/parameter-mismatch", FAMILY)
      .title("Route parameters differ from the OpenAPI document")
      .severity(Severity.LOW)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-1059")
      .description("The handler binds query parameters the document does not list (or requires ones it lists as optional), or the document requires parameters the handler never reads, or the number of path parameters differs. Undocumented inputs escape validation and testing that work from the document.")
      .fix("Bring the operation parameters in the document in line with the handler (@RequestParam, @QueryParam, @PathVariable), or remove the parameter that should not be there.")
      .tags("owasp-api-top10:API9:2023", "asvs:4.0.3-1.1.2", "ssdf:PW.1.1", "iso27001:2022-A.8.26", "soc2:CC8.1")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Inventory inventory, Consumer<Finding> out) {
    ApiRule.drift(RULE, Drift.Kind.PARAMETER_MISMATCH, inventory, out);
  }
}
