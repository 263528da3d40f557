package dev.shipgate.scanner.java.frontend;

import com.sun.source.tree.AnnotatedTypeTree;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ArrayTypeTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.lang.model.element.Modifier;

/**
 * The repository as a whole: every declared type and method, and name-based resolution of types,
 * expression types and calls. Resolution never fails: a name that cannot be qualified through imports,
 * the package, the repository or the library models stays a simple name, and matching then falls back
 * to simple names.
 */
public final class JavaProject {

  private static final Set<String> JAVA_LANG = Set.of("String", "Object", "Integer", "Long", "Short", "Byte",
      "Character", "Boolean", "Double", "Float", "Number", "Math", "StrictMath", "System", "Runtime", "Process",
      "ProcessBuilder", "StringBuilder", "StringBuffer", "CharSequence", "Thread", "Class", "ClassLoader",
      "Exception", "RuntimeException", "Error", "Throwable", "Iterable", "Enum", "Record", "Void", "Override",
      "Deprecated", "SuppressWarnings", "FunctionalInterface", "SafeVarargs", "AutoCloseable", "Comparable",
      "Cloneable", "Runnable", "IllegalArgumentException", "IllegalStateException", "NullPointerException",
      "UnsupportedOperationException", "SecurityException", "InterruptedException", "ThreadLocal");
  private static final Set<String> PRIMITIVES = Set.of("int", "long", "short", "byte", "char", "boolean",
      "double", "float", "void");

  private final List<JavaUnit> units;
  private final LibraryTypes library;
  private final Map<String, TypeInfo> types = new TreeMap<>();
  private final Map<String, List<String>> typesBySimpleName = new HashMap<>();
  private final Map<String, List<TypeInfo>> subtypes = new HashMap<>();
  private final Map<String, String> libraryBySimpleName = new HashMap<>();
  private final Set<String> libraryTypes;
  private final Map<String, Set<String>> supertypeClosure = new ConcurrentHashMap<>();
  private final List<MethodInfo> methods = new ArrayList<>();
  /** {@link #calls} per method: the api family asks for a handler's calls more than once, and the rules ask too. */
  private final Map<MethodInfo, List<CallSite>> callsByMethod = new ConcurrentHashMap<>();
  /** {@link #scope(MethodInfo)} per method: the engine, several checks and the arch/api families all ask for it. */
  private final Map<MethodInfo, MethodScope> scopes = new ConcurrentHashMap<>();

  private JavaProject(List<JavaUnit> units, LibraryTypes library) {
    this.units = List.copyOf(units);
    this.library = library;
    this.libraryTypes = library.knownTypes();
    for (String t : libraryTypes) {
      libraryBySimpleName.putIfAbsent(simple(t), t);
    }
  }

  /** Indexes the units; call once after parsing. */
  public static JavaProject build(List<JavaUnit> units, LibraryTypes library) {
    JavaProject p = new JavaProject(units, library);
    for (JavaUnit u : p.units) {
      p.declareTypes(u);
    }
    for (TypeInfo t : p.types.values()) {
      p.typesBySimpleName.computeIfAbsent(t.simpleName(), k -> new ArrayList<>()).add(t.name());
    }
    for (JavaUnit u : p.units) {
      for (TypeInfo t : u.types) {
        p.resolveMembers(t);
      }
    }
    for (TypeInfo t : p.types.values()) {
      for (String s : t.supertypes) {
        p.subtypes.computeIfAbsent(s, k -> new ArrayList<>()).add(t);
      }
      p.methods.addAll(t.methods);
    }
    return p;
  }

  public List<JavaUnit> units() {
    return units;
  }

  public LibraryTypes library() {
    return library;
  }

  /** All repository types, sorted by name. */
  public List<TypeInfo> types() {
    return List.copyOf(types.values());
  }

  public TypeInfo type(String name) {
    return name == null ? null : types.get(name);
  }

  /** All repository methods and constructors, in type-name then source order. */
  public List<MethodInfo> methods() {
    return List.copyOf(methods);
  }

  // ---------------------------------------------------------------- declarations

