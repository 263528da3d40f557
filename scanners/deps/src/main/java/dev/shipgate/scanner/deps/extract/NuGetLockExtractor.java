package dev.shipgate.scanner.deps.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * NuGet's {@code packages.lock.json}: per target framework, packages of type {@code Direct}, {@code Transitive}
 * or {@code CentralTransitive} with their {@code resolved} version and {@code contentHash}; {@code Project}
 * entries are the solution's own projects. A package locked for several frameworks at one version is reported once.
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
    Set<String> seen = new HashSet<>();
    for (JsonNode framework : frameworks) {
      if (!framework.isObject()) {
        throw new ExtractException(json.line(frameworks), "each target framework must be an object of packages");
      }
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
        if (!seen.add(name.toLowerCase(Locale.ROOT) + "@" + version)) {
          continue;
        }
        out.add(Package.builder(Ecosystem.NUGET, name, file.path())
            .locked(version)
            .direct(type.equals("Direct"))
            .line(json.line(entry))
            .integrity(LocatedJson.text(entry, "contentHash"))
            .build());
      }
    }
    return out;
  }
}
