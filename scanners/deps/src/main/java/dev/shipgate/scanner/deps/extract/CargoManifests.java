package dev.shipgate.scanner.deps.extract;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Package.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the {@code Cargo.toml} files of a workspace declare, for the scope of {@code Cargo.lock}'s direct packages,
 * which the lockfile does not record: {@code [dependencies]}, {@code [build-dependencies]} (runtime: build scripts run
 * them) and {@code [dev-dependencies]}, also per target ({@code [target.'cfg(unix)'.dependencies]}), as keys, dotted
 * keys, inline tables or {@code [dependencies.name]} tables; renames ({@code package = "real-name"}) and workspace
 * inheritance ({@code name = { workspace = true }} or {@code name.workspace = true}, renamed in the root's
 * {@code [workspace.dependencies]}). {@code optional = true} makes a dependency optional.
 */
final class CargoManifests {

  private CargoManifests() {}

  /**
   * Per local crate of the lockfile (its {@code [package] name}), the scope of each package it declares, by the name
   * the lockfile uses. Manifests are the scanned {@code Cargo.toml} files in the lockfile's directory and below; an
   * unreadable one is a note, and its crate's dependencies keep the runtime scope.
   */
  static Map<String, Map<String, Scope>> declared(String lockfile, Set<String> localCrates, ExtractContext context) {
    String dir = Extractor.directory(lockfile);
    Map<String, SourceFile> manifests = new LinkedHashMap<>();
    context.find(dir + "Cargo.toml").ifPresent(f -> manifests.put(f.path(), f));
    for (SourceFile f : context.named("Cargo.toml")) {
      if (f.path().startsWith(dir)) {
        manifests.putIfAbsent(f.path(), f);
      }
    }
    Map<String, List<TomlTables.Table>> parsed = new LinkedHashMap<>();
    for (SourceFile f : manifests.values()) {
      try {
        parsed.put(f.path(), TomlTables.parse(Extractor.text(f)));
      } catch (ExtractException e) {
        context.note(f.path(), e.line(), "Cargo.toml unreadable, so the scope of the crates it declares in " + lockfile + " is unknown: "
            + e.getMessage());
      }
    }
    // The workspace root is the lockfile's sibling; its [workspace.dependencies] may rename what members inherit.
    Map<String, Map<String, String>> workspace = new HashMap<>();
    for (TomlTables.Table t : parsed.getOrDefault(dir + "Cargo.toml", List.of())) {
      List<String> h = segments(t.header());
      if (h.size() >= 2 && h.get(0).equals("workspace") && h.get(1).equals("dependencies")) {
        entries(dir + "Cargo.toml", t, h.subList(2, h.size()), workspace, context);
      }
    }
    Map<String, Map<String, Scope>> out = new HashMap<>();
    for (Map.Entry<String, List<TomlTables.Table>> m : parsed.entrySet()) {
      String crate = "";
      Map<String, Scope> scopes = new HashMap<>();
      for (TomlTables.Table t : m.getValue()) {
        List<String> h = segments(t.header());
        if (h.equals(List.of("package"))) {
          crate = t.string("name");
          continue;
        }
        int kind = h.size() >= 3 && h.get(0).equals("target") ? 2 : 0;
        Scope scope = h.size() > kind ? scopeOf(h.get(kind)) : null;
        if (scope == null) {
          continue;
        }
        Map<String, Map<String, String>> deps = new LinkedHashMap<>();
        entries(m.getKey(), t, h.subList(kind + 1, h.size()), deps, context);
        for (Map.Entry<String, Map<String, String>> d : deps.entrySet()) {
          Map<String, String> fields = d.getValue();
          String name = d.getKey();
          if (fields.getOrDefault("workspace", "").equals("true")) {
            name = workspace.getOrDefault(name, Map.of()).getOrDefault("package", name);
          }
          name = fields.getOrDefault("package", name);
          Scope s = scope == Scope.RUNTIME && fields.getOrDefault("optional", "").equals("true") ? Scope.OPTIONAL : scope;
          scopes.merge(name, s, CargoManifests::wider);
        }
      }
      if (localCrates.contains(crate)) {
        out.merge(crate, scopes, (a, b) -> {
          Map<String, Scope> merged = new HashMap<>(a);
          b.forEach((k, v) -> merged.merge(k, v, CargoManifests::wider));
          return merged;
        });
      }
    }
    return out;
  }

  /** The scope a crate keeps when two declarations differ: runtime over optional over dev. */
  static Scope wider(Scope a, Scope b) {
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(Scope s) {
    return switch (s) {
      case RUNTIME -> 3;
      case OPTIONAL -> 2;
      default -> 1;
    };
  }

  private static Scope scopeOf(String table) {
    return switch (table) {
      case "dependencies", "build-dependencies", "build_dependencies" -> Scope.RUNTIME;
      case "dev-dependencies", "dev_dependencies" -> Scope.DEV;
      default -> null;
    };
  }

  /**
   * The dependencies of one table: keys of {@code [dependencies]} ({@code rest} empty), each with its fields, or the
   * fields of {@code [dependencies.name]} ({@code rest} = the name).
   */
  private static void entries(String path, TomlTables.Table t, List<String> rest, Map<String, Map<String, String>> out, ExtractContext context) {
    try {
      if (rest.size() == 1) {
        Map<String, String> fields = out.computeIfAbsent(rest.get(0), k -> new HashMap<>());
        for (Map.Entry<String, TomlTables.Value> e : t.values().entrySet()) {
          field(e.getKey(), e.getValue(), fields);
        }
        return;
      }
      if (!rest.isEmpty()) {
        return;
      }
      for (Map.Entry<String, TomlTables.Value> e : t.values().entrySet()) {
        List<String> key = segments(e.getKey());
        Map<String, String> fields = out.computeIfAbsent(key.get(0), k -> new HashMap<>());
        if (key.size() > 1) {
          field(String.join(".", key.subList(1, key.size())), e.getValue(), fields); // serde.workspace = true
        } else if (e.getValue().string()) {
          fields.put("version", e.getValue().text()); // serde = "1"
        } else {
          InlineTable.flatten("", e.getValue().text(), e.getValue().line(), fields);
        }
      }
    } catch (ExtractException e) {
      context.note(path, e.line(), "[" + t.header() + "] unreadable, so the scope of what it declares is unknown: " + e.getMessage());
    }
  }

  private static void field(String key, TomlTables.Value v, Map<String, String> fields) throws ExtractException {
    if (v.string() || !v.text().startsWith("{")) {
      fields.put(key, v.text());
    } else {
      InlineTable.flatten(key + ".", v.text(), v.line(), fields);
    }
  }

  /** A header or dotted key split on dots outside quotes, quotes removed: {@code target.'cfg(unix)'.dependencies}. */
  static List<String> segments(String dotted) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < dotted.length(); i++) {
      char c = dotted.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          cur.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '.') {
        out.add(cur.toString().strip());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString().strip());
    return out;
  }
}
