package dev.shipgate.scanner.java.taint;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.frontend.TypeInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps of every Spring bean of a broad type, keyed by bean name: {@code getBeansOfType(Object.class)} or of a
 * functional interface, {@code getBeansWithAnnotation(Component.class)} and other stereotypes, and
 * {@code Map<String, Function<...>>} (or {@code Object}, {@code Supplier}, ...) fields Spring injects into a component.
 * A lookup by a name from the request or a language model can reach any of those beans, so it is tool dispatch without
 * an allow-list. A map of a narrow type ({@code Map<String, PaymentProcessor>}, {@code getBeansOfType(Tool.class)}) is
 * the application's own registry of handlers meant to be chosen, like a constant map, and is not judged.
 */
final class BeanRegistries {

  static final String KIND = "bean-registry";
  private static final Set<String> BROAD = Set.of("Object", "Function", "BiFunction", "Supplier", "Consumer",
      "BiConsumer", "Runnable", "Callable");
  private static final Set<String> STEREOTYPES = Set.of("Component", "Service", "Controller", "RestController",
      "Configuration", "Repository");
  private static final Set<String> INJECT = Set.of("Autowired", "Inject", "Resource");
  private static final Set<String> LOMBOK_CONSTRUCTORS = Set.of("RequiredArgsConstructor", "AllArgsConstructor");

  private BeanRegistries() {}

  /** Whether a {@code getBeansOfType}/{@code getBeansWithAnnotation} call asks for a broad type or a stereotype. */
  static boolean broadLookup(List<? extends ExpressionTree> argTrees) {
    if (argTrees.isEmpty() || !(argTrees.get(0) instanceof MemberSelectTree lit) || !lit.getIdentifier().contentEquals("class")) {
      return false;
    }
    String simple = simpleName(lit.getExpression());
    return BROAD.contains(simple) || STEREOTYPES.contains(simple);
  }

  private record Fields(Set<String> names) {}

  /** Names of the fields of {@code type} that Spring fills with a map of every bean of a broad type. */
  static Set<String> injectedFields(TypeInfo type) {
    return type.derived(Fields.class, t -> new Fields(find(t))).names();
  }

  private static Set<String> find(TypeInfo t) {
    Set<String> out = new HashSet<>();
    if (t.annotations().stream().map(BeanRegistries::simple).noneMatch(STEREOTYPES::contains)) {
      return out;
    }
    boolean lombok = t.annotations().stream().map(BeanRegistries::simple).anyMatch(LOMBOK_CONSTRUCTORS::contains);
    Set<String> assignedFromParameters = assignedFromConstructorParameters(t);
    for (TypeInfo.FieldInfo f : t.fields().values()) {
      if (f.isStatic() || f.initializer() != null || !broadMap(f.declaration().getType())) {
        continue;
      }
      boolean injected = f.annotations().stream().map(BeanRegistries::simple).anyMatch(INJECT::contains)
          || assignedFromParameters.contains(f.name()) || lombok && f.isFinal();
      if (injected) {
        out.add(f.name());
      }
    }
    return out;
  }

  /** {@code Map<String, X>} with X a broad type. */
  private static boolean broadMap(Tree type) {
    return type instanceof ParameterizedTypeTree p && simpleName(p.getType()).equals("Map")
        && p.getTypeArguments().size() == 2 && BROAD.contains(simpleName(p.getTypeArguments().get(1)));
  }

  /** Fields a constructor assigns one of its parameters as is ({@code this.tools = tools}). */
  private static Set<String> assignedFromConstructorParameters(TypeInfo t) {
    Set<String> out = new HashSet<>();
    for (MethodInfo m : t.methods()) {
      if (!m.isConstructor() || m.tree() == null || m.tree().getBody() == null) {
        continue;
      }
      for (StatementTree s : m.tree().getBody().getStatements()) {
        if (s instanceof ExpressionStatementTree es && es.getExpression() instanceof AssignmentTree a
            && a.getExpression() instanceof IdentifierTree value && m.paramNames().contains(value.getName().toString())) {
          ExpressionTree target = a.getVariable();
          if (target instanceof MemberSelectTree ms && ms.getExpression() instanceof IdentifierTree self
              && self.getName().contentEquals("this")) {
            out.add(ms.getIdentifier().toString());
          } else if (target instanceof IdentifierTree id) {
            out.add(id.getName().toString());
          }
        }
      }
    }
    return out;
  }

  private static String simpleName(Tree type) {
    Tree base = type instanceof ParameterizedTypeTree p ? p.getType() : type;
    return simple(base.toString());
  }

  private static String simple(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
