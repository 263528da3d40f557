package dev.shipgate.scanner.api.security;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import dev.shipgate.scanner.api.java.Ann;
import dev.shipgate.scanner.api.java.Constants;
import dev.shipgate.scanner.api.model.Access;
import dev.shipgate.scanner.api.model.PathPattern;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.frontend.TypeInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads Spring Security's {@code HttpSecurity} / {@code ServerHttpSecurity} configuration into ordered
 * filter chains of ordered authorization rules, from {@code SecurityFilterChain} beans and
 * {@code WebSecurityConfigurerAdapter.configure} methods, in the lambda DSL and the older chained DSL
 * ({@code .and()}), and {@code web.ignoring()} customizers.
 */
public final class SpringSecurity {

  /** How a chain authorizes requests; it decides what happens to a request no rule matches. */
  public enum Style { NONE, AUTHORIZE_HTTP_REQUESTS, AUTHORIZE_REQUESTS }

  /**
   * A request matcher. {@code patterns} null means any request; {@code methods} empty means any method;
   * unresolved matchers (a variable, a custom matcher) may or may not match.
   */
  public record Matcher(Set<String> methods, List<PathPattern> patterns, boolean resolved, String text, String file, int line) {

    /** TRUE, FALSE or null (unknown) for requests with {@code method} to every URL of the route split into {@code path}. */
    public Boolean matches(String method, String[] path) {
      if (!resolved) {
        return null;
      }
      if (!methods.isEmpty() && !methods.contains(method)) {
        return false;
      }
      if (patterns == null) {
        return true;
      }
      for (PathPattern p : patterns) {
        if (p.matches(path)) {
          return true;
        }
      }
      return false;
    }

    public String where() {
      return text + " (" + file + ":" + line + ")";
    }
  }

  /** One {@code matcher -> access} rule; {@code access} null when the access expression could not be read. */
  public record Rule(Matcher matcher, Access access, String accessText) {}

  /** One filter chain; an empty {@code securityMatchers} list means it serves every request. */
  public record Chain(String name, String file, int line, int order, int position, List<Matcher> securityMatchers,
      List<Rule> rules, Style style) {}

  private static final Set<String> HTTP_SECURITY = Set.of("HttpSecurity", "ServerHttpSecurity");
  private static final Set<String> AUTHORIZE = Set.of("authorizeHttpRequests", "authorizeRequests", "authorizeExchange");
  private static final Set<String> MATCHERS = Set.of("requestMatchers", "antMatchers", "mvcMatchers", "regexMatchers",
      "pathMatchers", "anyRequest", "anyExchange", "dispatcherTypeMatchers", "matchers", "antMatcher", "mvcMatcher",
      "regexMatcher", "securityMatcher", "requestMatcher");
  private static final Set<String> SECURITY_MATCHER = Set.of("securityMatcher", "antMatcher", "mvcMatcher", "regexMatcher",
      "requestMatcher");
  private static final Set<String> ACCESS = Set.of("permitAll", "anonymous", "denyAll", "authenticated", "fullyAuthenticated",
      "rememberMe", "hasRole", "hasAnyRole", "hasAuthority", "hasAnyAuthority", "hasIpAddress", "access", "hasAllAuthorities",
      "hasAllRoles");
  private static final List<String> STATIC_RESOURCES = List.of("/css/**", "/js/**", "/images/**", "/webjars/**",
      "/favicon.*", "/*/icon-*");
  private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE");
  private static final int INLINE_DEPTH = 3;

  private enum Mode { HTTP, AUTHZ, PENDING, SECURITY_MATCHER, OTHER }

  private final JavaProject project;
  private final Constants constants;
  private final List<Chain> chains = new ArrayList<>();
  private final List<Matcher> ignored = new ArrayList<>();
  private boolean methodSecurity;

  private SpringSecurity(JavaProject project) {
    this.project = project;
    this.constants = new Constants(project);
  }

