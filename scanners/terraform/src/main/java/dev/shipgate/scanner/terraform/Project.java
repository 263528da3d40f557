package dev.shipgate.scanner.terraform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every module of one scan, for the few checks that look beyond a module (account-wide settings). */
public final class Project {

  private final List<Module> modules = new ArrayList<>();
  private final Map<String, List<Resource>> byTypes = new HashMap<>();
  private final Set<Integer> adminPorts;

  Project(Set<Integer> adminPorts) {
    this.adminPorts = Set.copyOf(adminPorts);
  }

  void add(Module m) {
    modules.add(m);
  }

  public List<Module> modules() {
    return modules;
  }

  /** Ports whose exposure to the internet is judged: the built-in list plus the policy's {@code admin_ports}. */
  public Set<Integer> adminPorts() {
    return adminPorts;
  }

  /** Every resource of these types in any module; computed once per list of types, after every module is added. */
  public List<Resource> resources(String... types) {
    return byTypes.computeIfAbsent(String.join(",", types), k -> {
      List<Resource> out = new ArrayList<>();
      for (Module m : modules) {
        out.addAll(m.resources(types));
      }
      return List.copyOf(out);
    });
  }
}
