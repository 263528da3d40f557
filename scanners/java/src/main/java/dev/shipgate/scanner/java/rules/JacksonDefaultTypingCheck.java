package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.frontend.TypeInfo;
import dev.shipgate.scanner.java.taint.CallEvent;
import dev.shipgate.scanner.java.taint.JavaCheck;
import dev.shipgate.scanner.java.taint.MethodVisitor;
import dev.shipgate.scanner.java.taint.Reporter;
import java.util.List;
import java.util.Set;

/**
 * Jackson polymorphic typing that lets the JSON name the class to instantiate: default typing switched on without a
 * type allow-list ({@code enableDefaultTyping}, {@code activateDefaultTyping} with the permissive validator), and
 * {@code @JsonTypeInfo(use = Id.CLASS | Id.MINIMAL_CLASS)} on a field of an open type such as {@code Object}.
 */
public final class JacksonDefaultTypingCheck implements JavaCheck {

  static final Rule RULE = Rule.builder("java/deserialization/jackson-default-typing", "java")
      .title("Jackson polymorphic typing without an allow-list")
      .severity(Severity.HIGH)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-502")
      .tags("owasp-top10:A08:2021", "asvs:4.0.3-5.5.3")
      .description("JSON read by this mapper (or into this field) chooses the Java class to instantiate by name, so a"
          + " document from outside can create gadget classes on the class path and run code.")
      .fix("Do not enable default typing; if polymorphism is needed, use @JsonTypeInfo(use = Id.NAME) with @JsonSubTypes,"
          + " or activateDefaultTyping with a BasicPolymorphicTypeValidator that allows only your own packages.")
      .build();

  private static final Set<String> MAPPERS = Set.of("com.fasterxml.jackson.databind.ObjectMapper",
      "com.fasterxml.jackson.databind.cfg.MapperBuilder");
  private static final Set<String> OPEN_TYPES = Set.of("java.lang.Object", "java.io.Serializable", "java.lang.Comparable",
      "java.lang.Cloneable", "Object", "Serializable", "Comparable");

  @Override
  public List<Rule> rules() {
    return List.of(RULE);
  }

  @Override
  public MethodVisitor begin(MethodInfo method) {
    return new MethodVisitor() {
      @Override
      public void call(CallEvent e) {
        String name = e.call().name();
        if (!name.startsWith("enableDefaultTyping") && !name.startsWith("activateDefaultTyping")
            && !name.equals("setDefaultTyping") || MAPPERS.stream().noneMatch(t -> e.is(t, name))) {
          return;
        }
        if (name.startsWith("enableDefaultTyping")) {
          e.reporter().report(RULE, e.tree(), "`" + name + "` lets JSON name any class to instantiate", null);
        } else if ((name.startsWith("activateDefaultTyping") || name.equals("setDefaultTyping")) && !e.argTrees().isEmpty()
            && permissive(e.argTrees().get(0))) {
          e.reporter().report(RULE, e.tree(), "`" + name + "` with a validator that allows every class", null);
        }
      }
    };
  }

  /** The validator Jackson ships that allows everything, also as the mapper's own default. */
  private static boolean permissive(ExpressionTree validator) {
    String text = validator.toString();
    return text.contains("LaissezFaireSubTypeValidator") || text.endsWith("getPolymorphicTypeValidator()");
  }

  @Override
  public void checkType(TypeInfo type, JavaProject project, Reporter reporter) {
    for (TypeInfo.FieldInfo f : type.fields().values()) {
      if (f.isStatic() || !OPEN_TYPES.contains(f.type())) {
        continue;
      }
      for (AnnotationTree a : f.declaration().getModifiers().getAnnotations()) {
        if (!a.getAnnotationType().toString().endsWith("JsonTypeInfo")) {
          continue;
        }
        for (ExpressionTree arg : a.getArguments()) {
          if (arg instanceof AssignmentTree as && as.getVariable().toString().equals("use")
              && (as.getExpression().toString().endsWith("CLASS"))) {
            reporter.report(RULE, f.declaration(), "Field `" + f.name() + "` of type " + f.type()
                + " is deserialized as whatever class the JSON names", null);
          }
        }
      }
    }
  }
}
