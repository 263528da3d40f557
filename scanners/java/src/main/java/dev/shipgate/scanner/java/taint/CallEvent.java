package dev.shipgate.scanner.java.taint;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.ResolvedCall;
import dev.shipgate.scanner.java.frontend.TypeInfo;
import java.util.List;
import java.util.function.Function;

/**
 * A method or constructor call seen by the engine with the abstract values of its receiver and arguments.
 *
 * @param receiverVariable the local or {@code this.field} the receiver was read from, or null
 * @param fieldConstants what the engine knows a field of the analysed class holds whatever the walk assigned: its
 *     constant, or for {@code @Value("${key}")} the configured text; null when unknown
 */
public record CallEvent(Tree tree, ResolvedCall call, Value receiver, String receiverVariable, List<Value> args,
    List<? extends ExpressionTree> argTrees, JavaProject project, Reporter reporter,
    Function<TypeInfo.FieldInfo, Object> fieldConstants) {

  public boolean is(String type, String method) {
    return call.name().equals(method) && call.declaringType() != null && project.isSubtype(call.declaringType(), type);
  }

  /** The constant of argument {@code i}, or null. */
  public Object constantArg(int i) {
    return i < args.size() ? args.get(i).constant() : null;
  }
}
