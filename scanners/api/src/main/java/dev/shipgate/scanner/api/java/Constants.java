package dev.shipgate.scanner.api.java;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.TypeInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the string constants that paths and patterns are written with: literals, concatenations,
 * array initializers and {@code static final} fields of repository types (followed a few levels deep).
 * An expression it cannot evaluate yields no value.
 */
public final class Constants {

  private static final int DEPTH = 8;
  private final JavaProject project;

  public Constants(JavaProject project) {
    this.project = project;
  }

  /** Every string {@code e} stands for (an array gives several); empty when it cannot be told. */
  public List<String> strings(ExpressionTree e, TypeInfo context) {
    List<String> out = new ArrayList<>();
    return eval(e, context, out, 0) ? out : List.of();
  }

  /** The simple name an enum constant or constant reference ends with ({@code RequestMethod.GET} gives GET). */
  public static String lastName(ExpressionTree e) {
    if (e instanceof MemberSelectTree ms) {
      return ms.getIdentifier().toString();
    }
    if (e instanceof IdentifierTree id) {
      return id.getName().toString();
    }
    return e == null ? null : e.toString();
  }

  /** Elements of an array initializer, or the expression itself. */
  public static List<? extends ExpressionTree> elements(ExpressionTree e) {
    if (e instanceof NewArrayTree na && na.getInitializers() != null) {
      return na.getInitializers();
    }
    return e == null ? List.of() : List.of(e);
  }

  private boolean eval(Tree e, TypeInfo context, List<String> out, int depth) {
    if (e == null || depth > DEPTH) {
      return false;
    }
    if (e instanceof ParenthesizedTree p) {
      return eval(p.getExpression(), context, out, depth + 1);
    }
    if (e instanceof LiteralTree lit) {
      if (lit.getValue() instanceof String || lit.getValue() instanceof Character || lit.getValue() instanceof Number) {
        out.add(String.valueOf(lit.getValue()));
        return true;
      }
      return false;
    }
    if (e instanceof NewArrayTree na) {
      if (na.getInitializers() == null) {
        return false;
      }
      for (ExpressionTree i : na.getInitializers()) {
        if (!eval(i, context, out, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (e instanceof BinaryTree b && b.getKind() == Tree.Kind.PLUS) {
      List<String> l = new ArrayList<>();
      List<String> r = new ArrayList<>();
      if (!eval(b.getLeftOperand(), context, l, depth + 1) || !eval(b.getRightOperand(), context, r, depth + 1)
          || l.size() != 1 || r.size() != 1) {
        return false;
      }
      out.add(l.get(0) + r.get(0));
      return true;
    }
    TypeInfo.FieldInfo f = null;
    TypeInfo owner = null;
    if (e instanceof IdentifierTree id && context != null) {
      String n = id.getName().toString();
      f = project.field(context, n);
      owner = context;
      if (f == null) {
        String staticOwner = context.unit().staticImports().get(n);
        owner = project.type(staticOwner);
        f = owner == null ? null : owner.fields().get(n);
      }
    } else if (e instanceof MemberSelectTree ms && context != null) {
      String typeName = project.resolveType(context, ms.getExpression());
      owner = project.type(typeName);
      f = owner == null ? null : project.field(owner, ms.getIdentifier().toString());
    }
    if (f != null && f.isFinal() && f.initializer() != null) {
      return eval(f.initializer(), declaringType(owner, f), out, depth + 1);
    }
    return false;
  }

  /** The type whose scope an inherited constant's initializer is written in. */
  private TypeInfo declaringType(TypeInfo start, TypeInfo.FieldInfo f) {
    for (TypeInfo t = start; t != null; t = t.outer()) {
      if (t.fields().get(f.name()) == f) {
        return t;
      }
      for (String s : project.supertypes(t.name())) {
        TypeInfo st = project.type(s);
        if (st != null && st.fields().get(f.name()) == f) {
          return st;
        }
      }
    }
    return start;
  }
}
