package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.frontend.TypeInfo;
import dev.shipgate.scanner.java.taint.CallEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Key and IV material written into the source: a string literal's bytes or chars, an array of literals,
 * a zero-filled {@code new byte[n]}, a literal decoded from Base64 or hex, or a local or field holding one
 * of those. A {@link Tracker} follows one method's locals: a local stops counting as literal once it is
 * assigned anything else, set element by element, or handed to any call (which may fill it, as
 * {@code SecureRandom.nextBytes} does).
 */
final class LiteralBytes {

  private static final Set<String> DECODERS = Set.of("decode", "decodeHex", "parseHexBinary", "parseBase64Binary", "parseHex",
      "decodeBase64");
  private static final Set<String> TO_BYTES = Set.of("getBytes", "toCharArray");

  private final MethodInfo method;
  private final JavaProject project;
  /**
   * What locals (and {@code this.} fields) of this method were last assigned, by name; null once they were
   * assigned element by element or handed to a call. Judged when used, so no project is needed before then.
   */
  private final Map<String, ExpressionTree> locals;

  private LiteralBytes(MethodInfo method, JavaProject project, Map<String, ExpressionTree> locals) {
    this.method = method;
    this.project = project;
    this.locals = locals;
  }

  /** Follows the locals of one method; feed it every assignment and call event. */
  static final class Tracker {
    private final MethodInfo method;
    private final Map<String, ExpressionTree> locals = new HashMap<>();

    Tracker(MethodInfo method) {
      this.method = method;
    }

    void assigned(String variable, Tree at) {
      ExpressionTree value = at instanceof VariableTree v ? v.getInitializer()
          : at instanceof AssignmentTree a ? a.getExpression() : null;
      int bracket = variable.indexOf('[');
      locals.put(bracket > 0 ? variable.substring(0, bracket) : variable, bracket > 0 ? null : value);
    }

    /** Locals passed to a call other than as the judged argument may be filled there. */
    void called(CallEvent e, Set<Integer> judgedArgs) {
      for (int i = 0; i < e.argTrees().size(); i++) {
        if (!locals.isEmpty() && !judgedArgs.contains(i) && e.argTrees().get(i) instanceof IdentifierTree id) {
          String name = id.getName().toString();
          if (locals.get(name) != null) {
            locals.remove(name); // forgotten: an untracked local is never literal
          }
        }
      }
    }

    LiteralBytes at(JavaProject project) {
      if (elementWritten == null) {
        elementWritten = elementWrites(method);
      }
      for (String name : elementWritten) {
        locals.put(name, null);
      }
      return new LiteralBytes(method, project, locals);
    }

    private Set<String> elementWritten;

    /**
     * Arrays the method writes element by element ({@code iv[i] = ...}) anywhere: the engine reports no
     * assignment for a computed index, so such an array never counts as literal.
     */
    private static Set<String> elementWrites(MethodInfo method) {
      Set<String> out = new java.util.HashSet<>();
      new com.sun.source.util.TreeScanner<Void, Void>() {
        @Override
        public Void visitAssignment(AssignmentTree node, Void p) {
          if (node.getVariable() instanceof com.sun.source.tree.ArrayAccessTree a && a.getExpression() instanceof IdentifierTree id) {
            out.add(id.getName().toString());
          }
          return super.visitAssignment(node, p);
        }

        @Override
        public Void visitCompoundAssignment(com.sun.source.tree.CompoundAssignmentTree node, Void p) {
          if (node.getVariable() instanceof com.sun.source.tree.ArrayAccessTree a && a.getExpression() instanceof IdentifierTree id) {
            out.add(id.getName().toString());
          }
          return super.visitCompoundAssignment(node, p);
        }
      }.scan(method.body(), null);
      return out;
    }
  }

  boolean isLiteral(ExpressionTree e) {
    return isLiteral(e, 0);
  }

  /** Literal material, or a string written in the source (APIs that take the secret as a String). */
  boolean isLiteralOrString(ExpressionTree e) {
    return isLiteral(e, 0) || isString(e, 0);
  }

