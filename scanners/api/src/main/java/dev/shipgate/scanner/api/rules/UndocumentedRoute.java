package dev.shipgate.scanner.api.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.api.Inventory;
import dev.shipgate.scanner.api.openapi.Drift;
import java.util.function.Consumer;

/** A shadow route: served by the code, absent from the OpenAPI document. */
public final class UndocumentedRoute implements ApiRule {

  static final Rule RULE = Rule.builder("api/openapi/undocumented-route", FAMILY)
      .title("Route served but not in the OpenAPI document")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-1059")
      .description("The code serves this route, but no operation of the OpenAPI document has its method and path. Shadow endpoints escape review, gateway rules, client generation and security testing that work from the document, so they are where forgotten or AI-added functionality hides. Paths are compared with template names, trailing slashes and base paths normalised.")
      .fix("Document the operation in the OpenAPI file (or regenerate the file from the code), or remove the handler if it should not exist.")
      .tags("owasp-api-top10:API9:2023", "owasp-top10:A05:2021", "asvs:4.0.3-1.1.2", "ssdf:PW.1.1", "iso27001:2022-A.8.26", "soc2:CC8.1")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Inventory inventory, Consumer<Finding> out) {
    ApiRule.drift(RULE, Drift.Kind.UNDOCUMENTED, inventory, out);
  }
}