  /** Reads every security configuration in the project. */
  public static SpringSecurity read(JavaProject project) {
    SpringSecurity s = new SpringSecurity(project);
    int position = 0;
    for (MethodInfo m : project.methods()) {
      int http = httpParameter(m);
      if (http >= 0 && isChainRoot(m)) {
        s.chains.add(s.chain(m, http, position++));
      }
      if (m.body() != null && (m.returnType().endsWith("WebSecurityCustomizer") || (http < 0 && m.paramTypes().size() == 1
          && m.paramTypes().get(0).endsWith("WebSecurity")))) {
        s.readIgnoring(m); // ignoring() exists only on WebSecurity
      }
    }
    for (TypeInfo t : project.types()) {
      for (String a : t.annotations()) {
        s.methodSecurity |= dev.shipgate.scanner.api.java.Names.ENABLE_METHOD_SECURITY.contains(a) || a.equals("EnableMethodSecurity")
            || a.equals("EnableGlobalMethodSecurity") || a.equals("EnableReactiveMethodSecurity");
      }
    }
    s.chains.sort(Comparator.comparingInt(Chain::order).thenComparingInt(Chain::position));
    return s;
  }

  /** Chains in the order Spring consults them ({@code @Order}, then declaration). */
  public List<Chain> chains() {
    return List.copyOf(chains);
  }

  /** Matchers of {@code web.ignoring()}: requests that bypass every filter chain. */
  public List<Matcher> ignored() {
    return List.copyOf(ignored);
  }

  /** Whether {@code @EnableMethodSecurity} (or its predecessors) is declared. */
  public boolean methodSecurityEnabled() {
    return methodSecurity;
  }

  private static int httpParameter(MethodInfo m) {
    for (int i = 0; i < m.paramTypes().size(); i++) {
      String t = m.paramTypes().get(i);
      // Every method of the repository passes here: test the ending before cutting the simple name out.
      if (t.endsWith("HttpSecurity") && HTTP_SECURITY.contains(t.substring(t.lastIndexOf('.') + 1))) {
        return i;
      }
    }
    return -1;
  }

  /** A bean producing a chain or an adapter's {@code configure}; other methods taking HttpSecurity are helpers. */
  private static boolean isChainRoot(MethodInfo m) {
    String ret = m.returnType();
    return ret.endsWith("SecurityFilterChain") || ret.endsWith("SecurityWebFilterChain")
        || (m.name().equals("configure") && m.paramNames().size() == 1);
  }

  private Chain chain(MethodInfo m, int httpParam, int position) {
    Builder b = new Builder(m);
    Map<String, Mode> env = new HashMap<>();
    env.put(m.paramNames().get(httpParam), Mode.HTTP);
    b.body(m.body(), env, 0);
    int order = order(Ann.of(project, m.owner(), m.tree().getModifiers()));
    if (order == Integer.MAX_VALUE) {
      order = order(Ann.of(project, m.owner(), m.owner().tree().getModifiers()));
    }
    return new Chain(m.owner().simpleName() + "#" + m.name(), m.owner().unit().path(), m.owner().unit().line(m.tree()),
        order, position, List.copyOf(b.securityMatchers), List.copyOf(b.rules), b.style);
  }

  private int order(List<Ann> anns) {
    for (Ann a : anns) {
      if (a.simpleName().equals("Order") && a.attr("value") != null) {
        String text = a.attr("value").expr().toString();
        if (text.contains("HIGHEST_PRECEDENCE")) {
          return Integer.MIN_VALUE;
        }
        List<String> v = a.strings(constants, "value");
        try {
          return v.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(v.get(0).trim());
        } catch (NumberFormatException e) {
          return Integer.MAX_VALUE;
        }
      }
    }
    return Integer.MAX_VALUE;
  }

