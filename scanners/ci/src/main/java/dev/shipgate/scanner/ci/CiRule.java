package dev.shipgate.scanner.ci;

import dev.shipgate.core.model.Rule;

/**
 * One check of the ci family. Implementations are small final classes with their metadata in a
 * {@code static final Rule RULE}; they are registered in {@link CiRules#ALL}.
 */
public interface CiRule {

  Rule rule();

  /** Judges one document of a pipeline file; a rule for another platform returns at once. */
  void check(CiFile file, Findings out);
}
