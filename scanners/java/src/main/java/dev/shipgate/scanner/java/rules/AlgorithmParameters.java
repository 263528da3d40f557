package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.taint.CallEvent;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.BiConsumer;

/**
 * Methods that hand one of their parameters, unchanged, to an algorithm lookup ({@code hash(String alg)} calling
 * {@code MessageDigest.getInstance(alg)}), directly or through other such methods, so that a caller passing a
 * constant name is judged by that name. Callees are analysed before their callers, so a method is known by the time
 * its calls are seen. Keys are weak: the check instance outlives one scan.
 */
final class AlgorithmParameters {

  private final Map<MethodInfo, Integer> byMethod = Collections.synchronizedMap(new WeakHashMap<>());

  /** Records that {@code method} passes its parameter to the lookup when {@code argument} is that parameter's name. */
  void record(MethodInfo method, ExpressionTree argument) {
    if (argument instanceof IdentifierTree id) {
      int i = method.paramNames().indexOf(id.getName().toString());
      if (i >= 0 && !method.isImplicit()) {
        byMethod.put(method, i);
      }
    }
  }

  /**
   * For a call in {@code caller} to a recorded method with a constant String at that parameter: the constant and
   * the callee; when the argument is instead one of the caller's parameters, the caller is recorded in turn.
   */
  void passed(CallEvent e, MethodInfo caller, BiConsumer<String, MethodInfo> onConstant) {
    if (byMethod.isEmpty()) {
      return;
    }
    for (MethodInfo target : e.call().targets()) {
      Integer i = byMethod.get(target);
      if (i == null || i >= e.argTrees().size()) {
        continue;
      }
      if (e.constantArg(i) instanceof String name) {
        onConstant.accept(name, target);
      } else {
        record(caller, e.argTrees().get(i));
      }
      return;
    }
  }
}
