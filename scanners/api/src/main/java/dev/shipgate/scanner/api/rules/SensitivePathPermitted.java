package dev.shipgate.scanner.api.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Location;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.api.ApiPolicy;
import dev.shipgate.scanner.api.Inventory;
import dev.shipgate.scanner.api.model.Access;
import dev.shipgate.scanner.api.model.PathPattern;
import dev.shipgate.scanner.api.model.Paths;
import dev.shipgate.scanner.api.security.SpringSecurity;
import java.util.List;
import java.util.function.Consumer;

/**
 * Spring Security opens a sensitive path to everyone: a {@code permitAll()} (or {@code anonymous()}) rule, or a
 * {@code web.ignoring()} matcher, whose pattern names an administration, management, internal, role-assignment or
 * actuator path ({@code scanners.api.sensitive_paths}). A rule that an earlier rule of its chain already decides
 * for the whole pattern never applies and is not reported.
 */
public final class SensitivePathPermitted implements ApiRule {

  static final Rule RULE = Rule.builder("api/security/sensitive-path-permitted", FAMILY)
      .title("Spring Security permitAll() on a sensitive path")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-285")
      .description("The security configuration lets anyone reach an administration, management, internal or role-assignment "
          + "path, or an actuator endpoint other than health and info (env, heapdump, loggers, shutdown), with permitAll(), "
          + "anonymous() or web.ignoring(). Whatever the handlers behind it do, no role and no sign-in is required: an "
          + "assistant that opens a path 'to make the test pass' opens the application's controls.")
      .fix("Require a role for the path (requestMatchers(\"/admin/**\").hasRole(\"ADMIN\")) before any broader rule, and "
          + "expose only health and info from the actuator (EndpointRequest.to(\"health\", \"info\")). If the path is "
          + "harmless, exempt it with a '!pattern' entry in scanners.api.sensitive_paths.")
      .tags("owasp-api-top10:API5:2023", "owasp-api-top10:API8:2023", "owasp-top10:A01:2021", "owasp-top10:A05:2021",
          "asvs:4.0.3-4.1.3", "asvs:4.0.3-14.3.2", "ssdf:PW.1.1", "iso27001:2022-A.8.26", "soc2:CC6.1")
      .build();

  /** The methods a matcher without an HTTP method covers. */
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

  /** Whether earlier rules decide every request of a pattern (YES), may do so (UNKNOWN) or leave some (NO). */
  private enum Shadowed { YES, UNKNOWN, NO }

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public void check(Inventory inventory, Consumer<Finding> out) {
    ApiPolicy policy = inventory.policy();
    for (SpringSecurity.Chain c : inventory.security().chains()) {
      List<SpringSecurity.Rule> rules = c.rules();
      for (int j = 0; j < rules.size(); j++) {
        SpringSecurity.Rule r = rules.get(j);
        if (r.access() != Access.PUBLIC || r.accessText().startsWith("hasIpAddress") || r.matcher().patterns() == null) {
          continue; // anyRequest().permitAll() opens routes, which api/route/unauthenticated reports one by one
        }
        for (PathPattern p : r.matcher().patterns()) {
          ApiPolicy.SensitivePath entry = policy.sensitive(p.toString());
          Shadowed shadowed = entry == null ? Shadowed.YES : shadowed(rules, j, r.matcher(), Paths.split(p.toString()));
          if (shadowed != Shadowed.YES) {
            report(out, r.matcher(), p, entry, r.matcher().text() + "." + r.accessText() + " in " + c.name(),
                shadowed == Shadowed.UNKNOWN || !r.matcher().resolved());
          }
        }
      }
    }
    for (SpringSecurity.Matcher m : inventory.security().ignored()) {
      for (PathPattern p : m.patterns() == null ? List.<PathPattern>of() : m.patterns()) {
        ApiPolicy.SensitivePath entry = policy.sensitive(p.toString());
        if (entry != null) {
          report(out, m, p, entry, "web.ignoring()." + m.text() + ", which bypasses every security filter", !m.resolved());
        }
      }
    }
  }

  /** Whether the rules before {@code j} decide every request of {@code path} that {@code permit} would. */
  private static Shadowed shadowed(List<SpringSecurity.Rule> rules, int j, SpringSecurity.Matcher permit, String[] path) {
    Shadowed all = Shadowed.YES;
    for (String method : permit.methods().isEmpty() ? METHODS : List.copyOf(permit.methods())) {
      Shadowed one = Shadowed.NO;
      for (int k = 0; k < j && one != Shadowed.YES; k++) {
        Boolean hit = rules.get(k).matcher().matches(method, path);
        one = Boolean.TRUE.equals(hit) ? Shadowed.YES : hit == null ? Shadowed.UNKNOWN : one;
      }
      if (one == Shadowed.NO) {
        return Shadowed.NO;
      }
      all = one == Shadowed.UNKNOWN ? Shadowed.UNKNOWN : all;
    }
    return all;
  }

  private static void report(Consumer<Finding> out, SpringSecurity.Matcher m, PathPattern p, ApiPolicy.SensitivePath entry,
      String how, boolean uncertain) {
    Finding.Builder b = Finding.builder(RULE).at(Location.line(m.file(), m.line()))
        .message("sensitive path " + p + " (sensitive_paths entry " + entry + ") is opened to everyone by " + how)
        .contextKey(RULE.id() + " " + p)
        .property("pattern", p.toString());
    if (uncertain) {
      b.confidence(Confidence.MEDIUM);
    }
    out.accept(b.build());
  }
}
