package dev.shipgate.scanner.java.frontend;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A type declared in the repository: class, interface, enum, record, annotation or anonymous class. */
public final class TypeInfo {

  private final String name;
  private final String simpleName;
  /** Views that checks derive from this type's trees (see {@link #derived}). */
  private final Map<Class<?>, Object> derived = new ConcurrentHashMap<>();
  /** {@link JavaProject#resolveTypeName} answers seen from this type: the same few names are resolved constantly. */
  final Map<String, String> resolvedNames = new ConcurrentHashMap<>();
  private final JavaUnit unit;
  private final ClassTree tree;
  private final TypeInfo outer;
  private final boolean anonymous;
  final List<String> supertypes = new ArrayList<>();
  final List<String> annotations = new ArrayList<>();
  final Map<String, FieldInfo> fields = new LinkedHashMap<>();
  final List<MethodInfo> methods = new ArrayList<>();

  /** A field with its resolved type, initializer (for constants), resolved annotations and declaration. */
  public record FieldInfo(String name, String type, boolean isStatic, boolean isFinal, Tree initializer,
      List<String> annotations, com.sun.source.tree.VariableTree declaration) {}

  TypeInfo(String name, JavaUnit unit, ClassTree tree, TypeInfo outer, boolean anonymous) {
    this.name = name;
    this.simpleName = name.substring(name.lastIndexOf('.') + 1);
    this.unit = unit;
    this.tree = tree;
    this.outer = outer;
    this.anonymous = anonymous;
  }

  /** Qualified name with nested types joined by '.', e.g. {@code com.acme.Outer.Inner}; anonymous classes end in {@code $line}. */
  public String name() {
    return name;
  }

  /**
   * A view of this type that several checks need (every call in its bodies, say), computed on first use and kept with
   * the type, so the declaration checks walk its trees once between them.
   */
  public <T> T derived(Class<T> key, Function<TypeInfo, T> compute) {
    return key.cast(derived.computeIfAbsent(key, k -> compute.apply(this)));
  }

  public String simpleName() {
    return simpleName;
  }

  public JavaUnit unit() {
    return unit;
  }

  public ClassTree tree() {
    return tree;
  }

  /** The enclosing type, or null for a top-level type. */
  public TypeInfo outer() {
    return outer;
  }

  public boolean isAnonymous() {
    return anonymous;
  }

  public Tree.Kind kind() {
    return tree.getKind();
  }

  /** Resolved names of the extended class and implemented interfaces (for an anonymous class, the instantiated type). */
  public List<String> supertypes() {
    return List.copyOf(supertypes);
  }

  /** Resolved names of the annotations on the type. */
  public List<String> annotations() {
    return List.copyOf(annotations);
  }

  public Map<String, FieldInfo> fields() {
    return fields;
  }

  public List<MethodInfo> methods() {
    return List.copyOf(methods);
  }

  @Override
  public String toString() {
    return name;
  }
}
