package dev.shipgate.scanner.java.taint;

import dev.shipgate.core.model.Rule;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.frontend.TypeInfo;
import java.util.List;

/**
 * A rule that is not a plain source-to-sink flow: it looks at declarations, or watches the engine's walk
 * of each method (calls with their abstract argument values, assignments, returns).
 */
public interface JavaCheck {

  List<Rule> rules();

  /** Declaration-level check, called once per repository type. */
  default void checkType(TypeInfo type, JavaProject project, Reporter reporter) {}

  /** A fresh visitor for one analysis of {@code method}, or null when the check does not look at bodies. */
  default MethodVisitor begin(MethodInfo method) {
    return null;
  }
}
