package dev.shipgate.scanner.api.openapi;

import dev.shipgate.scanner.api.Inventory;
import dev.shipgate.scanner.api.model.Param;
import dev.shipgate.scanner.api.model.Paths;
import dev.shipgate.scanner.api.model.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the routes in code with the documented operations. Paths match when their templates agree
 * with variable names ignored, trailing slashes ignored, and either both relative or both prefixed (the
 * code with its context path, the document with a server base path).
 */
public final class Drift {

  public enum Kind { UNDOCUMENTED, STALE, METHOD_MISMATCH, PARAMETER_MISMATCH, SECURITY_NOT_ENFORCED }

  /** One difference; {@code entry} is null for stale operations, {@code operation} null for undocumented routes. */
  public record Item(Kind kind, Inventory.Entry entry, OpenApiDocument.Operation operation, String message) {}

  private Drift() {}

  public static List<Item> compare(List<Inventory.Entry> entries, List<OpenApiDocument> docs, String contextPath) {
    List<Item> out = new ArrayList<>();
    Map<String, List<OpenApiDocument.Operation>> opsByKey = new HashMap<>();
    // Identity maps: operations are records over parameter lists, costly to hash again and again.
    Map<OpenApiDocument.Operation, Set<String>> opKeys = new java.util.IdentityHashMap<>();
    for (OpenApiDocument d : docs) {
      for (OpenApiDocument.Operation op : d.operations()) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(Paths.key(op.path()));
        for (String base : d.basePaths()) {
          keys.add(Paths.key(Paths.join(base, op.path())));
        }
        opKeys.put(op, keys);
        for (String k : keys) {
          opsByKey.computeIfAbsent(k, x -> new ArrayList<>()).add(op);
        }
      }
    }
    Set<OpenApiDocument.Operation> matched = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    Set<String> pathsWithUndocumentedMethods = new java.util.HashSet<>();
    for (Inventory.Entry e : entries) {
      Route r = e.route();
      List<OpenApiDocument.Operation> atPath = new ArrayList<>();
      for (String k : codeKeys(r, contextPath)) {
        for (OpenApiDocument.Operation op : opsByKey.getOrDefault(k, List.of())) {
          if (atPath.stream().noneMatch(x -> x == op)) {
            atPath.add(op);
          }
        }
      }
      if (atPath.isEmpty()) {
        out.add(new Item(Kind.UNDOCUMENTED, e, null, r.method() + " " + r.path() + " (" + r.handler()
            + ") is served but not in the OpenAPI document"));
        continue;
      }
      List<OpenApiDocument.Operation> same = new ArrayList<>();
      for (OpenApiDocument.Operation op : atPath) {
        if (r.anyMethod() || op.method().equals(r.method())) {
          same.add(op);
        }
      }
      if (same.isEmpty()) {
        Set<String> documented = new TreeSet<>();
        atPath.forEach(op -> documented.add(op.method()));
        pathsWithUndocumentedMethods.addAll(opKeys.get(atPath.iterator().next()));
        out.add(new Item(Kind.METHOD_MISMATCH, e, atPath.iterator().next(), r.method() + " " + r.path()
            + " is served, but the OpenAPI document lists only " + String.join(", ", documented) + " for this path"));
        continue;
      }
      matched.addAll(same);
      for (OpenApiDocument.Operation op : same) {
        String params = parameterDifference(r, op);
        if (params != null) {
          out.add(new Item(Kind.PARAMETER_MISMATCH, e, op, r.method() + " " + r.path() + ": " + params));
        }
        if (op.security() == OpenApiDocument.Security.REQUIRED && e.decision().access().open()) {
          out.add(new Item(Kind.SECURITY_NOT_ENFORCED, e, op, op.method() + " " + op.path() + " is documented with a security requirement ("
              + op.file() + ":" + op.line() + "), but the code lets anyone call it: " + e.decision().reason()));
        }
      }
    }
    for (OpenApiDocument d : docs) {
      for (OpenApiDocument.Operation op : d.operations()) {
        boolean mismatchReported = opKeys.get(op).stream().anyMatch(pathsWithUndocumentedMethods::contains);
        if (!matched.contains(op) && !mismatchReported) {
          out.add(new Item(Kind.STALE, null, op, op.method() + " " + op.path() + " is documented but no handler serves it"));
        }
      }
    }
    return out;
  }

  private static Set<String> codeKeys(Route r, String contextPath) {
    Set<String> keys = new LinkedHashSet<>();
    keys.add(Paths.key(r.path()));
    if (!contextPath.isEmpty()) {
      keys.add(Paths.key(Paths.join(contextPath, r.path())));
    }
    return keys;
  }

  /** Query parameters the handler requires but the document omits, or that the document requires but the handler does not bind. */
  private static String parameterDifference(Route r, OpenApiDocument.Operation op) {
    if (r.handlerMethod() == null) {
      return null; // script routes: query parameters are not read
    }
    Map<String, Param> code = new HashMap<>();
    r.params().stream().filter(p -> p.in().equals("query")).forEach(p -> code.put(p.name(), p));
    Map<String, Param> doc = new HashMap<>();
    op.params().stream().filter(p -> p.in().equals("query")).forEach(p -> doc.put(p.name(), p));
    List<String> problems = new ArrayList<>();
    for (Param p : code.values()) {
      if (!doc.containsKey(p.name())) {
        problems.add("query parameter '" + p.name() + "'" + (p.required() ? " (required)" : "") + " is not documented");
      } else if (p.required() && !doc.get(p.name()).required()) {
        problems.add("query parameter '" + p.name() + "' is required by the handler but documented as optional");
      }
    }
    if (!code.isEmpty()) {
      for (Param p : doc.values()) {
        if (p.required() && !code.containsKey(p.name())) {
          problems.add("documented required query parameter '" + p.name() + "' is not read by the handler");
        }
      }
    }
    List<String> codePath = Paths.variables(r.path());
    long docPathParams = op.params().stream().filter(p -> p.in().equals("path")).count();
    if (docPathParams > 0 && docPathParams != codePath.size()) {
      problems.add("the document declares " + docPathParams + " path parameters, the route has " + codePath.size());
    }
    problems.sort(null);
    return problems.isEmpty() ? null : String.join("; ", problems);
  }
}
