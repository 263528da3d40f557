package dev.shipgate.scanner.deps.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import dev.shipgate.scanner.deps.Package.Scope;
import dev.shipgate.scanner.deps.Package.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Pipenv's {@code Pipfile.lock}: {@code default} and {@code develop} sections; {@code version} is
 * {@code ==X}; {@code git}, {@code path} and {@code file} entries are non-registry sources; a registry entry's
 * {@code index} names one of {@code _meta.sources}, whose URL is the resolved URL (so the registry allow-list judges
 * private indexes). A package locked in both sections is one runtime package. Direct dependencies are those the
 * sibling {@code Pipfile} lists.
 */
public final class PipfileLockExtractor implements Extractor {

  @Override
  public String name() {
    return "pypi/pipfile-lock";
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
    return Extractor.fileName(path).equals("Pipfile.lock");
  }

  @Override
  public List<Package> extract(SourceFile file, ExtractContext context) throws ExtractException {
    LocatedJson json = LocatedJson.parse(Extractor.text(file));
    JsonNode root = json.rootObject("Pipfile.lock");
    List<Package> out = new ArrayList<>();
    Map<String, Scope> declared = PythonProject.declared(file.path(), context);
    Map<String, String> indexes = new HashMap<>();
    JsonNode sources = root.path("_meta").path("sources");
    for (JsonNode source : sources.isArray() ? sources : List.<JsonNode>of()) {
      indexes.put(LocatedJson.text(source, "name"), LocatedJson.text(source, "url"));
    }
    read(file.path(), json, root.get("default"), Scope.RUNTIME, declared, indexes, out);
    read(file.path(), json, root.get("develop"), Scope.DEV, declared, indexes, out);
    return out;
  }

  private static void read(String path, LocatedJson json, JsonNode section, Scope scope, Map<String, Scope> declared,
      Map<String, String> indexes, List<Package> out) throws ExtractException {
    if (section == null || section.isNull()) {
      return;
    }
    if (!section.isObject()) {
      throw new ExtractException(json.line(section), "section must be an object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = section.properties().iterator(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode entry = e.getValue();
      if (!entry.isObject()) {
        throw new ExtractException(json.line(section), "package '" + e.getKey() + "' must be an object");
      }
      String version = LocatedJson.text(entry, "version");
      if (version.startsWith("==")) {
        version = version.substring(2);
      }
      String name = RequirementsExtractor.normalise(e.getKey());
      String locked = version;
      if (scope == Scope.DEV && out.stream().anyMatch(p -> p.name().equals(name) && p.version().equals(locked))) {
        continue; // also in "default": installed either way
      }
      Source source = Source.REGISTRY;
      String resolved = indexes.getOrDefault(LocatedJson.text(entry, "index"), "");
      if (entry.has("git")) {
        source = Source.GIT;
        resolved = LocatedJson.text(entry, "git") + (entry.has("ref") ? "#" + LocatedJson.text(entry, "ref") : "");
      } else if (entry.has("path")) {
        source = Source.FILE;
        resolved = LocatedJson.text(entry, "path");
        if (Sources.isProjectItself(resolved)) {
          continue; // "-e ." in the Pipfile: the project itself
        }
      } else if (entry.has("file")) {
        resolved = LocatedJson.text(entry, "file");
        source = resolved.startsWith("file:") ? Source.FILE : Source.URL;
      }
      List<String> hashes = new ArrayList<>();
      if (entry.get("hashes") != null) {
        entry.get("hashes").forEach(h -> hashes.add(h.asText()));
      }
      out.add(Package.builder(Ecosystem.PYPI, name, path)
          .locked(version)
          .direct(declared.containsKey(name))
          .scope(scope)
          .source(source)
          .line(json.line(entry))
          .resolved(resolved)
          .integrity(hashes.isEmpty() ? "" : hashes.get(0) + (hashes.size() > 1 ? " (+" + (hashes.size() - 1) + ")" : ""))
          .build());
    }
  }
}