  private void declareTypes(JavaUnit unit) {
    CompilationUnitTree cu = unit.tree();
    String prefix = unit.packageName().isEmpty() ? "" : unit.packageName() + ".";
    new TreeScanner<Void, TypeInfo>() {
      @Override
      public Void visitClass(ClassTree node, TypeInfo outer) {
        String simple = node.getSimpleName().toString();
        String name = outer == null ? prefix + simple : outer.name() + "." + simple;
        TypeInfo t = new TypeInfo(name, unit, node, outer, false);
        unit.types.add(t);
        types.putIfAbsent(name, t);
        return super.visitClass(node, t);
      }

      @Override
      public Void visitNewClass(NewClassTree node, TypeInfo outer) {
        if (node.getClassBody() != null && outer != null) {
          String name = outer.name() + "$" + unit.line(node) + "_" + unit.columnAt(unit.startPosition(node));
          TypeInfo t = new TypeInfo(name, unit, node.getClassBody(), outer, true);
          unit.types.add(t);
          types.putIfAbsent(name, t);
          scan(node.getEnclosingExpression(), outer);
          scan(node.getIdentifier(), outer);
          scan(node.getArguments(), outer);
          for (Tree member : node.getClassBody().getMembers()) {
            scan(member, t);
          }
          return null;
        }
        return super.visitNewClass(node, outer);
      }
    }.scan(cu, null);
  }

  private void resolveMembers(TypeInfo t) {
    ClassTree ct = t.tree();
    if (t.isAnonymous()) {
      Tree parent = anonymousIdentifier(t);
      if (parent != null) {
        t.supertypes.add(resolveType(t, parent));
      }
    } else {
      if (ct.getExtendsClause() != null) {
        t.supertypes.add(resolveType(t, ct.getExtendsClause()));
      }
      for (Tree i : ct.getImplementsClause()) {
        t.supertypes.add(resolveType(t, i));
      }
    }
    t.annotations.addAll(annotations(t, ct.getModifiers()));
    for (Tree member : ct.getMembers()) {
      if (member instanceof VariableTree v) {
        Set<Modifier> flags = v.getModifiers().getFlags();
        boolean iface = ct.getKind() == Tree.Kind.INTERFACE;
        t.fields.put(v.getName().toString(), new TypeInfo.FieldInfo(v.getName().toString(), resolveType(t, v.getType()),
            iface || flags.contains(Modifier.STATIC), iface || flags.contains(Modifier.FINAL), v.getInitializer(),
            annotations(t, v.getModifiers()), v));
      } else if (member instanceof MethodTree m) {
        t.methods.add(method(t, m));
      }
    }
    boolean hasConstructor = t.methods.stream().anyMatch(MethodInfo::isConstructor);
    boolean initializesFields = t.fields.values().stream().anyMatch(f -> !f.isStatic() && f.initializer() != null);
    if (!hasConstructor && initializesFields && ct.getKind() == Tree.Kind.CLASS) {
      t.methods.add(new MethodInfo(t, null, "<init>", List.of(), List.of(), List.of(), List.of(), "void", false, false));
    }
  }

