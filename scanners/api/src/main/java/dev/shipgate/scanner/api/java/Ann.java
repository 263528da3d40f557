package dev.shipgate.scanner.api.java;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.TypeInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An annotation as it applies to a declaration: its resolved name and its attributes, each with the type
 * in whose scope it must be evaluated ({@code context} is the repository annotation type for one carried
 * by a composed annotation).
 */
public record Ann(String name, Map<String, Attr> attrs, AnnotationTree tree, TypeInfo context) {

  /** An attribute expression and the type that gives its names meaning. */
  public record Attr(ExpressionTree expr, TypeInfo context) {}

  private static final int META_DEPTH = 4;

  public String simpleName() {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  public Attr attr(String key) {
    return attrs.get(key);
  }

  /** The string values of the first present attribute among {@code keys}; empty when none is. */
  public List<String> strings(Constants c, String... keys) {
    for (String k : keys) {
      Attr a = attrs.get(k);
      if (a != null) {
        return c.strings(a.expr(), a.context());
      }
    }
    return List.of();
  }

  /** Whether any attribute among {@code keys} is present. */
  public boolean has(String... keys) {
    for (String k : keys) {
      if (attrs.containsKey(k)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Annotations on {@code mods} plus those of repository meta-annotations (a composed {@code @ApiGet} that
   * carries {@code @GetMapping}); the composed annotation's own {@code value}/{@code path} override the
   * carried one's, as Spring's {@code @AliasFor} usually arranges.
   */
  public static List<Ann> of(JavaProject project, TypeInfo context, ModifiersTree mods) {
    return of(project, context, mods, null);
  }

  /**
   * As {@link #of(JavaProject, TypeInfo, ModifiersTree)}, with the annotation names the front end already
   * resolved for {@code mods} ({@code TypeInfo/MethodInfo.annotations()}, {@code paramAnnotations()}), or null.
   */
  public static List<Ann> of(JavaProject project, TypeInfo context, ModifiersTree mods, List<String> resolved) {
    List<Ann> out = new ArrayList<>();
    if (mods != null) {
      collect(project, context, mods, resolved, out, Map.of(), 0);
    }
    return out;
  }

  private static void collect(JavaProject project, TypeInfo context, ModifiersTree mods, List<String> resolved, List<Ann> out,
      Map<String, Attr> overrides, int depth) {
    List<? extends AnnotationTree> trees = mods.getAnnotations();
    boolean known = resolved != null && resolved.size() == trees.size();
    for (int i = 0; i < trees.size(); i++) {
      AnnotationTree a = trees.get(i);
      String name = qualify(context, known ? resolved.get(i) : project.resolveType(context, a.getAnnotationType()));
      Map<String, Attr> attrs = new LinkedHashMap<>();
      for (ExpressionTree arg : a.getArguments()) {
        if (arg instanceof AssignmentTree as && as.getVariable() instanceof IdentifierTree id) {
          attrs.put(id.getName().toString(), new Attr(as.getExpression(), context));
        } else {
          attrs.put("value", new Attr(arg, context));
        }
      }
      if (!overrides.isEmpty() && Names.ALIASABLE.contains(name)) {
        attrs.remove("value");
        attrs.remove("path");
        attrs.putAll(overrides);
      }
      out.add(new Ann(name, attrs, a, context));
      TypeInfo meta = project.type(name);
      if (meta != null && meta.kind() == Tree.Kind.ANNOTATION_TYPE && depth < META_DEPTH) {
        Map<String, Attr> carried = new LinkedHashMap<>();
        for (String k : List.of("value", "path")) {
          if (attrs.containsKey(k)) {
            carried.put(k, attrs.get(k));
          }
        }
        collect(project, meta, meta.tree().getModifiers(), meta.annotations(), out, carried, depth + 1);
      }
    }
  }

  /** A name left simple because its wildcard import is not modelled: qualify it through that import. */
  private static String qualify(TypeInfo context, String resolved) {
    if (resolved == null || resolved.indexOf('.') >= 0 || context == null) {
      return resolved;
    }
    for (String pkg : context.unit().wildcardImports()) {
      if (Names.KNOWN.contains(pkg + "." + resolved)) {
        return pkg + "." + resolved;
      }
    }
    return resolved;
  }

  /** The first annotation whose name is in {@code names}, or null. */
  public static Ann find(List<Ann> anns, Set<String> names) {
    for (Ann a : anns) {
      if (names.contains(a.name())) {
        return a;
      }
    }
    return null;
  }
}
