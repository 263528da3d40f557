package dev.shipgate.scanner.java.taint;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreeScanner;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Location;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.scan.SourceFile;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Whole-repository taint analysis: computes method summaries bottom-up over the call graph (resolved or
 * name-matched calls, overriding implementations included), re-analysing callers whose callees' summaries
 * changed until nothing changes or each method hit its visit bound, and keeps the findings of each
 * method's last analysis.
 */
public final class TaintEngine {

  /** Work bounds; exceeding them stops one method, which is reported as skipped, never silently. */
  public record Limits(long stepsPerMethod, long millisPerMethod, int visitsPerMethod, long millisPerFile) {
    public static final Limits DEFAULT = new Limits(2_000_000, 5_000, 6, 60_000);
  }

  /** A method whose analysis was stopped, and why. */
  public record Stopped(String path, String method, String reason) {}

  public record Result(List<Finding> findings, List<Stopped> stopped, int methods, int analyses) {}

  final JavaProject project;
  final Models models;
  final ProjectConfig config;
  final ViewTemplates templates;
  private final List<JavaCheck> checks;
  private final Map<String, SourceFile> files;
  private final Limits limits;
  private final Map<MethodInfo, Summary> summaries = new HashMap<>();
  private final Map<Tree, Set<String>> assigned = new IdentityHashMap<>();
  private final Map<TypeInfo.FieldInfo, Object> constants = new HashMap<>();
  private final Set<TypeInfo.FieldInfo> evaluating = new HashSet<>();
  private static final Object NOT_CONSTANT = new Object();

  public TaintEngine(JavaProject project, Models models, List<JavaCheck> checks, List<SourceFile> files, Limits limits,
      ProjectConfig config) {
    this(project, models, checks, files, limits, config, List.of(), ViewTemplates.NONE);
  }

  /**
   * With {@code parameterSinks}: summaries of body-less methods whose parameters reach sinks elsewhere; and the
   * view {@code templates} (Thymeleaf, FreeMarker, JSP, Mustache) whose unescaped outputs are sinks for the model attributes of handlers rendering them.
   */
  public TaintEngine(JavaProject project, Models models, List<JavaCheck> checks, List<SourceFile> files, Limits limits,
      ProjectConfig config, List<ParameterSink> parameterSinks, ViewTemplates templates) {
    this.project = project;
    this.templates = templates;
    this.config = config;
    this.models = models;
    this.checks = List.copyOf(checks);
    this.files = new HashMap<>();
    for (SourceFile f : files) {
      this.files.put(f.path(), f);
    }
    this.limits = limits;
    Map<MethodInfo, List<Summary.SinkHit>> hits = new LinkedHashMap<>();
    for (ParameterSink p : parameterSinks) {
      if (p.method().hasBody() || models.rule(p.rule()) == null) {
        throw new IllegalArgumentException("parameter sink on a method with a body or with an unknown rule: " + p);
      }
      MethodInfo m = p.method();
      Step path = Step.start(m.owner().unit().location(m.tree()), "parameter `" + m.paramNames().get(p.param()) + "`")
          .then(p.at(), "reaches " + p.label());
      hits.computeIfAbsent(m, k -> new ArrayList<>())
          .add(new Summary.SinkHit(p.param(), p.rule(), p.at(), 0, path, p.label(), true, "param"));
    }
    hits.forEach((m, h) -> summaries.put(m, new Summary(List.of(), h, Map.of())));
    this.services = generatedServices();
  }

  /** Repository interfaces a library implements at run time, to the source label of what their methods return. */
  private final Map<String, String> services;

  /** The source label of a call's result when every target is a method of a generated service interface. */
  String serviceSource(ResolvedCall rc) {
    if (services.isEmpty() || rc.targets().isEmpty()) {
      return null;
    }
    String label = null;
    for (MethodInfo t : rc.targets()) {
      label = t.hasBody() ? null : services.get(t.owner().name());
      if (label == null) {
        return null;
      }
    }
    return label;
  }

