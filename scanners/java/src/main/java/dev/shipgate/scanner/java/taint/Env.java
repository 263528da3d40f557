package dev.shipgate.scanner.java.taint;

import java.util.HashMap;
import java.util.Map;

/** Variable values at one program point; {@code dead} after return, throw, break or continue. */
final class Env {

  final HashMap<String, Value> vars;
  boolean dead;

  Env() {
    this(new HashMap<>(), false);
  }

  private Env(HashMap<String, Value> vars, boolean dead) {
    this.vars = vars;
    this.dead = dead;
  }

  static Env deadEnv() {
    return new Env(new HashMap<>(), true);
  }

  Env copy() {
    return new Env(new HashMap<>(vars), dead);
  }

  /** Join of two program points; a dead side contributes nothing. */
  static Env join(Env a, Env b) {
    if (a == null || a.dead) {
      return b == null ? deadEnv() : b;
    }
    if (b == null || b.dead) {
      return a;
    }
    HashMap<String, Value> out = new HashMap<>(a.vars);
    for (Map.Entry<String, Value> e : b.vars.entrySet()) {
      Value mine = out.get(e.getKey());
      // A variable assigned on one side only was unknown on the other: its constant is lost, its taint kept.
      out.put(e.getKey(), mine == null ? e.getValue().withConstant(null) : Value.join(mine, e.getValue()));
    }
    for (Map.Entry<String, Value> e : a.vars.entrySet()) {
      if (!b.vars.containsKey(e.getKey())) {
        out.put(e.getKey(), e.getValue().withConstant(null));
      }
    }
    return new Env(out, false);
  }

  boolean sameAs(Env o) {
    if (dead != o.dead || vars.size() != o.vars.size()) {
      return false;
    }
    for (Map.Entry<String, Value> e : vars.entrySet()) {
      Value other = o.vars.get(e.getKey());
      if (other == null || !e.getValue().sameAs(other)) {
        return false;
      }
    }
    return true;
  }
}
