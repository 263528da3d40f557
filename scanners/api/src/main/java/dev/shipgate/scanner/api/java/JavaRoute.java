package dev.shipgate.scanner.api.java;

import dev.shipgate.scanner.api.model.Route;
import dev.shipgate.scanner.java.frontend.TypeInfo;
import java.util.List;

/**
 * A route read from Java code, with what its auth decision needs: the class that serves it (which may
 * inherit the handler from an interface or base class) and the annotations in force on class and method.
 */
public record JavaRoute(Route route, TypeInfo controller, List<Ann> classAnns, List<Ann> methodAnns, List<List<Ann>> paramAnns) {

  public JavaRoute {
    classAnns = List.copyOf(classAnns);
    methodAnns = List.copyOf(methodAnns);
    paramAnns = List.copyOf(paramAnns);
  }

  /** Annotations of the handler's parameter {@code i}, from the first declaration in the hierarchy that has any. */
  public List<Ann> paramAnns(int i) {
    return i < paramAnns.size() ? paramAnns.get(i) : List.of();
  }
}
