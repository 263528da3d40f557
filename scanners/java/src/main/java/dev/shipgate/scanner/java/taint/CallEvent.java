package dev.shipgate.scanner.java.taint;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.ResolvedCall;
import java.util.List;

/**
 * A method or constructor call seen by the engine with the abstract values of its receiver and arguments.
 *
 * @param receiverVariable the local or {@code this.field} the receiver was read from, or null
 */
public record CallEvent(Tree tree, ResolvedCall call, Value receiver, String receiverVariable, List<Value> args,
    List<? extends ExpressionTree> argTrees, JavaProject project, Reporter reporter) {

  public boolean is(String type, String method) {
    return call.name().equals(method) && call.declaringType() != null && project.isSubtype(call.declaringType(), type);
  }

  /** The constant of argument {@code i}, or null. */
  public Object constantArg(int i) {
    return i < args.size() ? args.get(i).constant() : null;
  }
}
