package dev.shipgate.scanner.api.java;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Qualified names of the framework annotations routes and method security are read from. */
public final class Names {

  private Names() {}

  public static final String SPRING_WEB = "org.springframework.web.bind.annotation.";
  public static final Map<String, String> SPRING_VERBS = Map.of(SPRING_WEB + "GetMapping", "GET", SPRING_WEB + "PostMapping", "POST",
      SPRING_WEB + "PutMapping", "PUT", SPRING_WEB + "DeleteMapping", "DELETE", SPRING_WEB + "PatchMapping", "PATCH");
  public static final String REQUEST_MAPPING = SPRING_WEB + "RequestMapping";
  public static final Set<String> SPRING_CONTROLLERS = Set.of(SPRING_WEB + "RestController", "org.springframework.stereotype.Controller");
  public static final Set<String> SPRING_PATH_VARIABLE = Set.of(SPRING_WEB + "PathVariable");
  public static final Set<String> SPRING_REQUEST_PARAM = Set.of(SPRING_WEB + "RequestParam");

  public static final Set<String> JAXRS_PATH = both("Path");
  public static final Set<String> JAXRS_APPLICATION_PATH = both("ApplicationPath");
  public static final Set<String> JAXRS_PATH_PARAM = both("PathParam");
  public static final Set<String> JAXRS_QUERY_PARAM = both("QueryParam");
  public static final List<String> JAXRS_VERBS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

  public static final String MICRONAUT = "io.micronaut.http.annotation.";
  public static final Set<String> MICRONAUT_CONTROLLER = Set.of(MICRONAUT + "Controller");
  public static final Map<String, String> MICRONAUT_VERBS = Map.of(MICRONAUT + "Get", "GET", MICRONAUT + "Post", "POST",
      MICRONAUT + "Put", "PUT", MICRONAUT + "Delete", "DELETE", MICRONAUT + "Patch", "PATCH", MICRONAUT + "Head", "HEAD",
      MICRONAUT + "Options", "OPTIONS");
  public static final Set<String> MICRONAUT_PATH_VARIABLE = Set.of(MICRONAUT + "PathVariable");
  public static final Set<String> MICRONAUT_QUERY = Set.of(MICRONAUT + "QueryValue");

  public static final Set<String> QUARKUS_ROUTE = Set.of("io.quarkus.vertx.web.Route");
  public static final Set<String> QUARKUS_ROUTE_BASE = Set.of("io.quarkus.vertx.web.RouteBase");

  public static final Set<String> PRE_AUTHORIZE = Set.of("org.springframework.security.access.prepost.PreAuthorize");
  public static final Set<String> POST_AUTHORIZE = Set.of("org.springframework.security.access.prepost.PostAuthorize");
  public static final Set<String> SPRING_SECURED = Set.of("org.springframework.security.access.annotation.Secured");
  public static final Set<String> MICRONAUT_SECURED = Set.of("io.micronaut.security.annotation.Secured");
  public static final Set<String> ROLES_ALLOWED = jsr250("RolesAllowed");
  public static final Set<String> PERMIT_ALL = jsr250("PermitAll");
  public static final Set<String> DENY_ALL = jsr250("DenyAll");
  public static final Set<String> QUARKUS_AUTHENTICATED = Set.of("io.quarkus.security.Authenticated");
  public static final Set<String> ENABLE_METHOD_SECURITY = Set.of(
      "org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity",
      "org.springframework.security.config.annotation.method.configuration.EnableGlobalMethodSecurity",
      "org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity");
  public static final Set<String> AUTHENTICATION_PRINCIPAL = Set.of(
      "org.springframework.security.core.annotation.AuthenticationPrincipal",
      "org.springframework.security.core.annotation.CurrentSecurityContext");

  /** Every method-security annotation. */
  public static final Set<String> SECURITY = new HashSet<>();
  /** Mapping annotations whose path a composed annotation may alias with its own {@code value}. */
  static final Set<String> ALIASABLE = new HashSet<>();
  /** Every name above, to qualify names whose wildcard import the models do not know. */
  static final Set<String> KNOWN = new HashSet<>();

  static {
    ALIASABLE.addAll(SPRING_VERBS.keySet());
    ALIASABLE.add(REQUEST_MAPPING);
    ALIASABLE.addAll(JAXRS_PATH);
    ALIASABLE.addAll(MICRONAUT_VERBS.keySet());
    ALIASABLE.addAll(MICRONAUT_CONTROLLER);
    ALIASABLE.addAll(QUARKUS_ROUTE);
    for (Set<String> s : List.of(PRE_AUTHORIZE, POST_AUTHORIZE, SPRING_SECURED, MICRONAUT_SECURED, ROLES_ALLOWED, PERMIT_ALL,
        DENY_ALL, QUARKUS_AUTHENTICATED)) {
      SECURITY.addAll(s);
    }
    KNOWN.addAll(ALIASABLE);
    for (Set<String> s : List.of(SPRING_CONTROLLERS, SPRING_PATH_VARIABLE, SPRING_REQUEST_PARAM, JAXRS_APPLICATION_PATH,
        JAXRS_PATH_PARAM, JAXRS_QUERY_PARAM, MICRONAUT_PATH_VARIABLE, MICRONAUT_QUERY, QUARKUS_ROUTE_BASE, PRE_AUTHORIZE,
        POST_AUTHORIZE, SPRING_SECURED, MICRONAUT_SECURED, ROLES_ALLOWED, PERMIT_ALL, DENY_ALL, QUARKUS_AUTHENTICATED,
        ENABLE_METHOD_SECURITY, AUTHENTICATION_PRINCIPAL)) {
      KNOWN.addAll(s);
    }
    for (String verb : JAXRS_VERBS) {
      KNOWN.addAll(both(verb));
    }
  }

  public static Set<String> both(String simple) {
    return Set.of("javax.ws.rs." + simple, "jakarta.ws.rs." + simple);
  }

  public static Set<String> jsr250(String simple) {
    return Set.of("javax.annotation.security." + simple, "jakarta.annotation.security." + simple);
  }
}
