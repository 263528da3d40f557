package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.frontend.TypeInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every call, constructor call and member selection written in one type's method bodies and
 * field initializers (or one method's body; lambdas included, nested and anonymous classes excluded: they are
 * types of their own), for declaration-level checks that
 * look at how a configuration class is written rather than at data flow. The method names are read once here
 * ({@link #names}, in the order of {@link #calls}): javac decodes a name from its bytes on every {@code toString()},
 * and the checks ask by name many times per type.
 */
record TypeCalls(List<MethodInvocationTree> calls, List<MemberSelectTree> selects, List<NewClassTree> news,
    List<String> names, Set<String> nameSet) {

  /** The type's method bodies and field initializers; read once per type, whichever check asks first. */
  static TypeCalls of(TypeInfo type) {
    return type.derived(TypeCalls.class, TypeCalls::read);
  }

  private static TypeCalls read(TypeInfo type) {
    List<Tree> trees = new ArrayList<>();
    type.methods().forEach(m -> trees.add(m.body()));
    type.fields().values().forEach(f -> trees.add(f.initializer()));
    return of(trees);
  }

  static TypeCalls of(MethodInfo method) {
    return of(java.util.Collections.singletonList(method.body()));
  }

  private static TypeCalls of(List<Tree> trees) {
    TypeCalls out = new TypeCalls(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new HashSet<>());
    TreeScanner<Void, Void> scanner = new TreeScanner<>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
        out.calls.add(node);
        String name = CallChain.name(node);
        out.names.add(name);
        out.nameSet.add(name);
        return super.visitMethodInvocation(node, p);
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void p) {
        out.selects.add(node);
        return super.visitMemberSelect(node, p);
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void p) {
        out.news.add(node);
        // an anonymous class body is a type of its own
        scan(node.getEnclosingExpression(), p);
        scan(node.getArguments(), p);
        return null;
      }

      @Override
      public Void visitClass(ClassTree node, Void p) {
        return null;
      }
    };
    for (Tree t : trees) {
      if (t != null) {
        scanner.scan(t, null);
      }
    }
    return out;
  }

  List<MethodInvocationTree> named(String name) {
    return named(Set.of(name));
  }

  /** The calls of any of these methods, in source order. */
  List<MethodInvocationTree> named(Set<String> wanted) {
    List<MethodInvocationTree> out = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      if (wanted.contains(names.get(i))) {
        out.add(calls.get(i));
      }
    }
    return out;
  }

  boolean calls(String name) {
    return nameSet.contains(name);
  }

  boolean selects(String name) {
    return selects.stream().anyMatch(s -> s.getIdentifier().contentEquals(name));
  }
}
