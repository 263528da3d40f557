package dev.shipgate.scanner.arch;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Location;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.JavaUnit;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.frontend.MethodScope;
import dev.shipgate.scanner.java.frontend.ResolvedCall;
import dev.shipgate.scanner.java.frontend.TypeInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.element.Name;

/**
 * Forbidden names, layer rules and required injections over the java family's shared parse. Every name is
 * resolved through the file's imports and the project model, so a simple name, a wildcard import, a fully-qualified
 * use, a static import or a {@code var} local all count, while a same-named type of another package does not.
 */
final class JavaArch {

  private final ArchPolicy policy;
  private final JavaProject project;
  private final Hits hits;
  /** Per type name: its package; per member name: whether any member pattern names it. Names repeat a lot. */
  private final Map<String, String> packages = new HashMap<>();
  private final Map<String, Boolean> memberNames = new HashMap<>();
  /** Per type name: the forbidden type patterns it matches, in entry order (most names match none). */
  private final Map<String, List<JavaPattern>> typeMatches = new HashMap<>();
  private final Map<String, Set<String>> layerMembers = new HashMap<>();
  /** See {@link #mayName}; read when the first file needs them. */
  private List<String> needles;
  private boolean needlesRead;

  JavaArch(ArchPolicy policy, JavaProject project, Hits hits) {
    this.policy = policy;
    this.project = project;
    this.hits = hits;
  }

  /** A layer rule that applies to the file, with the layers it denies. */
  private record ActiveLayerRule(ArchPolicy.LayerRule rule, List<ArchPolicy.Layer> denied) {}

  void check(JavaUnit unit) {
    String pkg = unit.packageName();
    List<ArchPolicy.Forbidden> forbidden = new ArrayList<>();
    for (ArchPolicy.Forbidden f : policy.forbidden()) {
      if (!f.java().isEmpty() && !f.allowed().covers(pkg, unit.path())) {
        forbidden.add(f);
      }
    }
    List<ActiveLayerRule> layerRules = new ArrayList<>();
    for (ArchPolicy.LayerRule r : policy.layerRules()) {
      if (inLayer(pkg, policy.layers().get(r.from()))) {
        List<ArchPolicy.Layer> denied = new ArrayList<>();
        r.deny().forEach(d -> denied.add(policy.layers().get(d)));
        layerRules.add(new ActiveLayerRule(r, denied));
      }
    }
    if (!policy.requirements().isEmpty()) {
      checkRequirements(unit);
    }
    if (forbidden.isEmpty() && layerRules.isEmpty()) {
      return;
    }
    if (layerRules.isEmpty() && !mayName(unit)) {
      return; // most files name nothing that is forbidden: their trees need no walk
    }
    new UnitCheck(unit, forbidden, layerRules).run();
  }

