package dev.shipgate.scanner.api;

import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.scanner.api.model.PathPattern;
import dev.shipgate.scanner.api.model.Paths;
import dev.shipgate.scanner.api.model.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The family's policy section, {@code scanners.api}: {@code openapi} (one path or a list, relative to the
 * scan root) and {@code public_routes} (entries {@code "GET /health"} or {@code "/public/**"}, Spring path
 * patterns, routes reachable without authentication on purpose).
 */
public record ApiPolicy(List<String> openapi, List<PublicRoute> publicRoutes) {

  public static final String OPENAPI = "openapi";
  public static final String PUBLIC_ROUTES = "public_routes";
  public static final Set<String> KEYS = Set.of(OPENAPI, PUBLIC_ROUTES);
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "ANY");

  /** One {@code public_routes} entry; {@code method} null matches every method. */
  public record PublicRoute(String method, PathPattern pattern) {

    public boolean covers(Route r, String contextPath) {
      if (method != null && !method.equals("ANY") && !method.equals(r.method())) {
        return false;
      }
      return pattern.matches(r.path()) || (!contextPath.isEmpty() && pattern.matches(Paths.join(contextPath, r.path())));
    }

    @Override
    public String toString() {
      return (method == null ? "" : method + " ") + pattern;
    }
  }

  public static final ApiPolicy DEFAULT = new ApiPolicy(List.of(), List.of());

  public ApiPolicy {
    openapi = List.copyOf(openapi);
    publicRoutes = List.copyOf(publicRoutes);
  }

  public static ApiPolicy from(Settings s) throws PolicyException {
    List<PublicRoute> routes = new ArrayList<>();
    for (String entry : s.strings(PUBLIC_ROUTES)) {
      String[] parts = entry.trim().split("\\s+");
      String method = parts.length == 2 ? parts[0].toUpperCase(Locale.ROOT) : null;
      String pattern = parts[parts.length - 1];
      if (parts.length > 2 || (method != null && !METHODS.contains(method)) || !pattern.startsWith("/")) {
        throw s.errorAt(PUBLIC_ROUTES, "'" + entry + "' in " + PUBLIC_ROUTES
            + " must be a path pattern starting with '/', optionally after an HTTP method: \"GET /health\", \"/public/**\"");
      }
      routes.add(new PublicRoute(method, PathPattern.compile(pattern)));
    }
    for (String file : s.strings(OPENAPI)) {
      if (file.isBlank() || file.startsWith("/") || file.contains("..") || file.contains("://")) {
        throw s.errorAt(OPENAPI, "'" + file + "' in " + OPENAPI + " must be a local path relative to the scanned directory");
      }
    }
    return new ApiPolicy(s.strings(OPENAPI), routes);
  }

  /** The public-routes entry covering {@code r}, or null. */
  public PublicRoute publicEntry(Route r, String contextPath) {
    for (PublicRoute p : publicRoutes) {
      if (p.covers(r, contextPath)) {
        return p;
      }
    }
    return null;
  }
}
