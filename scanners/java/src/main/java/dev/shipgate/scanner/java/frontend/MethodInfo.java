package dev.shipgate.scanner.java.frontend;

import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import java.util.List;

/**
 * A method or constructor declared in the repository, with name-resolved parameter types and annotations.
 * Lambdas are analysed inside their enclosing method, not as methods of their own.
 */
public final class MethodInfo {

  private final TypeInfo owner;
  private final MethodTree tree;
  private final String name;
  private final List<String> paramNames;
  private final List<String> paramTypes;
  private final List<List<String>> paramAnnotations;
  private final List<String> annotations;
  private final String returnType;
  private final boolean isStatic;
  private final boolean varargs;
  private final String key;

  MethodInfo(TypeInfo owner, MethodTree tree, String name, List<String> paramNames, List<String> paramTypes,
      List<List<String>> paramAnnotations, List<String> annotations, String returnType, boolean isStatic, boolean varargs) {
    this.owner = owner;
    this.tree = tree;
    this.name = name;
    this.paramNames = List.copyOf(paramNames);
    this.paramTypes = List.copyOf(paramTypes);
    this.paramAnnotations = List.copyOf(paramAnnotations);
    this.annotations = List.copyOf(annotations);
    this.returnType = returnType;
    this.isStatic = isStatic;
    this.varargs = varargs;
    this.key = owner.name() + "#" + name + "(" + String.join(",", paramTypes) + ")@"
        + owner.unit().line(tree != null ? tree : owner.tree());
  }

  public TypeInfo owner() {
    return owner;
  }

  /** The declaration; null for the implicit constructor of a class that declares none ({@link #isImplicit}). */
  public MethodTree tree() {
    return tree;
  }

  /**
   * The default constructor the compiler adds to a class without constructors; it exists here so that
   * the class's field initializers are analysed and {@code new T()} resolves to something.
   */
  public boolean isImplicit() {
    return tree == null;
  }

  /** The method name, {@code <init>} for constructors. */
  public String name() {
    return name;
  }

  public boolean isConstructor() {
    return name.equals("<init>");
  }

  public List<String> paramNames() {
    return paramNames;
  }

  /** Resolved parameter types; unresolvable names stay simple, {@code null} never appears. */
  public List<String> paramTypes() {
    return paramTypes;
  }

  /** Resolved annotation names per parameter. */
  public List<List<String>> paramAnnotations() {
    return paramAnnotations;
  }

  public List<String> annotations() {
    return annotations;
  }

  /** Resolved return type, {@code void} for constructors. */
  public String returnType() {
    return returnType;
  }

  public boolean isStatic() {
    return isStatic;
  }

  public boolean isVarargs() {
    return varargs;
  }

  public boolean acceptsArity(int n) {
    return varargs ? n >= paramNames.size() - 1 : n == paramNames.size();
  }

  public boolean hasBody() {
    return tree == null || tree.getBody() != null;
  }

  public Tree body() {
    return tree == null ? null : tree.getBody();
  }

  /** Unique and stable: owner, name, parameter types and line. */
  public String key() {
    return key;
  }

  @Override
  public String toString() {
    return key;
  }
}
