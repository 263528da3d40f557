package dev.shipgate.scanner.api.java;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreeScanner;
import dev.shipgate.scanner.java.frontend.CallSite;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The BOLA/IDOR heuristic: a handler takes an object id from the path or query and hands it to a loader
 * ({@code findById}, {@code EntityManager.find}, a service's {@code get...ById}), directly or through one or
 * two repository methods, while neither the handler nor those methods refer to the caller (principal,
 * authentication, security context, tenant, an owner-scoped finder or an authorization expression over the
 * id or the returned object).
 */
public final class ObjectAccess {

  /** An unguarded load: the id parameter, the loading call and where it is. */
  public record Hit(String idParam, String loader, String file, int line) {}

  private static final int DEPTH = 2;
  private static final Pattern ID_NAME = Pattern.compile("(?i)id|.*(Id|_id|uuid|Uuid|UUID|Key)");
  private static final Set<String> LOADERS = Set.of("findById", "getById", "getReferenceById", "findOne", "getOne",
      "findByUuid", "deleteById", "findByIdOrNull");
  private static final Pattern SERVICE_LOADER = Pattern.compile("(get|find|load|fetch|read|delete|remove|update)\\w*By(Id|Uuid)");
  private static final Pattern SCOPED = Pattern.compile(
      "(?i)(and|for|by)(owner|user|tenant|account|customer|principal|member|organi[sz]ation|org)");
  /** Lower-case fragments of names that refer to the caller (plain substring checks: this runs on every name). */
  private static final List<String> GUARD = List.of("principal", "securitycontext", "authentication", "getremoteuser",
      "currentuser", "tenant", "owner", "haspermission", "checkaccess", "authoriz");
  private static final Set<String> PRINCIPAL_TYPES = Set.of("Principal", "Authentication", "JwtAuthenticationToken", "Jwt",
      "OidcUser", "OAuth2User", "UserDetails", "AbstractAuthenticationToken", "SecurityContext", "SecurityIdentity");

  private final JavaProject project;
  private final JavaRoutes routes;

  public ObjectAccess(JavaProject project, JavaRoutes routes) {
    this.project = project;
    this.routes = routes;
  }

  /** The unguarded load in {@code jr}'s handler, or null; a handler serving several routes is judged once. */
  public Hit find(JavaRoute jr) {
    MethodInfo m = jr.route().handlerMethod();
    if (m == null) {
      return null;
    }
    return cache.computeIfAbsent(m, k -> java.util.Optional.ofNullable(judge(jr))).orElse(null);
  }

  private final java.util.Map<MethodInfo, java.util.Optional<Hit>> cache = new java.util.IdentityHashMap<>();
  private final java.util.Map<javax.lang.model.element.Name, Boolean> guardedNames = new java.util.IdentityHashMap<>();
  /** Per called method name: whether it is an owner- or tenant-scoped finder; names recur across handlers. */
  private final java.util.Map<String, Boolean> scoped = new java.util.HashMap<>();

  private Hit judge(JavaRoute jr) {
    MethodInfo m = jr.route().handlerMethod();
    if (m.body() == null || guardedByAnnotations(jr) || guardedByParameters(jr, m)) {
      return null;
    }
    Set<String> ids = idParameters(jr, m);
    if (ids.isEmpty()) {
      return null;
    }
    List<Hit> hits = new ArrayList<>();
    Set<MethodInfo> visited = new HashSet<>();
    if (!walk(m, ids, 0, visited, hits)) {
      return null;
    }
    return hits.isEmpty() ? null : hits.get(0);
  }

  private boolean guardedByAnnotations(JavaRoute jr) {
    for (List<Ann> level : List.of(jr.methodAnns(), jr.classAnns())) {
      for (Ann a : level) {
        if (Names.POST_AUTHORIZE.contains(a.name())) {
          return true;
        }
        if (Names.PRE_AUTHORIZE.contains(a.name()) && a.attr("value") != null) {
          String expr = a.attr("value").expr().toString();
          if (expr.contains("#") || expr.contains("principal") || expr.contains("authentication") || expr.contains("@")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private boolean guardedByParameters(JavaRoute jr, MethodInfo m) {
    for (int i = 0; i < m.paramNames().size(); i++) {
      String type = m.paramTypes().get(i);
      String simple = type.substring(type.lastIndexOf('.') + 1);
      if (PRINCIPAL_TYPES.contains(simple) || guard(m.paramNames().get(i)) || guard(simple)) {
        return true;
      }
      for (Ann a : jr.paramAnns(i)) {
        if (Names.AUTHENTICATION_PRINCIPAL.contains(a.name()) || guard(a.simpleName())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Java names of the parameters bound from the path or query that look like object ids. */
  private Set<String> idParameters(JavaRoute jr, MethodInfo m) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i < m.paramNames().size(); i++) {
      for (Ann a : jr.paramAnns(i)) {
        boolean bound = Names.SPRING_PATH_VARIABLE.contains(a.name()) || Names.SPRING_REQUEST_PARAM.contains(a.name())
            || Names.JAXRS_PATH_PARAM.contains(a.name()) || Names.JAXRS_QUERY_PARAM.contains(a.name())
            || Names.MICRONAUT_PATH_VARIABLE.contains(a.name()) || Names.MICRONAUT_QUERY.contains(a.name());
        String name = m.paramNames().get(i);
        String bindName = a.strings(routes.constants(), "value", "name").stream().findFirst().orElse(name);
        if (bound && (ID_NAME.matcher(name).matches() || ID_NAME.matcher(bindName).matches())) {
          out.add(name);
        }
      }
    }
    return out;
  }

  /**
   * Follows the ids through {@code m}'s calls; returns false as soon as any visited method refers to the
   * caller (then the whole handler counts as guarded).
   */
  private boolean walk(MethodInfo m, Set<String> ids, int depth, Set<MethodInfo> visited, List<Hit> hits) {
    if (!visited.add(m) || m.body() == null) {
      return true;
    }
    Set<String> names = new HashSet<>(ids);
    if (mentionsCaller(m, names)) {
      return false;
    }
    for (CallSite c : project.calls(m)) {
      List<? extends ExpressionTree> args = c.tree() instanceof MethodInvocationTree mi ? mi.getArguments()
          : c.tree() instanceof NewClassTree n ? n.getArguments() : List.of();
      String name = c.call().name();
      if (scoped.computeIfAbsent(name, k -> SCOPED.matcher(k).find())) {
        return false;
      }
      for (int k = 0; k < args.size(); k++) {
        if (!mentions(args.get(k), names)) {
          continue;
        }
        boolean entityManagerFind = name.equals("find") && args.size() >= 2
            && (c.call().declaringType() == null || c.call().declaringType().endsWith("EntityManager") || c.call().declaringType().endsWith("Session"));
        if (LOADERS.contains(name) || entityManagerFind || SERVICE_LOADER.matcher(name).matches()) {
          hits.add(new Hit(String.join(", ", new java.util.TreeSet<>(ids)), receiver(c) + name, m.owner().unit().path(), c.line()));
        }
        if (depth < DEPTH) {
          for (MethodInfo target : c.call().targets()) {
            if (k < target.paramNames().size() && !walk(target, Set.of(target.paramNames().get(k)), depth + 1, visited, hits)) {
              return false;
            }
          }
        }
      }
    }
    return true;
  }

  /**
   * One walk over {@code m}'s body: whether any name used there refers to the caller (names, not printed
   * source, for speed), and the locals initialised from an id, which join {@code names}
   * ({@code Long orderId = Long.valueOf(id)}: the id under another name).
   */
  private boolean mentionsCaller(MethodInfo m, Set<String> names) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(com.sun.source.tree.Tree tree, Void p) {
        return found[0] ? null : super.scan(tree, p);
      }

      @Override
      public Void visitIdentifier(IdentifierTree node, Void p) {
        found[0] |= guardName(node.getName());
        return null;
      }

      @Override
      public Void visitMemberSelect(com.sun.source.tree.MemberSelectTree node, Void p) {
        found[0] |= guardName(node.getIdentifier());
        return super.visitMemberSelect(node, p);
      }

      @Override
      public Void visitLiteral(com.sun.source.tree.LiteralTree node, Void p) {
        found[0] |= node.getValue() instanceof String v && guard(v);
        return null;
      }

      @Override
      public Void visitVariable(com.sun.source.tree.VariableTree v, Void p) {
        if (v.getInitializer() != null && mentions(v.getInitializer(), names)) {
          names.add(v.getName().toString());
        }
        return super.visitVariable(v, p);
      }
    }.scan(m.body(), null);
    return found[0];
  }

  /**
   * {@link #guard} of a javac name. The parser interns names, so the answer is kept per name object: the same
   * identifiers recur in every handler and service.
   */
  private boolean guardName(javax.lang.model.element.Name name) {
    Boolean known = guardedNames.get(name);
    if (known == null) {
      known = guard(name);
      guardedNames.put(name, known);
    }
    return known;
  }

  private static boolean guard(CharSequence name) {
    String n = name.toString().toLowerCase(java.util.Locale.ROOT);
    for (String g : GUARD) {
      if (n.contains(g)) {
        return true;
      }
    }
    return false;
  }

  private static String receiver(CallSite c) {
    if (c.tree() instanceof MethodInvocationTree mi && mi.getMethodSelect() instanceof com.sun.source.tree.MemberSelectTree ms) {
      String r = ms.getExpression().toString();
      return (r.length() > 40 ? "..." : r) + ".";
    }
    return "";
  }

  private static boolean mentions(ExpressionTree e, Set<String> names) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void p) {
        found[0] |= names.contains(node.getName().toString());
        return null;
      }
    }.scan(e, null);
    return found[0];
  }
}
