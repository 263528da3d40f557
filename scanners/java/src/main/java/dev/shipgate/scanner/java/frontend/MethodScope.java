package dev.shipgate.scanner.java.frontend;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
