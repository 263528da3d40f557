package dev.shipgate.scanner.api.java;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ModifiersTree;
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

  /** Bound on a type's supertypes, as in the front end's closure, so a cyclic or huge hierarchy ends. */
  private static final int MAX_SUPERTYPES = 200;
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
  /** Annotations per declaration: a type's are read for itself, its subtypes and the JAX-RS application path. */
  private final Map<ModifiersTree, List<Ann>> annotations = new java.util.IdentityHashMap<>();
  /** Per type: itself, then its repository supertypes, nearest first. */
  private final Map<TypeInfo, List<TypeInfo>> hierarchies = new java.util.IdentityHashMap<>();

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
      // Services, repositories and entities are most of a tree: a hierarchy without annotations and methods whose
      // resolved annotation names hold no Quarkus @Route rule them out before any annotation is read in full.
      List<Ann> classAnns = annotated(t) ? classAnnotations(t) : List.of();
      boolean controller = Ann.find(classAnns, CONTROLLER_MARKERS) != null;
      if (!controller && !anyRouteAnnotation(t)) {
        continue;
      }
      for (MethodInfo m : handlerCandidates(t)) {
        if (!controller && !mayCarryRoute(m)) {
          continue; // services and entities: only Quarkus @Route marks a route on a plain bean
        }
        List<Ann> methodAnns = methodAnnotations(declarations(t, m));
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
      List<MethodInfo> decls = target == null ? List.of() : declarations(target.owner(), target);
      out.add(new JavaRoute(r, m.owner(), List.of(), methodAnnotations(decls),
          target == null ? List.of() : paramAnnotations(decls, target)));
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
    List<List<Ann>> paramAnns = paramAnnotations(declarations(t, m), m);
    List<Param> params = params(m, paramAnns);
    int line = line(m);
    String file = m.owner().unit().path();
    for (String verb : verbs.isEmpty() ? List.of("ANY") : verbs) {
      for (String prefix : prefixes) {
        for (String suffix : suffixes) {
          Route r = new Route(verb.toUpperCase(java.util.Locale.ROOT), Paths.join(prefix, suffix), framework, file, line,
              t.name() + "#" + m.name(), m, params, null);
          out.add(new JavaRoute(r, t, classAnns, methodAnns, paramAnns));
        }
      }
    }
  }

  /** Whether {@code t} or one of its repository supertypes carries any annotation. */
  private boolean annotated(TypeInfo t) {
    for (TypeInfo st : hierarchy(t)) {
      if (!st.tree().getModifiers().getAnnotations().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Whether a method of {@code t} or of its repository supertypes may carry a Quarkus {@code @Route}. */
  private boolean anyRouteAnnotation(TypeInfo t) {
    for (TypeInfo st : hierarchy(t)) {
      for (MethodInfo m : st.methods()) {
        if (m.tree() != null && mayCarryRoute(m)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether a Quarkus {@code @Route} may sit on the method; the front end has resolved the annotation names. */
  private static boolean mayCarryRoute(MethodInfo m) {
    for (String n : m.annotations()) {
      if (n != null && (n.equals("Route") || n.endsWith(".Route"))) {
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

  private List<Param> params(MethodInfo m, List<List<Ann>> paramAnns) {
    List<Param> out = new ArrayList<>();
    for (int i = 0; i < m.paramNames().size(); i++) {
      List<Ann> anns = paramAnns.get(i);
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

  /** Per parameter of {@code m}: its annotations, from the first of its {@code declarations} that has any. */
  private List<List<Ann>> paramAnnotations(List<MethodInfo> declarations, MethodInfo m) {
    List<List<Ann>> out = new ArrayList<>();
    for (int i = 0; i < m.paramNames().size(); i++) {
      out.add(paramAnnotations(declarations, i));
    }
    return out;
  }

  private List<Ann> paramAnnotations(List<MethodInfo> declarations, int i) {
    for (MethodInfo decl : declarations) {
      if (decl.tree() != null && i < decl.tree().getParameters().size()) {
        VariableTree p = decl.tree().getParameters().get(i);
        List<Ann> anns = annotations(decl.owner(), p.getModifiers(),
            () -> i < decl.paramAnnotations().size() ? decl.paramAnnotations().get(i) : null);
        if (!anns.isEmpty()) {
          return anns;
        }
      }
    }
    return List.of();
  }

  /**
   * The annotations on {@code mods}, declared in {@code context}, read once per declaration; {@code resolved}
   * gives the names the front end resolved for them.
   */
  private List<Ann> annotations(TypeInfo context, ModifiersTree mods, java.util.function.Supplier<List<String>> resolved) {
    if (mods.getAnnotations().isEmpty()) {
      return List.of();
    }
    return annotations.computeIfAbsent(mods, k -> List.copyOf(Ann.of(project, context, mods, resolved.get())));
  }

  private List<Ann> typeAnnotations(TypeInfo t) {
    return annotations(t, t.tree().getModifiers(), t::annotations);
  }

  /** The class's annotations followed by those of its repository supertypes (mappings may sit on an interface). */
  public List<Ann> classAnnotations(TypeInfo t) {
    List<Ann> out = new ArrayList<>();
    for (TypeInfo st : hierarchy(t)) {
      out.addAll(typeAnnotations(st));
    }
    return out;
  }

  /** The method's annotations followed by those of the methods it overrides ({@code declarations}, nearest first). */
  private List<Ann> methodAnnotations(List<MethodInfo> declarations) {
    List<Ann> out = new ArrayList<>();
    for (MethodInfo decl : declarations) {
      if (decl.tree() != null) {
        out.addAll(annotations(decl.owner(), decl.tree().getModifiers(), decl::annotations));
      }
    }
    return out;
  }

  /** {@code m} and the declarations it overrides in repository supertypes of {@code t}, nearest first. */
  private List<MethodInfo> declarations(TypeInfo t, MethodInfo m) {
    List<MethodInfo> out = new ArrayList<>();
    out.add(m);
    for (TypeInfo st : hierarchy(t)) {
      if (st == m.owner()) {
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

  /** {@code t} and its repository supertypes, breadth first (declaration order), so the nearest declaration wins. */
  private List<TypeInfo> hierarchy(TypeInfo t) {
    return hierarchies.computeIfAbsent(t, k -> {
      Set<TypeInfo> seen = new LinkedHashSet<>();
      java.util.ArrayDeque<TypeInfo> work = new java.util.ArrayDeque<>(List.of(t));
      while (!work.isEmpty() && seen.size() < MAX_SUPERTYPES) {
        TypeInfo next = work.poll();
        if (seen.add(next)) {
          for (String s : next.supertypes()) {
            TypeInfo st = project.type(s);
            if (st != null) {
              work.add(st);
            }
          }
        }
      }
      return List.copyOf(seen);
    });
  }

  /** Instance methods the class serves: its own and those inherited from repository supertypes. */
  private List<MethodInfo> handlerCandidates(TypeInfo t) {
    Map<String, MethodInfo> bySignature = new LinkedHashMap<>();
    for (TypeInfo st : hierarchy(t)) {
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
      Ann a = Ann.find(typeAnnotations(t), Names.JAXRS_APPLICATION_PATH);
      if (a != null) {
        found.addAll(a.strings(constants, "value"));
      }
    }
    return found.size() == 1 ? found.iterator().next() : "";
  }
}
