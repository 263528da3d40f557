package dev.shipgate.scanner.docker.dockerfile;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * One build stage: its {@code FROM}, the instructions up to the next {@code FROM}, and what it is built on.
 *
 * @param index 0-based position among the stages
 * @param name the {@code AS} name in lower case, or null
 * @param from the {@code FROM} instruction
 * @param image the image word as written (may hold {@code $VARIABLES}); empty when FROM names none
 * @param imageIndex index of the image word in {@code from.operands()}, for edits in place
 * @param resolved the image with global {@code ARG} defaults substituted, or null when a variable has no value
 * @param parent the earlier stage this one is built on ({@code FROM builder}), or null for an image
 * @param body the instructions after {@code FROM}
 */
public record Stage(int index, String name, Instruction from, String image, int imageIndex, String resolved, Stage parent,
    List<Instruction> body) {

  /** True for {@code FROM scratch}, the empty image. */
  public boolean isScratch() {
    return parent == null && resolved != null && resolved.toLowerCase(Locale.ROOT).equals("scratch");
  }

  /** The image at the root of the chain of stages this one builds on, or null when it is not known. */
  public String rootImage() {
    Stage s = this;
    while (s.parent != null) {
      s = s.parent;
    }
    return s.resolved;
  }

  /**
   * Variable values in force just before {@code at} (or at the end of the stage when null): the parent
   * stages' {@code ENV}, then this stage's {@code ARG} defaults (a bare {@code ARG NAME} takes the global
   * default) and {@code ENV}. Values that depend on an unknown variable are left out.
   */
  public Map<String, String> variablesBefore(Instruction at, Map<String, String> globals) {
    Map<String, String> vars = parent == null ? new HashMap<>() : parent.environment(globals);
    walk(at, globals, vars, new HashMap<>());
    return vars;
  }

  /**
   * Visits the stage's instructions in order with the variables in force before each, computed in one
   * pass (rules that resolve variables on many instructions would otherwise redo the walk for each).
   */
  public void forEachWithVariables(Map<String, String> globals, BiConsumer<Instruction, Map<String, String>> visitor) {
    Map<String, String> vars = parent == null ? new HashMap<>() : parent.environment(globals);
    Map<String, String> view = Collections.unmodifiableMap(vars);
    for (Instruction i : body) {
      visitor.accept(i, view);
      assign(i, globals, vars, new HashMap<>());
    }
  }

  /** The {@code ENV} values the stage leaves in its image, which later stages built on it inherit. */
  private Map<String, String> environment(Map<String, String> globals) {
    Map<String, String> env = parent == null ? new HashMap<>() : parent.environment(globals);
    walk(null, globals, new HashMap<>(env), env);
    return env;
  }

  private void walk(Instruction at, Map<String, String> globals, Map<String, String> vars, Map<String, String> env) {
    for (Instruction i : body) {
      if (i == at) {
        return;
      }
      assign(i, globals, vars, env);
    }
  }

  /** Applies one instruction's ARG or ENV assignments to the variables (and, for ENV, the environment). */
  private static void assign(Instruction i, Map<String, String> globals, Map<String, String> vars, Map<String, String> env) {
    if (i.is("ARG") || i.is("ENV")) {
      for (Assignments.Assignment a : Assignments.of(i)) {
        Optional<String> v = a.value() == null
            ? Optional.ofNullable(i.is("ARG") ? globals.get(a.name()) : null)
            : Variables.expand(a.value(), vars, i.escape());
        if (v.isPresent()) {
          vars.put(a.name(), v.get());
        } else {
          vars.remove(a.name());
        }
        if (i.is("ENV")) {
          if (v.isPresent()) {
            env.put(a.name(), v.get());
          } else {
            env.remove(a.name());
          }
        }
      }
    }
  }
}
