package dev.shipgate.scanner.java.taint;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Fix;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.frontend.TypeInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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

  /**
   * Mechanical fixes for this check's findings (all of them at once, so findings on one line can share an
   * edit), computed after the analysis from the findings' locations and flows and the analysed sources.
   * {@code shipgate fix} proves each by scanning again, so a fix may be offered only where the text edit is
   * exactly the remedy; anything less certain gets none.
   */
  default Map<Finding, Fix> fixes(List<Finding> findings, Function<String, SourceFile> sources, JavaProject project) {
    return Map.of();
  }

  /**
   * Ids of the rules whose findings {@link #fixes} receives: this check's own, or, for a check that only
   * fixes, a taint rule's from the models.
   */
  default Set<String> fixedRules() {
    Set<String> ids = new HashSet<>();
    rules().forEach(r -> ids.add(r.id()));
    return ids;
  }
}
