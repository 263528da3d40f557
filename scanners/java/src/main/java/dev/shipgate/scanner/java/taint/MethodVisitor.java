package dev.shipgate.scanner.java.taint;

import com.sun.source.tree.Tree;

/** Events of one method analysis, in evaluation order; branches are walked one after the other. */
public interface MethodVisitor {

  default void call(CallEvent event) {}

  /** A local, field ({@code this.name}) or array element was assigned. */
  default void assign(String variable, Value value, Tree at, Reporter reporter) {}

  default void returns(Value value, Tree at, Reporter reporter) {}
}
