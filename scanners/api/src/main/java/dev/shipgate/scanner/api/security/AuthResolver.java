package dev.shipgate.scanner.api.security;

import dev.shipgate.scanner.api.java.Ann;
import dev.shipgate.scanner.api.java.Constants;
import dev.shipgate.scanner.api.java.JavaRoute;
import dev.shipgate.scanner.api.java.Names;
import dev.shipgate.scanner.api.model.Access;
import dev.shipgate.scanner.api.model.Decision;
import dev.shipgate.scanner.api.model.Paths;
import dev.shipgate.scanner.api.model.Route;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides, per Java route, what a caller needs: the servlet/WebFlux filter chain (Spring Security's first
 * matching chain, then its first matching rule), or the framework's default when there is none, combined
 * with method security (method-level annotations override class-level ones). Under Spring, method security
 * is a second layer: it can close a route the filter leaves open, never open one it protects. In
 * Micronaut, Quarkus and plain JAX-RS the annotation replaces the framework's default.
 */
public final class AuthResolver {

  /**
   * What the build and code say is on the classpath.
   *
   * @param springSecurity Spring Security is a dependency (or its configuration classes are used)
   * @param micronautSecurity micronaut-security is a dependency
   * @param quarkus the project is a Quarkus application
   * @param denyUnannotated Quarkus {@code quarkus.security.jaxrs.deny-unannotated-endpoints=true}
   */
  public record Environment(boolean springSecurity, boolean micronautSecurity, boolean quarkus, boolean denyUnannotated) {}

  private static final List<String> CONCRETE = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

  /** One possible outcome of evaluating matchers; {@code unresolved} names what it depends on, or null. */
  private record Outcome(Access access, String reason, String unresolved) {}

  private final SpringSecurity spring;
  private final Environment env;
  private final Constants constants;

  public AuthResolver(SpringSecurity spring, Environment env, Constants constants) {
    this.spring = spring;
    this.env = env;
    this.constants = constants;
  }

  public Decision decide(JavaRoute jr) {
    Route r = jr.route();
    Decision filter;
    boolean springRoute = r.framework().startsWith("spring") || (r.framework().equals("jax-rs") && env.springSecurity() && !env.quarkus());
    if (springRoute) {
      filter = springFilter(r);
    } else if (r.framework().equals("micronaut")) {
      filter = env.micronautSecurity()
          ? Decision.of(Access.AUTHENTICATED, "Micronaut Security rejects requests that no @Secured rule allows")
          : Decision.of(Access.PUBLIC, "no micronaut-security in the build");
    } else if (env.quarkus() && env.denyUnannotated() && r.framework().equals("jax-rs")) {
      filter = Decision.of(Access.DENIED, "quarkus.security.jaxrs.deny-unannotated-endpoints=true");
    } else {
      filter = Decision.of(Access.PUBLIC, "no security annotation and no security filter for " + r.framework() + " routes");
    }
    List<String> notEnforced = new ArrayList<>();
    Decision method = methodLevel(jr, springRoute, notEnforced);
    Decision out = filter;
    if (!springRoute && method != null) {
      out = method; // outside Spring the annotation replaces the framework default rather than adding a layer
    } else if (method != null && method.access().compareTo(filter.access()) > 0) {
      out = new Decision(method.access(), method.certain(), method.reason(), false);
    } else if (method != null && method.access() == Access.PUBLIC && filter.access() == Access.PUBLIC) {
      out = new Decision(Access.PUBLIC, filter.certain(), method.reason() + "; " + filter.reason(), false);
    }
    if (out.access().open() && !notEnforced.isEmpty()) {
      out = out.uncertain(String.join("; ", notEnforced));
    }
    return out;
  }

  // ---------------------------------------------------------------- filter chains

