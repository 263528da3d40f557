package dev.shipgate.scanner.deps.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * NuGet's {@code packages.lock.json}: per target framework, packages of type {@code Direct}, {@code Transitive}
 * or {@code CentralTransitive} with their {@code resolved} version and {@code contentHash}; {@code Project}
 * entries are the solution's own projects. A package locked for several frameworks at one version is reported once,
 * direct when any framework says so, with the union of its frameworks' {@code dependencies} as edges.
 */
public final class NuGetLockExtractor implements Extractor {

  @Override
  public String name() {
    return "nuget/packages-lock";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean recordsIntegrity() {
    return true;
  }

  @Override
  public boolean accepts(String path) {
    return Extractor.fileName(path).equals("packages.lock.json") && !path.contains("node_modules/");
  }

  @Override
  public List<Package> extract(SourceFile file, ExtractContext context) throws ExtractException {
    LocatedJson json = LocatedJson.parse(Extractor.text(file));
    JsonNode root = json.rootObject("packages.lock.json");
    JsonNode frameworks = root.get("dependencies");
    List<Package> out = new ArrayList<>();
    if (frameworks == null || frameworks.isNull()) {
      return out;
    }
    if (!frameworks.isObject()) {
      throw new ExtractException(json.line(frameworks), "'dependencies' must be an object of target frameworks");
    }
    // One package per id and version across target frameworks; its dependencies are the union of each framework's,
    // each resolved to the version locked in that framework.
    Map<String, Integer> index = new HashMap<>();
    List<Set<String>> needs = new ArrayList<>();
    for (JsonNode framework : frameworks) {
      if (!framework.isObject()) {
        throw new ExtractException(json.line(frameworks), "each target framework must be an object of packages");
      }
      Map<String, String> lockedHere = new HashMap<>(); // id (lower case, as NuGet ids are) -> version; no Project entries
      framework.properties().forEach(e -> {
        if (!LocatedJson.text(e.getValue(), "type").equals("Project")) {
          lockedHere.put(e.getKey().toLowerCase(Locale.ROOT), LocatedJson.text(e.getValue(), "resolved"));
        }
      });
      for (Iterator<Map.Entry<String, JsonNode>> it = framework.properties().iterator(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode entry = e.getValue();
        String type = LocatedJson.text(entry, "type");
        if (type.equals("Project")) {
          continue;
        }
        String version = LocatedJson.text(entry, "resolved");
        if (version.isEmpty()) {
          throw new ExtractException(json.line(entry), "package '" + e.getKey() + "' has no resolved version");
        }
        String name = e.getKey();
        Integer at = index.get(key(name, version));
        if (at == null) {
          at = out.size();
          index.put(key(name, version), at);
          out.add(Package.builder(Ecosystem.NUGET, name, file.path())
              .locked(version)
              .direct(type.equals("Direct"))
              .line(json.line(entry))
              .integrity(LocatedJson.text(entry, "contentHash"))
              .build());
          needs.add(new TreeSet<>());
        } else if (type.equals("Direct") && !out.get(at).direct()) {
          // Direct in this framework, transitive in an earlier one: a direct dependency of the project.
          Package p = out.get(at);
          out.set(at, Package.builder(Ecosystem.NUGET, p.name(), file.path()).locked(version).direct(true).line(p.line())
              .integrity(p.integrity()).build());
        }
        JsonNode deps = entry.get("dependencies");
        if (deps != null && deps.isObject()) {
          for (Iterator<String> names = deps.fieldNames(); names.hasNext();) {
            String dep = names.next();
            String locked = lockedHere.getOrDefault(dep.toLowerCase(Locale.ROOT), "");
            if (!locked.isEmpty()) {
              needs.get(at).add(dep + " " + locked);
            }
          }
        }
      }
    }
    // Edges name the id as the framework spells it; link by the spelling of the package kept for that id and version.
    List<Set<String>> spelled = new ArrayList<>();
    for (Set<String> n : needs) {
      Set<String> s = new TreeSet<>();
      for (String need : n) {
        int space = need.indexOf(' ');
        Integer target = index.get(key(need.substring(0, space), need.substring(space + 1)));
        if (target != null) {
          s.add(out.get(target).name() + " " + out.get(target).version());
        }
      }
      spelled.add(s);
    }
    return Edges.link(out, spelled);
  }

  private static String key(String id, String version) {
    return id.toLowerCase(Locale.ROOT) + "@" + version;
  }
}
