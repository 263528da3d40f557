package dev.shipgate.scanner.deps.extract;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import dev.shipgate.scanner.deps.Package.Scope;
import dev.shipgate.scanner.deps.Package.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * {@code Cargo.lock} (v1 to v4). Packages without {@code source} are the workspace's own crates and are not
 * reported; the crates they list in {@code dependencies} are the direct ones. Their scope comes from the crates'
 * {@code Cargo.toml} ({@link CargoManifests}): declared only as dev-dependencies = dev (then what only they reach is dev
 * too), only as optional = optional; a dev package that runtime packages also reach stays runtime.
 */
public final class CargoLockExtractor implements Extractor {

  @Override
  public String name() {
    return "cargo/cargo-lock";
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
    return Extractor.fileName(path).equals("Cargo.lock");
  }

  @Override
  public List<Package> extract(SourceFile file, ExtractContext context) throws ExtractException {
    List<TomlTables.Table> tables = TomlTables.parse(Extractor.text(file));
    Set<String> direct = new HashSet<>();
    Set<String> local = new HashSet<>();
    List<TomlTables.Table> packages = new ArrayList<>();
    for (TomlTables.Table t : tables) {
      if (t.array() && t.header().equals("package")) {
        if (t.string("name").isEmpty() || t.string("version").isEmpty()) {
          throw new ExtractException(t.line(), "[[package]] without name or version");
        }
        packages.add(t);
        if (!t.values().containsKey("source")) {
          local.add(t.string("name"));
        }
        if (!t.values().containsKey("source") && t.values().containsKey("dependencies")) {
          for (String dep : t.values().get("dependencies").strings()) {
            // "name" when one version is locked, "name version" when several are.
            String[] parts = dep.split(" ");
            direct.add(parts.length > 1 ? parts[0] + " " + parts[1] : parts[0]);
          }
        }
      }
    }
    Map<String, Scope> directScopes = directScopes(file.path(), packages, local, context);
    // Lockfile v1 kept checksums apart: [metadata] "checksum NAME VERSION (SOURCE)" = "HASH".
    java.util.Map<String, String> legacyChecksums = new java.util.HashMap<>();
    for (TomlTables.Table t : tables) {
      if (!t.array() && t.header().equals("metadata")) {
        t.values().forEach((k, v) -> {
          String[] parts = k.split(" ");
          if (parts.length >= 3 && parts[0].equals("checksum") && !v.text().equals("<none>")) {
            legacyChecksums.put(parts[1] + " " + parts[2], v.text());
          }
        });
      }
    }
    List<Package> out = new ArrayList<>();
    List<TomlTables.Table> locked = new ArrayList<>();
    for (TomlTables.Table t : packages) {
      String source = t.string("source");
      if (source.isEmpty()) {
        continue;
      }
      locked.add(t);
      Source kind = source.startsWith("git+") ? Source.GIT
          : source.startsWith("registry+") || source.startsWith("sparse+") ? Source.REGISTRY : Source.URL;
      out.add(Package.builder(Ecosystem.CRATES_IO, t.string("name"), file.path())
          .locked(t.string("version"))
          .direct(direct.contains(t.string("name")) || direct.contains(t.string("name") + " " + t.string("version")))
          .scope(directScopes.getOrDefault(t.string("name") + " " + t.string("version"), directScopes.getOrDefault(t.string("name"), Scope.RUNTIME)))
          .source(kind)
          .line(t.line())
          .resolved(source)
          .integrity(!t.string("checksum").isEmpty() ? t.string("checksum") : legacyChecksums.getOrDefault(t.string("name") + " " + t.string("version"), ""))
          .build());
    }
    // Each crate's dependencies: "name", "name version" when several versions are locked, then maybe " (source)".
    List<List<String>> needs = new ArrayList<>();
    for (TomlTables.Table t : locked) {
      TomlTables.Value deps = t.values().get("dependencies");
      needs.add(deps == null ? List.of() : deps.strings().stream().map(d -> d.replaceFirst(" \\(.*$", "")).toList());
    }
    List<Package> linked = Edges.link(out, needs);
    return directScopes.isEmpty() ? linked : Edges.devReachedAtRuntime(Edges.devOnlyAsDev(linked));
  }

  /**
   * The scope of each direct dependency ({@code name} or {@code name version}, as the local crates list them): the
   * widest over the local crates that list it, each as its {@code Cargo.toml} declares it (runtime when unknown).
   * Empty when no manifest was found.
   */
  private static Map<String, Scope> directScopes(String lockfile, List<TomlTables.Table> packages, Set<String> local, ExtractContext context) {
    Map<String, Map<String, Scope>> declared = CargoManifests.declared(lockfile, local, context);
    Map<String, Scope> out = new HashMap<>();
    if (declared.isEmpty()) {
      return out;
    }
    for (TomlTables.Table t : packages) {
      if (t.values().containsKey("source") || !t.values().containsKey("dependencies")) {
        continue;
      }
      Map<String, Scope> scopes = declared.getOrDefault(t.string("name"), Map.of());
      for (String dep : t.values().get("dependencies").strings()) {
        String[] parts = dep.split(" ");
        Scope s = scopes.getOrDefault(parts[0], Scope.RUNTIME);
        // A "name version" entry names one locked version; the name alone covers the crate's only version.
        out.merge(parts.length > 1 ? parts[0] + " " + parts[1] : parts[0], s, CargoManifests::wider);
      }
    }
    return out;
  }
}
