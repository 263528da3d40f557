package dev.shipgate.scanner.deps.extract;

import dev.shipgate.scanner.deps.Package;
import dev.shipgate.scanner.deps.Package.Scope;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Package-to-package edges of a lockfile's dependency graph, for the formats that record one. */
final class Edges {

  private Edges() {}

  /**
   * The packages, each with {@link Package#dependsOn} set to the packages of the same file that {@code needs} names
   * for it (same index): {@code "name"} links every locked version of that name, {@code "name version"} that version.
   * Names not locked in the file (a workspace member, an uninstalled optional dependency) give no edge.
   */
  static List<Package> link(List<Package> packages, List<? extends Iterable<String>> needs) {
    Map<String, List<Package>> byName = new HashMap<>();
    for (Package p : packages) {
      byName.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p);
    }
    List<Package> out = new ArrayList<>(packages.size());
    for (int i = 0; i < packages.size(); i++) {
      Set<String> targets = new TreeSet<>();
      for (String need : needs.get(i)) {
        int space = need.indexOf(' ');
        String name = space < 0 ? need : need.substring(0, space);
        for (Package target : byName.getOrDefault(name, List.of())) {
          if ((space < 0 || target.version().equals(need.substring(space + 1))) && target != packages.get(i) && !target.purl().isEmpty()) {
            targets.add(target.purl());
          }
        }
      }
      out.add(targets.isEmpty() ? packages.get(i) : packages.get(i).withDependencies(targets));
    }
    return out;
  }

  /**
   * For formats without a dev flag per package: a transitive package that the direct dev dependencies reach
   * through {@link Package#dependsOn} and no other direct dependency does becomes {@link Scope#DEV}. Packages
   * nothing reaches keep their scope.
   */
  static List<Package> devOnlyAsDev(List<Package> packages) {
    Map<String, List<String>> edges = new HashMap<>();
    List<String> runtimeRoots = new ArrayList<>();
    List<String> devRoots = new ArrayList<>();
    for (Package p : packages) {
      edges.computeIfAbsent(p.purl(), k -> new ArrayList<>()).addAll(p.dependsOn());
      if (p.direct()) {
        (p.scope() == Scope.DEV ? devRoots : runtimeRoots).add(p.purl());
      }
    }
    Set<String> runtime = reach(runtimeRoots, edges);
    Set<String> dev = reach(devRoots, edges);
    List<Package> out = new ArrayList<>(packages.size());
    for (Package p : packages) {
      boolean devOnly = !p.direct() && p.scope() != Scope.DEV && dev.contains(p.purl()) && !runtime.contains(p.purl());
      out.add(devOnly ? p.withScope(Scope.DEV) : p);
    }
    return out;
  }

  /**
   * A {@link Scope#DEV} package that a runtime (or optional) direct package reaches through {@link Package#dependsOn}
   * is built for runtime too, so it becomes {@link Scope#RUNTIME}.
   */
  static List<Package> devReachedAtRuntime(List<Package> packages) {
    Map<String, List<String>> edges = new HashMap<>();
    List<String> roots = new ArrayList<>();
    for (Package p : packages) {
      edges.computeIfAbsent(p.purl(), k -> new ArrayList<>()).addAll(p.dependsOn());
      if (p.direct() && p.scope() != Scope.DEV) {
        roots.add(p.purl());
      }
    }
    Set<String> runtime = reach(roots, edges);
    List<Package> out = new ArrayList<>(packages.size());
    for (Package p : packages) {
      out.add(p.scope() == Scope.DEV && runtime.contains(p.purl()) ? p.withScope(Scope.RUNTIME) : p);
    }
    return out;
  }

  private static Set<String> reach(List<String> roots, Map<String, List<String>> edges) {
    Set<String> seen = new HashSet<>(roots);
    Deque<String> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      for (String next : edges.getOrDefault(todo.pop(), List.of())) {
        if (seen.add(next)) {
          todo.push(next);
        }
      }
    }
    return seen;
  }
}
