package dev.shipgate.scanner.deps.extract;

import dev.shipgate.scanner.deps.Package;
import java.util.ArrayList;
import java.util.HashMap;
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
}
