package dev.shipgate.scanner.api.java;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import dev.shipgate.scanner.api.model.Param;
import dev.shipgate.scanner.api.model.Paths;
import dev.shipgate.scanner.api.model.Route;
import dev.shipgate.scanner.java.frontend.CallSite;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.frontend.TypeInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Reads every HTTP route declared in Java: Spring MVC/WebFlux annotated controllers (class and method
 * mappings, composed annotations, mappings inherited from interfaces and base classes), WebFlux
 * {@code RouterFunctions}, JAX-RS resources (with {@code @ApplicationPath}), Micronaut controllers and
 * Quarkus reactive routes.
 */
public final class JavaRoutes {

  private static final Set<String> FUNCTIONAL_VERBS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

  private static final Set<String> CONTROLLER_MARKERS = new java.util.HashSet<>();

  static {
    CONTROLLER_MARKERS.addAll(Names.SPRING_CONTROLLERS);
    CONTROLLER_MARKERS.add(Names.REQUEST_MAPPING);
    CONTROLLER_MARKERS.addAll(Names.JAXRS_PATH);
    CONTROLLER_MARKERS.addAll(Names.MICRONAUT_CONTROLLER);
  }

  private final JavaProject project;
  private final Constants constants;
  /** Per file: imports Reactor (annotated WebFlux) / functional endpoints; computed once, imports() copies. */
  private final Map<dev.shipgate.scanner.java.frontend.JavaUnit, boolean[]> importFlags = new java.util.IdentityHashMap<>();
  /** Parameter annotations per method, read once for routes, parameters and the object-access check. */
  private final Map<MethodInfo, List<List<Ann>>> paramAnns = new java.util.IdentityHashMap<>();

  public JavaRoutes(JavaProject project) {
    this.project = project;
    this.constants = new Constants(project);
  }

  public Constants constants() {
    return constants;
  }

  /** All routes, in file then line order. */
  public List<JavaRoute> extract() {
    List<JavaRoute> out = new ArrayList<>();
    String applicationPath = applicationPath();
    for (TypeInfo t : project.types()) {
      if (t.isAnonymous() || t.kind() != Tree.Kind.CLASS || t.tree().getModifiers().getFlags().contains(Modifier.ABSTRACT)) {
        continue;
      }
      List<Ann> classAnns = classAnnotations(t);
      boolean controller = Ann.find(classAnns, CONTROLLER_MARKERS) != null;
      for (MethodInfo m : handlerCandidates(t)) {
        if (!controller && !mayCarryRoute(m)) {
          continue; // services and entities: only Quarkus @Route marks a route on a plain bean
        }
        List<Ann> methodAnns = methodAnnotations(t, m);
        spring(t, classAnns, m, methodAnns, out);
        jaxrs(t, classAnns, m, methodAnns, applicationPath, out);
        micronaut(t, classAnns, m, methodAnns, out);
        quarkus(t, classAnns, m, methodAnns, out);
      }
    }
    for (MethodInfo m : project.methods()) {
      functional(m, out);
    }
    out.sort(java.util.Comparator.comparing((JavaRoute r) -> r.route().file()).thenComparingInt(r -> r.route().line())
        .thenComparing(r -> r.route().key()));
    return out;
  }

  // ---------------------------------------------------------------- frameworks

  private void spring(TypeInfo t, List<Ann> classAnns, MethodInfo m, List<Ann> methodAnns, List<JavaRoute> out) {
    Ann classMapping = Ann.find(classAnns, Set.of(Names.REQUEST_MAPPING));
    boolean controller = Ann.find(classAnns, Names.SPRING_CONTROLLERS) != null || classMapping != null;
    if (!controller) {
      return;
    }
    Ann mapping = null;
    List<String> verbs = new ArrayList<>();
    for (Ann a : methodAnns) {
      if (Names.SPRING_VERBS.containsKey(a.name())) {
        mapping = a;
        verbs.add(Names.SPRING_VERBS.get(a.name()));
        break;
      }
      if (a.name().equals(Names.REQUEST_MAPPING)) {
        mapping = a;
        verbs.addAll(requestMethods(a));
        break;
      }
    }
    if (mapping == null) {
      return;
    }
    if (verbs.isEmpty() && classMapping != null) {
      verbs.addAll(requestMethods(classMapping));
    }
    List<String> prefixes = classMapping == null ? List.of("") : paths(classMapping, "value", "path");
    List<String> suffixes = paths(mapping, "value", "path");
    boolean reactive = flags(t.unit())[0] || m.returnType().startsWith("reactor.core.");
    add(out, t, classAnns, m, methodAnns, verbs, prefixes, suffixes, reactive ? "spring-webflux" : "spring");
  }