  /** {@code web -> web.ignoring().requestMatchers(...)}: each matcher call after {@code ignoring()}. */
  private void readIgnoring(MethodInfo m) {
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
        if (node.getMethodSelect() instanceof MemberSelectTree ms && MATCHERS.contains(ms.getIdentifier().toString())
            && ms.getExpression().toString().endsWith("ignoring()")) {
          ignored.add(matcher(node, m));
        }
        return super.visitMethodInvocation(node, p);
      }
    }.scan(m.body(), null);
  }

  /** Interprets one configuration method's statements as a chain of DSL calls. */
  private final class Builder {
    final MethodInfo method;
    final List<Matcher> securityMatchers = new ArrayList<>();
    final List<Rule> rules = new ArrayList<>();
    Style style = Style.NONE;
    Matcher pending;
    MethodInfo current;

    Builder(MethodInfo method) {
      this.method = method;
      this.current = method;
    }

    void body(Tree body, Map<String, Mode> env, int depth) {
      if (body == null) {
        return;
      }
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitExpressionStatement(ExpressionStatementTree node, Void p) {
          eval(node.getExpression(), env, depth);
          return null;
        }

        @Override
        public Void visitReturn(ReturnTree node, Void p) {
          eval(node.getExpression(), env, depth);
          return null;
        }

        @Override
        public Void visitVariable(VariableTree node, Void p) {
          Mode m = eval(node.getInitializer(), env, depth);
          if (m != Mode.OTHER) {
            env.put(node.getName().toString(), m);
          }
          return null;
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree node, Void p) {
          return null;
        }

        @Override
        public Void visitClass(ClassTree node, Void p) {
          return null;
        }
      }.scan(body, null);
    }

    Mode eval(ExpressionTree e, Map<String, Mode> env, int depth) {
      if (e instanceof ParenthesizedTree p) {
        return eval(p.getExpression(), env, depth);
      }
      if (e instanceof IdentifierTree id) {
        return env.getOrDefault(id.getName().toString(), Mode.OTHER);
      }
      if (!(e instanceof MethodInvocationTree call)) {
        return Mode.OTHER;
      }
      String name;
      Mode recv;
      if (call.getMethodSelect() instanceof MemberSelectTree ms) {
        recv = eval(ms.getExpression(), env, depth);
        name = ms.getIdentifier().toString();
      } else {
        name = call.getMethodSelect().toString();
        recv = Mode.OTHER;
        inlineHelper(call, env, depth);
      }
      return apply(name, call, recv, env, depth);
    }

    /** {@code configureCommon(http)}: a repository method that receives the HttpSecurity continues the chain. */
    private void inlineHelper(MethodInvocationTree call, Map<String, Mode> env, int depth) {
      if (depth >= INLINE_DEPTH) {
        return;
      }
      for (int i = 0; i < call.getArguments().size(); i++) {
        if (call.getArguments().get(i) instanceof IdentifierTree arg && env.get(arg.getName().toString()) == Mode.HTTP) {
          for (MethodInfo target : project.resolveCall(project.scope(current), call).targets()) {
            if (httpParameter(target) == i && target.body() != null) {
              MethodInfo saved = current;
              current = target;
              Map<String, Mode> inner = new HashMap<>();
              inner.put(target.paramNames().get(i), Mode.HTTP);
              body(target.body(), inner, depth + 1);
              current = saved;
            }
          }
        }
      }
    }

    private Mode apply(String name, MethodInvocationTree call, Mode recv, Map<String, Mode> env, int depth) {
      List<? extends ExpressionTree> args = call.getArguments();
      switch (recv) {
        case HTTP:
          if (AUTHORIZE.contains(name)) {
            style = name.equals("authorizeRequests") ? Style.AUTHORIZE_REQUESTS : Style.AUTHORIZE_HTTP_REQUESTS;
            return lambdas(args, Mode.AUTHZ, env, depth) ? Mode.HTTP : Mode.AUTHZ;
          }
          if (SECURITY_MATCHER.contains(name) && !args.isEmpty()) {
            securityMatchers.add(matcher(call, current));
            return Mode.HTTP;
          }
          if (name.equals("securityMatchers") || name.equals("requestMatchers")) {
            return lambdas(args, Mode.SECURITY_MATCHER, env, depth) ? Mode.HTTP : Mode.SECURITY_MATCHER;
          }
          return name.equals("and") || name.equals("build") || !args.isEmpty() ? Mode.HTTP : Mode.OTHER;
        case AUTHZ:
          if (MATCHERS.contains(name)) {
            pending = matcher(call, current);
            return Mode.PENDING;
          }
          return name.equals("and") ? Mode.HTTP : Mode.AUTHZ;
        case PENDING:
          if (name.equals("not")) {
            rules.add(new Rule(pending, null, pending.text() + ".not()"));
            return Mode.OTHER;
          }
          if (ACCESS.contains(name)) {
            Access a = access(name, args);
            rules.add(new Rule(pending, a, name + "(" + join(args) + ")"));
            return Mode.AUTHZ;
          }
          return Mode.PENDING;
        case SECURITY_MATCHER:
          if (MATCHERS.contains(name)) {
            securityMatchers.add(matcher(call, current));
            return Mode.SECURITY_MATCHER;
          }
          return name.equals("and") ? Mode.HTTP : Mode.SECURITY_MATCHER;
        default:
          return name.equals("and") || name.equals("disable") ? Mode.HTTP : Mode.OTHER;
      }
    }

    /** Interprets lambda arguments with their parameter in {@code mode}; false when there are none. */
    private boolean lambdas(List<? extends ExpressionTree> args, Mode mode, Map<String, Mode> env, int depth) {
      boolean any = false;
      for (ExpressionTree a : args) {
        if (a instanceof LambdaExpressionTree l && l.getParameters().size() == 1) {
          any = true;
          Map<String, Mode> inner = new HashMap<>(env);
          inner.put(l.getParameters().get(0).getName().toString(), mode);
          if (l.getBody() instanceof BlockTree block) {
            for (StatementTree st : block.getStatements()) {
              body(st, inner, depth);
            }
          } else {
            eval((ExpressionTree) l.getBody(), inner, depth);
          }
        }
      }
      return any;
    }

    private Access access(String name, List<? extends ExpressionTree> args) {
      switch (name) {
        case "permitAll": case "anonymous": case "hasIpAddress":
          return Access.PUBLIC;
        case "denyAll":
          return Access.DENIED;
        case "authenticated": case "fullyAuthenticated": case "rememberMe":
          return Access.AUTHENTICATED;
        case "access": {
          List<String> expr = new ArrayList<>();
          for (ExpressionTree a : args) {
            expr.addAll(stringsWithin(a, current.owner()));
          }
          return expr.size() == 1 ? Expressions.classify(expr.get(0)) : null;
        }
        default:
          return Access.RESTRICTED;
      }
    }
  }

  /** Reads matcher arguments: an HttpMethod, path strings, constructed or static-factory matchers. */
  private Matcher matcher(MethodInvocationTree call, MethodInfo in) {
    String name = Constants.lastName(call.getMethodSelect());
    List<? extends ExpressionTree> args = call.getArguments();
    String file = in.owner().unit().path();
    // The line of the method name: a chain's tree starts at its receiver, lines above.
    long end = in.owner().unit().endPosition(call.getMethodSelect());
    int line = end > 0 ? in.owner().unit().lineAt(end - 1) : in.owner().unit().line(call);
    String text = name + "(" + join(args) + ")";
    if (name.equals("anyRequest") || name.equals("anyExchange")) {
      return new Matcher(Set.of(), null, true, text, file, line);
    }
    if (name.equals("dispatcherTypeMatchers")) {
      return new Matcher(Set.of(), List.of(), true, text, file, line); // forwards and errors, never a handler's own request
    }
    if (name.startsWith("regex")) {
      return new Matcher(Set.of(), List.of(), false, text, file, line);
    }
    Set<String> methods = new LinkedHashSet<>();
    List<String> patterns = new ArrayList<>();
    boolean resolved = !args.isEmpty();
    for (ExpressionTree a : args) {
      resolved &= readMatcherArg(a, in.owner(), methods, patterns, 0);
    }
    return new Matcher(Set.copyOf(methods), PathPattern.compileAll(patterns), resolved, text, file, line);
  }

  private boolean readMatcherArg(ExpressionTree a, TypeInfo context, Set<String> methods, List<String> patterns, int depth) {
    String last = Constants.lastName(a);
    if (a instanceof MemberSelectTree && HTTP_METHODS.contains(last) && a.toString().contains("HttpMethod")) {
      methods.add(last);
      return true;
    }
    List<String> values = constants.strings(a, context);
    if (!values.isEmpty()) {
      for (String v : values) {
        if (HTTP_METHODS.contains(v.toUpperCase(Locale.ROOT)) && !v.startsWith("/")) {
          methods.add(v.toUpperCase(Locale.ROOT));
        } else {
          patterns.add(v);
        }
      }
      return true;
    }
    String text = a.toString();
    if (text.contains("toStaticResources()")) {
      patterns.addAll(STATIC_RESOURCES);
      return true;
    }
    if (text.contains("EndpointRequest.")) {
      return endpoints(a, context, patterns);
    }
    if (depth < 2 && (a instanceof NewClassTree || a instanceof MethodInvocationTree)) {
      List<? extends ExpressionTree> inner = a instanceof NewClassTree n ? n.getArguments() : ((MethodInvocationTree) a).getArguments();
      String callee = a instanceof MethodInvocationTree mi ? Constants.lastName(mi.getMethodSelect()) : text;
      if (callee.contains("Regex") || callee.contains("regex") || inner.isEmpty()) {
        return false;
      }
      boolean ok = true;
      for (ExpressionTree i : inner) {
        if (i.toString().equals("introspector") || i.toString().endsWith("Introspector")) {
          continue; // MvcRequestMatcher's first argument
        }
        ok &= readMatcherArg(i, context, methods, patterns, depth + 1);
      }
      return ok;
    }
    return false;
  }

  /** Actuator endpoint matchers: {@code toAnyEndpoint()}, {@code to("health")}, {@code to(HealthEndpoint.class)}. */
  private boolean endpoints(ExpressionTree a, TypeInfo context, List<String> patterns) {
    if (a.toString().contains("toAnyEndpoint()") && !a.toString().contains("excluding")) {
      patterns.add("/actuator/**");
      return true;
    }
    if (a instanceof MethodInvocationTree mi && Constants.lastName(mi.getMethodSelect()).equals("to")) {
      for (ExpressionTree arg : mi.getArguments()) {
        List<String> ids = constants.strings(arg, context);
        if (!ids.isEmpty()) {
          ids.forEach(id -> patterns.add("/actuator/" + id + "/**"));
        } else if (arg instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("class")) {
          String type = ms.getExpression().toString();
          String id = type.substring(type.lastIndexOf('.') + 1).replace("Endpoint", "");
          patterns.add("/actuator/" + id.substring(0, 1).toLowerCase(Locale.ROOT) + id.substring(1) + "/**");
        } else {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private List<String> stringsWithin(ExpressionTree e, TypeInfo context) {
    List<String> direct = constants.strings(e, context);
    if (!direct.isEmpty()) {
      return direct;
    }
    List<String> out = new ArrayList<>();
    if (e instanceof NewClassTree n) {
      n.getArguments().forEach(a -> out.addAll(constants.strings(a, context)));
    } else if (e instanceof MethodInvocationTree mi) {
      mi.getArguments().forEach(a -> out.addAll(constants.strings(a, context)));
    }
    return out;
  }

  private static String join(List<? extends ExpressionTree> args) {
    List<String> parts = new ArrayList<>();
    for (ExpressionTree a : args) {
      parts.add(a.toString());
    }
    String s = String.join(", ", parts);
    return s.length() > 120 ? s.substring(0, 117) + "..." : s;
  }
}
