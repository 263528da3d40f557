package dev.shipgate.scanner.java.frontend;

import com.sun.source.tree.Tree;

/** A call or constructor invocation in a method body, resolved; {@code line} is the line of the method name. */
public record CallSite(Tree tree, ResolvedCall call, int line) {}