  /**
   * Whether the file's source may use a forbidden name: it contains some pattern's {@link JavaPattern#needle}, or a
   * {@code var} or lambda whose type the front end infers without the name being written. A necessary condition
   * only (comments and strings count too), so a file it rules out cannot have a finding.
   */
  private boolean mayName(JavaUnit unit) {
    if (!needlesRead) {
      needles = needles();
      needlesRead = true;
    }
    if (needles == null) {
      return true;
    }
    String text;
    try {
      text = unit.tree().getSourceFile().getCharContent(true).toString();
    } catch (java.io.IOException | RuntimeException e) {
      return true;
    }
    if (text.contains("->") || containsWord(text, "var")) {
      return true;
    }
    for (String needle : needles) {
      if (text.contains(needle)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The needles of every forbidden Java pattern, with the simple names of repository types that a package-wide
   * pattern covers (the front end qualifies a unique simple name without an import); null when a pattern has no
   * needle or covers {@code java.lang}, whose types are used without any import.
   */
  private List<String> needles() {
    Set<String> out = new java.util.LinkedHashSet<>();
    for (ArchPolicy.Forbidden f : policy.forbidden()) {
      for (JavaPattern p : f.java()) {
        if (p.needle() == null) {
          return null;
        }
        out.add(p.needle());
        if (p.kind() != JavaPattern.Kind.MEMBER && p.simpleType() == null) {
          if (p.coversPackage("java.lang")) {
            return null;
          }
          for (TypeInfo t : project.types()) {
            if (!t.isAnonymous() && p.matchesType(t.name())) {
              out.add(t.simpleName());
            }
          }
        }
      }
    }
    return List.copyOf(out);
  }

  private static boolean containsWord(String text, String word) {
    for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      int end = i + word.length();
      if ((i == 0 || !Character.isJavaIdentifierPart(text.charAt(i - 1)))
          && (end == text.length() || !Character.isJavaIdentifierPart(text.charAt(end)))) {
        return true;
      }
    }
    return false;
  }

  private void checkRequirements(JavaUnit unit) {
    for (TypeInfo t : unit.types()) {
      if (t.isAnonymous()) {
        continue;
      }
      for (ArchPolicy.Requirement req : policy.requirements()) {
        AnnotationTree annotation = annotation(t, req.annotated());
        if (annotation != null && !injects(t, req.inject())) {
          hits.report(ArchRules.WRAPPER_REQUIRED, req.id(), req.message(), req.severity(), null,
              Location.line(unit.path(), unit.line(annotation)),
              "`" + t.simpleName() + "` is annotated @" + req.annotated().simpleType() + " but injects no `" + req.inject() + "`",
              t.name());
        }
      }
    }
  }

  private AnnotationTree annotation(TypeInfo t, JavaPattern pattern) {
    List<? extends AnnotationTree> trees = t.tree().getModifiers().getAnnotations();
    if (trees.isEmpty()) {
      return null;
    }
    // The front end resolved the names in declaration order; resolve again only if they do not line up.
    List<String> resolved = t.annotations();
    for (int i = 0; i < trees.size(); i++) {
      AnnotationTree a = trees.get(i);
      String name = resolved.size() == trees.size() ? resolved.get(i) : project.resolveType(t, a.getAnnotationType());
      if (pattern.matchesType(name) || (name != null && name.indexOf('.') < 0 && name.equals(pattern.simpleType()))) {
        return a;
      }
    }
    return null;
  }

  private boolean injects(TypeInfo t, String type) {
    for (TypeInfo.FieldInfo f : t.fields().values()) {
      if (!f.isStatic() && project.isSubtype(f.type(), type)) {
        return true;
      }
    }
    // Constructor injection, or setter/method injection marked @Autowired or @Inject.
    for (MethodInfo m : t.methods()) {
      if (m.isConstructor() || injectionPoint(m)) {
        for (String p : m.paramTypes()) {
          if (project.isSubtype(p, type)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean injectionPoint(MethodInfo m) {
    for (String a : m.annotations()) {
      if (a.endsWith("Autowired") || a.endsWith("Inject")) {
        return true;
      }
    }
    return false;
  }

  /** The package of a qualified type name: the repository knows it; otherwise the segments before the first capitalised one. */
  private String packageOf(String type) {
    return packages.computeIfAbsent(type, this::computePackage);
  }

  private String computePackage(String type) {
    TypeInfo t = project.type(type);
    if (t != null) {
      return t.unit().packageName();
    }
    int end = -1;
    int start = 0;
    while (start < type.length()) {
      int dot = type.indexOf('.', start);
      String seg = dot < 0 ? type.substring(start) : type.substring(start, dot);
      if (!seg.isEmpty() && Character.isUpperCase(seg.charAt(0))) {
        break;
      }
      end = dot;
      if (dot < 0) {
        break;
      }
      start = dot + 1;
    }
    return end < 0 ? null : type.substring(0, end);
  }

  /** Whether a package belongs to a layer; packages recur in every reference, the answer is remembered. */
  private boolean inLayer(String pkg, ArchPolicy.Layer layer) {
    return pkg != null && layerMembers.computeIfAbsent(pkg, p -> {
      Set<String> in = new HashSet<>();
      policy.layers().values().forEach(l -> {
        if (l.contains(p)) {
          in.add(l.name());
        }
      });
      return in;
    }).contains(layer.name());
  }

  /** The type patterns of every entry that {@code type} matches. */
  private List<JavaPattern> typeMatches(String type) {
    return typeMatches.computeIfAbsent(type, t -> {
      List<JavaPattern> out = new ArrayList<>();
      for (ArchPolicy.Forbidden f : policy.forbidden()) {
        for (JavaPattern p : f.java()) {
          if (p.kind() == JavaPattern.Kind.TYPE && p.matchesType(t)) {
            out.add(p);
          }
        }
      }
      return out.isEmpty() ? List.of() : out;
    });
  }

  private boolean memberNamed(String name) {
    return memberNames.computeIfAbsent(name, n -> {
      for (ArchPolicy.Forbidden f : policy.forbidden()) {
        for (JavaPattern p : f.java()) {
          if (p.kind() == JavaPattern.Kind.MEMBER && p.matchesMember(n)) {
            return true;
          }
        }
      }
      return false;
    });
  }

  /** One file's walk: imports, then every type's declarations and bodies in their own scopes. */
  private final class UnitCheck {
    private final JavaUnit unit;
    private final List<ArchPolicy.Forbidden> forbidden;
    private final List<ActiveLayerRule> layerRules;
    private final boolean anyMembers;
    /** Simple names (types and static members) whose import was reported, per entry id: uses are not repeated. */
    private final Map<String, Set<String>> reportedImports = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    /** Simple type names resolved per enclosing type: the same names recur throughout a class. */
    private final Map<TypeInfo, Map<String, String>> resolved = new IdentityHashMap<>();
    /**
     * Per enclosing type: identifiers already found unable to break a rail (variables, methods, harmless types).
     * The parser interns names, so an identity check settles most identifiers without decoding them again.
     */
    private final Map<TypeInfo, Set<Name>> harmless = new IdentityHashMap<>();

    UnitCheck(JavaUnit unit, List<ArchPolicy.Forbidden> forbidden, List<ActiveLayerRule> layerRules) {
      this.unit = unit;
      this.forbidden = forbidden;
      this.layerRules = layerRules;
      this.anyMembers = forbidden.stream().anyMatch(f -> f.java().stream().anyMatch(p -> p.kind() == JavaPattern.Kind.MEMBER));
    }

    void run() {
      // The unit's import names are already text, in declaration order; printing the trees again would be slower.
      List<String> names = unit.imports();
      List<? extends ImportTree> imports = unit.tree().getImports();
      for (int i = 0; i < imports.size(); i++) {
        String name = names.get(i);
        checkImport(imports.get(i), name.startsWith("static ") ? name.substring(7) : name);
      }
      Map<Tree, MethodInfo> methods = new IdentityHashMap<>();
      for (TypeInfo t : unit.types()) {
        for (MethodInfo m : t.methods()) {
          if (!m.isImplicit()) {
            methods.put(m.tree(), m);
          }
        }
      }
      for (TypeInfo t : unit.types()) {
        ClassTree ct = t.tree();
        Walker declarations = new Walker(t, null);
        if (!t.isAnonymous()) {
          declarations.scan(ct.getModifiers(), null);
          declarations.scan(ct.getTypeParameters(), null);
          declarations.scan(ct.getExtendsClause(), null);
          declarations.scan(ct.getImplementsClause(), null);
        }
        for (Tree member : ct.getMembers()) {
          if (member instanceof MethodTree mt) {
            MethodInfo m = methods.get(mt);
            (m == null ? declarations : new Walker(t, m)).scan(mt, null);
          } else if (member instanceof VariableTree || member instanceof BlockTree) {
            declarations.scan(member, null);
          }
        }
      }
    }

    private void checkImport(ImportTree imp, String name) {
      int dot = name.lastIndexOf('.');
      if (dot < 0) {
        return;
      }
      String owner = name.substring(0, dot);
      String last = name.substring(dot + 1);
      Supplier<Location> at = () -> unit.location(imp);
      boolean wildcard = last.equals("*");
      for (ArchPolicy.Forbidden f : forbidden) {
        for (JavaPattern p : f.java()) {
          boolean hit;
          if (imp.isStatic()) {
            hit = (p.kind() == JavaPattern.Kind.TYPE && p.matchesType(owner))
                || (!wildcard && p.kind() == JavaPattern.Kind.MEMBER && p.matchesType(owner) && p.matchesMember(last));
          } else {
            hit = p.kind() == JavaPattern.Kind.TYPE && (wildcard ? p.coversPackage(owner) : typeMatches(name).contains(p));
          }
          if (hit) {
            reportedImports.computeIfAbsent(f.id(), k -> new HashSet<>()).add(last);
            report(ArchRules.IMPORT, f, at.get(), "import of `" + name + "` (" + p.source() + ") outside " + allowedText(f), name, null);
            break;
          }
        }
      }
      // A type import names its type; a static import, the owner type; a wildcard import of types, a package.
      String importedPackage;
      if (imp.isStatic()) {
        importedPackage = packageOf(owner);
      } else {
        importedPackage = wildcard ? owner : packageOf(name);
      }
      for (ActiveLayerRule r : layerRules) {
        for (ArchPolicy.Layer layer : r.denied()) {
          if (inLayer(importedPackage, layer)) {
            reportedImports.computeIfAbsent(r.rule().id(), k -> new HashSet<>()).add(last);
            reportLayer(r, layer, at.get(), "import of `" + name + "`", name);
          }
        }
      }
    }

    private String allowedText(ArchPolicy.Forbidden f) {
      List<String> allowed = f.allowed().describe();
      return allowed.isEmpty() ? "the code allowed to use it (nowhere)" : String.join(", ", allowed);
    }

    private void report(dev.shipgate.core.model.Rule rule, ArchPolicy.Forbidden f, Location at, String what, String name,
        Confidence confidence) {
      if (reported.add(rule.id() + "|" + f.id() + "|" + at.startLine() + "|" + name)) {
        hits.report(rule, f.id(), f.message(), f.severity(), confidence, at, what, name);
      }
    }

    private void reportLayer(ActiveLayerRule r, ArchPolicy.Layer layer, Location at, String what, String name) {
      if (reported.add("layer|" + r.rule().id() + "|" + at.startLine() + "|" + name)) {
        hits.report(ArchRules.LAYER, r.rule().id(), r.rule().message(), r.rule().severity(), null, at,
            what + ": layer '" + r.rule().from() + "' must not depend on layer '" + layer.name() + "'", name);
      }
    }

    /**
     * A reference to a type by name. {@code wildcardName} is the simple name as written when a wildcard import may
     * explain it better than the front end's resolution (which then stayed simple or guessed by a unique name).
     */
    private void typeRef(Tree tree, String type, String wildcardName) {
      if (type == null || type.isEmpty()) {
        return;
      }
      List<JavaPattern> matches = typeMatches(type);
      if (matches.isEmpty() && wildcardName == null) {
        layerRef(() -> unit.location(tree), type);
        return;
      }
      Location at = unit.location(tree);
      String imported = importedSimpleName(type);
      for (ArchPolicy.Forbidden f : forbidden) {
        if (imported != null && reportedImports.getOrDefault(f.id(), Set.of()).contains(imported)) {
          continue;
        }
        for (JavaPattern p : f.java()) {
          if (p.kind() != JavaPattern.Kind.TYPE) {
            continue;
          }
          if (matches.contains(p)) {
            report(ArchRules.TYPE, f, at, "use of `" + type + "` (" + p.source() + ") outside " + allowedText(f), type, null);
            break;
          }
          if (wildcardName != null && !reportedImports.getOrDefault(f.id(), Set.of()).contains("*")) {
            String candidate = wildcardCandidate(p, wildcardName);
            if (candidate != null) {
              report(ArchRules.TYPE, f, at, "use of `" + candidate + "` (" + p.source() + ", through a wildcard import) outside "
                  + allowedText(f), candidate, unit.wildcardImports().size() > 1 ? Confidence.MEDIUM : null);
              break;
            }
          }
        }
      }
      layerRef(() -> unit.location(tree), type);
    }

    /** The simple name under which a single-type import brought {@code type} in, or null. */
    private String importedSimpleName(String type) {
      String simple = type.substring(type.lastIndexOf('.') + 1);
      return type.equals(unit.singleImports().get(simple)) ? simple : null;
    }

    /**
     * Whether the front end qualified a simple name only because one repository type has it: not imported, not in
     * this package, not in a wildcard-imported package. A wildcard import of a library package is then as likely.
     */
    private boolean guessed(String simple, String type) {
      if (unit.singleImports().containsKey(simple) || project.type(type) == null || unit.wildcardImports().isEmpty()) {
        return false;
      }
      String pkg = project.type(type).unit().packageName();
      return !pkg.equals(unit.packageName()) && !unit.wildcardImports().contains(pkg);
    }

    /** A simple name that only a wildcard import can explain, qualified by the import that makes it forbidden. */
    private String wildcardCandidate(JavaPattern p, String simple) {
      if (!Character.isUpperCase(simple.charAt(0))) {
        return null;
      }
      for (String pkg : unit.wildcardImports()) {
        if (p.matchesType(pkg + "." + simple)) {
          return pkg + "." + simple;
        }
      }
      return null;
    }

    private String resolveTypeName(TypeInfo owner, String simple) {
      return resolved.computeIfAbsent(owner, o -> new HashMap<>()).computeIfAbsent(simple, n -> project.resolveTypeName(owner, n));
    }

    /** Whether {@code type} lies in a layer that a layer rule of this file denies. */
    private boolean deniedLayer(String type) {
      if (layerRules.isEmpty() || type.indexOf('.') < 0) {
        return false;
      }
      String pkg = packageOf(type);
      if (pkg == null || pkg.equals(unit.packageName())) {
        return false;
      }
      for (ActiveLayerRule r : layerRules) {
        for (ArchPolicy.Layer layer : r.denied()) {
          if (inLayer(pkg, layer)) {
            return true;
          }
        }
      }
      return false;
    }

    /** A reference to {@code type} from this file; one through an import that was reported is not repeated. */
    private void layerRef(Supplier<Location> at, String type) {
      if (type == null || !deniedLayer(type)) {
        return;
      }
      String pkg = packageOf(type);
      String imported = importedSimpleName(type);
      for (ActiveLayerRule r : layerRules) {
        if (imported != null && reportedImports.getOrDefault(r.rule().id(), Set.of()).contains(imported)) {
          continue;
        }
        for (ArchPolicy.Layer layer : r.denied()) {
          if (inLayer(pkg, layer)) {
            reportLayer(r, layer, at.get(), "use of `" + type + "`", type);
          }
        }
      }
    }

    /** A member (method or field) of {@code owner} used at {@code at}; {@code exact} false when the owner is a guess. */
    private void memberRef(Location at, String owner, String member, boolean exact, String kindWord) {
      if (owner == null) {
        return;
      }
      for (ArchPolicy.Forbidden f : forbidden) {
        for (JavaPattern p : f.java()) {
          if (p.kind() != JavaPattern.Kind.MEMBER || !p.matchesMember(member)) {
            continue;
          }
          boolean typeMatch = ownerMatches(p, owner);
          boolean guessed = !typeMatch && (!exact || owner.indexOf('.') < 0) && owner.equals(p.simpleType());
          if (typeMatch || guessed) {
            String name = owner + "#" + member;
            report(ArchRules.METHOD, f, at, kindWord + " `" + name + "` (" + p.source() + ") outside " + allowedText(f), name,
                guessed ? Confidence.MEDIUM : null);
            break;
          }
        }
      }
    }

    /** The pattern's type, or a repository subtype of it (a class extending HttpURLConnection inherits the rail). */
    private boolean ownerMatches(JavaPattern p, String owner) {
      if (p.matchesType(owner)) {
        return true;
      }
      if (project.type(owner) == null) {
        return false;
      }
      for (String s : project.supertypes(owner)) {
        if (p.matchesType(s)) {
          return true;
        }
      }
      return false;
    }

    private boolean wantsMember(String name) {
      return anyMembers && memberNamed(name);
    }

    /**
     * Walks one scope: a method (parameters, locals, lambdas) or a type's field initializers and signatures. The
     * scope's locals are collected only when a name needs them: most names are settled by their type alone.
     */
    private final class Walker extends TreeScanner<Void, Void> {
      private final TypeInfo owner;
      private final MethodInfo method;
      /** This scope's enclosing type's entry of {@code harmless}. */
      private final Set<Name> known;
      private MethodScope scope;

      Walker(TypeInfo owner, MethodInfo method) {
        this.owner = owner;
        this.method = method;
        this.known = harmless.computeIfAbsent(owner, o -> java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
      }

      private MethodScope scope() {
        if (scope == null) {
          scope = method == null ? project.scope(owner) : project.scope(method);
        }
        return scope;
      }

      private boolean isVariable(String name) {
        return scope().isLocal(name) || project.field(owner, name) != null;
      }

      @Override
      public Void visitClass(ClassTree node, Void p) {
        return null; // local classes are types of their own, walked with their own scope
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void p) {
        scan(node.getEnclosingExpression(), p);
        scan(node.getTypeArguments(), p);
        scan(node.getIdentifier(), p);
        scan(node.getArguments(), p);
        String type = project.resolveType(owner, node.getIdentifier());
        String simple = node.getIdentifier() instanceof IdentifierTree id ? id.getName().toString() : null;
        String wildcardName = type != null && simple != null && (type.indexOf('.') < 0 || guessed(simple, type)) ? simple : null;
        if (type != null) {
          Location at = unit.location(node.getIdentifier());
          for (ArchPolicy.Forbidden f : forbidden) {
            for (JavaPattern pat : f.java()) {
              if (pat.kind() == JavaPattern.Kind.CONSTRUCTOR && (pat.matchesType(type)
                  || (wildcardName != null && wildcardCandidate(pat, wildcardName) != null))) {
                report(ArchRules.CONSTRUCTOR, f, at, "`new " + type + "` (" + pat.source() + ") outside " + allowedText(f), "new " + type,
                    null);
                break;
              }
            }
          }
        }
        return null; // an anonymous body is a type of its own
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
        String name = node.getMethodSelect() instanceof MemberSelectTree ms ? ms.getIdentifier().toString()
            : node.getMethodSelect().toString();
        boolean member = wantsMember(name);
        if (member || !layerRules.isEmpty()) {
          ResolvedCall call = project.resolveCall(scope(), node);
          Supplier<Location> at = () -> callLocation(node);
          boolean staticImported = node.getMethodSelect() instanceof IdentifierTree && unit.staticImports().containsKey(name);
          if (member && !(staticImported && importReported(name))) {
            memberRef(at.get(), call.declaringType(), name, call.exact(), "call of");
          }
          if (call.declaringType() != null && !staticImported) {
            layerRef(at, call.declaringType());
          }
        }
        scan(node.getTypeArguments(), p);
        if (node.getMethodSelect() instanceof MemberSelectTree ms) {
          scan(ms.getExpression(), p);
        }
        scan(node.getArguments(), p);
        return null;
      }

      private boolean importReported(String simple) {
        return reportedImports.values().stream().anyMatch(s -> s.contains(simple));
      }

      private Location callLocation(MethodInvocationTree node) {
        if (node.getMethodSelect() instanceof MemberSelectTree ms && unit.endPosition(ms) > 0) {
          long end = unit.endPosition(ms);
          long start = end - ms.getIdentifier().length();
          int line = unit.lineAt(start);
          return new Location(unit.path(), line, unit.columnAt(start), line, unit.columnAt(end));
        }
        return unit.location(node);
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void p) {
        // Only a capitalised last segment can make a member select a type name (a.b.Type, Outer.Inner).
        String st = Character.isUpperCase(node.getIdentifier().charAt(0)) ? project.staticTypeRef(scope(), node) : null;
        if (st != null) {
          typeRef(node, st, null);
          return null;
        }
        String member = node.getIdentifier().toString();
        if (!member.equals("class") && !member.equals("this") && wantsMember(member)) {
          String receiver = project.typeOf(scope(), node.getExpression());
          boolean exact = receiver != null;
          if (receiver == null) {
            receiver = project.staticTypeRef(scope(), node.getExpression());
          }
          memberRef(unit.location(node), receiver, member, exact || (receiver != null && receiver.indexOf('.') > 0), "use of");
        }
        return scan(node.getExpression(), p);
      }

      @Override
      public Void visitIdentifier(IdentifierTree node, Void p) {
        if (known.contains(node.getName())) {
          return null;
        }
        String n = node.getName().toString();
        if (n.isEmpty()) {
          return null;
        }
        String imported = unit.staticImports().get(n);
        boolean member = (imported != null || !unit.staticWildcardImports().isEmpty()) && wantsMember(n);
        String type = imported == null && Character.isUpperCase(n.charAt(0)) ? resolveTypeName(owner, n) : null;
        String wildcardName = type != null && !unit.wildcardImports().isEmpty() && (type.indexOf('.') < 0 || guessed(n, type))
            ? n : null;
        boolean relevantType = type != null && (wildcardName != null || !typeMatches(type).isEmpty() || deniedLayer(type));
        // Most names are variables, methods or harmless types: only a name that could break a rail is looked at closer.
        if (!member && !relevantType) {
          known.add(node.getName()); // decided by the name and the enclosing type alone
          return null;
        }
        if (isVariable(n)) {
          return null;
        }
        if (imported != null) {
          if (!importReported(n)) {
            memberRef(unit.location(node), imported, n, true, "use of");
          }
          return null;
        }
        if (member) {
          for (String o : unit.staticWildcardImports()) {
            memberRef(unit.location(node), o, n, true, "use of");
          }
        }
        if (type != null) {
          typeRef(node, type, wildcardName);
        }
        return null;
      }

      @Override
      public Void visitVariable(VariableTree node, Void p) {
        Tree type = node.getType();
        if (type == null || (type instanceof IdentifierTree id && id.getName().contentEquals("var"))) {
          String inferred = method == null ? null : scope().localType(node.getName().toString());
          if (inferred != null) {
            typeRef(node, inferred, inferred.indexOf('.') < 0 ? inferred : null);
          }
          scan(node.getModifiers(), p);
          return scan(node.getInitializer(), p);
        }
        return super.visitVariable(node, p);
      }
    }
  }
}
