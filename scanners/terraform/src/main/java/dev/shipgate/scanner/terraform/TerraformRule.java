package dev.shipgate.scanner.terraform;

import dev.shipgate.core.model.Rule;

/**
 * One check of the terraform family. Implementations are small final classes with their metadata in a
 * {@code public static final Rule RULE}; they are registered in {@link TerraformRules#ALL}.
 */
public interface TerraformRule {

  Rule rule();

  /** Judges one module; cross-resource checks see all its files. */
  void check(Module module, Report out);
}