  private List<String> requestMethods(Ann a) {
    List<String> out = new ArrayList<>();
    Ann.Attr methods = a.attr("method");
    if (methods != null) {
      for (ExpressionTree e : Constants.elements(methods.expr())) {
        out.add(Constants.lastName(e));
      }
    }
    return out;
  }

  private void jaxrs(TypeInfo t, List<Ann> classAnns, MethodInfo m, List<Ann> methodAnns, String applicationPath,
      List<JavaRoute> out) {
    Ann classPath = Ann.find(classAnns, Names.JAXRS_PATH);
    if (classPath == null) {
      return;
    }
    List<String> verbs = new ArrayList<>();
    for (Ann a : methodAnns) {
      String simple = a.simpleName();
      if (Names.JAXRS_VERBS.contains(simple) && Names.both(simple).contains(a.name())) {
        verbs.add(simple);
      }
    }
    if (verbs.isEmpty()) {
      return; // a sub-resource locator or a helper
    }
    Ann methodPath = Ann.find(methodAnns, Names.JAXRS_PATH);
    List<String> prefixes = new ArrayList<>();
    for (String p : paths(classPath, "value")) {
      prefixes.add(Paths.join(applicationPath, p));
    }
    List<String> suffixes = methodPath == null ? List.of("") : paths(methodPath, "value");
    add(out, t, classAnns, m, methodAnns, verbs, prefixes, suffixes, "jax-rs");
  }

  private void micronaut(TypeInfo t, List<Ann> classAnns, MethodInfo m, List<Ann> methodAnns, List<JavaRoute> out) {
    Ann controller = Ann.find(classAnns, Names.MICRONAUT_CONTROLLER);
    if (controller == null) {
      return;
    }
    for (Ann a : methodAnns) {
      String verb = Names.MICRONAUT_VERBS.get(a.name());
      if (verb != null) {
        List<String> prefixes = controller.has("value") ? paths(controller, "value") : List.of("/");
        List<String> suffixes = a.has("value", "uri", "uris") ? paths(a, "value", "uri", "uris") : List.of("/");
        add(out, t, classAnns, m, methodAnns, List.of(verb), prefixes, suffixes, "micronaut");
        return;
      }
    }
  }

  private void quarkus(TypeInfo t, List<Ann> classAnns, MethodInfo m, List<Ann> methodAnns, List<JavaRoute> out) {
    Ann route = Ann.find(methodAnns, Names.QUARKUS_ROUTE);
    if (route == null) {
      return;
    }
    Ann base = Ann.find(classAnns, Names.QUARKUS_ROUTE_BASE);
    List<String> prefixes = base == null || !base.has("path") ? List.of("") : paths(base, "path");
    List<String> suffixes;
    if (route.has("path", "value")) {
      suffixes = paths(route, "path", "value");
    } else if (route.has("regex")) {
      suffixes = List.of("{regex:" + String.join("", route.strings(constants, "regex")) + "}");
    } else {
      suffixes = List.of(m.name()); // Quarkus derives the path from the method name
    }
    List<String> verbs = new ArrayList<>();
    Ann.Attr methods = route.attr("methods");
    if (methods != null) {
      for (ExpressionTree e : Constants.elements(methods.expr())) {
        verbs.add(Constants.lastName(e));
      }
    }
    add(out, t, classAnns, m, methodAnns, verbs, prefixes, suffixes, "quarkus");
  }

