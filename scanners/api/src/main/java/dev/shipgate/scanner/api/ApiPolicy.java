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
 * scan root), {@code public_routes} (entries {@code "GET /health"} or {@code "/public/**"}, Spring path
 * patterns, routes reachable without authentication on purpose) and {@code sensitive_paths} (Spring path
 * patterns that no {@code permitAll()} may open; {@code !pattern} exempts; replaces the default list).
 */
public record ApiPolicy(List<String> openapi, List<PublicRoute> publicRoutes, List<SensitivePath> sensitivePaths) {

  public static final String OPENAPI = "openapi";
  public static final String PUBLIC_ROUTES = "public_routes";
  public static final String SENSITIVE_PATHS = "sensitive_paths";
  public static final Set<String> KEYS = Set.of(OPENAPI, PUBLIC_ROUTES, SENSITIVE_PATHS);
  /**
   * Administration, management, internal and role-assignment endpoints, and every actuator endpoint except
   * health and info (env, heapdump, loggers, shutdown... expose secrets or control the application). A login or
   * logout page inside such an area must be open.
   */
  public static final List<String> DEFAULT_SENSITIVE_PATHS = List.of("/**/*admin*/**", "/**/manage/**", "/**/management/**",
      "/**/internal/**", "/**/users/*/roles/**", "/actuator/**", "!/actuator/health/**", "!/actuator/info/**", "!/**/login/**",
      "!/**/logout/**");
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

  /** One {@code sensitive_paths} entry: a pattern, or with {@code exempt} a pattern carved out of the others. */
  public record SensitivePath(boolean exempt, PathPattern pattern) {

    static SensitivePath parse(String entry) {
      boolean exempt = entry.startsWith("!");
      return new SensitivePath(exempt, PathPattern.compile(exempt ? entry.substring(1) : entry));
    }

    @Override
    public String toString() {
      return (exempt ? "!" : "") + pattern;
    }
  }

  public static final ApiPolicy DEFAULT = new ApiPolicy(List.of(), List.of(),
      DEFAULT_SENSITIVE_PATHS.stream().map(SensitivePath::parse).toList());

  public ApiPolicy {
    openapi = List.copyOf(openapi);
    publicRoutes = List.copyOf(publicRoutes);
    sensitivePaths = List.copyOf(sensitivePaths);
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
    List<SensitivePath> sensitive = new ArrayList<>();
    for (String entry : s.has(SENSITIVE_PATHS) ? s.strings(SENSITIVE_PATHS) : DEFAULT_SENSITIVE_PATHS) {
      String pattern = entry.trim().startsWith("!") ? entry.trim().substring(1) : entry.trim();
      if (!pattern.startsWith("/") || pattern.chars().anyMatch(Character::isWhitespace)) {
        throw s.errorAt(SENSITIVE_PATHS, "'" + entry + "' in " + SENSITIVE_PATHS + " must be a path pattern starting with '/',"
            + " optionally after '!' to exempt it: \"/admin/**\", \"!/actuator/health/**\"");
      }
      sensitive.add(SensitivePath.parse(entry.trim()));
    }
    return new ApiPolicy(s.strings(OPENAPI), routes, sensitive);
  }

  /**
   * The {@code sensitive_paths} entry that a security pattern opens, or null: the pattern, read as a path (its
   * wildcards standing for themselves), falls under an entry and under no exemption. {@code /admin/**} and
   * {@code /actuator/*} are sensitive, {@code /actuator/health} and a catch-all {@code /**} are not (the
   * routes a catch-all opens are reported one by one).
   */
  public SensitivePath sensitive(String securityPattern) {
    String[] path = Paths.split(securityPattern);
    SensitivePath hit = null;
    for (SensitivePath p : sensitivePaths) {
      if (p.pattern().matches(path)) {
        if (p.exempt()) {
          return null;
        }
        hit = hit == null ? p : hit;
      }
    }
    return hit;
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
