package dev.shipgate.scanner.java.frontend;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Name resolution inside one method (or one type's initializers): declared local types, the enclosing
 * type, and caches of resolved calls and expression types, so repeated analyses of a method are cheap.
 */
public final class MethodScope {

  final JavaProject project;
  final TypeInfo owner;
  final MethodInfo method;
  final Map<String, String> locals = new HashMap<>();
  /** {@code var} locals: typed from their initializer on first use. */
  final Map<String, ExpressionTree> inferred = new HashMap<>();
  final Map<Tree, ResolvedCall> calls = new IdentityHashMap<>();
  final Map<Tree, String> types = new IdentityHashMap<>();
  /**
   * Names declared more than once with different types ({@code String e} in a try block, {@code Exception e}
   * in its catch): each declaration with the source range where it is visible.
   */
  final Map<String, List<Declaration>> redeclared = new HashMap<>();

  record Declaration(long start, long end, String type) {}

  MethodScope(JavaProject project, TypeInfo owner, MethodInfo method) {
    this.project = project;
    this.owner = owner;
    this.method = method;
  }

  public TypeInfo owner() {
    return owner;
  }

  /** Null for a scope over a type's field initializers. */
  public MethodInfo method() {
    return method;
  }

  public JavaProject project() {
    return project;
  }

  /** Whether {@code name} is a parameter or local variable of this method. */
  public boolean isLocal(String name) {
    return locals.containsKey(name) || inferred.containsKey(name);
  }

  /** The type of the local {@code name} declared where {@code at} sees it, null when unknown. */
  public String localType(String name, Tree at) {
    List<Declaration> ds = redeclared.get(name);
    if (ds != null && owner != null) {
      long pos = owner.unit().startPosition(at);
      Declaration best = null;
      for (Declaration d : ds) {
        if (d.start() <= pos && pos < d.end() && (best == null || d.start() > best.start())) {
          best = d;
        }
      }
      if (best != null && best.type() != null) {
        return best.type();
      }
    }
    return localType(name);
  }

  /** The declared (or inferred) type of a local variable, null when unknown. */
  public String localType(String name) {
    String t = locals.get(name);
    if (t == null && inferred.containsKey(name)) {
      ExpressionTree init = inferred.remove(name);
      t = init == null ? null : project.typeOf(this, init);
      locals.put(name, t);
    }
    return t;
  }
}
