package dev.shipgate.scanner.api.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Location;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.api.Inventory;
import dev.shipgate.scanner.api.model.Access;
import dev.shipgate.scanner.api.model.Paths;
import dev.shipgate.scanner.api.model.Route;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * An administrative handler that any signed-in user (or anyone) may call: its path has an admin, manage(ment) or
 * internal segment, or its method name administers users and roles ({@code deleteUser}, {@code grantRole},
 * {@code setRole}), and neither method security ({@code @PreAuthorize}, {@code @Secured}, {@code @RolesAllowed})
 * nor a {@code hasRole}/{@code hasAuthority} rule of the security configuration requires a role for it.
 */
public final class AdminWithoutRole implements ApiRule {

  static final Rule RULE = Rule.builder("api/route/admin-without-role", FAMILY)
      .title("Administrative handler without a role requirement")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-862")
      .description("The handler administers the application (its path is under admin, manage(ment) or internal, or it "
          + "deletes users or changes their roles), yet no @PreAuthorize/@Secured/@RolesAllowed on it or its class and no "
          + "hasRole/hasAuthority rule of the security configuration asks for a role: being signed in is enough, so every "
          + "user can perform administrator actions (broken function level authorization).")
      .fix("Require the role where the handler is: @PreAuthorize(\"hasRole('ADMIN')\") (with @EnableMethodSecurity) or "
          + "@RolesAllowed(\"ADMIN\"), or a matcher such as requestMatchers(\"/admin/**\").hasRole(\"ADMIN\") placed before "
          + "broader authenticated() rules.")
      .tags("owasp-api-top10:API5:2023", "owasp-top10:A01:2021", "asvs:4.0.3-4.1.1", "asvs:4.0.3-4.1.3", "ssdf:PW.1.1",
          "iso27001:2022-A.8.26", "soc2:CC6.1", "soc2:CC6.3")
      .build();

  /** Words in path segments of administrative areas. */
  private static final List<String> ADMIN_WORDS = List.of("admin", "manage", "internal");
  /** Besides names mentioning admin, handler names that administer accounts or roles: deleteUser, grantRole, setRoles. */
  private static final Pattern ADMIN_NAME = Pattern.compile(
      "(delete|remove|disable|ban|block|lock|unlock|suspend|impersonate|promote|demote)(user|account|member)"
          + "|(grant|revoke|set|assign|unassign|change|update|add|remove)(users?)?(role|permission|authorit|privilege)");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Inventory inventory, Consumer<Finding> out) {
    for (Inventory.Entry e : inventory.entries()) {
      Route r = e.route();
      Access access = e.decision().access();
      if (e.java() == null || r.handlerMethod() == null || e.decision().listedPublic()
          || (access != Access.PUBLIC && access != Access.AUTHENTICATED)) {
        continue; // script routes carry no security model; restricted and denied routes need a role already
      }
      String segment = adminSegment(r.path());
      String name = r.handlerMethod().name();
      String lowerName = name.toLowerCase(Locale.ROOT);
      boolean adminName = lowerName.contains("admin") || ADMIN_NAME.matcher(lowerName).lookingAt();
      if (segment == null && !adminName) {
        continue;
      }
      String why = segment != null ? "its path has the administrative segment '" + segment + "'" : "its name '" + name
          + "' administers accounts or roles";
      Finding.Builder b = Finding.builder(RULE).at(Location.line(r.file(), r.line()))
          .message(r.method() + " " + r.path() + " (" + r.handler() + ") is administrative (" + why + ") but requires no role: "
              + e.decision().reason())
          .contextKey(RULE.id() + " " + r.key())
          .property("route", r.method() + " " + r.path());
      // An admin segment is a strong sign; names, manage and internal paths, or an unresolved decision are weaker ones.
      if (segment == null || !segment.toLowerCase(Locale.ROOT).contains("admin") || !e.decision().certain()) {
        b.confidence(Confidence.MEDIUM);
      }
      out.accept(b.build());
    }
  }

  /** The first segment of {@code path} that names an administrative area, or null; most paths name none. */
  private static String adminSegment(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    if (ADMIN_WORDS.stream().noneMatch(lower::contains)) {
      return null;
    }
    for (String seg : Paths.split(path)) {
      String s = seg.toLowerCase(Locale.ROOT);
      if (ADMIN_WORDS.stream().anyMatch(s::contains)) {
        return seg;
      }
    }
    return null;
  }
}
