package dev.shipgate.scanner.api.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Location;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.api.Inventory;
import dev.shipgate.scanner.api.java.ObjectAccess;
import dev.shipgate.scanner.api.model.Route;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/** BOLA/IDOR: an object loaded by a caller-supplied id with no reference to the caller. */
public final class ObjectAccessWithoutPrincipal implements ApiRule {

  static final Rule RULE = Rule.builder("api/route/object-access-without-principal", FAMILY)
      .title("Object loaded by a request id without checking the caller")
      .severity(Severity.HIGH)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-639", "CWE-862")
      .description("The handler takes an object id from the path or query and loads the object (findById, EntityManager.find, "
          + "a service's get...ById) without any reference to the current principal or tenant, in the handler or the one or "
          + "two methods it calls. Any signed-in user can then read or change another user's object by changing the id "
          + "(broken object level authorization).")
      .fix("Scope the lookup to the caller: pass the principal or tenant (findByIdAndOwner(id, user)), check ownership after "
          + "loading, or guard the handler with @PreAuthorize(\"@access.canRead(#id, authentication)\") / @PostAuthorize on "
          + "returnObject.")
      .tags("owasp-api-top10:API1:2023", "owasp-top10:A01:2021", "asvs:4.0.3-4.2.1", "ssdf:PW.1.1", "iso27001:2022-A.8.26",
          "soc2:CC6.1")
      .build();

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Inventory inventory, Consumer<Finding> out) {
    Set<String> seen = new HashSet<>();
    for (Inventory.Entry e : inventory.entries()) {
      ObjectAccess.Hit hit = e.objectAccess();
      Route r = e.route();
      if (hit == null || !seen.add(r.file() + ":" + r.line())) {
        continue;
      }
      out.accept(Finding.builder(RULE).at(Location.line(r.file(), r.line()))
          .message(r.method() + " " + r.path() + " loads an object by '" + hit.idParam() + "' (" + hit.loader() + " at "
              + hit.file() + ":" + hit.line() + ") without referring to the current user or tenant")
          .step(Location.line(hit.file(), hit.line()), "loaded by " + hit.loader())
          .contextKey(RULE.id() + " " + r.handler())
          .build());
    }
  }
}
