package dev.shipgate.scanner.deps.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import dev.shipgate.scanner.deps.Package.Scope;
import dev.shipgate.scanner.deps.Package.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code composer.lock}: {@code packages} and {@code packages-dev}. Composer records a git {@code source}
 * for nearly every package, so the source kind comes from {@code dist}: a {@code path} dist is a local
 * folder; a package with only a VCS source and no dist is fetched from git. {@code require} gives the edges.
 */
public final class ComposerLockExtractor implements Extractor {

  @Override
  public String name() {
    return "packagist/composer-lock";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean accepts(String path) {
    return Extractor.fileName(path).equals("composer.lock") && !path.contains("vendor/");
  }

  @Override
  public List<Package> extract(SourceFile file, ExtractContext context) throws ExtractException {
    LocatedJson json = LocatedJson.parse(Extractor.text(file));
    JsonNode root = json.rootObject("composer.lock");
    Set<String> direct = declared(file.path(), context);
    List<Package> out = new ArrayList<>();
    List<List<String>> needs = new ArrayList<>();
    read(file.path(), json, root.get("packages"), Scope.RUNTIME, direct, out, needs);
    read(file.path(), json, root.get("packages-dev"), Scope.DEV, direct, out, needs);
    // A requirement may name a package that another one replaces or provides (laravel/framework replaces
    // illuminate/support, monolog/monolog provides psr/log-implementation): it is that package which is installed.
    Map<String, List<String>> standsIn = new HashMap<>();
    for (String list : new String[] {"packages", "packages-dev"}) {
      JsonNode packages = root.get(list);
      for (JsonNode p : packages == null ? List.<JsonNode>of() : packages) {
        for (String field : new String[] {"replace", "provide"}) {
          JsonNode names = p.get(field);
          if (names != null && names.isObject()) {
            String by = LocatedJson.text(p, "name").toLowerCase(Locale.ROOT);
            names.fieldNames().forEachRemaining(n -> standsIn.computeIfAbsent(n.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(by));
          }
        }
      }
    }
    Set<String> locked = new HashSet<>();
    out.forEach(p -> locked.add(p.name()));
    for (List<String> required : needs) {
      List<String> resolved = new ArrayList<>();
      for (String name : required) {
        resolved.addAll(locked.contains(name) ? List.of(name) : standsIn.getOrDefault(name, List.of()));
      }
      required.clear();
      required.addAll(resolved);
    }
    return Edges.link(out, needs);
  }

  /** Names in the sibling composer.json's require and require-dev, lower case; empty without one. */
  private static Set<String> declared(String lockfile, ExtractContext context) {
    Set<String> names = new HashSet<>();
    Optional<SourceFile> f = context.find(Extractor.directory(lockfile) + "composer.json");
    if (f.isPresent()) {
      try {
        JsonNode root = LocatedJson.parse(Extractor.text(f.get())).root();
        for (String field : new String[] {"require", "require-dev"}) {
          if (root.get(field) != null && root.get(field).isObject()) {
            root.get(field).fieldNames().forEachRemaining(n -> names.add(n.toLowerCase(Locale.ROOT)));
          }
        }
      } catch (ExtractException e) {
        context.note(f.get().path(), e.line(), "composer.json unreadable, direct dependencies unknown: " + e.getMessage());
      }
    }
    return names;
  }

  private static void read(String path, LocatedJson json, JsonNode list, Scope scope, Set<String> direct, List<Package> out,
      List<List<String>> needs) throws ExtractException {
    if (list == null || list.isNull()) {
      return;
    }
    if (!list.isArray()) {
      throw new ExtractException(json.line(list), "package list must be an array");
    }
    for (JsonNode p : list) {
      String name = LocatedJson.text(p, "name");
      String version = LocatedJson.text(p, "version");
      if (name.isEmpty() || version.isEmpty()) {
        throw new ExtractException(json.line(p), "package without name or version");
      }
      JsonNode dist = p.get("dist");
      JsonNode src = p.get("source");
      Source kind = Source.REGISTRY;
      String resolved = LocatedJson.text(dist, "url");
      if (LocatedJson.text(dist, "type").equals("path")) {
        kind = Source.FILE;
      } else if (dist == null && src != null && !LocatedJson.text(src, "type").isEmpty()) {
        kind = Source.GIT;
        resolved = LocatedJson.text(src, "url") + "#" + LocatedJson.text(src, "reference");
      }
      out.add(Package.builder(Ecosystem.PACKAGIST, name.toLowerCase(Locale.ROOT), path)
          .direct(direct.contains(name.toLowerCase(Locale.ROOT)))
          .locked(version.startsWith("v") && version.length() > 1 && Character.isDigit(version.charAt(1)) ? version.substring(1) : version)
          .scope(scope)
          .source(kind)
          .line(json.line(p))
          .resolved(resolved)
          .integrity(LocatedJson.text(dist, "shasum"))
          .license(LocatedJson.license(p))
          .build());
      // "require" names packages (one version each in the lockfile) and platform packages (php, ext-*), never locked.
      List<String> required = new ArrayList<>();
      JsonNode require = p.get("require");
      if (require != null && require.isObject()) {
        require.fieldNames().forEachRemaining(n -> required.add(n.toLowerCase(Locale.ROOT)));
      }
      needs.add(required);
    }
  }
}