  /** The instantiated type of an anonymous class, found again from the tree that declared it. */
  private Tree anonymousIdentifier(TypeInfo t) {
    NewClassTree[] found = new NewClassTree[1];
    Tree root = t.outer() == null ? t.unit().tree() : t.outer().tree();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitNewClass(NewClassTree node, Void v) {
        if (node.getClassBody() == t.tree()) {
          found[0] = node;
          return null;
        }
        return found[0] != null ? null : super.visitNewClass(node, v);
      }
    }.scan(root, null);
    return found[0] == null ? null : found[0].getIdentifier();
  }

  private MethodInfo method(TypeInfo owner, MethodTree m) {
    List<String> names = new ArrayList<>();
    List<String> paramTypes = new ArrayList<>();
    List<List<String>> paramAnnotations = new ArrayList<>();
    boolean varargs = false;
    for (VariableTree p : m.getParameters()) {
      names.add(p.getName().toString());
      paramTypes.add(resolveType(owner, p.getType()));
      paramAnnotations.add(annotations(owner, p.getModifiers()));
      varargs = p.getType() instanceof ArrayTypeTree && p.toString().contains("...");
    }
    String name = m.getName().toString();
    String ret = m.getReturnType() == null ? "void" : resolveType(owner, m.getReturnType());
    boolean isStatic = m.getModifiers().getFlags().contains(Modifier.STATIC);
    return new MethodInfo(owner, m, name, names, paramTypes, paramAnnotations, annotations(owner, m.getModifiers()), ret,
        isStatic, varargs);
  }

  /** Resolved names of the annotations in {@code mods}. */
  public List<String> annotations(TypeInfo context, ModifiersTree mods) {
    List<String> out = new ArrayList<>();
    for (AnnotationTree a : mods.getAnnotations()) {
      out.add(resolveType(context, a.getAnnotationType()));
    }
    return out;
  }

  // ---------------------------------------------------------------- type names

  /** Resolves a type as written in {@code context}; generic arguments are dropped, arrays end in {@code []}. */
  public String resolveType(TypeInfo context, Tree typeTree) {
    if (typeTree == null) {
      return null;
    }
    if (typeTree instanceof PrimitiveTypeTree p) {
      return p.getPrimitiveTypeKind().name().toLowerCase(java.util.Locale.ROOT);
    }
    if (typeTree instanceof ArrayTypeTree a) {
      String elem = resolveType(context, a.getType());
      return elem == null ? null : elem + "[]";
    }
    if (typeTree instanceof ParameterizedTypeTree p) {
      return resolveType(context, p.getType());
    }
    if (typeTree instanceof AnnotatedTypeTree a) {
      return resolveType(context, a.getUnderlyingType());
    }
    if (typeTree instanceof IdentifierTree id) {
      String n = id.getName().toString();
      return n.equals("var") ? null : resolveTypeName(context, n);
    }
    if (typeTree instanceof MemberSelectTree ms) {
      String text = ms.toString();
      String first = text.substring(0, text.indexOf('.'));
      if (!first.isEmpty() && Character.isUpperCase(first.charAt(0))) {
        String head = resolveTypeName(context, first);
        return head + text.substring(first.length());
      }
      return text;
    }
    return typeTree.toString();
  }

  /** Qualifies a simple type name seen in {@code context} (its unit's imports, package, nesting). */
  public String resolveTypeName(TypeInfo context, String simpleName) {
    if (context == null) {
      return computeTypeName(null, simpleName);
    }
    String cached = context.resolvedNames.get(simpleName);
    if (cached == null) {
      cached = computeTypeName(context, simpleName);
      context.resolvedNames.put(simpleName, cached);
    }
    return cached;
  }

  private String computeTypeName(TypeInfo context, String simpleName) {
    if (PRIMITIVES.contains(simpleName)) {
      return simpleName;
    }
    for (TypeInfo t = context; t != null; t = t.outer()) {
      if (t.simpleName().equals(simpleName)) {
        return t.name();
      }
      String nested = t.name() + "." + simpleName;
      if (types.containsKey(nested)) {
        return nested;
      }
    }
    JavaUnit unit = context == null ? null : context.unit();
    if (unit == null) {
      return JAVA_LANG.contains(simpleName) ? "java.lang." + simpleName : simpleName;
    }
    String imported = unit.singleImports().get(simpleName);
    if (imported != null) {
      return imported;
    }
    String samePackage = unit.packageName().isEmpty() ? simpleName : unit.packageName() + "." + simpleName;
    if (types.containsKey(samePackage)) {
      return samePackage;
    }
    if (JAVA_LANG.contains(simpleName)) {
      return "java.lang." + simpleName;
    }
    for (String pkg : unit.wildcardImports()) {
      String candidate = pkg + "." + simpleName;
      if (types.containsKey(candidate) || libraryTypes.contains(candidate)) {
        return candidate;
      }
    }
    // A type of the repository in another package, or a modelled library type, when the name is unique.
    // Code that does not compile may lack the import: a repository type whose simple name is unique is
    // the likely meaning. Anything else stays a simple name and matches by simple name later.
    List<String> repo = typesBySimpleName.get(simpleName);
    if (repo != null && repo.size() == 1) {
      return repo.get(0);
    }
    return simpleName;
  }

  /** Whether {@code type} is {@code supertype} or derives from it, through repository and modelled library types. */
  public boolean isSubtype(String type, String supertype) {
    if (type == null || supertype == null) {
      return false;
    }
    if (type.equals(supertype)) {
      return true;
    }
    Set<String> all = supertypes(type);
    if (all.contains(supertype)) {
      return true;
    }
    // Degraded resolution: an unqualified name matches a qualified one with the same simple name.
    if (type.indexOf('.') < 0 || supertype.indexOf('.') < 0) {
      String s = simple(supertype);
      for (String t : all) {
        if (simple(t).equals(s)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code type} and all its known supertypes. */
  public Set<String> supertypes(String type) {
    Set<String> cached = supertypeClosure.get(type);
    if (cached != null) {
      return cached;
    }
    Set<String> seen = new LinkedHashSet<>();
    ArrayDeque<String> work = new ArrayDeque<>();
    work.add(type);
    while (!work.isEmpty() && seen.size() < 200) {
      String t = work.poll();
      if (!seen.add(t)) {
        continue;
      }
      TypeInfo info = types.get(t);
      if (info != null) {
        work.addAll(info.supertypes);
      }
      work.addAll(library.supertypes(t));
      if (t.indexOf('.') < 0) {
        String lib = libraryBySimpleName.get(t);
        if (lib != null) {
          work.add(lib);
        }
      }
    }
    // Breadth-first order, the same in every run (Set.copyOf iterates in an order salted per JVM).
    Set<String> result = java.util.Collections.unmodifiableSet(seen);
    supertypeClosure.put(type, result);
    return result;
  }

  /** Repository types that extend or implement {@code type}, transitively, sorted by name. */
  public List<TypeInfo> subtypes(String type) {
    List<TypeInfo> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    ArrayDeque<String> work = new ArrayDeque<>(List.of(type));
    while (!work.isEmpty() && seen.size() < 500) {
      String t = work.poll();
      for (TypeInfo sub : subtypes.getOrDefault(t, List.of())) {
        if (seen.add(sub.name())) {
          out.add(sub);
          work.add(sub.name());
        }
      }
    }
    out.sort(Comparator.comparing(TypeInfo::name));
    return out;
  }

  // ---------------------------------------------------------------- scopes and expressions

  /**
   * Local names and types of a method, built on first use and kept (with its caches of call and type lookups). The
   * scope is shared by every caller and its caches are not synchronized: use it from one thread at a time (the families
   * that share this project run one after another).
   */
  public MethodScope scope(MethodInfo m) {
    return scopes.computeIfAbsent(m, this::newScope);
  }

  private MethodScope newScope(MethodInfo m) {
    MethodScope s = new MethodScope(this, m.owner(), m);
    for (int i = 0; i < m.paramNames().size(); i++) {
      s.locals.put(m.paramNames().get(i), m.paramTypes().get(i));
    }
    if (m.body() != null) {
      collectLocals(s, m.body());
    }
    return s;
  }

  /** A scope for field initializers and other code outside methods of {@code owner}. */
  public MethodScope scope(TypeInfo owner) {
    return new MethodScope(this, owner, null);
  }

  private static final Set<Tree.Kind> SCOPES = Set.of(Tree.Kind.BLOCK, Tree.Kind.FOR_LOOP, Tree.Kind.ENHANCED_FOR_LOOP,
      Tree.Kind.CATCH, Tree.Kind.TRY, Tree.Kind.LAMBDA_EXPRESSION, Tree.Kind.CASE);

  private void collectLocals(MethodScope s, Tree body) {
    JavaUnit unit = s.owner == null ? null : s.owner.unit();
    // Every declaration with its innermost scope; positions are looked up only for names declared with two types.
    Map<String, List<Declared>> all = new HashMap<>();
    new TreeScanner<Void, Void>() {
      final ArrayDeque<Tree> scopes = new ArrayDeque<>();

      @Override
      public Void scan(Tree tree, Void p) {
        boolean scope = tree != null && SCOPES.contains(tree.getKind());
        if (scope) {
          scopes.push(tree);
        }
        try {
          return super.scan(tree, p);
        } finally {
          if (scope) {
            scopes.pop();
          }
        }
      }

      @Override
      public Void visitVariable(VariableTree v, Void p) {
        String name = v.getName().toString();
        Tree type = v.getType();
        String resolved = null;
        if (type == null || (type instanceof IdentifierTree id && id.getName().contentEquals("var"))) {
          s.inferred.put(name, v.getInitializer());
        } else {
          resolved = resolveType(s.owner, type);
          s.locals.put(name, resolved);
        }
        if (unit != null) {
          all.computeIfAbsent(name, k -> new ArrayList<>()).add(new Declared(v, scopes.peek(), resolved));
        }
        return super.visitVariable(v, p);
      }

      @Override
      public Void visitClass(ClassTree node, Void p) {
        return null; // local and anonymous classes have scopes of their own
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void p) {
        for (VariableTree v : node.getParameters()) {
          if (v.getType() == null || v.getType().toString().isEmpty()) {
            s.locals.putIfAbsent(v.getName().toString(), null);
          }
        }
        return super.visitLambdaExpression(node, p);
      }
    }.scan(body, null);
    for (Map.Entry<String, List<Declared>> e : all.entrySet()) {
      List<Declared> ds = e.getValue();
      for (int i = 1; i < ds.size(); i++) {
        if (!Objects.equals(ds.get(i).type(), ds.get(0).type())) {
          List<MethodScope.Declaration> visible = new ArrayList<>();
          for (Declared d : ds) {
            long end = d.scope() == null ? Long.MAX_VALUE : unit.endPosition(d.scope());
            visible.add(new MethodScope.Declaration(unit.startPosition(d.variable()), end < 0 ? Long.MAX_VALUE : end, d.type()));
          }
          s.redeclared.put(e.getKey(), visible);
          break;
        }
      }
    }
  }

  /** A local's declaration, the innermost block (or loop, catch, lambda) around it, and its resolved type. */
  private record Declared(VariableTree variable, Tree scope, String type) {}

  /** The field {@code name} visible from {@code owner}: its own, inherited from repository types, or of an outer type. */
  public TypeInfo.FieldInfo field(TypeInfo owner, String name) {
    for (TypeInfo t = owner; t != null; t = t.outer()) {
      TypeInfo.FieldInfo f = fieldInHierarchy(t, name, 0);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  private Map<TypeInfo.FieldInfo, TypeInfo> fieldOwners;

  /** The repository type that declares a field. */
  public synchronized TypeInfo declaringType(TypeInfo.FieldInfo f) {
    if (fieldOwners == null) {
      fieldOwners = new java.util.IdentityHashMap<>();
      for (TypeInfo t : types.values()) {
        for (TypeInfo.FieldInfo x : t.fields.values()) {
          fieldOwners.put(x, t);
        }
      }
    }
    return fieldOwners.get(f);
  }

  private TypeInfo.FieldInfo fieldInHierarchy(TypeInfo t, String name, int depth) {
    TypeInfo.FieldInfo f = t.fields.get(name);
    if (f != null || depth > 20) {
      return f;
    }
    for (String s : t.supertypes) {
      TypeInfo st = types.get(s);
      if (st != null) {
        f = fieldInHierarchy(st, name, depth + 1);
        if (f != null) {
          return f;
        }
      }
    }
    return null;
  }

  /** Logger types of the {@code log} field that Lombok's annotations generate, by annotation simple name. */
  private static final Map<String, String> LOMBOK_LOGGERS = Map.of("Slf4j", "org.slf4j.Logger", "XSlf4j", "org.slf4j.Logger",
      "Log4j2", "org.apache.logging.log4j.Logger", "Log4j", "org.apache.log4j.Logger", "CommonsLog",
      "org.apache.commons.logging.Log", "Log", "java.util.logging.Logger", "JBossLog", "org.jboss.logging.Logger");

  /** The type of the undeclared {@code log} field of a class (or outer class) annotated with a Lombok logger annotation. */
  private static String lombokLogger(TypeInfo owner) {
    for (TypeInfo t = owner; t != null; t = t.outer()) {
      for (String a : t.annotations()) {
        String simple = a.substring(a.lastIndexOf('.') + 1);
        if (LOMBOK_LOGGERS.containsKey(simple) && (a.startsWith("lombok.") || a.equals(simple))) {
          return LOMBOK_LOGGERS.get(simple);
        }
      }
    }
    return null;
  }

  /** Static type of an expression where it can be told by name, else null. */
  public String typeOf(MethodScope s, ExpressionTree e) {
    if (e == null) {
      return null;
    }
    if (s.types.containsKey(e)) {
      return s.types.get(e);
    }
    String t = computeType(s, e);
    s.types.put(e, t);
    return t;
  }

  private String computeType(MethodScope s, ExpressionTree e) {
    switch (e.getKind()) {
      case STRING_LITERAL:
        return "java.lang.String";
      case INT_LITERAL:
        return "int";
      case LONG_LITERAL:
        return "long";
      case BOOLEAN_LITERAL:
        return "boolean";
      case CHAR_LITERAL:
        return "char";
      case DOUBLE_LITERAL:
        return "double";
      case FLOAT_LITERAL:
        return "float";
      default:
        break;
    }
    if (e instanceof ParenthesizedTree p) {
      return typeOf(s, p.getExpression());
    }
    if (e instanceof IdentifierTree id) {
      String n = id.getName().toString();
      if (n.equals("this")) {
        return s.owner == null ? null : s.owner.name();
      }
      if (s.isLocal(n)) {
        return s.localType(n, id);
      }
      TypeInfo.FieldInfo f = s.owner == null ? null : field(s.owner, n);
      return f != null ? f.type() : n.equals("log") ? lombokLogger(s.owner) : null;
    }
    if (e instanceof MemberSelectTree ms) {
      String member = ms.getIdentifier().toString();
      if (member.equals("length")) {
        String arr = typeOf(s, ms.getExpression());
        if (arr != null && arr.endsWith("[]")) {
          return "int";
        }
      }
      if (member.equals("class")) {
        return "java.lang.Class";
      }
      String recv = typeOf(s, ms.getExpression());
      if (recv != null) {
        TypeInfo rt = types.get(recv);
        if (rt != null) {
          TypeInfo.FieldInfo f = fieldInHierarchy(rt, member, 0);
          return f == null ? null : f.type();
        }
        return null;
      }
      String st = staticTypeRef(s, ms.getExpression());
      if (st != null) {
        TypeInfo rt = types.get(st);
        if (rt == null) {
          return library.fieldType(st, member);
        }
        TypeInfo.FieldInfo f = fieldInHierarchy(rt, member, 0);
        return f == null ? null : f.type();
      }
      return null;
    }
    if (e instanceof MethodInvocationTree call) {
      return resolveCall(s, call).returnType();
    }
    if (e instanceof NewClassTree n) {
      return resolveType(s.owner, n.getIdentifier());
    }
    if (e instanceof NewArrayTree na) {
      String elem = na.getType() == null ? null : resolveType(s.owner, na.getType());
      return elem == null ? null : elem + "[]";
    }
    if (e instanceof TypeCastTree c) {
      return resolveType(s.owner, c.getType());
    }
    if (e instanceof ArrayAccessTree a) {
      String arr = typeOf(s, a.getExpression());
      return arr != null && arr.endsWith("[]") ? arr.substring(0, arr.length() - 2) : null;
    }
    if (e instanceof ConditionalExpressionTree c) {
      String t = typeOf(s, c.getTrueExpression());
      return t != null ? t : typeOf(s, c.getFalseExpression());
    }
    if (e instanceof AssignmentTree a) {
      return typeOf(s, a.getVariable());
    }
    if (e instanceof BinaryTree b) {
      switch (b.getKind()) {
        case PLUS: {
          String l = typeOf(s, b.getLeftOperand());
          String r = typeOf(s, b.getRightOperand());
          if ("java.lang.String".equals(l) || "java.lang.String".equals(r)) {
            return "java.lang.String";
          }
          return l != null ? l : r;
        }
        case EQUAL_TO: case NOT_EQUAL_TO: case LESS_THAN: case GREATER_THAN: case LESS_THAN_EQUAL:
        case GREATER_THAN_EQUAL: case CONDITIONAL_AND: case CONDITIONAL_OR:
          return "boolean";
        default:
          return typeOf(s, b.getLeftOperand());
      }
    }
    return null;
  }

  /** If {@code e} names a type (a simple or qualified type name rather than a variable), its resolved name. */
  public String staticTypeRef(MethodScope s, ExpressionTree e) {
    if (e instanceof IdentifierTree id) {
      String n = id.getName().toString();
      if (s.isLocal(n) || (s.owner != null && field(s.owner, n) != null)) {
        return null;
      }
      if (!n.isEmpty() && Character.isUpperCase(n.charAt(0))) {
        return resolveTypeName(s.owner, n);
      }
      return null;
    }
    if (e instanceof MemberSelectTree ms) {
      String text = ms.toString();
      String first = text.substring(0, text.indexOf('.'));
      if (s.isLocal(first) || (s.owner != null && field(s.owner, first) != null)) {
        return null;
      }
      String last = ms.getIdentifier().toString();
      if (!last.isEmpty() && Character.isUpperCase(last.charAt(0))) {
        if (Character.isUpperCase(first.charAt(0))) {
          return resolveTypeName(s.owner, first) + text.substring(first.length());
        }
        return text;
      }
    }
    return null;
  }

  /** Resolves a method call by the receiver's static type, name and argument count. */
  public ResolvedCall resolveCall(MethodScope s, MethodInvocationTree call) {
    ResolvedCall cached = s.calls.get(call);
    if (cached != null) {
      return cached;
    }
    ResolvedCall r = computeCall(s, call);
    s.calls.put(call, r);
    return r;
  }

  private ResolvedCall computeCall(MethodScope s, MethodInvocationTree call) {
    ExpressionTree select = call.getMethodSelect();
    int arity = call.getArguments().size();
    if (select instanceof IdentifierTree id) {
      String name = id.getName().toString();
      if (name.equals("this") || name.equals("super")) {
        TypeInfo target = s.owner;
        if (name.equals("super") && target != null && !target.supertypes.isEmpty()) {
          String sup = target.supertypes.get(0);
          return constructorCall(sup, arity);
        }
        return constructorCall(target == null ? null : target.name(), arity);
      }
      for (TypeInfo t = s.owner; t != null; t = t.outer()) {
        List<MethodInfo> found = dispatch(t.name(), name, arity, false);
        if (!found.isEmpty()) {
          return new ResolvedCall(t.name(), name, arity, found.get(0).isStatic(), found, found.get(0).returnType(), true);
        }
      }
      String owner = s.owner == null ? null : s.owner.unit().staticImports().get(name);
      if (owner == null && s.owner != null && !s.owner.unit().staticWildcardImports().isEmpty()) {
        owner = s.owner.unit().staticWildcardImports().get(0);
      }
      if (owner != null) {
        return call(owner, name, arity, true);
      }
      // Inherited from a library supertype (HttpServlet.getServletContext()) or unknown.
      String declaring = s.owner == null ? null : s.owner.name();
      String ret = null;
      if (s.owner != null) {
        for (String sup : supertypes(s.owner.name())) {
          ret = library.returnType(sup, name);
          if (ret != null) {
            declaring = sup;
            break;
          }
        }
      }
      return new ResolvedCall(declaring, name, arity, false, List.of(), ret, declaring != null && declaring.indexOf('.') > 0);
    }
    if (select instanceof MemberSelectTree ms) {
      String name = ms.getIdentifier().toString();
      ExpressionTree recv = ms.getExpression();
      if (recv instanceof IdentifierTree rid && rid.getName().contentEquals("super") && s.owner != null) {
        for (String sup : s.owner.supertypes) {
          ResolvedCall r = call(sup, name, arity, false);
          if (!r.targets().isEmpty() || r.returnType() != null) {
            return r;
          }
        }
        return new ResolvedCall(s.owner.supertypes.isEmpty() ? null : s.owner.supertypes.get(0), name, arity, false,
            List.of(), null, false);
      }
      String recvType = typeOf(s, recv);
      if (recvType != null) {
        return call(recvType, name, arity, false);
      }
      String st = staticTypeRef(s, recv);
      if (st != null) {
        return call(st, name, arity, true);
      }
      return new ResolvedCall(null, name, arity, false, List.of(), null, false);
    }
    return new ResolvedCall(null, select.toString(), arity, false, List.of(), null, false);
  }

  /**
   * Every call and constructor invocation in {@code m}'s body, lambdas included, anonymous and local class
   * bodies excluded (they are methods of their own), in source order. For rules that ask "who calls what".
   */
  public List<CallSite> calls(MethodInfo m) {
    return callsByMethod.computeIfAbsent(m, this::collectCalls);
  }

  private List<CallSite> collectCalls(MethodInfo m) {
    List<CallSite> out = new ArrayList<>();
    if (m.body() == null) {
      return List.of();
    }
    MethodScope s = scope(m);
    JavaUnit unit = m.owner().unit();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
        int line = unit.line(node);
        if (node.getMethodSelect() instanceof MemberSelectTree ms && unit.endPosition(ms) > 0) {
          line = unit.lineAt(unit.endPosition(ms) - 1);
        }
        out.add(new CallSite(node, resolveCall(s, node), line));
        return super.visitMethodInvocation(node, p);
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void p) {
        out.add(new CallSite(node, resolveNew(s, node), unit.line(node)));
        scan(node.getEnclosingExpression(), p);
        scan(node.getArguments(), p);
        return null;
      }

      @Override
      public Void visitClass(ClassTree node, Void p) {
        return null;
      }
    }.scan(m.body(), null);
    // Evaluation order: a receiver or argument completes before the call that uses it.
    out.sort(java.util.Comparator.comparingLong(c -> unit.endPosition(c.tree())));
    return List.copyOf(out);
  }

  /** Resolves {@code new T(...)}: declaring type T, method {@code <init>}. */
  public ResolvedCall resolveNew(MethodScope s, NewClassTree n) {
    ResolvedCall cached = s.calls.get(n);
    if (cached != null) {
      return cached;
    }
    String type = resolveType(s.owner, n.getIdentifier());
    ResolvedCall r = constructorCall(type, n.getArguments().size());
    s.calls.put(n, r);
    return r;
  }

  private ResolvedCall constructorCall(String type, int arity) {
    List<MethodInfo> targets = new ArrayList<>();
    TypeInfo t = type == null ? null : types.get(type);
    if (t != null) {
      for (MethodInfo m : t.methods) {
        if (m.isConstructor() && m.acceptsArity(arity)) {
          targets.add(m);
        }
      }
    }
    return new ResolvedCall(type, "<init>", arity, false, targets, type, type != null && type.indexOf('.') > 0);
  }

  /**
   * {@code rc} re-resolved for a receiver known to be a {@code runtimeType} object ({@code new C()} in an
   * interface-typed variable): the call then reaches that class's method, not every implementation. Applies
   * when the runtime type is a known subtype of the call's static type, or when the models know both library
   * types and deliberately keep them apart ({@code SecureRandom} in a {@code Random} variable); else {@code rc}.
   */
  public ResolvedCall narrow(ResolvedCall rc, String runtimeType) {
    String declared = rc.declaringType();
    if (runtimeType == null || declared == null || rc.staticReceiver() || rc.name().equals("<init>")
        || runtimeType.equals(declared) || isSubtype(declared, runtimeType)) {
      return rc;
    }
    boolean known = isSubtype(runtimeType, declared) && runtimeType.indexOf('.') > 0
        || libraryTypes.contains(runtimeType) && libraryTypes.contains(declared);
    if (!known) {
      return rc;
    }
    ResolvedCall r = call(runtimeType, rc.name(), rc.arity(), false);
    return new ResolvedCall(runtimeType, rc.name(), rc.arity(), false, r.targets(),
        r.returnType() != null ? r.returnType() : rc.returnType(), rc.exact());
  }

  private record CallKey(String type, String name, int arity, boolean isStatic) {}

  /** {@link #call} answers: a call on a type depends on nothing else, and each (type, name, arity) recurs thousands of times. */
  private final Map<CallKey, ResolvedCall> callsOnTypes = new ConcurrentHashMap<>();

  private ResolvedCall call(String type, String name, int arity, boolean isStatic) {
    CallKey key = new CallKey(type, name, arity, isStatic);
    ResolvedCall known = callsOnTypes.get(key);
    if (known == null) {
      known = computeCallOn(type, name, arity, isStatic);
      callsOnTypes.put(key, known);
    }
    return known;
  }

  private ResolvedCall computeCallOn(String type, String name, int arity, boolean isStatic) {
    List<MethodInfo> targets = dispatch(type, name, arity, true);
    String ret = null;
    if (!targets.isEmpty()) {
      ret = targets.get(0).returnType();
    } else {
      for (String sup : supertypes(type)) {
        ret = library.returnType(sup, name);
        if (ret != null) {
          break;
        }
      }
    }
    if (ret == null && type.endsWith("[]") && name.equals("clone")) {
      ret = type;
    }
    return new ResolvedCall(type, name, arity, isStatic, targets, ret, type.indexOf('.') > 0 || PRIMITIVES.contains(type));
  }

  /**
   * Repository methods named {@code name} that a call on static type {@code type} may reach: the most
   * specific declaration in the type or its repository supertypes, plus overriding methods in subtypes.
   */
  public List<MethodInfo> dispatch(String type, String name, int arity, boolean withOverrides) {
    List<MethodInfo> out = new ArrayList<>();
    TypeInfo t = types.get(type);
    if (t != null) {
      MethodInfo declared = findInHierarchy(t, name, arity, 0);
      if (declared != null) {
        out.add(declared);
      }
    }
    if (withOverrides && (t == null || !out.isEmpty() || t.kind() == Tree.Kind.INTERFACE)) {
      for (TypeInfo sub : subtypes(type)) {
        for (MethodInfo m : sub.methods) {
          if (m.name().equals(name) && m.acceptsArity(arity) && !m.isStatic() && !out.contains(m)) {
            out.add(m);
          }
        }
      }
    }
    // An abstract declaration has nothing to analyse when implementations are known.
    if (out.size() > 1) {
      out.removeIf(m -> !m.hasBody());
    }
    return out;
  }

  private MethodInfo findInHierarchy(TypeInfo t, String name, int arity, int depth) {
    for (MethodInfo m : t.methods) {
      if (m.name().equals(name) && m.acceptsArity(arity)) {
        return m;
      }
    }
    if (depth > 20) {
      return null;
    }
    for (String s : t.supertypes) {
      TypeInfo st = types.get(s);
      if (st != null) {
        MethodInfo m = findInHierarchy(st, name, arity, depth + 1);
        if (m != null) {
          return m;
        }
      }
    }
    return null;
  }

  static String simple(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
