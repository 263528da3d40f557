package dev.shipgate.scanner.api.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.api.Inventory;
import dev.shipgate.scanner.api.openapi.Drift;
import java.util.function.Consumer;

/** A stale route: documented, but no handler serves it. */
public final class StaleRoute implements ApiRule {

  static final Rule RULE = Rule.builder("api/openapi/stale-route", FAMILY)
      .title("Documented operation that no code serves")
      .severity(Severity.LOW)
      .confidence(Confidence.HIGH)
      .cwe("CWE-1059")
      .description("The OpenAPI document lists an operation that no handler in the code serves. Clients, gateways and tests built from the document then target an endpoint that does not exist, or one served by a component the scan did not see, and the inventory can no longer be trusted as the list of what is exposed.")
      .fix("Remove the operation from the document, or restore the handler; if another service serves it, keep that service in a document of its own.")
      .tags("owasp-api-top10:API9:2023", "asvs:4.0.3-1.1.2", "ssdf:PW.1.1", "iso27001:2022-A.8.26", "soc2:CC8.1")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Inventory inventory, Consumer<Finding> out) {
    ApiRule.drift(RULE, Drift.Kind.STALE, inventory, out);
  }
}