  private Decision springFilter(Route r) {
    if (spring.chains().isEmpty() && spring.ignored().isEmpty()) {
      return env.springSecurity()
          ? Decision.of(Access.AUTHENTICATED, "Spring Boot's default security (no SecurityFilterChain declared): every request needs authentication")
          : Decision.of(Access.PUBLIC, "no Spring Security in the build or code");
    }
    List<String> methods = r.anyMethod() ? CONCRETE : List.of(r.method());
    String[] path = Paths.split(r.path());
    Decision best = null;
    for (String m : methods) {
      Decision d = combine(evaluate(m, path));
      if (r.anyMethod()) {
        d = new Decision(d.access(), d.certain(), m + ": " + d.reason(), false);
      }
      if (best == null || d.access().compareTo(best.access()) < 0 || (d.access() == best.access() && !d.certain() && best.certain())) {
        best = d;
      }
    }
    return best;
  }

  private List<Outcome> evaluate(String method, String[] path) {
    for (SpringSecurity.Matcher m : spring.ignored()) {
      Boolean hit = m.matches(method, path);
      if (Boolean.TRUE.equals(hit)) {
        return List.of(new Outcome(Access.PUBLIC, "web.ignoring() " + m.where() + " bypasses Spring Security", null));
      }
    }
    return chains(method, path, 0, null);
  }

  private List<Outcome> chains(String method, String[] path, int i, String unresolved) {
    List<SpringSecurity.Chain> all = spring.chains();
    if (i == all.size()) {
      String why = all.isEmpty() ? "no SecurityFilterChain applies" : "no SecurityFilterChain's securityMatcher covers the path";
      return List.of(new Outcome(Access.PUBLIC, why, unresolved));
    }
    SpringSecurity.Chain c = all.get(i);
    Boolean hit = c.securityMatchers().isEmpty() ? Boolean.TRUE : Boolean.FALSE;
    String unknown = null;
    for (SpringSecurity.Matcher m : c.securityMatchers()) {
      Boolean h = m.matches(method, path);
      if (Boolean.TRUE.equals(h)) {
        hit = true;
        break;
      }
      if (h == null) {
        hit = null;
        unknown = "securityMatcher " + m.where();
      }
    }
    if (Boolean.TRUE.equals(hit)) {
      return rules(c, method, path, 0, unresolved);
    }
    if (Boolean.FALSE.equals(hit)) {
      return chains(method, path, i + 1, unresolved);
    }
    String u = unresolved == null ? unknown : unresolved;
    List<Outcome> out = new ArrayList<>(rules(c, method, path, 0, u));
    out.addAll(chains(method, path, i + 1, u));
    return out;
  }

  private List<Outcome> rules(SpringSecurity.Chain c, String method, String[] path, int j, String unresolved) {
    if (j == c.rules().size()) {
      return switch (c.style()) {
        case AUTHORIZE_HTTP_REQUESTS -> List.of(new Outcome(Access.DENIED,
            "no rule of " + c.name() + " matches, and authorizeHttpRequests denies unmatched requests", unresolved));
        case AUTHORIZE_REQUESTS -> List.of(new Outcome(Access.PUBLIC,
            "no rule of " + c.name() + " (authorizeRequests) matches, so the request is not checked", unresolved));
        case NONE -> List.of(new Outcome(Access.PUBLIC, "filter chain " + c.name() + " (" + c.file() + ":" + c.line()
            + ") authorizes nothing", unresolved));
      };
    }
    SpringSecurity.Rule rule = c.rules().get(j);
    Boolean hit = rule.matcher().matches(method, path);
    if (Boolean.FALSE.equals(hit)) {
      return rules(c, method, path, j + 1, unresolved);
    }
    List<Outcome> out = new ArrayList<>();
    String where = rule.matcher().where() + "." + rule.accessText();
    if (rule.access() == null) {
      String u = unresolved == null ? "access rule " + where : unresolved;
      out.add(new Outcome(Access.PUBLIC, "first matching rule: " + where, u));
      out.add(new Outcome(Access.RESTRICTED, "first matching rule: " + where, u));
    } else {
      out.add(new Outcome(rule.access(), "first matching rule: " + where, hit == null && unresolved == null ? "matcher " + rule.matcher().where() : unresolved));
    }
    if (hit == null) {
      out.addAll(rules(c, method, path, j + 1, unresolved == null ? "matcher " + rule.matcher().where() : unresolved));
    }
    return out;
  }

