package dev.shipgate.scanner.api.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.api.Inventory;
import dev.shipgate.scanner.api.openapi.Drift;
import java.util.function.Consumer;

/** The path is documented, but not with the HTTP method the code serves. */
public final class MethodMismatch implements ApiRule {

  static final Rule RULE = Rule.builder("api/openapi/method-mismatch", FAMILY)
      .title("Route served with an HTTP method the OpenAPI document does not list")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-1059")
      .description("The path is documented, but the code serves it with an HTTP method the document does not list for it (PUT in code, PATCH in the document, say). The extra method is an undocumented way to change or read the resource, and clients built from the document call a method the server does not serve.")
      .fix("Make the document and the handler agree on the method: correct the mapping annotation or the operation key in the document.")
      .tags("owasp-api-top10:API9:2023", "asvs:4.0.3-1.1.2", "ssdf:PW.1.1", "iso27001:2022-A.8.26", "soc2:CC8.1")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Inventory inventory, Consumer<Finding> out) {
    ApiRule.drift(RULE, Drift.Kind.METHOD_MISMATCH, inventory, out);
  }
}
