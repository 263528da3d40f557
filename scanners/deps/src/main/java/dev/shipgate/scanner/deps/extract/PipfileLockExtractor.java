package dev.shipgate.scanner.deps.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import dev.shipgate.scanner.deps.Package.Scope;
import dev.shipgate.scanner.deps.Package.Source;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Pipenv's {@code Pipfile.lock}: {@code default} and {@code develop} sections; {@code version} is
 * {@code ==X}; {@code git}, {@code path} and {@code file} entries are non-registry sources. Direct dependencies
 * are those the sibling {@code Pipfile} lists.
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
    read(file.path(), json, root.get("default"), Scope.RUNTIME, declared, out);
    read(file.path(), json, root.get("develop"), Scope.DEV, declared, out);
    return out;
  }

  private static void read(String path, LocatedJson json, JsonNode section, Scope scope, Map<String, Scope> declared, List<Package> out)
      throws ExtractException {
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
      Source source = Source.REGISTRY;
      String resolved = "";
      if (entry.has("git")) {
        source = Source.GIT;
        resolved = LocatedJson.text(entry, "git") + (entry.has("ref") ? "#" + LocatedJson.text(entry, "ref") : "");
      } else if (entry.has("path")) {
        source = Source.FILE;
        resolved = LocatedJson.text(entry, "path");
      } else if (entry.has("file")) {
        resolved = LocatedJson.text(entry, "file");
        source = resolved.startsWith("file:") ? Source.FILE : Source.URL;
      }
      List<String> hashes = new ArrayList<>();
      if (entry.get("hashes") != null) {
        entry.get("hashes").forEach(h -> hashes.add(h.asText()));
      }
      out.add(Package.builder(Ecosystem.PYPI, RequirementsExtractor.normalise(e.getKey()), path)
          .locked(version)
          .direct(declared.containsKey(RequirementsExtractor.normalise(e.getKey())))
          .scope(scope)
          .source(source)
          .line(json.line(entry))
          .resolved(resolved)
          .integrity(hashes.isEmpty() ? "" : hashes.get(0) + (hashes.size() > 1 ? " (+" + (hashes.size() - 1) + ")" : ""))
          .build());
    }
  }
}
