package dev.shipgate.scanner.api.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Location;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.api.Inventory;
import dev.shipgate.scanner.api.model.Route;
import java.util.function.Consumer;

/** A route anyone can call, which the policy does not list as public. */
public final class UnauthenticatedRoute implements ApiRule {

  static final Rule RULE = Rule.builder("api/route/unauthenticated", FAMILY)
      .title("HTTP route reachable without authentication")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-306")
      .description("The route can be called without signing in: no security filter rule, framework default or method-security "
          + "annotation demands authentication for it, and the policy does not list it among the public routes. New endpoints "
          + "written without their authorization are the commonest way an API leaks data.")
      .fix("Protect the route: add a matcher with authenticated()/hasRole(...) before any permitAll() matcher that covers it, "
          + "or annotate the handler (@PreAuthorize, @RolesAllowed, @Secured). If it is public on purpose, list it under "
          + "scanners.api.public_routes in shipgate.yml.")
      .tags("owasp-api-top10:API2:2023", "owasp-api-top10:API5:2023", "owasp-top10:A01:2021", "asvs:4.0.3-4.1.1",
          "ssdf:PW.1.1", "iso27001:2022-A.8.26", "soc2:CC6.1")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Inventory inventory, Consumer<Finding> out) {
    for (Inventory.Entry e : inventory.entries()) {
      if (!e.decision().access().open() || e.decision().listedPublic()) {
        continue;
      }
      Route r = e.route();
      Finding.Builder b = Finding.builder(RULE).at(Location.line(r.file(), r.line()))
          .message(r.method() + " " + r.path() + " (" + r.handler() + ") is reachable without authentication: " + e.decision().reason())
          .contextKey(RULE.id() + " " + r.key())
          .property("route", r.method() + " " + r.path());
      if (!e.decision().certain()) {
        b.severity(Severity.MEDIUM).confidence(Confidence.MEDIUM);
      }
      out.accept(b.build());
    }
  }
}