  /** WebFlux functional endpoints: {@code route(GET("/x"), h::get)} and {@code route().GET("/x", h::get)}. */
  private void functional(MethodInfo m, List<JavaRoute> out) {
    if (m.body() == null || !flags(m.owner().unit())[1]) {
      return;
    }
    for (CallSite c : project.calls(m)) {
      if (!(c.tree() instanceof MethodInvocationTree call) || !FUNCTIONAL_VERBS.contains(c.call().name())
          || call.getArguments().isEmpty() || !(call.getArguments().get(0) instanceof LiteralTree lit)
          || !(lit.getValue() instanceof String path)) {
        continue;
      }
      String handler = call.getArguments().size() > 1 ? call.getArguments().get(call.getArguments().size() - 1).toString()
          : m.owner().name() + "#" + m.name();
      MethodInfo target = null;
      if (call.getArguments().size() > 1 && call.getArguments().get(call.getArguments().size() - 1) instanceof MemberReferenceTree ref) {
        String type = project.typeOf(project.scope(m), ref.getQualifierExpression());
        List<MethodInfo> found = type == null ? List.of() : project.dispatch(type, ref.getName().toString(), 1, false);
        target = found.isEmpty() ? null : found.get(0);
      }
      Route r = new Route(c.call().name(), Paths.clean(path), "spring-webflux", m.owner().unit().path(), c.line(), handler,
          target, List.of(), null);
      out.add(new JavaRoute(r, m.owner(), List.of(), target == null ? List.of() : methodAnnotations(target.owner(), target)));
    }
  }

  // ---------------------------------------------------------------- shared

  private boolean[] flags(dev.shipgate.scanner.java.frontend.JavaUnit unit) {
    return importFlags.computeIfAbsent(unit, u -> {
      boolean[] f = new boolean[2];
      for (String i : u.imports()) {
        f[0] |= i.startsWith("reactor.core.");
        f[1] |= i.contains("web.reactive.function.server") || i.contains("web.servlet.function");
      }
      return f;
    });
  }

  private void add(List<JavaRoute> out, TypeInfo t, List<Ann> classAnns, MethodInfo m, List<Ann> methodAnns,
      List<String> verbs, List<String> prefixes, List<String> suffixes, String framework) {
    List<Param> params = params(t, m);
    int line = line(m);
    String file = m.owner().unit().path();
    for (String verb : verbs.isEmpty() ? List.of("ANY") : verbs) {
      for (String prefix : prefixes) {
        for (String suffix : suffixes) {
          Route r = new Route(verb.toUpperCase(java.util.Locale.ROOT), Paths.join(prefix, suffix), framework, file, line,
              t.name() + "#" + m.name(), m, params, null);
          out.add(new JavaRoute(r, t, classAnns, methodAnns));
        }
      }
    }
  }

  private static boolean mayCarryRoute(MethodInfo m) {
    for (var a : m.tree().getModifiers().getAnnotations()) {
      String n = a.getAnnotationType().toString();
      if (n.equals("Route") || n.endsWith(".Route")) {
        return true;
      }
    }
    return false;
  }

  /** The line of the handler's signature (its return type), where a reader looks for it. */
  public static int line(MethodInfo m) {
    Tree at = m.tree() == null ? m.owner().tree() : m.tree().getReturnType() != null ? m.tree().getReturnType() : m.tree();
    return m.owner().unit().line(at);
  }

  private List<String> paths(Ann a, String... keys) {
    if (!a.has(keys)) {
      return List.of("");
    }
    List<String> values = a.strings(constants, keys);
    if (values.isEmpty()) {
      for (String k : keys) {
        Ann.Attr attr = a.attr(k);
        if (attr != null) {
          return List.of("{unresolved:" + attr.expr() + "}");
        }
      }
    }
    return values;
  }

  private List<Param> params(TypeInfo t, MethodInfo m) {
    List<Param> out = new ArrayList<>();
    for (int i = 0; i < m.paramNames().size(); i++) {
      List<Ann> anns = paramAnnotations(t, m, i);
      String name = m.paramNames().get(i);
      String type = m.paramTypes().get(i);
      for (Ann a : anns) {
        String bound = a.strings(constants, "value", "name").stream().findFirst().orElse(name);
        if (Names.SPRING_PATH_VARIABLE.contains(a.name()) || Names.JAXRS_PATH_PARAM.contains(a.name())
            || Names.MICRONAUT_PATH_VARIABLE.contains(a.name())) {
          out.add(new Param(bound, "path", true));
        } else if (Names.SPRING_REQUEST_PARAM.contains(a.name()) && !type.endsWith("Map")) {
          boolean optional = a.has("defaultValue") || type.endsWith("Optional")
              || (a.attr("required") != null && a.attr("required").expr().toString().equals("false"));
          out.add(new Param(bound, "query", !optional));
        } else if (Names.JAXRS_QUERY_PARAM.contains(a.name()) || Names.MICRONAUT_QUERY.contains(a.name())) {
          out.add(new Param(bound, "query", false));
        }
      }
    }
    return out;
  }

