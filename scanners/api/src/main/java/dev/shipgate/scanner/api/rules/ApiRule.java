package dev.shipgate.scanner.api.rules;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Location;
import dev.shipgate.core.model.Rule;
import dev.shipgate.scanner.api.Inventory;
import dev.shipgate.scanner.api.openapi.Drift;
import java.util.List;
import java.util.function.Consumer;

/** One rule of the family: its metadata and the findings it draws from the inventory. */
public interface ApiRule {

  String FAMILY = "api";

  Rule rule();

  void check(Inventory inventory, Consumer<Finding> out);

  /** Every rule, in the order they appear in reports. */
  static List<ApiRule> all() {
    return List.of(new UnauthenticatedRoute(), new ObjectAccessWithoutPrincipal(), new AdminWithoutRole(),
        new SensitivePathPermitted(), new UndocumentedRoute(), new StaleRoute(), new MethodMismatch(), new ParameterMismatch(),
        new SecurityNotEnforced());
  }

  /** Findings for the drift items of one kind, at the handler (or, for stale operations, at the document). */
  static void drift(Rule rule, Drift.Kind kind, Inventory inventory, Consumer<Finding> out) {
    for (Drift.Item item : inventory.drift()) {
      if (item.kind() != kind) {
        continue;
      }
      Location at;
      String key;
      if (item.entry() != null) {
        at = Location.line(item.entry().route().file(), item.entry().route().line());
        key = item.entry().route().key();
      } else {
        at = item.operation().line() > 0 ? Location.line(item.operation().file(), item.operation().line())
            : Location.file(item.operation().file());
        key = item.operation().method() + " " + item.operation().path();
      }
      Finding.Builder b = Finding.builder(rule).at(at).message(item.message()).contextKey(rule.id() + " " + key);
      if (item.entry() != null && !item.entry().decision().certain() && kind == Drift.Kind.SECURITY_NOT_ENFORCED) {
        b.confidence(dev.shipgate.core.model.Confidence.MEDIUM);
      }
      if (item.operation() != null && item.entry() != null) {
        b.step(item.operation().line() > 0 ? Location.line(item.operation().file(), item.operation().line())
            : Location.file(item.operation().file()), "documented as " + item.operation().method() + " " + item.operation().path());
      }
      out.accept(b.build());
    }
  }
}
