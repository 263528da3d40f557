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
import java.util.regex.Pattern;

/**
 * Bun's text lockfile {@code bun.lock} (JSON with trailing commas). {@code packages} maps an install path
 * ({@code name}, {@code parent/name} when nested) to {@code ["name@version", registry, metadata, integrity]};
 * git, GitHub, file and tarball specifiers are non-registry sources; {@code workspace:} entries are the
 * repository's own packages. Direct dependencies are those the {@code workspaces} declare, installed at the top.
 * The metadata's dependency lists give the edges; transitive packages only dev dependencies reach are dev.
 */
public final class BunLockExtractor implements Extractor {

  private static final Pattern TOP_LEVEL = Pattern.compile("^(@[^/]+/)?[^/]+$");
  private static final String[] FIELDS = {"dependencies", "devDependencies", "optionalDependencies", "peerDependencies"};

  @Override
  public String name() {
    return "npm/bun-lock";
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
    return Extractor.fileName(path).equals("bun.lock") && !path.contains("node_modules/");
  }

  @Override
  public List<Package> extract(SourceFile file, ExtractContext context) throws ExtractException {
    LocatedJson json = LocatedJson.parse(Extractor.text(file), true);
    JsonNode root = json.rootObject("bun.lock");
    Map<String, Scope> declared = new HashMap<>();
    // Per workspace name: what it declares, for packages Bun installs inside a workspace ("<workspace>/<name>").
    Map<String, Map<String, Scope>> declaredBy = new HashMap<>();
    JsonNode workspaces = root.get("workspaces");
    if (workspaces != null && workspaces.isObject()) {
      for (JsonNode ws : workspaces) {
        Map<String, Scope> own = declaredBy.computeIfAbsent(LocatedJson.text(ws, "name"), k -> new HashMap<>());
        for (String field : FIELDS) {
          JsonNode deps = ws.get(field);
          if (deps != null && deps.isObject()) {
            deps.fieldNames().forEachRemaining(n -> PackageJson.declare(own, n, field));
          }
        }
        own.forEach((n, s) -> declared.merge(n, s, (a, b) -> a == Scope.RUNTIME || b == Scope.RUNTIME ? Scope.RUNTIME : a));
      }
    }
    List<Package> out = new ArrayList<>();
    JsonNode packages = root.get("packages");
    if (packages == null || packages.isNull()) {
      return out;
    }
    if (!packages.isObject()) {
      throw new ExtractException(json.line(packages), "'packages' must be an object");
    }
    List<String> keys = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = packages.properties().iterator(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode entry = e.getValue();
      if (!entry.isArray() || entry.isEmpty() || !entry.get(0).isTextual()) {
        throw new ExtractException(json.line(packages), "package '" + e.getKey() + "' must be an array starting with \"name@version\"");
      }
      String ident = entry.get(0).asText();
      int at = ident.indexOf('@', ident.startsWith("@") ? 1 : 0);
      if (at <= 0) {
        throw new ExtractException(json.line(entry), "cannot read name and version from '" + ident + "'");
      }
      String name = ident.substring(0, at);
      String spec = ident.substring(at + 1);
      if (spec.startsWith("workspace:")) {
        continue;
      }
      String version = spec;
      String resolved = "";
      Source source = Source.REGISTRY;
      String integrity = "";
      if (spec.contains(":") || spec.contains("/")) {
        source = Sources.npm(spec.startsWith("github:") || spec.startsWith("git") ? spec : spec.replaceFirst("^(file|link):", "file:"));
        if (source == Source.REGISTRY) {
          source = Source.URL;
        }
        resolved = spec;
        version = "";
      } else {
        if (entry.size() > 1 && entry.get(1).isTextual() && !entry.get(1).asText().isEmpty()) {
          resolved = entry.get(1).asText();
        }
        if (entry.size() > 3 && entry.get(3).isTextual()) {
          integrity = entry.get(3).asText();
        }
      }
      String key = e.getKey();
      Scope directScope = TOP_LEVEL.matcher(key).matches() ? declared.get(key) : null;
      String parent = parent(key);
      if (parent != null && declaredBy.containsKey(parent) && parent(key.substring(parent.length() + 1)) == null) {
        directScope = declaredBy.get(parent).get(key.substring(parent.length() + 1)); // kept inside its workspace
      }
      boolean direct = directScope != null;
      out.add(Package.builder(Ecosystem.NPM, name, file.path())
          .locked(version)
          .direct(direct)
          .scope(direct ? directScope : Scope.RUNTIME)
          .source(source)
          .line(json.line(entry))
          .resolved(resolved)
          .integrity(integrity)
          .build());
      keys.add(key);
    }
    List<List<String>> needs = new ArrayList<>();
    for (String key : keys) {
      needs.add(needs(packages, key));
    }
    return Edges.devOnlyAsDev(Edges.link(out, needs));
  }

  /**
   * What the package installed at {@code key} depends on, resolved as Node does: the nearest {@code <path>/<name>}
   * walking up the install path ({@code a/b/dep}, {@code a/dep}, {@code dep}); {@code "name version"} of each.
   * The dependency lists are in the entry's first object (after the URL for registry packages).
   */
  private static List<String> needs(JsonNode packages, String key) {
    JsonNode info = null;
    for (JsonNode element : packages.get(key)) {
      if (element.isObject()) {
        info = element;
        break;
      }
    }
    List<String> out = new ArrayList<>();
    if (info == null) {
      return out;
    }
    for (String field : new String[] {"dependencies", "optionalDependencies", "peerDependencies"}) {
      JsonNode deps = info.get(field);
      if (deps == null || !deps.isObject()) {
        continue;
      }
      for (Iterator<String> names = deps.fieldNames(); names.hasNext();) {
        String dep = names.next();
        for (String base = key;; base = parent(base)) {
          JsonNode target = packages.get(base == null ? dep : base + "/" + dep);
          if (target != null && target.isArray() && !target.isEmpty() && target.get(0).isTextual()) {
            String ident = target.get(0).asText();
            int at = ident.indexOf('@', ident.startsWith("@") ? 1 : 0);
            String spec = at > 0 ? ident.substring(at + 1) : "";
            if (at > 0 && !spec.startsWith("workspace:")) {
              out.add(ident.substring(0, at) + " " + (spec.contains(":") || spec.contains("/") ? "" : spec));
            }
            break;
          }
          if (base == null) {
            break; // not installed (an optional or peer dependency left out)
          }
        }
      }
    }
    return out;
  }

  /** The install path one package up ({@code @types/node/undici-types} -> {@code @types/node}), null above the top. */
  private static String parent(String key) {
    int slash = key.lastIndexOf('/');
    if (slash < 0) {
      return null;
    }
    int before = key.lastIndexOf('/', slash - 1);
    String second = key.substring(before + 1, slash);
    if (second.startsWith("@")) { // the last package is "@scope/name"
      return before < 0 ? null : key.substring(0, before);
    }
    return key.substring(0, slash);
  }
}
