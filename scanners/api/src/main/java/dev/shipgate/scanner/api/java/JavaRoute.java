package dev.shipgate.scanner.api.java;

import dev.shipgate.scanner.api.model.Route;
import dev.shipgate.scanner.java.frontend.TypeInfo;
import java.util.List;

/**
 * A route read from Java code, with what its auth decision needs: the class that serves it (which may
 * inherit the handler from an interface or base class) and the annotations in force on class and method.
 */
public record JavaRoute(Route route, TypeInfo controller, List<Ann> classAnns, List<Ann> methodAnns) {

  public JavaRoute {
    classAnns = List.copyOf(classAnns);
    methodAnns = List.copyOf(methodAnns);
  }
}
