package dev.shipgate.scanner.deps.extract;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import dev.shipgate.scanner.deps.Package.Scope;
import dev.shipgate.scanner.deps.Package.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PDM's {@code pdm.lock}: {@code groups} without {@code default} are dev groups; {@code git}, {@code url} and
 * {@code path} keys name non-registry sources; hashes come from {@code files} (or, before lock format 4,
 * from {@code [metadata.files]} keyed by {@code "name version"}). The names of {@code dependencies} give the edges.
 */
public final class PdmLockExtractor implements Extractor {

  @Override
  public String name() {
    return "pypi/pdm-lock";
  }

  private static final Pattern REQUIREMENT_NAME = Pattern.compile("^\\s*[A-Za-z0-9][A-Za-z0-9._-]*");

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
    return Extractor.fileName(path).equals("pdm.lock");
  }

  @Override
  public List<Package> extract(SourceFile file, ExtractContext context) throws ExtractException {
    List<TomlTables.Table> tables = TomlTables.parse(Extractor.text(file));
    TomlTables.Table legacyFiles = tables.stream().filter(t -> t.header().equals("metadata.files")).findFirst().orElse(null);
    List<Package> out = new ArrayList<>();
    List<List<String>> needs = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    Map<String, Scope> declared = PythonProject.declared(file.path(), context);
    Set<String> extras = PythonProject.extras(file.path(), context);
    for (TomlTables.Table t : tables) {
      if (!(t.array() && t.header().equals("package"))) {
        continue;
      }
      String name = t.string("name");
      if (name.isEmpty()) {
        throw new ExtractException(t.line(), "[[package]] without name");
      }
      Source source = Source.REGISTRY;
      String resolved = "";
      if (!t.string("git").isEmpty()) {
        source = Source.GIT;
        resolved = t.string("git") + (t.string("revision").isEmpty() ? "" : "#" + t.string("revision"));
      } else if (!t.string("path").isEmpty()) {
        source = Source.FILE;
        resolved = t.string("path");
      } else if (!t.string("url").isEmpty()) {
        resolved = t.string("url");
        source = resolved.startsWith("file:") ? Source.FILE : Source.URL;
      }
      TomlTables.Value files = t.values().get("files");
      if (files == null && legacyFiles != null) {
        files = legacyFiles.values().get(name + " " + t.string("version"));
      }
      List<String> hashes = new ArrayList<>();
      if (files != null) {
        for (String s : files.strings()) {
          if (s.matches("[a-z0-9]+:[0-9a-f]{32,}")) {
            hashes.add(s);
          }
        }
      }
      // "dependencies" are PEP 508 requirements ("idna>=2.8", "pywin32; sys_platform == 'win32'"); the name is the
      // edge, the lockfile holds one version of it (several only for different markers, then all are linked).
      List<String> dependsOn = new ArrayList<>();
      TomlTables.Value deps = t.values().get("dependencies");
      if (deps != null) {
        for (String requirement : deps.strings()) {
          Matcher m = REQUIREMENT_NAME.matcher(requirement);
          if (m.find()) {
            dependsOn.add(RequirementsExtractor.normalise(m.group()));
          }
        }
      }
      // An entry with "extras" repeats its package (same name and version) with the extras' dependencies added.
      String id = RequirementsExtractor.normalise(name) + " " + t.string("version");
      Integer first = seen.get(id);
      if (first != null) {
        needs.get(first).addAll(dependsOn);
        continue;
      }
      seen.put(id, out.size());
      needs.add(dependsOn);
      TomlTables.Value groups = t.values().get("groups");
      Scope scope = Scope.RUNTIME;
      if (groups != null && !groups.strings().isEmpty() && !groups.strings().contains("default")) {
        // Groups named like an extra ([project.optional-dependencies]) ship with it; the others are dev groups.
        scope = groups.strings().stream().anyMatch(extras::contains) ? Scope.OPTIONAL : Scope.DEV;
      }
      String key = RequirementsExtractor.normalise(t.string("name"));
      out.add(Package.builder(Ecosystem.PYPI, RequirementsExtractor.normalise(name), file.path())
          .locked(t.string("version"))
          .scope(scope)
          .direct(declared.containsKey(key))
          .source(source)
          .line(t.line())
          .resolved(resolved)
          .integrity(hashes.isEmpty() ? "" : hashes.get(0) + (hashes.size() > 1 ? " (+" + (hashes.size() - 1) + ")" : ""))
          .build());
    }
    return Edges.link(out, needs);
  }
}
