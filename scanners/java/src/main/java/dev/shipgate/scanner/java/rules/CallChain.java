package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.List;

/**
 * A fluent call chain read from its outermost call inwards ({@code Jwts.builder().subject(u).compact()}):
 * the calls from the root outwards and the expression the chain starts from. Builders kept in variables are
 * not chains; checks that read chains judge only what is visible in one expression.
 */
record CallChain(ExpressionTree root, List<MethodInvocationTree> calls) {

  static CallChain of(Tree outer) {
    List<MethodInvocationTree> calls = new ArrayList<>();
    ExpressionTree e = outer instanceof ExpressionTree x ? x : null;
    while (e instanceof MethodInvocationTree mi && mi.getMethodSelect() instanceof MemberSelectTree ms) {
      calls.add(0, mi);
      e = ms.getExpression();
    }
    return new CallChain(e, calls);
  }

  static String name(MethodInvocationTree call) {
    return call.getMethodSelect() instanceof MemberSelectTree ms ? ms.getIdentifier().toString() : call.getMethodSelect().toString();
  }

  /** True when the chain starts with {@code Type.method()} ({@code Jwts.builder()}), by simple or qualified name. */
  boolean startsWith(String qualifiedType, String method) {
    if (calls.isEmpty() || !name(calls.get(0)).equals(method) || root == null) {
      return false;
    }
    String r = root.toString();
    return r.equals(qualifiedType) || r.equals(qualifiedType.substring(qualifiedType.lastIndexOf('.') + 1));
  }

  boolean has(String method) {
    return calls.stream().anyMatch(c -> name(c).equals(method));
  }

  /** A call {@code method("literal", ...)} in the chain, e.g. {@code claim("exp", ...)}. */
  boolean hasWithFirstArgument(String method, String literal) {
    return calls.stream().anyMatch(c -> name(c).equals(method) && !c.getArguments().isEmpty()
        && c.getArguments().get(0) instanceof LiteralTree l && literal.equals(l.getValue()));
  }
}
