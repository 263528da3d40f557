package dev.shipgate.scanner.java.taint;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import dev.shipgate.core.model.Location;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.JavaUnit;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.frontend.MethodScope;
import dev.shipgate.scanner.java.frontend.ProjectConfig;
import dev.shipgate.scanner.java.frontend.ResolvedCall;
import dev.shipgate.scanner.java.frontend.ViewTemplates;
import dev.shipgate.scanner.java.frontend.TypeInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One flow-sensitive walk over one method body: abstract values for locals, fields of {@code this},
 * containers by constant key, constant folding for branches, and calls resolved against models and
 * method summaries. Produces the method's {@link Summary} and its findings.
 */
final class MethodAnalyzer {

  static final class BudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetExceeded(String message) {
      super(message, null, false, false);
    }
  }

  private static final Set<String> NUMERIC = Set.of("int", "long", "short", "byte", "double", "float", "boolean",
      "char", "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte", "java.lang.Double",
      "java.lang.Float", "java.lang.Boolean", "java.lang.Character", "java.math.BigDecimal", "java.math.BigInteger");
  /** Nested loops beyond this depth are walked once, so deeply nested loops cannot blow up exponentially. */
  private static final int REPEAT_LOOPS_UP_TO_DEPTH = 3;

  private final TaintEngine engine;
  private final MethodInfo method;
  private final MethodScope scope;
  private final JavaUnit unit;
  private final JavaProject project;
  private final Models models;
  private final List<MethodVisitor> visitors;
  private final Reporter reporter;

  private Env env = new Env();
  private Env exits = Env.deadEnv();
  private List<Models.ReturnSink> returnSinks = List.of();
  private Value returned;
  private final List<Summary.SinkHit> hits = new ArrayList<>();
  /** What a handler put into the model, and the view names it may render: joined with the templates at the end. */
  private final List<ModelAttribute> modelAttributes = new ArrayList<>();
  private final Set<String> views = new java.util.LinkedHashSet<>();
  /** The receiver field every return so far reads ({@code return this.f;}), while {@code returnsField} holds. */
  private String returnField;
  private boolean returnsField = true;
  /** The parameter every return so far hands back unchanged ({@code return t;}), -1 before any, -2 when none. */
  private int returnParam = -1;
  /** Variables assigned from a normalised or canonical path, for {@code startsWith} containment checks. */
  private final java.util.Set<String> normalizedVars = new java.util.HashSet<>();
  /** The response variable each {@code getWriter()}/{@code getOutputStream()} call of this method was made on. */
  private final Map<Location, String> writerResponses = new HashMap<>();
  private final ArrayDeque<Env[]> breaks = new ArrayDeque<>();
  private final ArrayDeque<Env[]> continues = new ArrayDeque<>();
  private final ArrayDeque<Value[]> yields = new ArrayDeque<>();
  private int loopDepth;
  private long steps;
  private final long maxSteps;
  private final long deadline;

  MethodAnalyzer(TaintEngine engine, MethodInfo method, MethodScope scope, List<MethodVisitor> visitors, Reporter reporter,
      long maxSteps, long deadline) {
    this.engine = engine;
    this.method = method;
    this.scope = scope;
    this.unit = method.owner().unit();
    this.project = engine.project;
    this.models = engine.models;
    this.visitors = visitors;
    this.reporter = reporter;
    this.maxSteps = maxSteps;
    this.deadline = deadline;
  }

  Summary run() {
    List<? extends VariableTree> params = method.isImplicit() ? List.of() : method.tree().getParameters();
    for (int i = 0; i < params.size(); i++) {
      VariableTree p = params.get(i);
      String name = p.getName().toString();
      Location loc = loc(p);
      Value v = Value.of(List.of(new Fact(i, "param", 0, Step.start(loc, "parameter `" + name + "`"))));
      String injected = injectedValue(p.getModifiers());
      if (injected != null) {
        v = Value.constant(injected);
      }
      String label = parameterSourceLabel(i);
      if (label != null && !NUMERIC.contains(method.paramTypes().get(i))) {
        v = v.withFacts(List.of(new Fact(Fact.SOURCE, "remote", 0, Step.start(loc, label + " `" + name + "`"))));
      }
      env.vars.put(name, v);
      String attribute = engine.templates.isEmpty() ? null : modelAttributeName(p, i);
      if (attribute != null) {
        modelAttributes.add(new ModelAttribute(attribute, v, loc));
      }
    }
    if (isHandler()) {
      returnSinks = responseBodySinks();
    }
    if (method.isConstructor() && !delegatesToThis()) {
      initializeFields();
    }
    if (method.body() != null) {
      exec((StatementTree) method.body());
    }
    if (!modelAttributes.isEmpty() && !views.isEmpty()) {
      renderedUnescaped();
    }
    List<Fact> ret = returned == null ? List.of() : returned.deepFacts();
    exits = Env.join(exits, env);
    Map<String, List<Fact>> writes = new java.util.TreeMap<>();
    if (!method.isStatic()) {
      for (Map.Entry<String, Value> e : exits.vars.entrySet()) {
        if (e.getKey().startsWith("this.")) {
          List<Fact> fs = new ArrayList<>();
          for (Fact f : e.getValue().deepFacts()) {
            if (f.origin() != Fact.RECEIVER) {
              fs.add(f);
            }
          }
          if (!fs.isEmpty()) {
            writes.put(e.getKey().substring(5), Value.cap(fs));
          }
        }
      }
    }
    // A helper that sets its response parameter's content type sets it for the caller's response.
    Map<Integer, Object> contentTypes = new java.util.TreeMap<>();
    for (int i = 0; i < params.size(); i++) {
      Value ct = exits.vars.get(CONTENT_TYPE + params.get(i).getName());
      if (ct != null && ct.constant() != null) {
        contentTypes.put(i, ct.constant());
      }
    }
    Map<String, List<Fact>> modelWrites = new java.util.TreeMap<>();
    for (ModelAttribute a : modelAttributes) {
      List<Fact> fs = a.value().step(a.at(), "put into the model as `" + a.name() + "`").deepFacts();
      if (!fs.isEmpty()) {
        modelWrites.merge(a.name(), fs, (x, y) -> Value.cap(java.util.stream.Stream.concat(x.stream(), y.stream()).toList()));
      }
    }
    return new Summary(ret, hits, writes, returned == null ? null : returned.runtimeType(),
        returned == null ? null : returned.constant(), returnsField ? returnField : null, modelWrites, contentTypes,
        Math.max(returnParam, -1), writesReceiverField(exits) ? overwrittenFields() : Set.of());
  }

  private static boolean writesReceiverField(Env exits) {
    for (String k : exits.vars.keySet()) {
      if (k.startsWith("this.")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Receiver fields the body assigns with a plain {@code =} in its top-level statements before any statement that
   * could return early: assigned on every normal path, whatever the arguments.
   */
  private Set<String> overwrittenFields() {
    if (method.isStatic() || !(method.body() instanceof com.sun.source.tree.BlockTree body)) {
      return Set.of();
    }
    Set<String> out = new java.util.TreeSet<>();
    for (StatementTree st : body.getStatements()) {
      if (mayReturn(st)) {
        break;
      }
      if (st instanceof ExpressionStatementTree es && es.getExpression() instanceof AssignmentTree a) {
        String key = variableKey(a.getVariable());
        TypeInfo.FieldInfo f = key != null && key.startsWith("this.") ? project.field(scope.owner(), key.substring(5)) : null;
        if (f != null && !f.isStatic()) {
          out.add(f.name());
        }
      }
    }
    return out.isEmpty() ? Set.of() : out;
  }

  /** Whether {@code st} contains a {@code return} of this method (lambdas and local classes return from themselves). */
  private static boolean mayReturn(StatementTree st) {
    boolean[] found = {false};
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitReturn(com.sun.source.tree.ReturnTree node, Void p) {
        found[0] = true;
        return null;
      }

      @Override
      public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree node, Void p) {
        return null;
      }

      @Override
      public Void visitClass(com.sun.source.tree.ClassTree node, Void p) {
        return null;
      }
    }.scan(st, null);
    return found[0];
  }

  /** The index of the parameter {@code e} names when the body never assigns that parameter, else -1. */
  private int unchangedParameter(ExpressionTree e) {
    int i = e instanceof IdentifierTree id ? method.paramNames().indexOf(id.getName().toString()) : -1;
    if (i < 0) {
      return -1;
    }
    String name = method.paramNames().get(i);
    boolean[] assigned = {false};
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree a, Void v) {
        assigned[0] |= a.getVariable() instanceof IdentifierTree t && t.getName().contentEquals(name);
        return super.visitAssignment(a, v);
      }
    }.scan(method.body(), null);
    return assigned[0] ? -1 : i;
  }

  /** The return sinks that apply to this handler: by annotation on it or its class, return type and media type. */
  private List<Models.ReturnSink> responseBodySinks() {
    List<Models.ReturnSink> out = new ArrayList<>();
    for (Models.ReturnSink rs : models.returnSinks()) {
      if (annotated(rs.annotations()) && !annotated(rs.unlessAnnotated())
          && (rs.returnTypes().contains(method.returnType()) || rs.returnTypes().contains(genericReturnType()))
          && !producesNonHtml()) {
        out.add(rs);
      }
    }
    return out;
  }

  /** The declared return type with its type arguments ({@code reactor.core.publisher.Mono<java.lang.String>}), or null. */
  private String genericReturnType() {
    if (method.isImplicit() || !(method.tree().getReturnType() instanceof ParameterizedTypeTree p)) {
      return null;
    }
    java.util.StringJoiner args = new java.util.StringJoiner(",", "<", ">");
    for (Tree a : p.getTypeArguments()) {
      args.add(String.valueOf(project.resolveType(method.owner(), a)));
    }
    return project.resolveType(method.owner(), p.getType()) + args;
  }

  /** Whether the method or its class (or an outer class) carries one of {@code annotations}. */
  private boolean annotated(Set<String> annotations) {
    for (String a : method.annotations()) {
      if (annotations.contains(a) || matchesSimple(annotations, a)) {
        return true;
      }
    }
    for (TypeInfo t = method.owner(); t != null; t = t.outer()) {
      for (String a : t.annotations()) {
        if (annotations.contains(a) || matchesSimple(annotations, a)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A mapping with {@code produces} naming JSON, XML or plain text is not rendered as HTML. */
  private boolean producesNonHtml() {
    if (method.isImplicit()) {
      return false;
    }
    for (com.sun.source.tree.AnnotationTree a : method.tree().getModifiers().getAnnotations()) {
      for (ExpressionTree arg : a.getArguments()) {
        if (arg instanceof AssignmentTree as && as.getVariable().toString().equals("produces")) {
          String text = as.getExpression().toString().toLowerCase(java.util.Locale.ROOT);
          return !text.contains("html") && (text.contains("json") || text.contains("xml") || text.contains("plain")
              || text.contains("octet") || text.contains("csv"));
        }
      }
    }
    return false;
  }

  /** A constructor that starts with {@code this(...)} leaves field initializers to the one it calls. */
  private boolean delegatesToThis() {
    if (method.isImplicit() || method.tree().getBody() == null) {
      return false;
    }
    List<? extends StatementTree> st = method.tree().getBody().getStatements();
    return !st.isEmpty() && st.get(0) instanceof ExpressionStatementTree es
        && es.getExpression() instanceof MethodInvocationTree mi && mi.getMethodSelect() instanceof IdentifierTree id
        && id.getName().contentEquals("this");
  }

  /** Instance field initializers run at the start of every constructor; walk them there. */
  private void initializeFields() {
    for (TypeInfo.FieldInfo f : method.owner().fields().values()) {
      if (f.isStatic() || f.initializer() == null || engine.fieldConstant(f, method.owner()) != null) {
        continue;
      }
      Value v = eval((ExpressionTree) f.initializer());
      if (v.isContainer() || !v.facts().isEmpty()) {
        v = v.step(loc(f.declaration()), "assigned to `this." + f.name() + "`");
      }
      env.vars.put("this." + f.name(), v);
      for (MethodVisitor mv : visitors) {
        mv.assign("this." + f.name(), v, f.declaration(), reporter);
      }
    }
  }

  private record ModelAttribute(String name, Value value, Location at) {}

  /**
   * The model attribute a handler parameter becomes: {@code @ModelAttribute("name")}, or for a bare
   * {@code @ModelAttribute} the type's simple name with a lower-case first letter (Spring's convention).
   */
  private String modelAttributeName(VariableTree p, int i) {
    if (!isHandler()) {
      return null;
    }
    for (com.sun.source.tree.AnnotationTree a : p.getModifiers().getAnnotations()) {
      String ann = a.getAnnotationType().toString();
      if (!ann.equals("ModelAttribute") && !ann.endsWith(".ModelAttribute")) {
        continue;
      }
      for (ExpressionTree arg : a.getArguments()) {
        ExpressionTree value = arg instanceof AssignmentTree as && (as.getVariable().toString().equals("value")
            || as.getVariable().toString().equals("name")) ? as.getExpression() : arg;
        if (value instanceof com.sun.source.tree.LiteralTree lit && lit.getValue() instanceof String n && !n.isEmpty()) {
          return n;
        }
      }
      String simple = method.paramTypes().get(i).substring(method.paramTypes().get(i).lastIndexOf('.') + 1);
      return simple.isEmpty() ? null : Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }
    return null;
  }

  /** Records model attributes ({@code model.addAttribute("bio", v)}) and view names given to a {@code ModelAndView}. */
  private void viewModel(String type, String name, List<Value> args, Location at) {
    if (type == null) {
      return;
    }
    if (args.size() == 2 && args.get(0).constant() instanceof String attribute) {
      for (Models.MethodPattern p : models.modelAttributes()) {
        if (p.methods().contains(name) && engine.matches(type, p)) {
          modelAttributes.add(new ModelAttribute(attribute, args.get(1), at));
          break;
        }
      }
    }
    if ((name.equals("<init>") || name.equals("setViewName")) && !args.isEmpty()
        && args.get(0).constant() instanceof String view && project.isSubtype(type, MODEL_AND_VIEW)) {
      addView(view);
    }
  }

  private void addView(String view) {
    if (!view.startsWith("redirect:") && !view.startsWith("forward:")) {
      views.add(view);
    }
  }

  /**
   * A model attribute that a rendered template writes unescaped (Thymeleaf {@code th:utext}, FreeMarker
   * {@code ?no_esc}, JSP EL or {@code <%= %>}, Mustache {@code {{{x}}}}): reported at the template line, where the
   * unescaped output is, with the handler's assignment on the path.
   */
  private void renderedUnescaped() {
    for (String view : views) {
      for (ViewTemplates.Unescaped u : engine.templates.forView(view)) {
        for (ModelAttribute a : modelAttributes) {
          if (u.variables().contains(a.name())) {
            Value v = a.value().step(a.at(), "put into the model as `" + a.name() + "` for view `" + view + "`");
            sink(XSS, "the unescaped " + u.technology() + " output `" + u.expression() + "`", v, u.location(), true);
          }
        }
      }
    }
  }

  /** Label when parameter {@code i} carries request data by annotation, or by being a handler parameter. */
  private String parameterSourceLabel(int i) {
    List<String> anns = method.paramAnnotations().get(i);
    for (Models.ParameterSource ps : models.parameterSources()) {
      for (String a : anns) {
        if (ps.annotations().contains(a) || matchesSimple(ps.annotations(), a)) {
          return ps.label();
        }
      }
    }
    // Spring and Micronaut bind unannotated simple and bean parameters of handler methods from the request, JAX-RS
    // makes one the request entity (validation annotations such as @Valid do not change that).
    if (onlyValidation(anns) && isHandler()) {
      String t = method.paramTypes().get(i);
      if (t.equals("java.lang.String") || t.equals("java.lang.String[]") || t.equals("java.util.List")
          || t.equals("java.util.Map") || t.equals("java.util.Optional")
          || project.type(t) != null && project.type(t).kind() == Tree.Kind.CLASS) {
        return "request-bound handler parameter";
      }
    }
    return null;
  }

  private static boolean onlyValidation(List<String> annotations) {
    for (String a : annotations) {
      String simple = a.substring(a.lastIndexOf('.') + 1);
      if (!simple.equals("Valid") && !simple.equals("Validated")) {
        return false;
      }
    }
    return true;
  }

  private boolean isHandler() {
    Set<String> handlers = models.handlerAnnotations();
    for (String a : method.annotations()) {
      if (handlers.contains(a) || matchesSimple(handlers, a)) {
        return true;
      }
    }
    return false;
  }

  static boolean matchesSimple(Set<String> names, String name) {
    if (name.indexOf('.') >= 0) {
      return false;
    }
    for (String n : names) {
      int dot = n.length() - name.length() - 1;
      if (dot >= 0 && n.charAt(dot) == '.' && n.endsWith(name)) {
        return true;
      }
    }
    return false;
  }

  private void tick() {
    if (++steps > maxSteps) {
      throw new BudgetExceeded("more than " + maxSteps + " analysis steps");
    }
    if ((steps & 1023) == 0 && System.nanoTime() > deadline) {
      throw new BudgetExceeded("time limit reached");
    }
  }

  // ---------------------------------------------------------------- statements

  private void exec(StatementTree s) {
    if (s == null || env.dead) {
      return;
    }
    tick();
    switch (s.getKind()) {
      case BLOCK:
        for (StatementTree st : ((BlockTree) s).getStatements()) {
          if (env.dead) {
            break;
          }
          exec(st);
        }
        return;
      case VARIABLE: {
        VariableTree v = (VariableTree) s;
        String name = engine.text(v.getName());
        Value init = v.getInitializer() == null ? Value.UNKNOWN : eval(v.getInitializer());
        String type = scope.localType(name, v);
        if (type != null && NUMERIC.contains(type)) {
          init = init.toNumber();
        }
        if (v.getInitializer() != null && (init.isContainer() || !init.facts().isEmpty())) {
          init = init.step(loc(v), "assigned to `" + name + "`");
        }
        env.vars.put(name, init);
        if (v.getInitializer() != null && isNormalization(v.getInitializer())) {
          normalizedVars.add(name);
        }
        for (MethodVisitor mv : visitors) {
          mv.assign(name, init, v, reporter);
        }
        return;
      }
      case EXPRESSION_STATEMENT:
        eval(((ExpressionStatementTree) s).getExpression());
        return;
      case IF: {
        IfTree t = (IfTree) s;
        Object c = eval(t.getCondition()).constant();
        if (Boolean.TRUE.equals(c)) {
          exec(t.getThenStatement());
        } else if (Boolean.FALSE.equals(c)) {
          exec(t.getElseStatement());
        } else {
          Guard g = guard(t.getCondition());
          Env before = env.copy();
          if (g != null && g.safeWhen()) {
            g.apply(env);
          }
          exec(t.getThenStatement());
          Env afterThen = env;
          env = before;
          if (g != null && !g.safeWhen()) {
            g.apply(env);
          }
          exec(t.getElseStatement());
          env = Env.join(afterThen, env);
        }
        return;
      }
      case WHILE_LOOP: {
        WhileLoopTree w = (WhileLoopTree) s;
        loop(w, w.getCondition(), w.getStatement(), List.of(), false);
        return;
      }
      case DO_WHILE_LOOP: {
        DoWhileLoopTree d = (DoWhileLoopTree) s;
        loop(d, d.getCondition(), d.getStatement(), List.of(), true);
        return;
      }
      case FOR_LOOP: {
        ForLoopTree f = (ForLoopTree) s;
        for (StatementTree init : f.getInitializer()) {
          exec(init);
        }
        loop(f, f.getCondition(), f.getStatement(), f.getUpdate(), false);
        return;
      }
      case ENHANCED_FOR_LOOP: {
        EnhancedForLoopTree f = (EnhancedForLoopTree) s;
        Value elem = elementOf(eval(f.getExpression()));
        String name = f.getVariable().getName().toString();
        String type = scope.localType(name, f.getVariable());
        Value bound = type != null && NUMERIC.contains(type) ? elem.toNumber() : elem;
        Value stepped = bound.step(loc(f.getVariable()), "element assigned to `" + name + "`");
        loop(f, null, f.getStatement(), List.of(), false, () -> env.vars.put(name, stepped));
        return;
      }
      case SWITCH: {
        SwitchTree sw = (SwitchTree) s;
        switchOver(eval(sw.getExpression()), sw.getCases(), false);
        return;
      }
      case RETURN: {
        ReturnTree r = (ReturnTree) s;
        if (r.getExpression() != null) {
          Value v = eval(r.getExpression());
          if (NUMERIC.contains(method.returnType())) {
            v = v.toNumber();
          }
          for (Models.ReturnSink rs : returnSinks) {
            sink(rs.rule(), rs.label(), v, loc(r), true);
            if (rs.rule().equals(TEMPLATE) && v.constant() instanceof String view) {
              addView(view);
            }
          }
          String f = method.isStatic() ? null : ownField(r.getExpression());
          returnsField &= f != null && (returnField == null || returnField.equals(f));
          returnField = f;
          int p = unchangedParameter(r.getExpression());
          returnParam = p >= 0 && (returnParam == -1 || returnParam == p) ? p : -2;
          v = v.step(loc(r), "returned from `" + method.name() + "`");
          returned = Value.join(returned, v);
          for (MethodVisitor mv : visitors) {
            mv.returns(v, r, reporter);
          }
        }
        exits = Env.join(exits, env.copy());
        env.dead = true;
        return;
      }
      case THROW:
        eval(((ThrowTree) s).getExpression());
        env.dead = true;
        return;
      case BREAK: {
        Env[] target = breaks.peek();
        if (target != null) {
          target[0] = Env.join(target[0], env);
        }
        env = Env.deadEnv();
        return;
      }
      case CONTINUE: {
        Env[] target = continues.peek();
        if (target != null) {
          target[0] = Env.join(target[0], env);
        }
        env = Env.deadEnv();
        return;
      }
      case YIELD: {
        Value v = eval(((YieldTree) s).getValue());
        Value[] target = yields.peek();
        if (target != null) {
          target[0] = Value.join(target[0], v);
        }
        env = Env.deadEnv();
        return;
      }
      case TRY:
        tryStatement((TryTree) s);
        return;
      case LABELED_STATEMENT:
        exec(((LabeledStatementTree) s).getStatement());
        return;
      case SYNCHRONIZED:
        eval(((SynchronizedTree) s).getExpression());
        exec(((SynchronizedTree) s).getBlock());
        return;
      default:
        // Local class declarations are analysed as types of their own; asserts and empty statements carry no flow.
    }
  }

  /**
   * A check that makes a variable safe on one branch: {@code safeWhen} is the condition's value on that
   * branch. {@code constant} replaces the value when the check compared it with a literal.
   */
  private record Guard(String variable, long bits, boolean safeWhen, Object constant) {
    void apply(Env env) {
      Value v = env.vars.get(variable);
      if (v == null) {
        return;
      }
      env.vars.put(variable, constant != null ? Value.constant(constant) : v.sanitize(bits));
    }

    Guard negate() {
      return new Guard(variable, bits, !safeWhen, null);
    }
  }

  /**
   * Recognises barrier checks: {@code x.contains("..")} (path traversal), membership in an upper-case
   * constant allow-list (a collection's {@code contains} or a map's {@code containsKey}), {@code x.matches("[a-z0-9_]+")} with a regex of word characters only,
   * {@code x.equals("literal")}, and {@code startsWith} on a normalised or canonical path.
   */
  private Guard guard(ExpressionTree cond) {
    if (cond instanceof ParenthesizedTree p) {
      return guard(p.getExpression());
    }
    if (cond.getKind() == Tree.Kind.LOGICAL_COMPLEMENT) {
      Guard g = guard(((UnaryTree) cond).getExpression());
      return g == null || g.constant() != null ? null : g.negate();
    }
    if (!(cond instanceof MethodInvocationTree call) || !(call.getMethodSelect() instanceof MemberSelectTree ms)
        || call.getArguments().size() != 1) {
      return null;
    }
    String name = ms.getIdentifier().toString();
    ExpressionTree recv = ms.getExpression();
    ExpressionTree arg = call.getArguments().get(0);
    long all = models.allRuleBits();
    long path = models.ruleBit("java/file/path-traversal");
    String recvVar = recv instanceof IdentifierTree ? variableKey(recv) : null;
    String argVar = arg instanceof IdentifierTree ? variableKey(arg) : null;
    Object argConst = arg instanceof LiteralTree l ? l.getValue() : null;
    switch (name) {
      case "contains":
        if (recvVar != null && argConst instanceof String text && text.contains("..")) {
          return new Guard(recvVar, path, false, null);
        }
        if (argVar != null && isConstantCollection(recv)) {
          return new Guard(argVar, all, true, null);
        }
        return null;
      case "containsKey": // the keys of a constant map: a fixed table of allowed names
        return argVar != null && isConstantCollection(recv) ? new Guard(argVar, all, true, null) : null;
      case "matches":
        if (recvVar != null && argConst instanceof String regex && regex.matches("[\\[\\]^$+*?{},0-9A-Za-z_\\-]+")
            && !regex.contains("\\") && !regex.contains("[^")) {
          return new Guard(recvVar, all, true, null);
        }
        return null;
      case "equals":
        if (recvVar != null && argConst instanceof String) {
          return new Guard(recvVar, all, true, argConst);
        }
        if (argVar != null && recv instanceof LiteralTree rl && rl.getValue() instanceof String lit) {
          return new Guard(argVar, all, true, lit);
        }
        return null;
      case "startsWith": {
        String base = normalizedBase(recv);
        return base == null ? null : new Guard(base, path, true, null);
      }
      default:
        return null;
    }
  }

  private boolean isConstantCollection(ExpressionTree recv) {
    String name = recv instanceof IdentifierTree id ? id.getName().toString()
        : recv instanceof MemberSelectTree ms ? ms.getIdentifier().toString() : null;
    return name != null && name.length() > 1 && name.equals(name.toUpperCase(java.util.Locale.ROOT));
  }

  /** The variable whose normalised or canonical form {@code recv} is, or that was assigned from one. */
  private String normalizedBase(ExpressionTree recv) {
    ExpressionTree e = recv;
    boolean normalized = false;
    while (e instanceof MethodInvocationTree mi && mi.getMethodSelect() instanceof MemberSelectTree ms) {
      String n = ms.getIdentifier().toString();
      normalized |= n.equals("normalize") || n.equals("toRealPath") || n.startsWith("getCanonical");
      e = ms.getExpression();
    }
    if (!(e instanceof IdentifierTree)) {
      return null;
    }
    String var = variableKey(e);
    return normalized || normalizedVars.contains(var) ? var : null;
  }

  private void tryStatement(TryTree t) {
    for (Tree r : t.getResources()) {
      if (r instanceof StatementTree st) {
        exec(st);
      } else if (r instanceof ExpressionTree e) {
        eval(e);
      }
    }
    Env before = env.copy();
    exec(t.getBlock());
    Env afterTry = env;
    Env out = afterTry;
    for (CatchTree c : t.getCatches()) {
      // An exception may leave the try block at any point: start from what was true before or after it.
      env = Env.join(before.copy(), afterTry.dead ? null : afterTry.copy());
      if (env.dead) {
        env = before.copy();
      }
      env.vars.put(c.getParameter().getName().toString(), Value.UNKNOWN);
      exec(c.getBlock());
      out = Env.join(out, env);
    }
    env = out;
    if (t.getFinallyBlock() != null) {
      if (env.dead) {
        Env saved = env;
        env = Env.join(before.copy(), null);
        exec(t.getFinallyBlock());
        env = saved;
      } else {
        exec(t.getFinallyBlock());
      }
    }
  }

  private void loop(Tree loopTree, ExpressionTree cond, StatementTree body, List<? extends ExpressionStatementTree> update,
      boolean bodyFirst) {
    loop(loopTree, cond, body, update, bodyFirst, null);
  }

  /**
   * Walks a loop body once or twice (joining with the entry state) instead of to a full fixpoint: constants
   * of variables the loop assigns are forgotten up front, which is what branches inside need.
   */
  private void loop(Tree loopTree, ExpressionTree cond, StatementTree body, List<? extends ExpressionStatementTree> update,
      boolean bodyFirst, Runnable bindEachIteration) {
    for (String name : engine.assignedIn(loopTree)) {
      Value v = env.vars.get(name);
      if (v != null) {
        env.vars.put(name, v.withConstant(null));
      }
    }
    Object c = cond == null || bodyFirst ? null : eval(cond).constant();
    if (Boolean.FALSE.equals(c)) {
      return;
    }
    boolean infinite = Boolean.TRUE.equals(c) || (cond == null && loopTree.getKind() == Tree.Kind.FOR_LOOP);
    Env entry = env.copy();
    Env exits = Env.deadEnv();
    int rounds = loopDepth < REPEAT_LOOPS_UP_TO_DEPTH ? 2 : 1;
    loopDepth++;
    try {
      for (int round = 0; round < rounds; round++) {
        env = entry.copy();
        if (bindEachIteration != null) {
          bindEachIteration.run();
        }
        Env[] brk = {Env.deadEnv()};
        Env[] cont = {Env.deadEnv()};
        breaks.push(brk);
        continues.push(cont);
        try {
          exec(body);
        } finally {
          breaks.pop();
          continues.pop();
        }
        env = Env.join(env, cont[0]);
        for (ExpressionStatementTree u : update) {
          if (!env.dead) {
            eval(u.getExpression());
          }
        }
        if (cond != null && !env.dead) {
          eval(cond);
        }
        exits = Env.join(exits, brk[0]);
        Env next = Env.join(entry.copy(), env);
        if (next.sameAs(entry)) {
          break;
        }
        entry = next;
      }
    } finally {
      loopDepth--;
    }
    env = infinite ? exits : Env.join(entry, exits);
  }

  /** Switch statements and expressions; a constant selector runs only the matching case (with fall-through). */
  private Value switchOver(Value selector, List<? extends CaseTree> cases, boolean expression) {
    Object sel = selector.constant();
    int start = -1;
    int defaultIndex = -1;
    boolean allLabelsConstant = true;
    for (int i = 0; i < cases.size() && sel != null; i++) {
      CaseTree ct = cases.get(i);
      if (ct.getExpressions().isEmpty()) {
        defaultIndex = i;
      }
      for (ExpressionTree label : ct.getExpressions()) {
        Object lc = caseLabel(label);
        if (lc == null) {
          allLabelsConstant = false;
        } else if (start < 0 && Constants.caseMatches(sel, lc)) {
          start = i;
        }
      }
    }
    Value[] yielded = {null};
    yields.push(yielded);
    Env[] brk = {Env.deadEnv()};
    breaks.push(brk);
    try {
      if (sel != null && allLabelsConstant) {
        int from = start >= 0 ? start : defaultIndex;
        if (from >= 0) {
          for (int i = from; i < cases.size() && !env.dead; i++) {
            CaseTree ct = cases.get(i);
            runCase(ct, yielded);
            if (ct.getCaseKind() == CaseTree.CaseKind.RULE) {
              break;
            }
          }
        }
        env = Env.join(env, brk[0]);
      } else {
        Env before = env.copy();
        Env out = Env.deadEnv();
        Env fall = Env.deadEnv();
        boolean hasDefault = false;
        for (CaseTree ct : cases) {
          hasDefault |= ct.getExpressions().isEmpty();
          env = Env.join(before.copy(), ct.getCaseKind() == CaseTree.CaseKind.STATEMENT ? fall : null);
          runCase(ct, yielded);
          if (ct.getCaseKind() == CaseTree.CaseKind.RULE) {
            out = Env.join(out, env);
            fall = Env.deadEnv();
          } else {
            fall = env;
          }
        }
        out = Env.join(out, fall);
        if (!hasDefault && !expression) {
          out = Env.join(out, before);
        }
        env = Env.join(out, brk[0]);
      }
    } finally {
      yields.pop();
      breaks.pop();
    }
    return yielded[0] == null ? Value.UNKNOWN : yielded[0];
  }

  private void runCase(CaseTree ct, Value[] yielded) {
    if (ct.getCaseKind() == CaseTree.CaseKind.RULE) {
      Tree body = ct.getBody();
      if (body instanceof ExpressionTree e) {
        Value v = eval(e);
        yielded[0] = Value.join(yielded[0], v);
      } else if (body instanceof StatementTree st) {
        exec(st);
      }
    } else if (ct.getStatements() != null) {
      for (StatementTree st : ct.getStatements()) {
        if (env.dead) {
          break;
        }
        exec(st);
      }
    }
  }

  private Object caseLabel(ExpressionTree label) {
    if (label instanceof IdentifierTree id && !scope.isLocal(id.getName().toString())
        && project.field(scope.owner(), id.getName().toString()) == null) {
      return id.getName().toString(); // enum constant
    }
    return eval(label).constant();
  }

  // ---------------------------------------------------------------- expressions

  Value eval(ExpressionTree e) {
    if (e == null) {
      return Value.UNKNOWN;
    }
    tick();
    switch (e.getKind()) {
      case STRING_LITERAL: case INT_LITERAL: case LONG_LITERAL: case BOOLEAN_LITERAL: case CHAR_LITERAL:
      case DOUBLE_LITERAL: case FLOAT_LITERAL:
        return Value.constant(((LiteralTree) e).getValue());
      case NULL_LITERAL:
        return Value.UNKNOWN;
      case PARENTHESIZED:
        return eval(((ParenthesizedTree) e).getExpression());
      case IDENTIFIER:
        return read((IdentifierTree) e);
      case MEMBER_SELECT:
        return select((MemberSelectTree) e);
      case ASSIGNMENT: {
        AssignmentTree a = (AssignmentTree) e;
        Value v = eval(a.getExpression());
        return assign(a.getVariable(), v, a);
      }
      case PLUS_ASSIGNMENT: case MINUS_ASSIGNMENT: case MULTIPLY_ASSIGNMENT: case DIVIDE_ASSIGNMENT:
      case REMAINDER_ASSIGNMENT: case OR_ASSIGNMENT: case AND_ASSIGNMENT: case XOR_ASSIGNMENT:
      case LEFT_SHIFT_ASSIGNMENT: case RIGHT_SHIFT_ASSIGNMENT: case UNSIGNED_RIGHT_SHIFT_ASSIGNMENT: {
        CompoundAssignmentTree a = (CompoundAssignmentTree) e;
        Value old = eval(a.getVariable());
        Value rhs = eval(a.getExpression());
        Tree.Kind op = binaryOf(a.getKind());
        Value v = combine(op, old, rhs);
        return assign(a.getVariable(), v, a);
      }
      case PREFIX_INCREMENT: case POSTFIX_INCREMENT: case PREFIX_DECREMENT: case POSTFIX_DECREMENT: {
        UnaryTree u = (UnaryTree) e;
        Value old = eval(u.getExpression());
        boolean inc = e.getKind() == Tree.Kind.PREFIX_INCREMENT || e.getKind() == Tree.Kind.POSTFIX_INCREMENT;
        Object c = Constants.binary(inc ? Tree.Kind.PLUS : Tree.Kind.MINUS, old.constant(), 1);
        assign(u.getExpression(), old.withConstant(c), u);
        return e.getKind() == Tree.Kind.PREFIX_INCREMENT || e.getKind() == Tree.Kind.PREFIX_DECREMENT ? old.withConstant(c) : old;
      }
      case UNARY_MINUS: case UNARY_PLUS: case LOGICAL_COMPLEMENT: case BITWISE_COMPLEMENT: {
        UnaryTree u = (UnaryTree) e;
        Value v = eval(u.getExpression());
        return Value.constant(Constants.unary(e.getKind(), v.constant()));
      }
      case CONDITIONAL_EXPRESSION: {
        ConditionalExpressionTree c = (ConditionalExpressionTree) e;
        Object cond = eval(c.getCondition()).constant();
        if (Boolean.TRUE.equals(cond)) {
          return eval(c.getTrueExpression());
        }
        if (Boolean.FALSE.equals(cond)) {
          return eval(c.getFalseExpression());
        }
        Env before = env.copy();
        Value t = eval(c.getTrueExpression());
        Env afterTrue = env;
        env = before;
        Value f = eval(c.getFalseExpression());
        env = Env.join(afterTrue, env);
        return Value.join(t, f);
      }
      case CONDITIONAL_AND: case CONDITIONAL_OR: {
        BinaryTree b = (BinaryTree) e;
        Value l = eval(b.getLeftOperand());
        if (e.getKind() == Tree.Kind.CONDITIONAL_AND && Boolean.FALSE.equals(l.constant())) {
          return Value.constant(false);
        }
        if (e.getKind() == Tree.Kind.CONDITIONAL_OR && Boolean.TRUE.equals(l.constant())) {
          return Value.constant(true);
        }
        Value r = eval(b.getRightOperand());
        return Value.constant(Constants.binary(e.getKind(), l.constant(), r.constant()));
      }
      case METHOD_INVOCATION:
        return call((MethodInvocationTree) e);
      case NEW_CLASS:
        return newClass((NewClassTree) e);
      case NEW_ARRAY: {
        NewArrayTree n = (NewArrayTree) e;
        for (ExpressionTree d : n.getDimensions()) {
          eval(d);
        }
        if (n.getInitializers() == null) {
          return Value.list(List.of());
        }
        List<Value> elems = new ArrayList<>();
        for (ExpressionTree i : n.getInitializers()) {
          elems.add(eval(i));
        }
        return Value.list(elems);
      }
      case ARRAY_ACCESS: {
        ArrayAccessTree a = (ArrayAccessTree) e;
        Value arr = eval(a.getExpression());
        Object idx = eval(a.getIndex()).constant();
        if (arr.elements() != null && idx instanceof Integer i && i >= 0 && i < arr.elements().size()) {
          return arr.elements().get(i).withFacts(arr.facts());
        }
        return elementOf(arr);
      }
      case TYPE_CAST: {
        TypeCastTree c = (TypeCastTree) e;
        Value v = eval(c.getExpression());
        String t = project.resolveType(scope.owner(), c.getType());
        return t != null && NUMERIC.contains(t) ? v.toNumber() : v;
      }
      case INSTANCE_OF:
        eval(((InstanceOfTree) e).getExpression());
        return Value.UNKNOWN;
      case LAMBDA_EXPRESSION:
        return lambda((LambdaExpressionTree) e, Value.UNKNOWN);
      case MEMBER_REFERENCE:
        return Value.UNKNOWN;
      case SWITCH_EXPRESSION: {
        SwitchExpressionTree sw = (SwitchExpressionTree) e;
        return switchOver(eval(sw.getExpression()), sw.getCases(), true);
      }
      default:
        if (e instanceof BinaryTree b) {
          Value l = eval(b.getLeftOperand());
          Value r = eval(b.getRightOperand());
          return combine(e.getKind(), l, r);
        }
        return Value.UNKNOWN;
    }
  }

  private static Tree.Kind binaryOf(Tree.Kind compound) {
    switch (compound) {
      case PLUS_ASSIGNMENT: return Tree.Kind.PLUS;
      case MINUS_ASSIGNMENT: return Tree.Kind.MINUS;
      case MULTIPLY_ASSIGNMENT: return Tree.Kind.MULTIPLY;
      case DIVIDE_ASSIGNMENT: return Tree.Kind.DIVIDE;
      case REMAINDER_ASSIGNMENT: return Tree.Kind.REMAINDER;
      case OR_ASSIGNMENT: return Tree.Kind.OR;
      case AND_ASSIGNMENT: return Tree.Kind.AND;
      case XOR_ASSIGNMENT: return Tree.Kind.XOR;
      case LEFT_SHIFT_ASSIGNMENT: return Tree.Kind.LEFT_SHIFT;
      case RIGHT_SHIFT_ASSIGNMENT: return Tree.Kind.RIGHT_SHIFT;
      default: return Tree.Kind.UNSIGNED_RIGHT_SHIFT;
    }
  }

  /**
   * String concatenation carries taint; arithmetic and comparisons yield numbers and booleans, which do not.
   * Appending to a literal that already fixes scheme and host ({@code "https://api.example.com/" + id})
   * cannot change where a request goes, so that taint no longer counts for SSRF.
   */
  private Value combine(Tree.Kind op, Value l, Value r) {
    Object c = Constants.binary(op, l.constant(), r.constant());
    if (op == Tree.Kind.PLUS) {
      List<Fact> fs = new ArrayList<>(l.deepFacts());
      Value right = l.constant() instanceof String prefix && fixesHost(prefix) ? r.sanitize(models.ruleBit("java/web/ssrf")) : r;
      if (l.constant() instanceof String prefix && (prefix.startsWith("redirect:") || prefix.startsWith("forward:"))) {
        right = right.sanitize(models.ruleBit("java/injection/template")); // a redirect, not a view template
      }
      fs.addAll(right.deepFacts());
      return Value.of(Value.cap(fs)).withConstant(c);
    }
    List<Fact> random = new ArrayList<>();
    for (Fact f : l.deepFacts()) {
      if (isRandom(f)) {
        random.add(f);
      }
    }
    for (Fact f : r.deepFacts()) {
      if (isRandom(f)) {
        random.add(f);
      }
    }
    return Value.of(Value.cap(random)).withConstant(c);
  }

  static boolean fixesHost(String prefix) {
    int scheme = prefix.indexOf("://");
    return scheme > 0 && prefix.indexOf('/', scheme + 3) > scheme + 3;
  }

  private Value read(IdentifierTree id) {
    String name = engine.text(id.getName());
    Value v = env.vars.get(name);
    if (v != null) {
      return v;
    }
    if (name.equals("this")) {
      return thisValue(id);
    }
    if (scope.isLocal(name)) {
      return Value.UNKNOWN;
    }
    TypeInfo.FieldInfo f = project.field(scope.owner(), name);
    if (f != null) {
      return fieldValue(f, id);
    }
    return Value.UNKNOWN;
  }

  private Value thisValue(Tree at) {
    if (method.isStatic()) {
      return Value.UNKNOWN;
    }
    return Value.of(List.of(new Fact(Fact.RECEIVER, "param", 0, Step.start(loc(at), "`this`"))));
  }

  /** A field never assigned in this walk: its constant when it is a final constant, else the receiver's taint. */
  private Value fieldValue(TypeInfo.FieldInfo f, Tree at) {
    Value assigned = env.vars.get("this." + f.name());
    if (assigned != null) {
      return assigned;
    }
    Object c = engine.fieldConstant(f, scope.owner());
    if (c != null) {
      return Value.constant(c);
    }
    String configured = injectedValue(f.declaration().getModifiers());
    if (configured != null) {
      return Value.constant(configured);
    }
    if (f.isStatic()) {
      return withFieldClass(Value.of(engine.readStatic(f, method)), f, scope.owner());
    }
    if (method.isStatic()) {
      return Value.UNKNOWN;
    }
    Value v = Value.of(List.of(new Fact(Fact.RECEIVER, "field:" + f.name(), 0, Step.start(loc(at), "field `" + f.name() + "`"))));
    TypeInfo declaring = project.declaringType(f);
    if (declaring != null && BeanRegistries.injectedFields(declaring).contains(f.name())) {
      v = v.withFacts(List.of(new Fact(Fact.SOURCE, BeanRegistries.KIND, 0, Step.start(loc(at),
          "every bean of a broad type, injected into `" + f.name() + "`"))));
    }
    return withFieldClass(v, f, scope.owner());
  }

  /** A field that only ever holds {@code new C()} holds a C: calls on it reach C's methods only. */
  private Value withFieldClass(Value v, TypeInfo.FieldInfo f, TypeInfo owner) {
    String c = engine.fieldClass(f, owner);
    return c == null ? v : v.withRuntimeType(c);
  }

  /** A field's constant (final, or always assigned one) or, for {@code @Value}, its configured text; else null. */
  private Object declaredConstant(TypeInfo.FieldInfo f) {
    Object c = engine.fieldConstant(f, scope.owner());
    return c != null ? c : injectedValue(f.declaration().getModifiers());
  }

  /** The value Spring injects for {@code @Value("${key:default}")}, from the repository's configuration. */
  private String injectedValue(com.sun.source.tree.ModifiersTree mods) {
    for (com.sun.source.tree.AnnotationTree a : mods.getAnnotations()) {
      String type = project.resolveType(scope.owner(), a.getAnnotationType());
      if (!type.equals("org.springframework.beans.factory.annotation.Value") && !type.equals("Value")) {
        continue;
      }
      for (ExpressionTree arg : a.getArguments()) {
        ExpressionTree v = arg instanceof AssignmentTree as ? as.getExpression() : arg;
        if (v instanceof LiteralTree l && l.getValue() instanceof String text) {
          return engine.config.placeholder(text);
        }
      }
    }
    return null;
  }

  private Value select(MemberSelectTree ms) {
    ExpressionTree recv = ms.getExpression();
    String member = ms.getIdentifier().toString();
    if (recv instanceof IdentifierTree rid && rid.getName().contentEquals("this")) {
      TypeInfo.FieldInfo f = project.field(scope.owner(), member);
      Value v = env.vars.get("this." + member);
      if (v != null) {
        return v;
      }
      return f == null ? Value.UNKNOWN : fieldValue(f, ms);
    }
    String staticType = project.staticTypeRef(scope, recv);
    if (staticType != null) {
      TypeInfo t = project.type(staticType);
      TypeInfo.FieldInfo f = t == null ? null : t.fields().get(member);
      if (f != null) {
        Object c = engine.fieldConstant(f, t);
        return c != null ? Value.constant(c) : f.isStatic() ? withFieldClass(Value.of(engine.readStatic(f, method)), f, t)
            : Value.UNKNOWN;
      }
      return Value.UNKNOWN;
    }
    String key = variableKey(ms);
    if (key != null && env.vars.containsKey(key)) {
      return env.vars.get(key);
    }
    Value base = eval(recv);
    if (member.equals("length")) {
      return base.elements() != null ? Value.constant(base.elements().size()) : Value.UNKNOWN;
    }
    if (base.fields() != null) {
      Value stored = base.fields().get(member);
      return Value.of(base.facts()).withFacts(stored == null ? List.of() : stored.deepFacts());
    }
    return base.taintOnly();
  }

  /** The instance field of this class that {@code e} reads as a whole ({@code f} or {@code this.f}), else null. */
  private String ownField(ExpressionTree e) {
    String key = variableKey(e);
    if (key == null || !key.startsWith("this.") || key.indexOf('.', 5) >= 0) {
      return null;
    }
    TypeInfo.FieldInfo f = project.field(scope.owner(), key.substring(5));
    return f == null || f.isStatic() ? null : f.name();
  }

  /** The field every target of a call returns as a whole (all are getters of one field), else null. */
  private String getterField(ResolvedCall rc) {
    String field = null;
    for (MethodInfo t : rc.targets()) {
      String f = engine.summary(t).returnField;
      if (f == null || field != null && !field.equals(f)) {
        return null;
      }
      field = f;
    }
    return field;
  }

  /** Getters followed from a store back to the object variable ({@code o.getA().getB().setC(x)}: two). */
  private static final int MAX_GETTER_CHAIN = 4;

  /**
   * Fields a call stored into an object reached through getters ({@code o.getInner().setC(x)},
   * {@code o.getA().getB().setC(x)}): kept in the getters' fields of the object variable {@code o} (or of
   * {@code this}), nested as the chain is, so the same chain of getters reads them back field by field.
   */
  private void storeThroughGetter(Tree call, Value recv, Map<String, List<Fact>> stored, Set<String> overwritten) {
    if (!(call instanceof MethodInvocationTree mi) || !(mi.getMethodSelect() instanceof MemberSelectTree ms)) {
      return;
    }
    List<String> path = new ArrayList<>(); // getter fields, from the object variable inwards
    ExpressionTree e = unparenthesized(ms.getExpression());
    ExpressionTree baseTree = null;
    String base = null;
    while (e instanceof MethodInvocationTree getter) {
      String field = getterField(project.resolveCall(scope, getter));
      if (field == null || path.size() == MAX_GETTER_CHAIN) {
        return;
      }
      path.add(0, field);
      if (getter.getMethodSelect() instanceof IdentifierTree) {
        base = "this";
        break;
      }
      if (!(getter.getMethodSelect() instanceof MemberSelectTree gs)) {
        return;
      }
      e = unparenthesized(gs.getExpression());
      if (!(e instanceof MethodInvocationTree)) {
        baseTree = e;
        base = e instanceof IdentifierTree id && id.getName().contentEquals("this") ? "this" : variableKey(e);
      }
    }
    if (path.isEmpty() || base == null) {
      return;
    }
    if (base.equals("this")) {
      String key = "this." + path.get(0);
      Value held = env.vars.getOrDefault(key, path.size() == 1 ? recv : Value.UNKNOWN);
      Value updated = storeAt(held, path, 1, recv, stored, overwritten);
      if (updated != held || !stored.isEmpty()) {
        env.vars.put(key, updated);
      }
      return;
    }
    Value owner = env.vars.containsKey(base) ? env.vars.get(base) : eval(baseTree);
    Value updated = storeAt(owner, path, 0, recv, stored, overwritten);
    if (updated != owner || !stored.isEmpty()) {
      env.vars.put(base, updated);
    }
  }

  /** {@code obj} with the object at {@code path} (from index {@code i}) holding what a call stored into it. */
  private static Value storeAt(Value obj, List<String> path, int i, Value innermost, Map<String, List<Fact>> stored,
      Set<String> overwritten) {
    if (i == path.size()) {
      return withStored(obj, stored, overwritten);
    }
    String field = path.get(i);
    Value inner = obj.fields() != null && obj.fields().get(field) != null ? obj.fields().get(field)
        : i == path.size() - 1 ? innermost : Value.UNKNOWN;
    Value updated = storeAt(inner, path, i + 1, innermost, stored, overwritten);
    return updated == inner ? obj : obj.withFieldReplaced(field, updated);
  }

  /** {@code obj} after a call stored {@code stored} into its fields, replacing the {@code overwritten} ones. */
  private static Value withStored(Value obj, Map<String, List<Fact>> stored, Set<String> overwritten) {
    Value out = obj == null ? Value.UNKNOWN : obj;
    for (String f : overwritten) {
      if (out.fields() != null && out.fields().containsKey(f) || stored.containsKey(f)) {
        out = out.withFieldReplaced(f, Value.of(Value.cap(stored.getOrDefault(f, List.of()))));
      }
    }
    for (Map.Entry<String, List<Fact>> e : stored.entrySet()) {
      if (!overwritten.contains(e.getKey())) {
        out = out.withField(e.getKey(), Value.of(Value.cap(e.getValue())));
      }
    }
    return out;
  }

  private static ExpressionTree unparenthesized(ExpressionTree e) {
    return e instanceof ParenthesizedTree p ? unparenthesized(p.getExpression()) : e;
  }

  /** The environment key of an assignable expression: {@code x}, {@code this.f}, {@code x.f}; null otherwise. */
  private String variableKey(ExpressionTree e) {
    if (e instanceof ParenthesizedTree p) {
      return variableKey(p.getExpression());
    }
    if (e instanceof IdentifierTree id) {
      String name = engine.text(id.getName());
      if (scope.isLocal(name) || env.vars.containsKey(name)) {
        return name;
      }
      if (project.field(scope.owner(), name) != null) {
        return "this." + name;
      }
      return name;
    }
    if (e instanceof MemberSelectTree ms && ms.getExpression() instanceof IdentifierTree rid) {
      String r = engine.text(rid.getName());
      if (r.equals("this")) {
        return "this." + ms.getIdentifier();
      }
      if (scope.isLocal(r)) {
        return r + "." + ms.getIdentifier();
      }
    }
    return null;
  }

  private Value assign(ExpressionTree lhs, Value v, Tree at) {
    if (lhs instanceof ArrayAccessTree a) {
      String key = variableKey(a.getExpression());
      Value arr = eval(a.getExpression());
      Object idx = eval(a.getIndex()).constant();
      Value updated;
      if (arr.elements() != null && idx instanceof Integer i && i >= 0 && i < arr.elements().size()) {
        List<Value> el = new ArrayList<>(arr.elements());
        el.set(i, v);
        updated = arr.withElements(el);
      } else {
        updated = arr.withFacts(v.deepFacts());
      }
      if (key != null) {
        env.vars.put(key, updated.step(loc(at), "stored in `" + key + "`"));
      }
      return v;
    }
    String key = variableKey(lhs);
    if (key == null) {
      // Type.staticField = v: shared state, read back by other methods through the engine.
      if (lhs instanceof MemberSelectTree ms) {
        String st = project.staticTypeRef(scope, ms.getExpression());
        TypeInfo t = st == null ? null : project.type(st);
        TypeInfo.FieldInfo f = t == null ? null : t.fields().get(ms.getIdentifier().toString());
        if (f != null && f.isStatic()) {
          engine.writeStatic(f, v.deepFacts());
        }
      }
      return v;
    }
    String type = lhs instanceof IdentifierTree id && scope.isLocal(engine.text(id.getName()))
        ? scope.localType(engine.text(id.getName()), id) : null;
    Value stored = type != null && NUMERIC.contains(type) ? v.toNumber() : v;
    if (stored.isContainer() || !stored.facts().isEmpty()) {
      stored = stored.step(loc(at), "assigned to `" + key + "`");
    }
    env.vars.put(key, stored);
    if (key.startsWith("this.")) {
      TypeInfo.FieldInfo f = project.field(scope.owner(), key.substring(5));
      if (f != null && f.isStatic()) {
        engine.writeStatic(f, stored.deepFacts());
      }
    }
    for (MethodVisitor mv : visitors) {
      mv.assign(key, stored, at, reporter);
    }
    return stored;
  }

  private static boolean isNormalization(ExpressionTree e) {
    if (e instanceof MethodInvocationTree mi && mi.getMethodSelect() instanceof MemberSelectTree ms) {
      String n = ms.getIdentifier().toString();
      return n.equals("normalize") || n.equals("toRealPath") || n.startsWith("getCanonical");
    }
    return false;
  }

  private Value lambda(LambdaExpressionTree l, Value element) {
    Env saved = env;
    Env savedExits = exits;
    Value savedReturn = returned;
    String savedField = returnField;
    boolean savedReturnsField = returnsField;
    int savedParam = returnParam;
    env = env.copy();
    returned = null;
    try {
      for (VariableTree p : l.getParameters()) {
        env.vars.put(p.getName().toString(), element);
      }
      if (l.getBody() instanceof ExpressionTree body) {
        return eval(body);
      }
      exec((StatementTree) l.getBody());
      return returned == null ? Value.UNKNOWN : returned;
    } finally {
      env = saved;
      exits = savedExits;
      returned = savedReturn;
      returnField = savedField;
      returnsField = savedReturnsField;
      returnParam = savedParam;
    }
  }

  /** What iterating over a value yields: its elements, map values, or its own taint. */
  static Value elementOf(Value v) {
    Value out = Value.of(v.facts());
    if (v.elements() != null) {
      for (Value e : v.elements()) {
        out = Value.join(out, e.withConstant(null));
      }
    }
    if (v.keyed() != null) {
      for (Value e : v.keyed().values()) {
        out = Value.join(out, e.withConstant(null));
      }
    }
    return out.withConstant(null);
  }

  // ---------------------------------------------------------------- calls

  private Value call(MethodInvocationTree call) {
    ResolvedCall rc = project.resolveCall(scope, call);
    Value recv = null;
    String recvVar = null;
    if (call.getMethodSelect() instanceof MemberSelectTree ms) {
      if (!rc.staticReceiver()) {
        recv = eval(ms.getExpression());
        recvVar = variableKey(ms.getExpression());
      }
    } else if (!rc.staticReceiver()) {
      recv = thisValue(call);
    }
    if (recv != null && recv.runtimeType() != null) {
      rc = project.narrow(rc, recv.runtimeType());
    }
    List<Value> args = evalArgs(call.getArguments(), recv);
    Value result = invoke(call, rc, recv, recvVar, args, call.getArguments());
    // A static factory's declared return type is the object's class as far as it is known here.
    return rc.staticReceiver() && result.runtimeType() == null && rc.returnType() != null && !result.isContainer()
        && isObjectType(rc.returnType()) ? result.withRuntimeType(rc.returnType()) : result;
  }

  private boolean isObjectType(String type) {
    return type.indexOf('.') > 0 && !type.endsWith("[]") && !type.startsWith("java.lang.")
        && (project.type(type) != null || project.library().knownTypes().contains(type));
  }

  private List<Value> evalArgs(List<? extends ExpressionTree> trees, Value recv) {
    List<Value> args = new ArrayList<>(trees.size());
    for (ExpressionTree a : trees) {
      if (a instanceof LambdaExpressionTree l) {
        // Callbacks of streams, Optional and collections receive the receiver's elements.
        args.add(lambda(l, recv == null ? Value.UNKNOWN : elementOf(recv)));
      } else if (a instanceof MemberReferenceTree) {
        args.add(recv == null ? Value.UNKNOWN : elementOf(recv));
      } else {
        args.add(eval(a));
      }
    }
    return args;
  }

  private Value newClass(NewClassTree n) {
    if (n.getEnclosingExpression() != null) {
      eval(n.getEnclosingExpression());
    }
    ResolvedCall rc = project.resolveNew(scope, n);
    List<Value> args = evalArgs(n.getArguments(), null);
    String type = rc.declaringType();
    Value result = null;
    if (type != null && n.getClassBody() == null) {
      if (project.isSubtype(type, "java.util.Map")) {
        result = args.isEmpty() ? Value.emptyMap() : Value.of(args.get(0).deepFacts());
      } else if (project.isSubtype(type, "java.util.Collection")) {
        if (args.isEmpty() || !args.get(0).isContainer() && Constants.isNumber(args.get(0).constant())) {
          result = Value.list(List.of());
        } else if (args.get(0).elements() != null) {
          result = Value.list(args.get(0).elements());
        } else {
          result = Value.of(args.get(0).deepFacts());
        }
      }
    }
    Value v = invoke(n, rc, null, null, args, n.getArguments());
    if (result == null && type != null && n.getClassBody() == null && !v.isContainer() && type.indexOf('.') > 0) {
      return v.withRuntimeType(type);
    }
    return result == null ? v : result.withFacts(v.facts());
  }

  private Value invoke(Tree tree, ResolvedCall rc, Value recv, String recvVar, List<Value> args,
      List<? extends ExpressionTree> argTrees) {
    Location at = callLocation(tree);
    String name = rc.name();
    String type = rc.declaringType();
    Value result = Value.UNKNOWN;
    boolean modelled = false;

    Value coll = recv == null ? null : collections(rc, recv, recvVar, args);
    if (coll != null) {
      result = coll;
      modelled = true;
    }
    recordContentType(type, name, recvVar, args, argTrees);
    TaintEngine.Applicable applicable = engine.applicable(type, name);
    for (Models.SourceModel s : applicable.sources()) {
      if (s.kind().equals(BeanRegistries.KIND) && !BeanRegistries.broadLookup(argTrees)) {
        continue; // every bean of a narrow type is the application's own registry of handlers
      }
      if (s.kind().equals(RESPONSE_WRITER) && recvVar != null) {
        if (rendersAsText(env.vars.get(CONTENT_TYPE + recvVar))) {
          continue; // a writer of a JSON or plain-text response is not an HTML sink
        }
        writerResponses.put(at, recvVar);
      }
      List<Fact> produced = s.kind().equals(RANDOM) ? drawsFromParameter(recv, at) : List.of();
      if (produced.isEmpty()) {
        produced = List.of(new Fact(Fact.SOURCE, s.kind(), 0, Step.start(at, s.label())));
      }
      if (s.to().isArg() && s.to().arg() < argTrees.size()) {
        String key = variableKey(argTrees.get(s.to().arg()));
        if (key != null) {
          Value old = env.vars.getOrDefault(key, Value.UNKNOWN);
          env.vars.put(key, old.withFacts(produced));
        }
      } else {
        result = result.withFacts(produced);
      }
      modelled = true;
    }
    for (Models.SanitizerModel s : applicable.sanitizers()) {
      Value from = slot(s.from(), recv, args);
      Value clean = s.rules().isEmpty() ? from.toNumber() : from.taintOnly().sanitize(bits(s.rules()));
      result = Value.join(result, clean.withConstant(null));
      modelled = true;
    }
    for (Models.PropagatorModel p : applicable.propagators()) {
      List<Fact> in = new ArrayList<>();
      for (Models.Slot s : p.from()) {
        in.addAll(slot(s, recv, args).deepFacts());
      }
      for (Models.Slot s : p.to()) {
        if (s == Models.Slot.RETURN) {
          result = result.withFacts(in);
        } else if (s == Models.Slot.RECEIVER && recvVar != null && !in.isEmpty()) {
          Value old = env.vars.getOrDefault(recvVar, recv == null ? Value.UNKNOWN : recv);
          env.vars.put(recvVar, old.withFacts(in).withConstant(null));
        } else if (s.isArg() && s.arg() < argTrees.size() && !in.isEmpty()) {
          String key = variableKey(argTrees.get(s.arg()));
          if (key != null) {
            env.vars.put(key, env.vars.getOrDefault(key, Value.UNKNOWN).withFacts(in));
          }
        }
      }
      modelled = true;
    }
    if (removesLineBreaks(type, name, args)) {
      result = result.sanitize(models.ruleBit("java/injection/log"));
    }
    for (Models.SinkModel s : applicable.sinks()) {
      boolean exact = rc.exact();
      if (!s.unlessConstructedWith().isEmpty() || s.onlyIfReceiverCalled() != null || s.safeSinceDependency() != null) {
        Boolean applies = conditionalSink(s, tree);
        if (applies == null) {
          continue;
        }
        exact &= applies;
      }
      if (s.receiverKind() != null && recv != null && !marked(recv, s.receiverKind())) {
        guardedSink(s, recv, args, at, exact);
        continue;
      }
      if (s.receiverKind() == null || recv != null && marked(recv, s.receiverKind())) {
        for (Models.Slot slot : s.args()) {
          if (slot == Models.Slot.ALL_ARGS) {
            for (Value a : args) {
              sink(s.rule(), s.label(), a, at, exact);
            }
          } else {
            sink(s.rule(), s.label(), slot(slot, recv, args), at, exact);
          }
        }
      }
    }
    if (!engine.templates.isEmpty()) {
      viewModel(type, name, args, at);
    }
    result = regexBacktracking(type, name, recv, recvVar, args, at, rc.exact(), result);
    if (!modelled && rc.declaringType() == null && rc.targets().isEmpty() && recv != null) {
      result = result.withFacts(modelOutput(recv));
    }
    String service = modelled ? null : engine.serviceSource(rc);
    if (service != null) {
      result = result.withFacts(List.of(new Fact(Fact.SOURCE, "remote", 0, Step.start(at, service))));
      modelled = true;
    }
    if (!modelled) {
      Map<String, List<Fact>> stored = new LinkedHashMap<>();
      String returnType = null;
      Object returnConstant = null;
      Map<Integer, Object> contentTypes = null;
      // Fields every possible callee assigns on every path: the call replaces them.
      Set<String> overwritten = null;
      boolean first = true;
      for (MethodInfo target : rc.targets()) {
        Summary summary = engine.summary(target);
        if (overwritten == null) {
          overwritten = new java.util.TreeSet<>(summary.overwrites);
        } else {
          overwritten.retainAll(summary.overwrites);
        }
        result = Value.join(result, applySummary(target, summary, recv, args, at));
        // Callees that disagree on the content types they set leave them unknown.
        contentTypes = first || contentTypes.equals(summary.contentTypes) ? summary.contentTypes : Map.of();
        // What every possible callee returns (a factory's class, a constant) holds for the call too; a callee
        // handing back its parameter returns the argument's class.
        String calleeType = summary.returnType != null || summary.returnParam < 0 || summary.returnParam >= args.size()
            ? summary.returnType : args.get(summary.returnParam).runtimeType();
        returnType = first || Objects.equals(returnType, calleeType) ? calleeType : null;
        returnConstant = first || Objects.equals(returnConstant, summary.returnConstant) ? summary.returnConstant : null;
        first = false;
        for (Map.Entry<String, List<Fact>> e : receiverWrites(target, summary, recv, args, at).entrySet()) {
          stored.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue());
        }
        // A helper filling the model the handler renders: its attributes count for the handler's view.
        for (Map.Entry<String, List<Fact>> e : summary.modelWrites.entrySet()) {
          modelAttributes.add(new ModelAttribute(e.getKey(), Value.of(factsAtCall(e.getValue(), target, recv, args, at,
              "put into the model by `" + callee(target) + "`")), at));
        }
      }
      if (contentTypes != null && !contentTypes.isEmpty()) {
        for (Map.Entry<Integer, Object> e : contentTypes.entrySet()) {
          String response = e.getKey() < argTrees.size() ? variableKey(argTrees.get(e.getKey())) : null;
          if (response != null) {
            env.vars.put(CONTENT_TYPE + response, Value.constant(e.getValue()));
          }
        }
      }
      if (overwritten == null || tree instanceof NewClassTree) {
        overwritten = Set.of(); // a new object has nothing earlier to replace
      }
      if (!stored.isEmpty() || !overwritten.isEmpty()) {
        // The object (new, or the receiver variable) now holds, field by field, what the call stored.
        Value obj = tree instanceof NewClassTree ? result
            : recvVar != null ? env.vars.getOrDefault(recvVar, recv == null ? Value.UNKNOWN : recv) : null;
        if (obj != null) {
          Value updated = withStored(obj, stored, overwritten);
          if (tree instanceof NewClassTree) {
            result = updated;
          } else if (updated != obj || !stored.isEmpty()) {
            env.vars.put(recvVar, updated);
          }
        } else {
          storeThroughGetter(tree, recv, stored, overwritten);
        }
      }
      String getter = recv == null ? null : getterField(rc);
      if (getter != null) {
        // A getter hands out the field's object itself: what was stored into it field by field stays apart.
        Value held = recv.fields() != null ? recv.fields().get(getter)
            : "this".equals(recvVar) || tree instanceof MethodInvocationTree m && m.getMethodSelect() instanceof IdentifierTree
                ? env.vars.get("this." + getter) : null;
        if (held != null && held.fields() != null) {
          result = held.withFacts(recv.facts());
        }
      }
      if (returnType != null && !(tree instanceof NewClassTree) && !result.isContainer()) {
        result = result.withRuntimeType(returnType);
      }
      if (returnConstant != null && result.facts().isEmpty() && !result.isContainer()) {
        result = result.withConstant(returnConstant);
      }
    }
    Object folded = Constants.call(type, name, recv == null ? null : recv.constant(), constants(args));
    if (folded == null && name.equals("getProperty") && type != null && project.isSubtype(type, "java.util.Properties")
        && !args.isEmpty() && args.get(0).constant() instanceof String key) {
      // The repository's own .properties files decide what a setting is; the default applies when none sets it.
      String configured = engine.config.value(key);
      folded = configured != null ? configured : args.size() == 2 ? args.get(1).constant() : null;
    }
    if (folded != null) {
      result = result.withConstant(folded);
    }
    if (rc.returnType() != null && NUMERIC.contains(rc.returnType())) {
      result = result.toNumber();
    }
    if (!visitors.isEmpty()) {
      CallEvent ev = new CallEvent(tree, rc, recv, recvVar, args, argTrees, project, reporter, this::declaredConstant);
      for (MethodVisitor mv : visitors) {
        mv.call(ev);
      }
    }
    return result;
  }

  /**
   * A sink with conditions on its receiver or the build: null when it does not apply here (the receiver was made
   * with a safe constructor argument, the required configuration call was not made on it, or the build declares
   * a version that is safe); false when it applies but the version that would decide is not declared (reported
   * with medium confidence); true otherwise.
   */
  private Boolean conditionalSink(Models.SinkModel s, Tree tree) {
    ExpressionTree recv = tree instanceof MethodInvocationTree mi && mi.getMethodSelect() instanceof MemberSelectTree ms
        ? ms.getExpression() : null;
    List<ExpressionTree> made = recv == null ? List.of() : creations(recv);
    if (!s.unlessConstructedWith().isEmpty() && !made.isEmpty()
        && made.stream().allMatch(e -> e instanceof NewClassTree n && hasArgumentOf(n, s.unlessConstructedWith()))) {
      return null;
    }
    if (s.onlyIfReceiverCalled() != null && (recv == null || !receiverCalled(recv, s.onlyIfReceiverCalled()))) {
      return null;
    }
    if (s.safeSinceDependency() != null) {
      String declared = engine.config.dependencyVersion(s.safeSinceDependency());
      if (declared == null) {
        return false;
      }
      if (ProjectConfig.compareVersions(declared, s.safeSinceVersion()) >= 0) {
        return null;
      }
    }
    return true;
  }

  /**
   * The expressions that can have made the object {@code e} names: itself when it is a creation, every
   * initializer and assignment of a local in this method, or of a field that only its class assigns; empty when
   * unknown.
   */
  private List<ExpressionTree> creations(ExpressionTree e) {
    while (e instanceof ParenthesizedTree p) {
      e = p.getExpression();
    }
    if (e instanceof NewClassTree) {
      return List.of(e);
    }
    String key = variableKey(e);
    if (key == null) {
      return List.of();
    }
    if (!key.startsWith("this.") && scope.isLocal(key) && !method.isImplicit()) {
      List<ExpressionTree> out = new ArrayList<>();
      new com.sun.source.util.TreeScanner<Void, Void>() {
        @Override
        public Void visitVariable(VariableTree v, Void p) {
          if (v.getName().contentEquals(key) && v.getInitializer() != null) {
            out.add(v.getInitializer());
          }
          return super.visitVariable(v, p);
        }

        @Override
        public Void visitAssignment(AssignmentTree a, Void p) {
          if (a.getVariable() instanceof IdentifierTree id && id.getName().contentEquals(key)) {
            out.add(a.getExpression());
          }
          return super.visitAssignment(a, p);
        }
      }.scan(method.tree().getBody(), null);
      return out;
    }
    TypeInfo.FieldInfo f = project.field(scope.owner(), key.startsWith("this.") ? key.substring(5) : key);
    if (f == null) {
      return List.of();
    }
    TypeInfo declaring = project.declaringType(f);
    List<ExpressionTree> stored = engine.fieldValues(f, declaring == null ? scope.owner() : declaring);
    return stored == null ? List.of() : stored;
  }

  /** {@code new T(..., new X(...), ...)} with X one of {@code types} (or a subtype), directly or through a local. */
  private boolean hasArgumentOf(NewClassTree n, Set<String> types) {
    for (ExpressionTree a : n.getArguments()) {
      List<ExpressionTree> made = a instanceof NewClassTree ? List.of(a) : a instanceof IdentifierTree ? creations(a) : List.of();
      if (!made.isEmpty() && made.stream().allMatch(m -> m instanceof NewClassTree an && isOneOf(project.resolveNew(scope, an)
          .declaringType(), types))) {
        return true;
      }
    }
    return false;
  }

  private boolean isOneOf(String type, Set<String> types) {
    return type != null && types.stream().anyMatch(t -> project.isSubtype(type, t));
  }

  /**
   * Whether {@code call} (e.g. {@code setRegistrationRequired(false)}) is made on the receiver's variable: in this
   * method for a local, anywhere in the file for a field.
   */
  private boolean receiverCalled(ExpressionTree recv, String call) {
    String key = variableKey(recv);
    if (key == null) {
      return false;
    }
    String name = key.startsWith("this.") ? key.substring(5) : key;
    boolean local = !key.startsWith("this.") && scope.isLocal(key);
    Tree where = local ? method.body() : unit.tree();
    String compact = call.replace(" ", "");
    boolean[] found = {false};
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree mi, Void p) {
        if (mi.getMethodSelect() instanceof MemberSelectTree ms
            && (ms.getExpression() instanceof IdentifierTree id && id.getName().contentEquals(name)
                || ms.getExpression() instanceof MemberSelectTree t && t.getIdentifier().contentEquals(name)
                    && t.getExpression().toString().equals("this"))
            && (ms.getIdentifier() + "(" + mi.getArguments().stream().map(Object::toString)
                .collect(java.util.stream.Collectors.joining(",")) + ")").replace(" ", "").equals(compact)) {
          found[0] = true;
        }
        return super.visitMethodInvocation(mi, p);
      }
    }.scan(where, null);
    return found[0];
  }

  /** The marker kind (servlet.yml) of writers and streams that go to the HTTP response. */
  private static final String RESPONSE_WRITER = "response-writer";
  /** Environment key prefix: the content type last set on a response variable (flow-sensitive, joined at merges). */
  private static final String CONTENT_TYPE = "#content-type:";
  private static final Pattern NON_HTML_MEDIA = Pattern.compile(
      "(?i)(?:application/(?:[\\w.+-]*\\+)?json|text/plain|text/csv|application/octet-stream)\\b.*");
  private static final Pattern NON_HTML_MEDIA_CONSTANT = Pattern.compile(
      "(?:APPLICATION_(?:PROBLEM_)?JSON|TEXT_PLAIN|APPLICATION_OCTET_STREAM|APPLICATION_NDJSON)(?:_VALUE|_TYPE)?");

  /** {@code response.setContentType(t)} or a Content-Type header: remembered per response variable. */
  private void recordContentType(String type, String name, String recvVar, List<Value> args,
      List<? extends ExpressionTree> argTrees) {
    int at = name.equals("setContentType") && args.size() == 1 ? 0
        : (name.equals("setHeader") || name.equals("addHeader")) && args.size() == 2
            && args.get(0).constant() instanceof String h && h.equalsIgnoreCase("Content-Type") ? 1 : -1;
    if (at < 0 || recvVar == null || type == null || !project.isSubtype(type, "javax.servlet.ServletResponse")
        && !project.isSubtype(type, "jakarta.servlet.ServletResponse")) {
      return;
    }
    Object c = args.get(at).constant();
    if (c == null && argTrees.get(at) instanceof MemberSelectTree ms
        && NON_HTML_MEDIA_CONSTANT.matcher(ms.getIdentifier().toString()).matches()) {
      c = "application/json"; // Spring's MediaType / JAX-RS constants, not resolved from the library
    }
    env.vars.put(CONTENT_TYPE + recvVar, Value.constant(c));
  }

  /** Whether {@code v} carries a marker of {@code kind} that still applies (a writer of a response still HTML). */
  private boolean marked(Value v, String kind) {
    for (Fact f : v.deepFacts()) {
      if (f.isSource() && f.sourceKind().equals(kind) && !writesText(f)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a response-writer marker comes from a response of this method whose content type is now JSON or
   * plain text: setting it after {@code getWriter()} still changes the header until the response is committed.
   */
  private boolean writesText(Fact marker) {
    String response = marker.sourceKind().equals(RESPONSE_WRITER) ? writerResponses.get(marker.path().first().location())
        : null;
    return response != null && rendersAsText(env.vars.get(CONTENT_TYPE + response));
  }

  private static boolean rendersAsText(Value contentType) {
    return contentType != null && contentType.constant() instanceof String t && NON_HTML_MEDIA.matcher(t.trim()).matches();
  }

  private static final String RANDOM = "random";
  /** A value drawn from a generator that is a parameter: weak or not depending on what the caller passes. */
  private static final String RANDOM_DRAW = "random-draw";

  private static boolean isRandom(Fact f) {
    return f.sourceKind().equals(RANDOM) || f.sourceKind().equals(RANDOM_DRAW);
  }

  /**
   * A draw from a generator this method received as a parameter ({@code double next(Random g)}): whether it
   * is weak depends on the caller's generator ({@code new Random()} or a {@code SecureRandom} in a
   * {@code Random} variable), so the summary records a draw from that parameter, not a source.
   */
  private static List<Fact> drawsFromParameter(Value recv, Location at) {
    if (recv == null || recv.runtimeType() != null) {
      return List.of();
    }
    List<Fact> out = new ArrayList<>();
    for (Fact f : recv.facts()) {
      if (!f.isSource() && f.origin() >= 0 && f.origin() < Fact.RECEIVER) {
        out.add(new Fact(f.origin(), RANDOM_DRAW, 0, f.path().then(at, "random value drawn from it")));
      }
    }
    return out;
  }

  /**
   * What a callee's draw from its generator parameter is at this call: weak randomness when the argument is
   * a {@code java.util.Random} (or of unknown class), nothing for a generator known to be secure, and again
   * a draw when the argument is this method's own parameter.
   */
  private List<Fact> drawsAtCall(Fact rf, List<Value> args, Location at, String callee) {
    if (rf.origin() < 0 || rf.origin() >= args.size()) {
      return List.of();
    }
    Value generator = args.get(rf.origin());
    String runtime = generator.runtimeType();
    if (runtime != null) {
      return project.isSubtype(runtime, "java.util.Random")
          ? List.of(new Fact(Fact.SOURCE, RANDOM, 0, Step.start(at, "java.util.Random value drawn in `" + callee + "`")))
          : List.of();
    }
    List<Fact> passedOn = drawsFromParameter(generator, at);
    return passedOn.isEmpty()
        ? List.of(new Fact(Fact.SOURCE, RANDOM, 0, Step.start(at, "random value drawn in `" + callee + "`")))
        : passedOn;
  }

  /**
   * Facts of a model response that an accessor of unknown type passes on: SDK response objects are read
   * through chains whose element types the front end cannot see ({@code choices().get(0).message().content()}),
   * and whatever is read from a model's response is model output. Other unknown calls pass nothing on.
   */
  private static List<Fact> modelOutput(Value recv) {
    List<Fact> out = new ArrayList<>();
    for (Fact f : recv.deepFacts()) {
      if (f.isSource() && f.path().first().message().startsWith(LLM_SOURCE)) {
        out.add(f);
      }
    }
    return out;
  }

  /** The label prefix of LLM response sources in the models (llm.yml). */
  private static final String LLM_SOURCE = "LLM response";

  private static final String REDOS = "java/dos/redos";
  private static final String XSS = "java/web/xss";
  /** The rule of view names returned by handlers: its return sink tells that a handler's String is a view. */
  private static final String TEMPLATE = "java/injection/template";
  private static final String MODEL_AND_VIEW = "org.springframework.web.servlet.ModelAndView";
  /** Marker kind of a compiled Pattern that backtracks catastrophically, so its matcher(input) is a sink. */
  private static final String BACKTRACKING_PATTERN = "backtracking-pattern";

  /**
   * ReDoS: input matched against a pattern that backtracks exponentially. {@code Pattern.compile} of such a
   * constant marks the compiled pattern; {@code matcher(input)} on a marked pattern, {@code String.matches} /
   * {@code replaceAll} / {@code replaceFirst} / {@code split} and {@code Pattern.matches} with such a constant
   * are sinks for the input.
   */
  private Value regexBacktracking(String type, String name, Value recv, String recvVar, List<Value> args, Location at,
      boolean exact, Value result) {
    if ("java.util.regex.Pattern".equals(type)) {
      if (name.equals("compile") && !args.isEmpty() && args.get(0).constant() instanceof String r
          && Backtracking.catastrophic(r, false)) {
        return result.withFacts(List.of(new Fact(Fact.SOURCE, BACKTRACKING_PATTERN, 0,
            Step.start(at, "pattern with nested repetition"))));
      }
      if (name.equals("matcher") && args.size() == 1 && (recv != null && recv.hasSourceOfKind(BACKTRACKING_PATTERN)
          || compiledInField(recvVar) instanceof String r && Backtracking.catastrophic(r, false))) {
        sink(REDOS, null, args.get(0), at, exact);
      } else if (name.equals("matches") && args.size() == 2 && args.get(0).constant() instanceof String r
          && Backtracking.catastrophic(r, true)) {
        sink(REDOS, null, args.get(1), at, exact);
      }
    } else if ("java.lang.String".equals(type) && recv != null && !args.isEmpty() && args.get(0).constant() instanceof String r
        && (name.equals("matches") || name.equals("replaceAll") || name.equals("replaceFirst") || name.equals("split"))
        && Backtracking.catastrophic(r, name.equals("matches"))) {
      sink(REDOS, null, recv, at, exact);
    }
    return result;
  }

  /**
   * The constant regex of a field initialised with {@code Pattern.compile(regex)} (field initializers of
   * static fields are not walked, so the compiled pattern's marker never reaches its readers).
   */
  private Object compiledInField(String recvVar) {
    TypeInfo.FieldInfo f = recvVar != null && recvVar.startsWith("this.") ? project.field(scope.owner(), recvVar.substring(5)) : null;
    if (f == null || !(f.initializer() instanceof MethodInvocationTree mi) || !(mi.getMethodSelect() instanceof MemberSelectTree ms)
        || !ms.getIdentifier().contentEquals("compile") || mi.getArguments().isEmpty()) {
      return null;
    }
    ExpressionTree regex = mi.getArguments().get(0);
    if (regex instanceof LiteralTree l) {
      return l.getValue();
    }
    TypeInfo.FieldInfo constant = regex instanceof IdentifierTree id ? project.field(scope.owner(), id.getName().toString()) : null;
    return constant == null ? null : engine.fieldConstant(constant, scope.owner());
  }

  /** Classes of characters that a negated character class must not keep for line breaks to be gone. */
  private static final Pattern KEEPS_LINE_BREAKS = Pattern.compile("\\\\[sRvnr]|\\\\p\\{(?:Space|Cntrl|C)|[\\n\\r]");

  /**
   * {@code s.replace("\n", ...)}, {@code s.replaceAll("[\r\n]", ...)} or a negated class that drops line breaks
   * ({@code "[^A-Za-z0-9 ]"}): the result can no longer start a forged log line.
   */
  private static boolean removesLineBreaks(String type, String name, List<Value> args) {
    if (!"java.lang.String".equals(type) || args.size() != 2 || args.get(1).constant() instanceof String r && r.contains("\n")) {
      return false;
    }
    Object target = args.get(0).constant();
    if (name.equals("replace")) {
      return target instanceof Character c && c == '\n' || target instanceof String t && t.contains("\n");
    }
    if (!name.equals("replaceAll") || !(target instanceof String regex)) {
      return false;
    }
    if (regex.startsWith("[^") && regex.indexOf(']') > 2) {
      return !KEEPS_LINE_BREAKS.matcher(regex.substring(2, regex.indexOf(']'))).find();
    }
    return regex.contains("\n") || regex.contains("\\n") || regex.contains("\\R") || regex.contains("\\v")
        || regex.contains("\\s") || regex.contains("\\p{Cntrl}") || regex.contains("\\p{C}");
  }

  private static List<Object> constants(List<Value> args) {
    List<Object> out = new ArrayList<>(args.size());
    for (Value a : args) {
      out.add(a.constant());
    }
    return out;
  }

  private long bits(Set<String> rules) {
    long b = 0;
    for (String r : rules) {
      b |= models.ruleBit(r);
    }
    return b;
  }

  private static Value slot(Models.Slot s, Value recv, List<Value> args) {
    if (s == Models.Slot.RECEIVER) {
      return recv == null ? Value.UNKNOWN : recv;
    }
    if (s == Models.Slot.ALL_ARGS) {
      Value v = Value.UNKNOWN;
      for (Value a : args) {
        v = Value.join(v, a.taintOnly());
      }
      return v;
    }
    if (s.isArg()) {
      return s.arg() < args.size() ? args.get(s.arg()) : Value.UNKNOWN;
    }
    return Value.UNKNOWN;
  }

  private void sink(String rule, String label, Value v, Location at, boolean exact) {
    long bit = models.ruleBit(rule);
    String what = label != null ? label : models.sinkDescription(rule);
    for (Fact f : v.deepFacts()) {
      if ((f.sanitized() & bit) != 0) {
        continue;
      }
      if (f.isSource()) {
        if (f.sourceKind().equals("remote")) {
          engine.reportFlow(rule, at, f.path().then(at, "reaches " + what), reporter, exact);
        }
      } else if (!isRandom(f)) {
        hits.add(new Summary.SinkHit(f.origin(), rule, at, f.sanitized(), f.path().then(at, "reaches " + what), what, exact,
            f.sourceKind()));
      }
    }
  }

  /**
   * A sink that needs a marked receiver (a response writer) called on a parameter: recorded as a hit that
   * counts only when the caller passes a marked value for that parameter.
   */
  private void guardedSink(Models.SinkModel s, Value recv, List<Value> args, Location at, boolean exact) {
    long bit = models.ruleBit(s.rule());
    String what = s.label() != null ? s.label() : models.sinkDescription(s.rule());
    for (Fact g : recv.deepFacts()) {
      if (g.isSource() || g.origin() == Fact.RECEIVER) {
        continue;
      }
      for (Models.Slot slot : s.args()) {
        List<Value> values = slot == Models.Slot.ALL_ARGS ? args : List.of(slot(slot, recv, args));
        for (Value v : values) {
          for (Fact f : v.deepFacts()) {
            if ((f.sanitized() & bit) != 0 || isRandom(f) || f.isSource() && !f.sourceKind().equals("remote")) {
              continue;
            }
            hits.add(new Summary.SinkHit(f.origin(), s.rule(), at, f.sanitized(), f.path().then(at, "reaches " + what), what,
                exact, g.origin(), s.receiverKind(), f.sourceKind()));
          }
        }
      }
    }
  }

  /** Applies a callee's summary at a call: maps its parameter facts to the argument values. */
  private Value applySummary(MethodInfo target, Summary s, Value recv, List<Value> args, Location at) {
    String callee = callee(target);
    List<Fact> out = new ArrayList<>();
    for (Fact rf : s.returns) {
      if (rf.isSource()) {
        out.add(rf.withPath(rf.path().then(at, "returned from `" + callee + "`")));
        continue;
      }
      if (rf.sourceKind().equals(RANDOM_DRAW)) {
        out.addAll(drawsAtCall(rf, args, at, callee));
        continue;
      }
      for (Fact af : actualFacts(rf.origin(), rf.sourceKind(), target, recv, args)) {
        Step p = af.path().then(at, "passed to `" + callee + "`").append(tail(rf.path()));
        out.add(new Fact(af.origin(), af.sourceKind(), af.sanitized() | rf.sanitized(), p));
      }
    }
    for (Summary.SinkHit h : s.hits) {
      long bit = models.ruleBit(h.rule());
      int guard = -1;
      if (h.guard() >= 0) {
        List<Fact> guardFacts = actualFacts(h.guard(), "param", target, recv, args);
        boolean marked = false;
        for (Fact gf : guardFacts) {
          if (gf.isSource() && gf.sourceKind().equals(h.guardKind())) {
            marked |= !writesText(gf);
          } else if (!gf.isSource() && gf.origin() != Fact.RECEIVER && guard < 0) {
            guard = gf.origin(); // the writer is this method's parameter: pass the condition up
          }
        }
        if (marked) {
          guard = -1;
        } else if (guard < 0) {
          continue;
        }
      }
      List<Fact> data = h.origin() == Fact.SOURCE ? List.of(new Fact(Fact.SOURCE, "remote", 0, h.path()))
          : actualFacts(h.origin(), h.originKind(), target, recv, args);
      for (Fact af : data) {
        if (h.origin() == Fact.SOURCE) {
          if (guard < 0) {
            engine.reportFlow(h.rule(), h.sink(), h.path(), reporter, h.exact());
          } else {
            hits.add(new Summary.SinkHit(Fact.SOURCE, h.rule(), h.sink(), h.sanitized(), h.path(), h.sinkLabel(), h.exact(),
                guard, h.guardKind(), "remote"));
          }
          continue;
        }
        long sanitized = af.sanitized() | h.sanitized();
        if ((sanitized & bit) != 0 || isRandom(af) || af.isSource() && !af.sourceKind().equals("remote")) {
          continue;
        }
        Step p = af.path().then(at, "passed to `" + callee + "`").append(tail(h.path()));
        if (af.isSource() && guard < 0) {
          engine.reportFlow(h.rule(), h.sink(), p, reporter, h.exact());
        } else {
          hits.add(new Summary.SinkHit(af.isSource() ? Fact.SOURCE : af.origin(), h.rule(), h.sink(), sanitized, p,
              h.sinkLabel(), h.exact(), guard, h.guardKind(), af.sourceKind()));
        }
      }
    }
    return Value.of(Value.cap(out));
  }

  /** What a callee stores into its receiver's fields, by field, in terms of the caller's values. */
  private Map<String, List<Fact>> receiverWrites(MethodInfo target, Summary s, Value recv, List<Value> args, Location at) {
    if (s.receiverWrites.isEmpty()) {
      return Map.of();
    }
    Map<String, List<Fact>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<Fact>> e : s.receiverWrites.entrySet()) {
      out.put(e.getKey(), factsAtCall(e.getValue(), target, recv, args, at, "stored by `" + callee(target) + "`"));
    }
    return out;
  }

  /** A callee's facts (sources, parameters, receiver fields) in the caller's terms at a call, with a step there. */
  private static List<Fact> factsAtCall(List<Fact> facts, MethodInfo target, Value recv, List<Value> args, Location at,
      String step) {
    List<Fact> out = new ArrayList<>();
    for (Fact w : facts) {
      if (w.isSource()) {
        out.add(w.withPath(w.path().then(at, step)));
        continue;
      }
      for (Fact af : actualFacts(w.origin(), w.sourceKind(), target, recv, args)) {
        out.add(new Fact(af.origin(), af.sourceKind(), af.sanitized() | w.sanitized(), af.path().then(at, step)));
      }
    }
    return Value.cap(out);
  }

  private static String callee(MethodInfo target) {
    return target.owner().simpleName() + "." + (target.isConstructor() ? target.owner().simpleName() : target.name());
  }

  /** A summary path without its first step (the callee's parameter, already named by the call step). */
  private static Step tail(Step path) {
    List<Step> all = path.asList();
    if (all.size() <= 1) {
      return all.get(all.size() - 1);
    }
    Step s = Step.start(all.get(1).location(), all.get(1).message());
    for (int i = 2; i < all.size(); i++) {
      s = s.then(all.get(i).location(), all.get(i).message());
    }
    return s;
  }

  /**
   * The caller's facts for a callee fact of {@code origin}. A read of receiver field {@code f} maps to what
   * calls stored in that field plus the object's own taint (a bean bound from the request taints every
   * field); when nothing was stored field by field, to everything the object carries.
   */
  private static List<Fact> actualFacts(int origin, String kind, MethodInfo target, Value recv, List<Value> args) {
    if (origin == Fact.RECEIVER) {
      if (recv == null) {
        return List.of();
      }
      if (kind != null && kind.startsWith("field:") && recv.fields() != null) {
        Value stored = recv.fields().get(kind.substring(6));
        List<Fact> out = new ArrayList<>(recv.facts());
        if (stored != null) {
          out.addAll(stored.deepFacts());
        }
        return Value.cap(out);
      }
      return recv.deepFacts();
    }
    if (origin < 0) {
      return List.of();
    }
    if (target.isVarargs() && origin == target.paramNames().size() - 1) {
      List<Fact> all = new ArrayList<>();
      for (int i = origin; i < args.size(); i++) {
        all.addAll(args.get(i).deepFacts());
      }
      return all;
    }
    return origin < args.size() ? args.get(origin).deepFacts() : List.of();
  }

  /**
   * Structure-aware semantics of maps and lists: values under constant keys and at constant indexes are
   * tracked one by one. Returns null when the call is not a container operation.
   */
  private Value collections(ResolvedCall rc, Value recv, String recvVar, List<Value> args) {
    String type = rc.declaringType();
    String name = rc.name();
    int kind = type == null ? 0 : engine.containerKind(type);
    boolean isMap = recv.keyed() != null || (kind & TaintEngine.MAP) != 0;
    boolean isList = recv.elements() != null || (kind & TaintEngine.SEQUENCE) != 0;
    Object k = args.isEmpty() ? null : args.get(0).constant();
    if (isMap && !isList) {
      Map<Object, Value> keyed = recv.keyed();
      switch (name) {
        case "put": case "putIfAbsent": {
          if (args.size() != 2) {
            return null;
          }
          if (keyed != null && k != null && keyed.size() < Value.MAX_ENTRIES) {
            Map<Object, Value> m = new LinkedHashMap<>(keyed);
            if (name.equals("put") || !m.containsKey(k)) {
              m.put(k, args.get(1));
            }
            update(recvVar, recv.withKeyed(m));
          } else {
            update(recvVar, recv.collapse().withFacts(args.get(1).deepFacts()));
          }
          return Value.UNKNOWN;
        }
        case "get": case "getOrDefault": case "remove": {
          Value dflt = name.equals("getOrDefault") && args.size() == 2 ? args.get(1) : Value.UNKNOWN;
          if (keyed != null && k != null) {
            Value v = keyed.get(k);
            if (name.equals("remove")) {
              Map<Object, Value> m = new LinkedHashMap<>(keyed);
              m.remove(k);
              update(recvVar, recv.withKeyed(m));
            }
            return Value.join(v == null ? dflt : v, Value.of(recv.facts()));
          }
          return Value.join(elementOf(recv), dflt);
        }
        case "clear":
          update(recvVar, recv.keyed() != null ? Value.emptyMap() : recv);
          return Value.UNKNOWN;
        case "keySet": case "values": case "entrySet": case "getValue": case "getKey":
          return Value.of(recv.deepFacts());
        case "putAll":
          update(recvVar, recv.collapse().withFacts(args.isEmpty() ? List.of() : args.get(0).deepFacts()));
          return Value.UNKNOWN;
        case "containsKey": case "containsValue": case "size": case "isEmpty":
          return Value.UNKNOWN;
        default:
          return null;
      }
    }
    if (!isList) {
      return null;
    }
    List<Value> el = recv.elements();
    if (args.isEmpty() && (name.startsWith("add") || name.equals("offer") || name.equals("push") || name.equals("set"))) {
      return null; // not the collection method of that name
    }
    switch (name) {
      case "add": case "addLast": case "offer": case "push": case "addFirst": {
        Value v = args.get(args.size() - 1);
        if (el != null && args.size() == 1) {
          List<Value> n = new ArrayList<>(el);
          if (name.equals("push") || name.equals("addFirst")) {
            n.add(0, v);
          } else {
            n.add(v);
          }
          update(recvVar, recv.withElements(n));
        } else if (el != null && args.size() == 2 && k instanceof Integer i && i >= 0 && i <= el.size()) {
          List<Value> n = new ArrayList<>(el);
          n.add(i, v);
          update(recvVar, recv.withElements(n));
        } else if (args.size() <= 2) {
          update(recvVar, recv.collapse().withFacts(v.deepFacts()));
        }
        return Value.UNKNOWN;
      }
      case "set": {
        if (args.size() != 2) {
          return null;
        }
        if (el != null && k instanceof Integer i && i >= 0 && i < el.size()) {
          List<Value> n = new ArrayList<>(el);
          Value old = n.set(i, args.get(1));
          update(recvVar, recv.withElements(n));
          return old;
        }
        update(recvVar, recv.collapse().withFacts(args.get(1).deepFacts()));
        return elementOf(recv);
      }
      case "get": case "elementAt": {
        if (el != null && k instanceof Integer i && i >= 0 && i < el.size()) {
          return el.get(i).withFacts(recv.facts());
        }
        return elementOf(recv);
      }
      case "remove": case "poll": case "pop": case "removeFirst": case "pollFirst": {
        if (el != null && args.size() == 1 && k instanceof Integer i && i >= 0 && i < el.size()) {
          List<Value> n = new ArrayList<>(el);
          Value old = n.remove((int) i);
          update(recvVar, recv.withElements(n));
          return old;
        }
        if (el != null && args.isEmpty() && !el.isEmpty()) {
          List<Value> n = new ArrayList<>(el);
          Value old = n.remove(0);
          update(recvVar, recv.withElements(n));
          return old;
        }
        if (el != null && args.size() == 1 && k != null) {
          List<Value> n = new ArrayList<>(el);
          for (int i = 0; i < n.size(); i++) {
            if (k.equals(n.get(i).constant())) {
              n.remove(i);
              break;
            }
          }
          update(recvVar, recv.withElements(n));
          return Value.UNKNOWN;
        }
        return elementOf(recv);
      }
      case "getFirst": case "peek": case "peekFirst": case "element": case "firstElement":
        return el != null && !el.isEmpty() ? el.get(0).withFacts(recv.facts()) : elementOf(recv);
      case "getLast": case "peekLast": case "lastElement":
        return el != null && !el.isEmpty() ? el.get(el.size() - 1).withFacts(recv.facts()) : elementOf(recv);
      case "addAll": {
        Value other = args.get(args.size() - 1);
        if (el != null && other.elements() != null && args.size() == 1) {
          List<Value> n = new ArrayList<>(el);
          n.addAll(other.elements());
          update(recvVar, recv.withElements(n));
        } else {
          update(recvVar, recv.collapse().withFacts(other.deepFacts()));
        }
        return Value.UNKNOWN;
      }
      case "clear":
        update(recvVar, el != null ? Value.list(List.of()) : recv);
        return Value.UNKNOWN;
      case "size": case "isEmpty": case "contains": case "indexOf": case "hasNext": case "hasMoreElements":
      case "isPresent":
        return Value.UNKNOWN;
      default:
        return null;
    }
  }

  private void update(String var, Value v) {
    if (var != null) {
      env.vars.put(var, v);
    }
  }

  // ---------------------------------------------------------------- positions

  Location loc(Tree t) {
    int line = unit.line(t);
    return line <= 0 ? Location.file(unit.path()) : new Location(unit.path(), line, 0, line, 0);
  }

  /** A call is placed on the line of its method name, so chained calls across lines point at the right one. */
  Location callLocation(Tree t) {
    int line = callLine(unit, t);
    return new Location(unit.path(), line, 0, line, 0);
  }

  static int callLine(JavaUnit unit, Tree t) {
    if (t instanceof MethodInvocationTree m) {
      ExpressionTree sel = m.getMethodSelect();
      if (sel instanceof MemberSelectTree ms) {
        long end = unit.endPosition(ms);
        if (end > 0) {
          return unit.lineAt(end - 1);
        }
      }
    }
    int line = unit.line(t);
    return Math.max(1, line);
  }
}
