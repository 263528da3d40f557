package dev.shipgate.scanner.api;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.api.java.JavaRoute;
import dev.shipgate.scanner.api.java.JavaRoutes;
import dev.shipgate.scanner.api.java.ObjectAccess;
import dev.shipgate.scanner.api.model.Access;
import dev.shipgate.scanner.api.model.Decision;
import dev.shipgate.scanner.api.model.Paths;
import dev.shipgate.scanner.api.model.Route;
import dev.shipgate.scanner.api.openapi.Drift;
import dev.shipgate.scanner.api.openapi.OpenApiDocument;
import dev.shipgate.scanner.api.script.ScriptRoutes;
import dev.shipgate.scanner.api.security.AuthResolver;
import dev.shipgate.scanner.api.security.SpringSecurity;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.JavaUnit;
import dev.shipgate.scanner.java.frontend.ProjectConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The route inventory of one tree: every route with its auth decision and object-access finding, and
 * the drift against the OpenAPI documents. Built once per scan (and by {@code shipgate routes}); the
 * rules only read it.
 */
public final class Inventory {

  /** One route and what was decided about it; {@code java} is null for script routes. */
  public record Entry(Route route, Decision decision, JavaRoute java, ObjectAccess.Hit objectAccess) {}

  private final List<Entry> entries;
  private final List<OpenApiDocument> documents;
  private final List<Drift.Item> drift;
  private final String contextPath;
  private final SpringSecurity security;
  private final ApiPolicy policy;

  private Inventory(List<Entry> entries, List<OpenApiDocument> documents, List<Drift.Item> drift, String contextPath,
      SpringSecurity security, ApiPolicy policy) {
    this.entries = List.copyOf(entries);
    this.documents = List.copyOf(documents);
    this.drift = List.copyOf(drift);
    this.contextPath = contextPath;
    this.security = security;
    this.policy = policy;
  }

  /** Whether the family reads {@code path} besides Java sources and OpenAPI documents. */
  public static boolean isSupportingFile(String path) {
    return ProjectConfig.isConfigFile(path) || isBuildFile(path) || ScriptRoutes.accepts(path);
  }

  static boolean isBuildFile(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.equals("pom.xml") || name.equals("build.gradle") || name.equals("build.gradle.kts");
  }

  /**
   * @param project the shared Java project model (may be empty)
   * @param others configuration, build and script files
   * @param documents parsed OpenAPI documents (none: no drift is computed)
   */
  public static Inventory build(JavaProject project, List<SourceFile> others, List<OpenApiDocument> documents, ApiPolicy policy) {
    List<SourceFile> config = new ArrayList<>();
    StringBuilder builds = new StringBuilder();
    List<Route> scriptRoutes = new ArrayList<>();
    for (SourceFile f : others) {
      if (ProjectConfig.isConfigFile(f.path())) {
        config.add(f);
      } else if (isBuildFile(f.path())) {
        builds.append(f.text()).append('\n');
      } else if (ScriptRoutes.accepts(f.path())) {
        scriptRoutes.addAll(ScriptRoutes.extract(f));
      }
    }
    ProjectConfig values = ProjectConfig.fromFiles(config);
    String contextPath = contextPath(values);
    AuthResolver.Environment env = environment(project, builds.toString(), values);
    JavaRoutes javaRoutes = new JavaRoutes(project);
    SpringSecurity security = SpringSecurity.read(project);
    AuthResolver resolver = new AuthResolver(security, env, javaRoutes.constants());
    ObjectAccess objectAccess = new ObjectAccess(project, javaRoutes);
    List<Entry> entries = new ArrayList<>();
    for (JavaRoute jr : javaRoutes.extract()) {
      Decision d = listed(resolver.decide(jr), jr.route(), policy, contextPath);
      ObjectAccess.Hit hit = d.access() == Access.AUTHENTICATED ? objectAccess.find(jr) : null;
      entries.add(new Entry(jr.route(), d, jr, hit));
    }
    for (Route r : scriptRoutes) {
      entries.add(new Entry(r, listed(r.scriptAuth(), r, policy, contextPath), null, null));
    }
    entries.sort(Comparator.comparing((Entry e) -> e.route().file()).thenComparingInt(e -> e.route().line())
        .thenComparing(e -> e.route().key()));
    List<OpenApiDocument> readable = documents.stream().filter(d -> !d.operations().isEmpty() || d.problems().isEmpty()).toList();
    List<Drift.Item> drift = readable.isEmpty() ? List.of() : Drift.compare(entries, readable, contextPath);
    return new Inventory(entries, documents, drift, contextPath, security, policy);
  }

  private static Decision listed(Decision d, Route r, ApiPolicy policy, String contextPath) {
    return d.access().open() && policy.publicEntry(r, contextPath) != null ? d.listed() : d;
  }

  private static String contextPath(ProjectConfig values) {
    for (String key : List.of("server.servlet.context-path", "spring.webflux.base-path", "micronaut.server.context-path",
        "quarkus.http.root-path")) {
      String v = values.value(key);
      if (v != null && !v.isBlank() && !v.contains("${")) {
        String p = Paths.clean(v.trim());
        return p.equals("/") ? "" : p;
      }
    }
    return "";
  }

  private static AuthResolver.Environment environment(JavaProject project, String builds, ProjectConfig values) {
    boolean springSecurity = builds.contains("spring-boot-starter-security") || builds.contains("spring-security-config")
        || builds.contains("spring-security-web");
    boolean micronautSecurity = builds.contains("micronaut-security");
    boolean quarkus = builds.contains("io.quarkus");
    for (JavaUnit u : project.units()) {
      for (String i : u.imports()) {
        springSecurity |= i.startsWith("org.springframework.security.config.");
        micronautSecurity |= i.startsWith("io.micronaut.security.");
        quarkus |= i.startsWith("io.quarkus.");
      }
    }
    boolean deny = "true".equals(String.valueOf(values.value("quarkus.security.jaxrs.deny-unannotated-endpoints")).toLowerCase(Locale.ROOT));
    return new AuthResolver.Environment(springSecurity, micronautSecurity, quarkus, deny);
  }

  public List<Entry> entries() {
    return entries;
  }

  public List<OpenApiDocument> documents() {
    return documents;
  }

  public List<Drift.Item> drift() {
    return drift;
  }

  /** The Spring Security filter chains and {@code web.ignoring()} matchers of the tree. */
  public SpringSecurity security() {
    return security;
  }

  public ApiPolicy policy() {
    return policy;
  }

  /** The configured servlet context path or base path, "" when none. */
  public String contextPath() {
    return contextPath;
  }
}
