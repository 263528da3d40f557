package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.frontend.TypeInfo;
import dev.shipgate.scanner.java.taint.ParameterSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MyBatis SQL providers: a mapper method annotated {@code @SelectProvider}/{@code @InsertProvider}/
 * {@code @UpdateProvider}/{@code @DeleteProvider} runs the SQL text a provider method returns. Where that method
 * pastes one of its parameters into the text (string concatenation, {@code StringBuilder.append},
 * {@code String.format}/{@code concat}, or a MyBatis {@code SQL} builder call such as {@code WHERE(x)} or
 * {@code ORDER_BY(x)}), the mapper parameter MyBatis hands it becomes a SQL sink at that line (a
 * {@link ParameterSink}), so request data passed to the mapper by any caller is reported there with the whole path.
 * Parameters are matched as MyBatis does: positionally when the provider takes the mapper's parameters, by
 * {@code get("name")} ({@code @Param} name, parameter name or {@code paramN}) when it takes one {@code Map}.
 * Numbers, booleans, dates, UUIDs and enums are not judged; text bound with {@code #{...}} is a literal here and safe.
 */
final class MyBatisProviders {

  private static final Set<String> PROVIDERS = Set.of("SelectProvider", "InsertProvider", "UpdateProvider",
      "DeleteProvider");
  private static final String RULE = "java/injection/sql";

  private MyBatisProviders() {}

  static List<ParameterSink> sinks(JavaProject project) {
    List<ParameterSink> out = new ArrayList<>();
    for (TypeInfo t : project.types()) {
      for (MethodInfo m : t.methods()) {
        if (m.tree() != null && !m.hasBody()) {
          mapperMethod(project, m, out);
        }
      }
    }
    return out;
  }

  private static void mapperMethod(JavaProject project, MethodInfo m, List<ParameterSink> out) {
    List<? extends AnnotationTree> anns = m.tree().getModifiers().getAnnotations();
    for (int i = 0; i < anns.size() && i < m.annotations().size(); i++) {
      String name = m.annotations().get(i);
      String simple = name.substring(name.lastIndexOf('.') + 1);
      if (!PROVIDERS.contains(simple) || name.contains(".") && !name.equals(MyBatisMappers.ANNOTATION_PACKAGE + simple)) {
        continue;
      }
      TypeInfo provider = null;
      String method = m.name(); // without method=, MyBatis 3.5.1+ resolves the provider method by the mapper's name
      for (ExpressionTree arg : anns.get(i).getArguments()) {
        String key = arg instanceof AssignmentTree a ? a.getVariable().toString() : "value";
        ExpressionTree value = arg instanceof AssignmentTree a ? a.getExpression() : arg;
        if ((key.equals("type") || key.equals("value")) && value instanceof MemberSelectTree ms
            && ms.getIdentifier().contentEquals("class")) {
          provider = project.type(project.resolveType(m.owner(), ms.getExpression()));
        } else if (key.equals("method") && value instanceof LiteralTree l && l.getValue() instanceof String s) {
          method = s;
        }
      }
      if (provider == null) {
        continue;
      }
      for (MethodInfo p : provider.methods()) {
        if (p.name().equals(method) && p.hasBody()) {
          providerMethod(project, m, p, out);
        }
      }
    }
  }

  private static void providerMethod(JavaProject project, MethodInfo mapper, MethodInfo p, List<ParameterSink> out) {
    List<Integer> own = new ArrayList<>(); // the provider's parameters but a ProviderContext
    for (int j = 0; j < p.paramTypes().size(); j++) {
      if (!p.paramTypes().get(j).endsWith("ProviderContext")) {
        own.add(j);
      }
    }
    boolean byMap = own.size() == 1 && p.paramTypes().get(own.get(0)).matches("(java\\.util\\.)?Map")
        && !(mapper.paramTypes().size() == 1 && mapper.paramTypes().get(0).matches("(java\\.util\\.)?Map"));
    if (!byMap && own.size() != mapper.paramTypes().size()) {
      return; // MyBatis would reject the pairing; nothing to link
    }
    String pTitle = p.owner().name().substring(p.owner().name().lastIndexOf('.') + 1) + "." + p.name();
    Set<String> seen = new LinkedHashSet<>();
    for (Pasted paste : pasted(p)) {
      int mapperParam;
      if (byMap) {
        if (paste.key() == null) {
          continue; // the whole map pasted: its text is not one parameter's
        }
        MyBatisMappers.Substitution s = MyBatisMappers.resolve(project, paste.at(project, p), paste.key(), mapper, Map.of(),
            Set.of());
        if (s.param() < 0 || s.safe()) {
          continue;
        }
        mapperParam = s.param();
      } else {
        int k = own.indexOf(paste.param());
        if (k < 0 || paste.key() != null || MyBatisMappers.isScalar(project, mapper, k, null)) {
          continue;
        }
        mapperParam = k;
      }
      if (seen.add(mapperParam + "@" + paste.at(project, p).startLine())) {
        out.add(new ParameterSink(mapper, mapperParam, RULE, paste.at(project, p), "the SQL text MyBatis provider `"
            + pTitle + "` builds"));
      }
    }
  }

  /** A parameter read (or a {@code get("key")} of a map parameter) pasted into SQL text at {@code tree}. */
  private record Pasted(Tree tree, int param, String key) {
    dev.shipgate.core.model.Location at(JavaProject project, MethodInfo p) {
      return p.owner().unit().location(tree);
    }
  }

  /** Every place the provider method's body pastes a parameter's value into text. */
  private static List<Pasted> pasted(MethodInfo p) {
    Map<String, Integer> params = new HashMap<>();
    for (int j = 0; j < p.paramNames().size(); j++) {
      params.put(p.paramNames().get(j), j);
    }
    Map<String, Pasted> aliases = new HashMap<>(); // locals holding a parameter read: String n = (String) m.get("n")
    List<Pasted> out = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree v, Void unused) {
        Pasted read = v.getInitializer() == null ? null : read(v.getInitializer(), params, aliases, v);
        if (read != null) {
          aliases.put(v.getName().toString(), read);
        }
        return super.visitVariable(v, unused);
      }

      @Override
      public Void visitBinary(BinaryTree b, Void unused) {
        if (b.getKind() == Tree.Kind.PLUS) {
          for (ExpressionTree operand : List.of(b.getLeftOperand(), b.getRightOperand())) {
            Pasted read = read(operand, params, aliases, b);
            if (read != null) {
              out.add(read);
            }
          }
        }
        return super.visitBinary(b, unused);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree mi, Void unused) {
        String name = CallChain.name(mi);
        if (name.equals("append") || name.equals("format") || name.equals("concat") || name.equals("join")
            || name.matches("[A-Z][A-Z_]+")) { // the MyBatis SQL builder: WHERE, ORDER_BY, SET, ...
          for (ExpressionTree arg : mi.getArguments()) {
            Pasted read = read(arg, params, aliases, mi);
            if (read != null) {
              out.add(read);
            }
          }
        }
        return super.visitMethodInvocation(mi, unused);
      }
    }.scan(p.tree().getBody(), null);
    return out;
  }

  /** The parameter {@code e} reads (a parameter, {@code map.get("k")}, or a local holding one), placed at {@code at}. */
  private static Pasted read(ExpressionTree e, Map<String, Integer> params, Map<String, Pasted> aliases, Tree at) {
    while (e instanceof ParenthesizedTree || e instanceof TypeCastTree) {
      e = e instanceof ParenthesizedTree pt ? pt.getExpression() : ((TypeCastTree) e).getExpression();
    }
    if (e instanceof IdentifierTree id) {
      String n = id.getName().toString();
      Pasted alias = aliases.get(n);
      if (alias != null) {
        return new Pasted(at, alias.param(), alias.key());
      }
      Integer j = params.get(n);
      return j == null ? null : new Pasted(at, j, null);
    }
    if (e instanceof MethodInvocationTree mi && mi.getMethodSelect() instanceof MemberSelectTree ms
        && ms.getExpression() instanceof IdentifierTree recv && params.containsKey(recv.getName().toString())
        && (ms.getIdentifier().contentEquals("get") || ms.getIdentifier().contentEquals("getOrDefault"))
        && !mi.getArguments().isEmpty() && mi.getArguments().get(0) instanceof LiteralTree l
        && l.getValue() instanceof String key) {
      return new Pasted(at, params.get(recv.getName().toString()), key);
    }
    return null;
  }
}