  /** The most open possible outcome; uncertain when outcomes disagree on whether the route is open. */
  private static Decision combine(List<Outcome> outcomes) {
    Outcome open = outcomes.get(0);
    for (Outcome o : outcomes) {
      if (o.access().compareTo(open.access()) < 0) {
        open = o;
      }
    }
    boolean agree = true;
    Set<String> unresolved = new LinkedHashSet<>();
    for (Outcome o : outcomes) {
      agree &= o.access().open() == open.access().open();
      if (o.unresolved() != null) {
        unresolved.add(o.unresolved());
      }
    }
    Decision d = Decision.of(open.access(), open.reason());
    return agree ? d : d.uncertain("depends on " + String.join(", ", unresolved) + ", which could not be resolved");
  }

  // ---------------------------------------------------------------- method security

  private Decision methodLevel(JavaRoute jr, boolean springRoute, List<String> notEnforced) {
    for (List<Ann> level : List.of(jr.methodAnns(), jr.classAnns())) {
      for (Ann a : level) {
        Decision d = annotation(a);
        if (d == null) {
          continue;
        }
        boolean springOnly = Names.PRE_AUTHORIZE.contains(a.name()) || Names.POST_AUTHORIZE.contains(a.name())
            || Names.SPRING_SECURED.contains(a.name());
        if (springRoute && !spring.methodSecurityEnabled() && (springOnly || Names.ROLES_ALLOWED.contains(a.name())
            || Names.PERMIT_ALL.contains(a.name()) || Names.DENY_ALL.contains(a.name()))) {
          notEnforced.add("@" + a.simpleName() + " is not enforced: no @EnableMethodSecurity in the scanned tree");
          return null;
        }
        return d;
      }
    }
    return null;
  }

  private Decision annotation(Ann a) {
    if (!Names.SECURITY.contains(a.name())) {
      return null;
    }
    String where = "@" + a.simpleName() + " on " + a.context().simpleName();
    if (Names.PRE_AUTHORIZE.contains(a.name()) || Names.POST_AUTHORIZE.contains(a.name())) {
      List<String> v = a.strings(constants, "value");
      Access access = v.size() == 1 ? Expressions.classify(v.get(0)) : Access.RESTRICTED;
      return Decision.of(access, where + (v.size() == 1 ? "(\"" + v.get(0) + "\")" : ""));
    }
    if (Names.SPRING_SECURED.contains(a.name()) || Names.MICRONAUT_SECURED.contains(a.name())) {
      Ann.Attr attr = a.attr("value");
      Access best = null;
      for (var e : attr == null ? List.<com.sun.source.tree.ExpressionTree>of() : Constants.elements(attr.expr())) {
        Access x = secured(Constants.lastName(e), constants.strings(e, attr.context()));
        best = best == null || x.compareTo(best) < 0 ? x : best;
      }
      return Decision.of(best == null ? Access.RESTRICTED : best, where);
    }
    if (Names.ROLES_ALLOWED.contains(a.name())) {
      boolean anyRole = a.strings(constants, "value").contains("**");
      return Decision.of(anyRole ? Access.AUTHENTICATED : Access.RESTRICTED, where);
    }
    if (Names.PERMIT_ALL.contains(a.name())) {
      return Decision.of(Access.PUBLIC, where);
    }
    if (Names.DENY_ALL.contains(a.name())) {
      return Decision.of(Access.DENIED, where);
    }
    if (Names.QUARKUS_AUTHENTICATED.contains(a.name())) {
      return Decision.of(Access.AUTHENTICATED, where);
    }
    return null;
  }

  private static Access secured(String constant, List<String> values) {
    switch (constant) {
      case "IS_ANONYMOUS": case "IS_AUTHENTICATED_ANONYMOUSLY":
        return Access.PUBLIC;
      case "IS_AUTHENTICATED":
        return Access.AUTHENTICATED;
      case "DENY_ALL":
        return Access.DENIED;
      default:
        break;
    }
    if (values.size() == 1) {
      String v = values.get(0);
      return v.equals("IS_AUTHENTICATED_ANONYMOUSLY") ? Access.PUBLIC : v.contains("(") ? Expressions.classify(v) : Access.RESTRICTED;
    }
    return Access.RESTRICTED;
  }
}