  private boolean isLiteral(ExpressionTree e, int depth) {
    if (depth > 8 || e == null) {
      return false;
    }
    if (e instanceof ParenthesizedTree p) {
      return isLiteral(p.getExpression(), depth + 1);
    }
    if (e instanceof TypeCastTree c) {
      return isLiteral(c.getExpression(), depth + 1);
    }
    if (e instanceof NewArrayTree a) {
      if (a.getInitializers() == null) {
        return a.getDimensions().size() == 1; // new byte[16]: all zeros until something fills it
      }
      return !a.getInitializers().isEmpty() && a.getInitializers().stream().allMatch(LiteralBytes::isNumber);
    }
    if (e instanceof MethodInvocationTree mi && mi.getMethodSelect() instanceof MemberSelectTree ms) {
      String name = ms.getIdentifier().toString();
      if (TO_BYTES.contains(name)) {
        return isString(ms.getExpression(), depth + 1);
      }
      return DECODERS.contains(name) && mi.getArguments().size() == 1 && isString(mi.getArguments().get(0), depth + 1);
    }
    if (e instanceof IdentifierTree id) {
      String name = id.getName().toString();
      if (locals.containsKey(name)) {
        return isLiteral(locals.get(name), depth + 1);
      }
      if (project.scope(method).isLocal(name)) {
        return false;
      }
      return fieldIsLiteral(method.owner(), name, depth);
    }
    if (e instanceof MemberSelectTree ms) {
      if (ms.getExpression() instanceof IdentifierTree q && q.getName().contentEquals("this")) {
        String key = "this." + ms.getIdentifier();
        return locals.containsKey(key) ? isLiteral(locals.get(key), depth + 1)
            : fieldIsLiteral(method.owner(), ms.getIdentifier().toString(), depth);
      }
      String owner = project.staticTypeRef(project.scope(method), ms.getExpression());
      TypeInfo t = owner == null ? null : project.type(owner);
      return t != null && fieldIsLiteral(t, ms.getIdentifier().toString(), depth);
    }
    return false;
  }

  /** A final or static field initialised with literal material (a static field's own initializer). */
  private boolean fieldIsLiteral(TypeInfo owner, String name, int depth) {
    TypeInfo.FieldInfo f = owner == null ? null : project.field(owner, name);
    if (f == null || !(f.isFinal() || f.isStatic()) || !(f.initializer() instanceof ExpressionTree init)) {
      return false;
    }
    return new LiteralBytes(method, project, Map.of()).isLiteral(init, depth + 1);
  }

  /** A string written in the source: a literal, a concatenation of literals, or a constant field. */
  private boolean isString(ExpressionTree e, int depth) {
    if (e instanceof LiteralTree l) {
      return l.getValue() instanceof String;
    }
    if (e instanceof com.sun.source.tree.BinaryTree b && b.getKind() == Tree.Kind.PLUS) {
      return isString(b.getLeftOperand(), depth + 1) && isString(b.getRightOperand(), depth + 1);
    }
    if (e instanceof IdentifierTree id && locals.containsKey(id.getName().toString())) {
      ExpressionTree value = locals.get(id.getName().toString());
      return value != null && depth < 8 && isString(value, depth + 1);
    }
    if (e instanceof IdentifierTree id && !project.scope(method).isLocal(id.getName().toString())) {
      TypeInfo.FieldInfo f = project.field(method.owner(), id.getName().toString());
      return f != null && f.isFinal() && f.initializer() instanceof ExpressionTree init && depth < 8 && isString(init, depth + 1);
    }
    return false;
  }

  private static boolean isNumber(ExpressionTree e) {
    if (e instanceof TypeCastTree c) {
      return isNumber(c.getExpression());
    }
    if (e instanceof UnaryTree u) {
      return isNumber(u.getExpression());
    }
    if (e instanceof ParenthesizedTree p) {
      return isNumber(p.getExpression());
    }
    return e instanceof LiteralTree l && (l.getValue() instanceof Number || l.getValue() instanceof Character);
  }
}
