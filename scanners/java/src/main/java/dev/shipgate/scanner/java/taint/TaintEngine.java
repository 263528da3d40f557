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
  private final List<JavaCheck> checks;
  private final Map<String, SourceFile> files;
  private final Limits limits;
  private final Map<MethodInfo, Summary> summaries = new HashMap<>();
  private final Map<MethodInfo, MethodScope> scopes = new HashMap<>();
  private final Map<Tree, Set<String>> assigned = new IdentityHashMap<>();
  private final Map<TypeInfo.FieldInfo, Object> constants = new HashMap<>();
  private final Set<TypeInfo.FieldInfo> evaluating = new HashSet<>();
  private static final Object NOT_CONSTANT = new Object();

  public TaintEngine(JavaProject project, Models models, List<JavaCheck> checks, List<SourceFile> files, Limits limits,
      ProjectConfig config) {
    this(project, models, checks, files, limits, config, List.of());
  }

  /** With {@code parameterSinks}: summaries of body-less methods whose parameters reach sinks elsewhere. */
  public TaintEngine(JavaProject project, Models models, List<JavaCheck> checks, List<SourceFile> files, Limits limits,
      ProjectConfig config, List<ParameterSink> parameterSinks) {
    this.project = project;
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
        if (old != null || !s.returns.isEmpty() || !s.hits.isEmpty() || !s.receiverWrites.isEmpty()) {
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
    return matchCache.computeIfAbsent(p, k -> new HashMap<>())
        .computeIfAbsent(declaringType, t -> Models.matches(project, t, p));
  }

  MethodScope scope(MethodInfo m) {
    return scopes.computeIfAbsent(m, project::scope);
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

  /** The value of a {@code final} field initialised with a constant expression, else null. */
  Object fieldConstant(TypeInfo.FieldInfo f, TypeInfo owner) {
    if (!f.isFinal() || f.initializer() == null) {
      return null;
    }
    Object c = constants.get(f);
    if (c != null) {
      return c == NOT_CONSTANT ? null : c;
    }
    if (!evaluating.add(f)) {
      return null; // cyclic definition
    }
    try {
      Object v = constantOf((ExpressionTree) f.initializer(), owner, 0);
      constants.put(f, v == null ? NOT_CONSTANT : v);
      return v;
    } finally {
      evaluating.remove(f);
    }
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
