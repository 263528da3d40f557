package dev.shipgate.scanner.deps.extract;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import dev.shipgate.scanner.deps.Package.Scope;
import dev.shipgate.scanner.deps.Package.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code poetry.lock} (Poetry 1.x and 2.x). Dev packages are marked by {@code category = "dev"} (before 1.5)
 * or by {@code groups} without {@code main} (2.x); {@code [package.source]} names git, url, file and
 * directory sources. Direct dependencies are those the sibling {@code pyproject.toml} declares.
 */
public final class PoetryLockExtractor implements Extractor {

  @Override
  public String name() {
    return "pypi/poetry-lock";
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
    return Extractor.fileName(path).equals("poetry.lock");
  }

  @Override
  public List<Package> extract(SourceFile file, ExtractContext context) throws ExtractException {
    List<TomlTables.Table> tables = TomlTables.parse(Extractor.text(file));
    // Lockfile format 1.1 kept the hashes apart, in [metadata.files], keyed by package name.
    TomlTables.Table legacyFiles = tables.stream().filter(t -> t.header().equals("metadata.files")).findFirst().orElse(null);
    List<Package> out = new ArrayList<>();
    List<List<String>> requires = new ArrayList<>();
    Map<String, Scope> declared = PythonProject.declared(file.path(), context);
    for (int i = 0; i < tables.size(); i++) {
      TomlTables.Table t = tables.get(i);
      if (!(t.array() && t.header().equals("package"))) {
        continue;
      }
      if (t.string("name").isEmpty() || t.string("version").isEmpty()) {
        throw new ExtractException(t.line(), "[[package]] without name or version");
      }
      TomlTables.Table source = null;
      List<String> needs = new ArrayList<>();
      for (int j = i + 1; j < tables.size() && !tables.get(j).array(); j++) {
        if (tables.get(j).header().equals("package.source")) {
          source = tables.get(j);
        } else if (tables.get(j).header().equals("package.dependencies")) {
          tables.get(j).values().keySet().forEach(n -> needs.add(RequirementsExtractor.normalise(n)));
        }
      }
      requires.add(needs);
      Source kind = Source.REGISTRY;
      String resolved = "";
      if (source != null) {
        String type = source.string("type");
        kind = switch (type) {
          case "git" -> Source.GIT;
          case "url" -> Source.URL;
          case "file", "directory" -> Source.FILE;
          default -> Source.REGISTRY; // "legacy": a private index
        };
        resolved = source.string("url");
        if (kind == Source.GIT && !source.string("resolved_reference").isEmpty()) {
          resolved = resolved + "#" + source.string("resolved_reference");
        }
      }
      List<String> hashes = new ArrayList<>();
      TomlTables.Value files = t.values().get("files");
      if (files == null && legacyFiles != null) {
        files = legacyFiles.values().get(t.string("name"));
      }
      if (files != null) {
        for (String s : files.strings()) {
          if (s.matches("[a-z0-9]+:[0-9a-f]{32,}")) {
            hashes.add(s);
          }
        }
      }
      Scope scope = Scope.RUNTIME;
      TomlTables.Value groups = t.values().get("groups");
      if (t.string("category").equals("dev") || (groups != null && !groups.strings().contains("main"))) {
        scope = Scope.DEV;
      } else if (t.string("optional").equals("true")) {
        scope = Scope.OPTIONAL;
      }
      String key = RequirementsExtractor.normalise(t.string("name"));
      out.add(Package.builder(Ecosystem.PYPI, RequirementsExtractor.normalise(t.string("name")), file.path())
          .locked(t.string("version"))
          .scope(scope)
          .direct(declared.containsKey(key))
          .source(kind)
          .line(t.line())
          .resolved(resolved)
          .integrity(hashes.isEmpty() ? "" : hashes.get(0) + (hashes.size() > 1 ? " (+" + (hashes.size() - 1) + ")" : ""))
          .build());
    }
    // [package.dependencies] names what each package needs; the lockfile holds the version chosen for that name.
    return Edges.link(out, requires);
  }
}