  /** Annotations of parameter {@code i}, from the first declaration in the hierarchy that has any. */
  public List<Ann> paramAnnotations(TypeInfo t, MethodInfo m, int i) {
    return paramAnns.computeIfAbsent(m, k -> {
      List<List<Ann>> all = new ArrayList<>();
      for (int p = 0; p < m.paramNames().size(); p++) {
        all.add(readParamAnnotations(t, m, p));
      }
      return all;
    }).get(i);
  }

  private List<Ann> readParamAnnotations(TypeInfo t, MethodInfo m, int i) {
    for (MethodInfo decl : declarations(t, m)) {
      if (decl.tree() != null && i < decl.tree().getParameters().size()) {
        VariableTree p = decl.tree().getParameters().get(i);
        List<Ann> anns = Ann.of(project, decl.owner(), p.getModifiers());
        if (!anns.isEmpty()) {
          return anns;
        }
      }
    }
    return List.of();
  }

  /** The class's annotations followed by those of its repository supertypes (mappings may sit on an interface). */
  public List<Ann> classAnnotations(TypeInfo t) {
    List<Ann> out = new ArrayList<>();
    for (String s : project.supertypes(t.name())) {
      TypeInfo st = project.type(s);
      if (st != null) {
        out.addAll(Ann.of(project, st, st.tree().getModifiers()));
      }
    }
    return out;
  }

  /** The method's annotations followed by those of the methods it overrides. */
  public List<Ann> methodAnnotations(TypeInfo t, MethodInfo m) {
    List<Ann> out = new ArrayList<>();
    for (MethodInfo decl : declarations(t, m)) {
      if (decl.tree() != null) {
        out.addAll(Ann.of(project, decl.owner(), decl.tree().getModifiers()));
      }
    }
    return out;
  }

  /** {@code m} and the declarations it overrides in repository supertypes of {@code t}, nearest first. */
  private List<MethodInfo> declarations(TypeInfo t, MethodInfo m) {
    List<MethodInfo> out = new ArrayList<>();
    out.add(m);
    for (String s : project.supertypes(t.name())) {
      TypeInfo st = project.type(s);
      if (st == null || st == m.owner()) {
        continue;
      }
      for (MethodInfo other : st.methods()) {
        if (other != m && other.name().equals(m.name()) && other.paramNames().size() == m.paramNames().size()) {
          out.add(other);
        }
      }
    }
    return out;
  }

  /** Instance methods the class serves: its own and those inherited from repository supertypes. */
  private List<MethodInfo> handlerCandidates(TypeInfo t) {
    Map<String, MethodInfo> bySignature = new LinkedHashMap<>();
    for (String s : project.supertypes(t.name())) {
      TypeInfo st = project.type(s);
      if (st == null) {
        continue;
      }
      for (MethodInfo m : st.methods()) {
        if (m.isConstructor() || m.isStatic() || m.tree() == null || (st != t && st.kind() == Tree.Kind.INTERFACE && !m.hasBody())) {
          continue;
        }
        bySignature.putIfAbsent(m.name() + "/" + m.paramNames().size(), m);
      }
    }
    return List.copyOf(bySignature.values());
  }

  /** The {@code @ApplicationPath} of the JAX-RS application, when the repository declares exactly one. */
  private String applicationPath() {
    Set<String> found = new LinkedHashSet<>();
    for (TypeInfo t : project.types()) {
      Ann a = Ann.find(Ann.of(project, t, t.tree().getModifiers()), Names.JAXRS_APPLICATION_PATH);
      if (a != null) {
        found.addAll(a.strings(constants, "value"));
      }
    }
    return found.size() == 1 ? found.iterator().next() : "";
  }
}