  /**
   * The models' {@code serviceSources}: annotated interfaces, and interfaces whose class literal a factory call
   * receives. Only files importing a factory type (or its package) are walked, so most repositories pay nothing.
   */
  private Map<String, String> generatedServices() {
    Map<String, String> out = new HashMap<>();
    for (Models.ServiceSource ss : models.serviceSources()) {
      for (TypeInfo t : project.types()) {
        if (t.kind() == Tree.Kind.INTERFACE && t.annotations().stream()
            .anyMatch(a -> ss.annotations().contains(a) || MethodAnalyzer.matchesSimple(ss.annotations(), a))) {
          out.putIfAbsent(t.name(), ss.label());
        }
      }
      for (JavaUnit u : project.units()) {
        if (!importsAny(u, ss.factories().types())) {
          continue;
        }
        for (TypeInfo top : u.types()) {
          if (top.outer() == null && !top.isAnonymous()) {
            collectServices(top, ss, out);
          }
        }
      }
    }
    return out;
  }

  private static boolean importsAny(JavaUnit u, Set<String> types) {
    for (String t : types) {
      if (u.singleImports().containsValue(t) || u.wildcardImports().contains(t.substring(0, t.lastIndexOf('.')))) {
        return true;
      }
    }
    return false;
  }

  private void collectServices(TypeInfo top, Models.ServiceSource ss, Map<String, String> out) {
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
        if (node.getMethodSelect() instanceof MemberSelectTree ms && ss.factories().methods().contains(ms.getIdentifier().toString())
            && !node.getArguments().isEmpty() && node.getArguments().get(0) instanceof MemberSelectTree lit
            && lit.getIdentifier().contentEquals("class")
            && ss.factories().types().contains(project.resolveType(top, ms.getExpression()))) {
          TypeInfo service = project.type(project.resolveType(top, lit.getExpression()));
          if (service != null && service.kind() == Tree.Kind.INTERFACE) {
            out.putIfAbsent(service.name(), ss.label());
          }
        }
        return super.visitMethodInvocation(node, p);
      }
    }.scan(top.tree(), null);
  }

  /** Collects findings for one method analysis; replaced when the method is analysed again. */
  final class MethodReporter implements Reporter {
    final JavaUnit unit;
    final Map<String, Finding> findings = new LinkedHashMap<>();

    MethodReporter(JavaUnit unit) {
      this.unit = unit;
    }

    @Override
    public void report(Rule rule, Tree at, String message, Step path) {
      int line = MethodAnalyzer.callLine(unit, at);
      Location loc = new Location(unit.path(), line, 0, line, 0);
      add(finding(rule, loc, message, path));
    }

    @Override
    public void reportWith(Rule rule, Tree at, String message, Map<String, String> properties) {
      int line = MethodAnalyzer.callLine(unit, at);
      add(finding(rule, new Location(unit.path(), line, 0, line, 0), message, null, properties));
    }

    void add(Finding f) {
      findings.putIfAbsent(f.ruleId() + "|" + f.location().path() + "|" + f.location().startLine(), f);
    }
  }

  public Result run(BooleanSupplier cancelled) {
    List<MethodInfo> methods = new ArrayList<>();
    for (MethodInfo m : project.methods()) {
      if (m.hasBody()) {
        methods.add(m);
      }
    }
    Map<MethodInfo, List<MethodInfo>> callees = new HashMap<>();
    Map<MethodInfo, List<MethodInfo>> callers = new HashMap<>();
    for (MethodInfo m : methods) {
      List<MethodInfo> cs = calleesOf(m);
      callees.put(m, cs);
      for (MethodInfo c : cs) {
        callers.computeIfAbsent(c, k -> new ArrayList<>()).add(m);
      }
    }
    LinkedHashSet<MethodInfo> work = new LinkedHashSet<>(postOrder(methods, callees));
    Map<MethodInfo, Integer> visits = new HashMap<>();
    Map<MethodInfo, MethodReporter> results = new HashMap<>();
    List<Stopped> stopped = new ArrayList<>();
    Set<MethodInfo> gaveUp = new HashSet<>();
    Map<String, Long> fileNanos = new HashMap<>();
    Set<String> filesOverBudget = new HashSet<>();
    int analyses = 0;
    while (!work.isEmpty() && !cancelled.getAsBoolean()) {
      MethodInfo m = work.iterator().next();
      work.remove(m);
      int v = visits.merge(m, 1, Integer::sum);
      if (v > limits.visitsPerMethod() || gaveUp.contains(m)) {
        continue;
      }
      String file = m.owner().unit().path();
      long spent = fileNanos.getOrDefault(file, 0L);
      if (spent > limits.millisPerFile() * 1_000_000L) {
        gaveUp.add(m);
        if (filesOverBudget.add(file)) {
          stopped.add(new Stopped(file, "*", "file time limit of " + limits.millisPerFile() + " ms reached; its remaining methods"
              + " were not analysed"));
        }
        continue;
      }
      long started = System.nanoTime();
      analyses++;
      MethodReporter reporter = new MethodReporter(m.owner().unit());
      List<MethodVisitor> visitors = new ArrayList<>();
      for (JavaCheck c : checks) {
        MethodVisitor mv = c.begin(m);
        if (mv != null) {
          visitors.add(mv);
        }
      }
      Summary s;
      try {
        long deadline = System.nanoTime() + limits.millisPerMethod() * 1_000_000L;
        s = new MethodAnalyzer(this, m, scope(m), visitors, reporter, limits.stepsPerMethod(), deadline).run();
      } catch (MethodAnalyzer.BudgetExceeded e) {
        gaveUp.add(m);
        stopped.add(new Stopped(m.owner().unit().path(), m.owner().name() + "." + m.name(), e.getMessage()));
        continue;
      } catch (StackOverflowError e) {
        gaveUp.add(m);
        stopped.add(new Stopped(m.owner().unit().path(), m.owner().name() + "." + m.name(), "nested too deeply"));
        continue;
      } catch (RuntimeException e) {
        // A construct the analyzer mishandles must cost one method, not the scan; it is reported.
        gaveUp.add(m);
        StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        stopped.add(new Stopped(m.owner().unit().path(), m.owner().name() + "." + m.name(),
            "internal error " + e.getClass().getSimpleName() + (at == null ? "" : " at " + at.getFileName() + ":" + at.getLineNumber())));
        continue;
      }
      fileNanos.merge(file, System.nanoTime() - started, Long::sum);
      results.put(m, reporter);
      for (TypeInfo.FieldInfo f : changedStatics) {
        for (MethodInfo reader : staticReaders.getOrDefault(f, Set.of())) {
          if (visits.getOrDefault(reader, 0) < limits.visitsPerMethod()) {
            work.add(reader);
          }
        }
      }
      changedStatics.clear();
      Summary old = summaries.get(m);
      if (old == null || !old.sameAs(s)) {
        summaries.put(m, s);
        if (old != null || !s.isEmpty()) {
          for (MethodInfo caller : callers.getOrDefault(m, List.of())) {
            if (!results.containsKey(caller) || visits.getOrDefault(caller, 0) < limits.visitsPerMethod()) {
              work.add(caller);
            }
          }
        }
      }
    }
    Map<String, Finding> all = new LinkedHashMap<>();
    for (MethodInfo m : methods) {
      MethodReporter r = results.get(m);
      if (r != null) {
        for (Map.Entry<String, Finding> e : r.findings.entrySet()) {
          all.putIfAbsent(e.getKey(), e.getValue());
        }
      }
    }
    // ${param.x} (Thymeleaf, JSP EL) or request.getParameter in a JSP is request data itself: written unescaped, it is
    // reflected XSS in the template.
    MethodReporter inTemplates = new MethodReporter(null);
    for (ViewTemplates.Unescaped u : templates.all()) {
      if (u.readsRequest()) {
        Step path = Step.start(u.location(), "HTTP request data read by the template");
        reportFlow(XSS, u.location(), path.then(u.location(), "reaches the unescaped " + u.technology() + " output `"
            + u.expression() + "`"), inTemplates, true);
      }
    }
    inTemplates.findings.forEach(all::putIfAbsent);
    for (TypeInfo t : project.types()) {
      MethodReporter r = new MethodReporter(t.unit());
      for (JavaCheck c : checks) {
        c.checkType(t, project, r);
      }
      for (Map.Entry<String, Finding> e : r.findings.entrySet()) {
        all.putIfAbsent(e.getKey(), e.getValue());
      }
    }
    List<Finding> out = new ArrayList<>(all.values());
    out.sort(Comparator.comparing((Finding f) -> f.location().path()).thenComparingInt(f -> f.location().startLine())
        .thenComparing(Finding::ruleId));
    stopped.sort(Comparator.comparing(Stopped::path).thenComparing(Stopped::method));
    return new Result(out, stopped, methods.size(), analyses);
  }

  private static final String XSS = "java/web/xss";

  private final Map<Models.MethodPattern, Map<String, Boolean>> matchCache = new IdentityHashMap<>();
  /** Source facts stored in static fields (state shared by all methods), and who reads each field. */
  private final Map<TypeInfo.FieldInfo, List<Fact>> staticFacts = new HashMap<>();
  private final Map<TypeInfo.FieldInfo, Set<MethodInfo>> staticReaders = new HashMap<>();
  private final Set<TypeInfo.FieldInfo> changedStatics = new LinkedHashSet<>();

  List<Fact> readStatic(TypeInfo.FieldInfo f, MethodInfo reader) {
    staticReaders.computeIfAbsent(f, k -> new LinkedHashSet<>()).add(reader);
    return staticFacts.getOrDefault(f, List.of());
  }

  /** Only facts from sources are global; parameter facts mean nothing outside their method. */
  void writeStatic(TypeInfo.FieldInfo f, List<Fact> facts) {
    List<Fact> sources = new ArrayList<>();
    for (Fact x : facts) {
      if (x.isSource()) {
        sources.add(x);
      }
    }
    if (sources.isEmpty()) {
      return;
    }
    List<Fact> old = staticFacts.getOrDefault(f, List.of());
    List<Fact> merged = new ArrayList<>(old);
    merged.addAll(sources);
    merged = Value.cap(merged);
    Set<String> before = new java.util.TreeSet<>();
    old.forEach(x -> before.add(x.key()));
    Set<String> after = new java.util.TreeSet<>();
    merged.forEach(x -> after.add(x.key()));
    if (!before.equals(after)) {
      staticFacts.put(f, merged);
      changedStatics.add(f);
    }
  }

  /** {@link Models#matches}, memoised per pattern and declaring type: the same few types are asked about constantly. */
  boolean matches(String declaringType, Models.MethodPattern p) {
    if (declaringType == null) {
      return false;
    }
    Map<String, Boolean> byType = matchCache.get(p);
    if (byType == null) {
      byType = new HashMap<>();
      matchCache.put(p, byType);
    }
    Boolean m = byType.get(declaringType);
    if (m == null) { // not computeIfAbsent: its capturing lambda was a fair share of the analysis' garbage
      m = Models.matches(project, declaringType, p);
      byType.put(declaringType, m);
    }
    return m;
  }

  /**
   * Identifier texts: javac decodes a name from its bytes on every {@code toString()}, and the analysis reads the same
   * identifiers over and over. Names are unique per parser name table, so identity is the right key.
   */
  private final Map<javax.lang.model.element.Name, String> names = new IdentityHashMap<>();

  String text(javax.lang.model.element.Name n) {
    String s = names.get(n);
    if (s == null) {
      s = n.toString();
      names.put(n, s);
    }
    return s;
  }

  /** The models that apply to calls of one method name on one declaring type, in model order. */
  record Applicable(List<Models.SourceModel> sources, List<Models.SanitizerModel> sanitizers,
      List<Models.PropagatorModel> propagators, List<Models.SinkModel> sinks) {}

  private static final Applicable NONE = new Applicable(List.of(), List.of(), List.of(), List.of());
  /** {@link #applicable} per declaring type and method name: one lookup per call instead of a match per model. */
  private final Map<String, Map<String, Applicable>> applicable = new HashMap<>();

  Applicable applicable(String declaringType, String name) {
    if (declaringType == null) {
      return NONE;
    }
    Map<String, Applicable> byName = applicable.get(declaringType);
    if (byName == null) {
      byName = new HashMap<>();
      applicable.put(declaringType, byName);
    }
    Applicable a = byName.get(name);
    if (a == null) {
      a = new Applicable(matching(declaringType, models.sources(name), Models.SourceModel::pattern),
          matching(declaringType, models.sanitizers(name), Models.SanitizerModel::pattern),
          matching(declaringType, models.propagators(name), Models.PropagatorModel::pattern),
          matching(declaringType, models.sinks(name), Models.SinkModel::pattern));
      byName.put(name, a);
    }
    return a;
  }

  private <M> List<M> matching(String declaringType, List<M> candidates, java.util.function.Function<M, Models.MethodPattern> pattern) {
    List<M> out = new ArrayList<>();
    for (M m : candidates) {
      if (matches(declaringType, pattern.apply(m))) {
        out.add(m);
      }
    }
    return out.isEmpty() ? List.of() : out;
  }

  static final int MAP = 1;
  static final int SEQUENCE = 2;
  /** {@link #containerKind} per declaring type: asked on every call, answered by up to six subtype tests. */
  private final Map<String, Integer> containerKinds = new HashMap<>();

  /** Whether calls on {@code type} are map operations ({@link #MAP}) and/or list, iterator, stream or optional ones. */
  int containerKind(String type) {
    Integer known = containerKinds.get(type);
    if (known == null) {
      boolean map = project.isSubtype(type, "java.util.Map");
      boolean sequence = project.isSubtype(type, "java.util.Collection") || project.isSubtype(type, "java.util.Iterator")
          || project.isSubtype(type, "java.util.Enumeration") || project.isSubtype(type, "java.util.stream.Stream")
          || project.isSubtype(type, "java.util.Optional");
      known = (map ? MAP : 0) | (sequence ? SEQUENCE : 0);
      containerKinds.put(type, known);
    }
    return known;
  }

  MethodScope scope(MethodInfo m) {
    return project.scope(m);
  }

  Summary summary(MethodInfo m) {
    return summaries.getOrDefault(m, Summary.EMPTY);
  }

  /** Repository methods a method may call, from a cheap walk before analysis (for ordering and re-queuing). */
  private List<MethodInfo> calleesOf(MethodInfo m) {
    MethodScope s = scope(m);
    Set<MethodInfo> out = new LinkedHashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
        ResolvedCall rc = project.resolveCall(s, node);
        out.addAll(rc.targets());
        return super.visitMethodInvocation(node, p);
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void p) {
        out.addAll(project.resolveNew(s, node).targets());
        scan(node.getEnclosingExpression(), p);
        scan(node.getArguments(), p);
        return null; // an anonymous class body belongs to its own methods
      }

      @Override
      public Void visitClass(com.sun.source.tree.ClassTree node, Void p) {
        return null;
      }
    }.scan(m.body(), null);
    return new ArrayList<>(out);
  }

  /** Callees before callers, iteratively (deep call chains must not overflow the stack). */
  private static List<MethodInfo> postOrder(List<MethodInfo> methods, Map<MethodInfo, List<MethodInfo>> callees) {
    List<MethodInfo> order = new ArrayList<>();
    Set<MethodInfo> seen = new HashSet<>();
    for (MethodInfo root : methods) {
      if (seen.contains(root)) {
        continue;
      }
      ArrayDeque<Object[]> stack = new ArrayDeque<>();
      stack.push(new Object[] {root, 0});
      seen.add(root);
      while (!stack.isEmpty()) {
        Object[] top = stack.peek();
        MethodInfo m = (MethodInfo) top[0];
        int i = (Integer) top[1];
        List<MethodInfo> cs = callees.getOrDefault(m, List.of());
        if (i < cs.size()) {
          top[1] = i + 1;
          MethodInfo c = cs.get(i);
          if (callees.containsKey(c) && seen.add(c)) {
            stack.push(new Object[] {c, 0});
          }
        } else {
          stack.pop();
          order.add(m);
        }
      }
    }
    return order;
  }

  /** Names assigned anywhere inside a loop, whose constants the loop may change. */
  Set<String> assignedIn(Tree loop) {
    return assigned.computeIfAbsent(loop, l -> {
      Set<String> names = new LinkedHashSet<>();
      new TreeScanner<Void, Void>() {
        private void target(ExpressionTree t) {
          if (t instanceof IdentifierTree id) {
            names.add(id.getName().toString());
            names.add("this." + id.getName());
          } else if (t instanceof MemberSelectTree ms && ms.getExpression() instanceof IdentifierTree r) {
            names.add(r.getName().contentEquals("this") ? "this." + ms.getIdentifier() : r.getName() + "." + ms.getIdentifier());
          }
        }

        @Override
        public Void visitAssignment(AssignmentTree node, Void p) {
          target(node.getVariable());
          return super.visitAssignment(node, p);
        }

        @Override
        public Void visitCompoundAssignment(CompoundAssignmentTree node, Void p) {
          target(node.getVariable());
          return super.visitCompoundAssignment(node, p);
        }

        @Override
        public Void visitUnary(UnaryTree node, Void p) {
          switch (node.getKind()) {
            case PREFIX_INCREMENT: case POSTFIX_INCREMENT: case PREFIX_DECREMENT: case POSTFIX_DECREMENT:
              target(node.getExpression());
              break;
            default:
              break;
          }
          return super.visitUnary(node, p);
        }
      }.scan(l, null);
      return names;
    });
  }

  /**
   * The value of a field that always holds one constant, else null: a {@code final} field initialised with a
   * constant expression, or an unannotated final field, private static field or private instance field without
   * accessors whose initializer and every assignment in the file give the same constant (without initializer:
   * assignments in constructors and initializer blocks only, so no read sees the default value; an initializer
   * that every constructor overwrites does not count, though reads in the constructor before the assignment see it).
   */
  Object fieldConstant(TypeInfo.FieldInfo f, TypeInfo from) {
    Object known = constants.get(f);
    if (known != null) {
      return known == NOT_CONSTANT ? null : known;
    }
    TypeInfo declaring = project.declaringType(f);
    TypeInfo owner = declaring == null ? from : declaring;
    if (f.isFinal() && f.initializer() != null) {
      return memo(f, () -> constantOf((ExpressionTree) f.initializer(), owner, 0));
    }
    // A non-final instance field with a getter or setter may be bound by reflection (Jackson, Spring data binding
    // from a request) whatever its initializer says, and an injected (annotated) one by its framework: neither is
    // a constant.
    if (!onlyOwnerAssigns(f) || !f.isFinal() && !f.isStatic() && hasAccessor(f, owner) || !f.annotations().isEmpty()) {
      return null;
    }
    return memo(f, () -> {
      List<FieldStore> stores = storesInto(f, owner);
      if (f.initializer() == null && (stores.isEmpty() || stores.stream().anyMatch(st -> !st.initializing()))) {
        return null;
      }
      boolean initial = f.initializer() != null && !constructorsOverwrite(f, owner);
      Object value = initial ? constantOf((ExpressionTree) f.initializer(), owner, 0) : null;
      if (initial && value == null) {
        return null;
      }
      for (FieldStore st : stores) {
        Object v = st.value() == null || !independentOfLocals(st.value(), owner) ? null : constantOf(st.value(), owner, 0);
        if (v == null || value != null && !value.equals(v)) {
          return null;
        }
        value = v;
      }
      return value;
    });
  }

  /**
   * No name in the expression could be a local or parameter of the assigning method: {@link #constantOf} reads
   * bare names as fields, which is right in an initializer but not for {@code this.secure = secure} in a method.
   */
  private boolean independentOfLocals(ExpressionTree e, TypeInfo owner) {
    boolean[] ok = {true};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree id, Void p) {
        TypeInfo.FieldInfo f = project.field(owner, id.getName().toString());
        if (f == null || !f.isStatic() || !f.isFinal()) {
          ok[0] = false;
        }
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree ms, Void p) {
        return null; // Type.CONSTANT: resolved by type, not by a local name
      }
    }.scan(e, null);
    return ok[0];
  }

  private Object memo(TypeInfo.FieldInfo f, java.util.function.Supplier<Object> compute) {
    Object c = constants.get(f);
    if (c != null) {
      return c == NOT_CONSTANT ? null : c;
    }
    if (!evaluating.add(f)) {
      return null; // cyclic definition
    }
    try {
      Object v = compute.get();
      constants.put(f, v == null ? NOT_CONSTANT : v);
      return v;
    } finally {
      evaluating.remove(f);
    }
  }

  /** A bean accessor ({@code getX}, {@code isX}, {@code setX}) for the field in its class. */
  private static boolean hasAccessor(TypeInfo.FieldInfo f, TypeInfo owner) {
    String suffix = Character.toUpperCase(f.name().charAt(0)) + f.name().substring(1);
    for (MethodInfo m : owner.methods()) {
      String n = m.name();
      if (n.endsWith(suffix) && (n.length() == suffix.length() + 3 && (n.startsWith("get") || n.startsWith("set"))
          || n.length() == suffix.length() + 2 && n.startsWith("is"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether every constructor of the instance field's class assigns it in a top-level statement (or first
   * delegates to another with {@code this(...)}), so that no method sees its initializer's value.
   */
  private static boolean constructorsOverwrite(TypeInfo.FieldInfo f, TypeInfo owner) {
    if (f.isStatic()) {
      return false;
    }
    boolean any = false;
    for (Tree member : owner.tree().getMembers()) {
      if (!(member instanceof com.sun.source.tree.MethodTree m) || !m.getName().contentEquals("<init>") || m.getBody() == null) {
        continue;
      }
      any = true;
      boolean assigns = false;
      List<? extends com.sun.source.tree.StatementTree> body = m.getBody().getStatements();
      for (int i = 0; i < body.size() && !assigns; i++) {
        if (body.get(i) instanceof com.sun.source.tree.ExpressionStatementTree es) {
          assigns = es.getExpression() instanceof AssignmentTree a && assignsField(a.getVariable(), f.name())
              || i == 0 && es.getExpression() instanceof MethodInvocationTree mi
                  && mi.getMethodSelect() instanceof IdentifierTree id && id.getName().contentEquals("this");
        }
      }
      if (!assigns) {
        return false;
      }
    }
    return any;
  }

  private static boolean assignsField(ExpressionTree target, String name) {
    return target instanceof IdentifierTree id && id.getName().contentEquals(name)
        || target instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals(name)
            && ms.getExpression() instanceof IdentifierTree t && t.getName().contentEquals("this");
  }

  private static boolean onlyOwnerAssigns(TypeInfo.FieldInfo f) {
    return f.isFinal() || f.declaration().getModifiers().getFlags().contains(javax.lang.model.element.Modifier.PRIVATE);
  }

  /**
   * The class of the object a field always holds: a field only its own class assigns whose initializer and
   * every assignment are {@code new C(...)} of one class C (no anonymous body), else null. Calls on the field
   * then dispatch to C's methods only.
   */
  String fieldClass(TypeInfo.FieldInfo f, TypeInfo from) {
    String c = fieldClasses.get(f);
    if (c == null) {
      TypeInfo declaring = project.declaringType(f);
      c = fieldClassOf(f, declaring == null ? from : declaring);
      fieldClasses.put(f, c);
    }
    return c.isEmpty() ? null : c;
  }

  private String fieldClassOf(TypeInfo.FieldInfo f, TypeInfo owner) {
    List<ExpressionTree> values = fieldValues(f, owner);
    if (values == null) {
      return "";
    }
    String type = null;
    for (ExpressionTree v : values) {
      if (!(v instanceof NewClassTree n) || n.getClassBody() != null) {
        return "";
      }
      String t = project.resolveNew(project.scope(owner), n).declaringType();
      if (t == null || t.indexOf('.') < 0 || type != null && !type.equals(t)) {
        return "";
      }
      type = t;
    }
    return type == null ? "" : type;
  }

  /**
   * Every value a field only its own class assigns can hold (initializer and assignments in its file), or null
   * when other classes may assign it or a store is not a plain assignment.
   */
  List<ExpressionTree> fieldValues(TypeInfo.FieldInfo f, TypeInfo owner) {
    if (!onlyOwnerAssigns(f)) {
      return null;
    }
    List<ExpressionTree> values = new ArrayList<>();
    if (f.initializer() != null && !constructorsOverwrite(f, owner)) {
      values.add((ExpressionTree) f.initializer());
    }
    for (FieldStore st : storesInto(f, owner)) {
      if (st.value() == null) {
        return null;
      }
      values.add(st.value());
    }
    return values;
  }

  /**
   * An assignment to a field name: the value (null for {@code ++}, {@code +=}), whether a constructor makes it, the
   * class it is written in, and whether it names the field bare or through {@code this}.
   */
  private record FieldStore(ExpressionTree value, boolean initializing, com.sun.source.tree.ClassTree in, boolean own) {}

  /**
   * The stores of the field's file that may assign it: all but those a class declaring its own field of that
   * name makes bare or through {@code this} (they assign that class's field).
   */
  private List<FieldStore> storesInto(TypeInfo.FieldInfo f, TypeInfo owner) {
    List<FieldStore> all = fieldStores(owner.unit()).getOrDefault(f.name(), List.of());
    List<FieldStore> out = new ArrayList<>(all.size());
    for (FieldStore st : all) {
      if (!st.own() || st.in() == owner.tree() || !declaresField(st.in(), f.name())) {
        out.add(st);
      }
    }
    return out;
  }

  private static boolean declaresField(com.sun.source.tree.ClassTree c, String name) {
    for (Tree m : c.getMembers()) {
      if (m instanceof com.sun.source.tree.VariableTree v && v.getName().contentEquals(name)) {
        return true;
      }
    }
    return false;
  }

  private final Map<TypeInfo.FieldInfo, String> fieldClasses = new IdentityHashMap<>();
  private final Map<JavaUnit, Map<String, List<FieldStore>>> fieldStores = new IdentityHashMap<>();

  /**
   * Every assignment in a file by the assigned name ({@code f = v}, {@code this.f = v}, {@code o.f = v}): a
   * superset of the stores into each field of the file's private fields, so a local of the same name only makes
   * the answer more cautious.
   */
  private Map<String, List<FieldStore>> fieldStores(JavaUnit unit) {
    return fieldStores.computeIfAbsent(unit, u -> {
      Map<String, List<FieldStore>> out = new HashMap<>();
      new TreeScanner<Void, Boolean>() {
        private com.sun.source.tree.ClassTree current;

        private void store(ExpressionTree target, ExpressionTree value, boolean init) {
          String name = target instanceof IdentifierTree id ? id.getName().toString()
              : target instanceof MemberSelectTree ms ? ms.getIdentifier().toString() : null;
          boolean own = target instanceof IdentifierTree || target instanceof MemberSelectTree ms
              && ms.getExpression() instanceof IdentifierTree t && t.getName().contentEquals("this");
          if (name != null) {
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(new FieldStore(value, init, current, own));
          }
        }

        @Override
        public Void visitClass(com.sun.source.tree.ClassTree node, Boolean init) {
          com.sun.source.tree.ClassTree outer = current;
          current = node;
          for (Tree member : node.getMembers()) {
            boolean ctor = member instanceof com.sun.source.tree.MethodTree m && m.getName().contentEquals("<init>");
            boolean block = member instanceof com.sun.source.tree.BlockTree b && !b.isStatic();
            scan(member, ctor || block);
          }
          current = outer;
          return null;
        }

        @Override
        public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree node, Boolean init) {
          return super.visitLambdaExpression(node, false);
        }

        @Override
        public Void visitAssignment(AssignmentTree node, Boolean init) {
          store(node.getVariable(), node.getExpression(), Boolean.TRUE.equals(init));
          return super.visitAssignment(node, init);
        }

        @Override
        public Void visitCompoundAssignment(CompoundAssignmentTree node, Boolean init) {
          store(node.getVariable(), null, false);
          return super.visitCompoundAssignment(node, init);
        }

        @Override
        public Void visitUnary(UnaryTree node, Boolean init) {
          switch (node.getKind()) {
            case PREFIX_INCREMENT: case POSTFIX_INCREMENT: case PREFIX_DECREMENT: case POSTFIX_DECREMENT:
              store(node.getExpression(), null, false);
              break;
            default:
              break;
          }
          return super.visitUnary(node, init);
        }
      }.scan(u.tree(), false);
      return out;
    });
  }

  private Object constantOf(ExpressionTree e, TypeInfo owner, int depth) {
    if (depth > 50) {
      return null;
    }
    if (e instanceof LiteralTree l) {
      return l.getValue();
    }
    if (e instanceof ParenthesizedTree p) {
      return constantOf(p.getExpression(), owner, depth + 1);
    }
    if (e instanceof BinaryTree b) {
      return Constants.binary(b.getKind(), constantOf(b.getLeftOperand(), owner, depth + 1),
          constantOf(b.getRightOperand(), owner, depth + 1));
    }
    if (e instanceof UnaryTree u) {
      return Constants.unary(u.getKind(), constantOf(u.getExpression(), owner, depth + 1));
    }
    if (e instanceof IdentifierTree id) {
      TypeInfo.FieldInfo f = project.field(owner, id.getName().toString());
      return f == null ? null : fieldConstant(f, owner);
    }
    if (e instanceof MemberSelectTree ms) {
      String t = project.staticTypeRef(project.scope(owner), ms.getExpression());
      TypeInfo ti = project.type(t);
      TypeInfo.FieldInfo f = ti == null ? null : ti.fields().get(ms.getIdentifier().toString());
      return f == null ? null : fieldConstant(f, ti);
    }
    return null;
  }

  /** A flow into a sink; when the sink's type was only guessed from a simple name, confidence drops to medium. */
  void reportFlow(String ruleId, Location sink, Step path, Reporter reporter, boolean exact) {
    String source = path.first().message();
    if (models.ignoresSource(ruleId, source)) {
      return;
    }
    Rule rule = models.rule(ruleId);
    String message = rule.title() + ": " + source + " reaches " + models.sinkDescription(ruleId) + " without sanitization";
    Finding f = finding(rule, sink, message, path);
    if (!exact && f.confidence().atLeast(Confidence.HIGH)) {
      f = f.withConfidence(Confidence.MEDIUM);
    }
    ((MethodReporter) reporter).add(f);
  }

  Finding finding(Rule rule, Location loc, String message, Step path) {
    return finding(rule, loc, message, path, Map.of());
  }

  private Finding finding(Rule rule, Location loc, String message, Step path, Map<String, String> properties) {
    Finding.Builder b = Finding.builder(rule).at(loc).message(message);
    properties.forEach(b::property);
    SourceFile f = files.get(loc.path());
    if (f != null) {
      b.snippet(f.line(loc.startLine()).trim());
    }
    if (path != null) {
      for (Step s : path.asList()) {
        b.step(s.location(), s.message());
      }
    }
    return b.build();
  }
}
