package dev.shipgate.scanner.api.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.api.Inventory;
import dev.shipgate.scanner.api.openapi.Drift;
import java.util.function.Consumer;

/** A documented security requirement that the code does not enforce. */
public final class SecurityNotEnforced implements ApiRule {

  static final Rule RULE = Rule.builder("api/openapi/security-not-enforced", FAMILY)
      .title("Documented security requirement not enforced by the code")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-306", "CWE-862")
      .description("The OpenAPI document declares a security requirement for the operation (globally or on the operation, and not overridden with security: []), but the code lets anyone call the route. Consumers and reviewers trust the document, so the gap between the documented and the real protection goes unnoticed.")
      .fix("Enforce the documented requirement in code (a security filter rule or method-security annotation), or, if the operation is public on purpose, say so in the document with security: [] and list it under scanners.api.public_routes.")
      .tags("owasp-api-top10:API2:2023", "owasp-api-top10:API9:2023", "owasp-top10:A01:2021", "asvs:4.0.3-4.1.1", "ssdf:PW.1.1", "iso27001:2022-A.8.26", "soc2:CC6.1")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Inventory inventory, Consumer<Finding> out) {
    ApiRule.drift(RULE, Drift.Kind.SECURITY_NOT_ENFORCED, inventory, out);
  }
}
