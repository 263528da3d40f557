package dev.shipgate.scanner.deps.extract;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import dev.shipgate.scanner.deps.Package.Pin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradle version catalogs ({@code gradle/libs.versions.toml}, other {@code gradle/*.versions.toml}): every entry of
 * {@code [libraries]} in module ({@code "g:a:v"}, {@code module = "g:a"}) or group/name form, with a version given
 * inline, through {@code version.ref} into {@code [versions]}, or as a rich version ({@code strictly},
 * {@code require}, {@code prefer}); inline tables and dotted keys alike. An exact version is a pin, anything else
 * (ranges, {@code 1.+}, {@code prefer} alone) a range, no version none (a platform decides). Plugins and bundles
 * name no new artifacts and are not packages.
 */
public final class GradleCatalogExtractor implements Extractor {

  @Override
  public String name() {
    return "maven/gradle-catalog";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean accepts(String path) {
    String n = Extractor.fileName(path);
    return n.endsWith(".versions.toml") && (n.equals("libs.versions.toml") || Extractor.directory(path).endsWith("gradle/"));
  }

  @Override
  public String coverageNote() {
    return "version catalog: the libraries it declares (counted as direct), not which ones the build uses nor their "
        + "transitive dependencies (gradle.lockfile has those when dependency locking is on)";
  }

  @Override
  public List<Package> extract(SourceFile file, ExtractContext context) throws ExtractException {
    List<TomlTables.Table> tables = TomlTables.parse(Extractor.text(file));
    Map<String, TomlTables.Value> versionValues = new HashMap<>();
    // Entries of [libraries] by alias, with their keys flattened ("module", "version.ref", ...), in file order.
    Map<String, Map<String, String>> libraries = new LinkedHashMap<>();
    Map<String, Integer> lines = new HashMap<>();
    for (TomlTables.Table t : tables) {
      if (t.header().equals("versions")) {
        versionValues.putAll(t.values());
      } else if (t.header().equals("libraries")) {
        for (Map.Entry<String, TomlTables.Value> e : t.values().entrySet()) {
          int dot = e.getKey().indexOf('.');
          String alias = dot < 0 ? e.getKey() : e.getKey().substring(0, dot);
          Map<String, String> fields = libraries.computeIfAbsent(alias, k -> new LinkedHashMap<>());
          lines.putIfAbsent(alias, e.getValue().line());
          TomlTables.Value v = e.getValue();
          if (dot >= 0) {
            flatten(e.getKey().substring(dot + 1), v, fields);
          } else if (v.string()) {
            fields.put("", v.text()); // "group:artifact:version" notation
          } else {
            InlineTable.flatten("", v.text(), v.line(), fields);
          }
        }
      } else if (t.header().startsWith("libraries.")) {
        // [libraries.alias] written as a table of its own.
        String alias = t.header().substring("libraries.".length());
        Map<String, String> fields = libraries.computeIfAbsent(alias, k -> new LinkedHashMap<>());
        lines.putIfAbsent(alias, t.line());
        for (Map.Entry<String, TomlTables.Value> e : t.values().entrySet()) {
          flatten(e.getKey(), e.getValue(), fields);
        }
      }
    }
    List<Package> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, String>> lib : libraries.entrySet()) {
      out.add(library(file.path(), lib.getKey(), lib.getValue(), lines.get(lib.getKey()), versionValues));
    }
    return out;
  }

  private static void flatten(String key, TomlTables.Value v, Map<String, String> fields) throws ExtractException {
    if (v.string()) {
      fields.put(key, v.text());
    } else {
      InlineTable.flatten(key + ".", v.text(), v.line(), fields);
    }
  }

  private static Package library(String path, String alias, Map<String, String> f, int line, Map<String, TomlTables.Value> versions)
      throws ExtractException {
    String group;
    String artifact;
    String version = "";
    String coordinates = f.containsKey("") ? f.get("") : f.get("module");
    if (coordinates != null) {
      String[] parts = coordinates.split(":", -1);
      if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()) {
        throw new ExtractException(line, "library '" + alias + "': '" + coordinates + "' is not group:artifact[:version]");
      }
      group = parts[0].strip();
      artifact = parts[1].strip();
      version = parts.length == 3 ? parts[2].strip() : "";
    } else {
      group = f.getOrDefault("group", "");
      artifact = f.getOrDefault("name", "");
      if (group.isBlank() || artifact.isBlank()) {
        throw new ExtractException(line, "library '" + alias + "' names no module and no group and name");
      }
    }
    String[] rich = {f.get("version.strictly"), f.get("version.require"), f.get("version.prefer")};
    if (f.containsKey("version.ref")) {
      String ref = f.get("version.ref");
      TomlTables.Value v = versions.get(ref);
      if (v == null) {
        throw new ExtractException(line, "library '" + alias + "': version.ref '" + ref + "' is not in [versions]");
      }
      if (v.string()) {
        version = v.text();
      } else {
        Map<String, String> r = new HashMap<>();
        InlineTable.flatten("", v.text(), v.line(), r);
        rich = new String[] {r.get("strictly"), r.get("require"), r.get("prefer")};
      }
    } else if (f.containsKey("version")) {
      version = f.get("version");
    }
    Pin pin;
    if (rich[0] != null || rich[1] != null || rich[2] != null) {
      String hard = rich[0] != null ? rich[0] : rich[1];
      if (hard != null && exact(hard)) {
        version = hard;
        pin = Pin.PINNED;
      } else {
        version = hard != null ? hard : "prefer " + rich[2];
        pin = Pin.RANGE;
      }
    } else {
      pin = exact(version) ? Pin.PINNED : Pin.RANGE;
    }
    return Package.builder(Ecosystem.MAVEN, group + ":" + artifact, path)
        .version(version, pin)
        .direct(true)
        .line(line)
        .build();
  }

  /** A plain version, not a Gradle range ({@code [1,2)}), dynamic version ({@code 1.+}) or {@code latest.*}. */
  private static boolean exact(String v) {
    return !v.isBlank() && v.chars().noneMatch(c -> "[](),+ ".indexOf(c) >= 0) && !v.startsWith("latest.");
  }
}
