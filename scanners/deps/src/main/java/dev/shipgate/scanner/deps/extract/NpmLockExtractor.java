package dev.shipgate.scanner.deps.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import dev.shipgate.scanner.deps.Package.Scope;
import dev.shipgate.scanner.deps.Package.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code package-lock.json} (lockfileVersion 1, 2, 3) and {@code npm-shrinkwrap.json}. Versions 2 and 3 are
 * read from {@code packages} (keyed by install path); version 1 from the nested {@code dependencies} tree.
 */
public final class NpmLockExtractor implements Extractor {

  private static final String[] DEPENDENCY_FIELDS = {"dependencies", "devDependencies", "optionalDependencies", "peerDependencies"};
  private static final String NODE_MODULES = "node_modules/";
  /** Extraneous entries named in the coverage note; the rest are counted. */
  private static final int MAX_LISTED = 10;

  @Override
  public String name() {
    return "npm/package-lock";
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
    String n = Extractor.fileName(path);
    return (n.equals("package-lock.json") || n.equals("npm-shrinkwrap.json")) && !path.contains("node_modules/");
  }

  @Override
  public List<Package> extract(SourceFile file, ExtractContext context) throws ExtractException {
    LocatedJson json = LocatedJson.parse(Extractor.text(file));
    ObjectNode root = json.rootObject("package-lock.json");
    JsonNode packages = root.get("packages");
    List<String> extraneous = new ArrayList<>();
    List<Package> out = new ArrayList<>();
    if (packages instanceof ObjectNode p) {
      out = fromPackages(file.path(), json, p, extraneous);
    } else {
      JsonNode deps = root.get("dependencies");
      if (deps != null && !deps.isNull()) {
        if (!(deps instanceof ObjectNode d)) {
          throw new ExtractException(json.line(deps), "'dependencies' must be an object");
        }
        List<V1Entry> entries = new ArrayList<>();
        fromV1Tree(file.path(), json, d, List.of(d), PackageJson.declared(file.path(), context), "", entries, out, extraneous);
        out = Edges.link(out, v1Needs(entries, out));
      }
    }
    if (!extraneous.isEmpty()) {
      context.note(file.path(), 0, extraneous.size() + " extraneous " + (extraneous.size() == 1 ? "entry" : "entries")
          + " not inventoried (npm marks them as needed by no package of the tree, and `npm prune` removes them): "
          + String.join(", ", extraneous.stream().limit(MAX_LISTED).toList())
          + (extraneous.size() > MAX_LISTED ? " and " + (extraneous.size() - MAX_LISTED) + " more" : ""));
    }
    return out;
  }

  /**
   * An {@code "extraneous": true} entry is in {@code node_modules} but reached from no dependency of the project (a
   * package left behind after its dependent was removed): not part of the tree npm resolves, so, as Phylum does (Trivy
   * and osv-scanner list it as an ordinary package), it is left out of the inventory and named in a coverage note.
   */
  private static boolean extraneous(JsonNode entry, String name, LocatedJson json, List<String> skipped) {
    if (!LocatedJson.flag(entry, "extraneous")) {
      return false;
    }
    skipped.add(name + "@" + LocatedJson.text(entry, "version") + " (line " + json.line(entry) + ")");
    return true;
  }

  /** A v1 entry and the {@code dependencies} objects it can see, nearest first (its own nested one, then its parents'). */
  private record V1Entry(JsonNode entry, List<ObjectNode> scopes) {}

  /**
   * What each v1 entry's {@code requires} resolve to, as Node resolves them: the nearest {@code dependencies} object,
   * from the entry's own nested one up to the root, that has the name; {@code "name version"} of the package read there.
   */
  private static List<List<String>> v1Needs(List<V1Entry> entries, List<Package> packages) {
    Map<JsonNode, Package> byEntry = new IdentityHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      byEntry.put(entries.get(i).entry(), packages.get(i));
    }
    List<List<String>> needs = new ArrayList<>();
    for (V1Entry e : entries) {
      List<String> out = new ArrayList<>();
      JsonNode requires = e.entry().get("requires");
      if (requires instanceof ObjectNode r) {
        for (Iterator<String> names = r.fieldNames(); names.hasNext();) {
          String dep = names.next();
          for (ObjectNode scope : e.scopes()) {
            Package target = byEntry.get(scope.get(dep));
            if (target != null) {
              out.add(target.name() + " " + target.version());
              break;
            }
          }
        }
      }
      needs.add(out);
    }
    return needs;
  }

  private List<Package> fromPackages(String path, LocatedJson json, ObjectNode packages, List<String> extraneous) throws ExtractException {
    // Direct dependencies are the ones the root or a workspace folder declares, installed in its own node_modules
    // (hoisted to the root's when possible); folder "" is the root.
    Map<String, Set<String>> declaredBy = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = packages.properties().iterator(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().contains(NODE_MODULES)) {
        Set<String> names = declaredBy.computeIfAbsent(e.getKey(), k -> new HashSet<>());
        for (String field : DEPENDENCY_FIELDS) {
          JsonNode d = e.getValue().get(field);
          if (d != null) {
            d.fieldNames().forEachRemaining(names::add);
          }
        }
      }
    }
    Set<String> declaredAnywhere = new HashSet<>();
    declaredBy.values().forEach(declaredAnywhere::addAll);
    List<Package> out = new ArrayList<>();
    List<List<String>> needs = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = packages.properties().iterator(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode entry = e.getValue();
      int at = key.lastIndexOf(NODE_MODULES);
      if (at < 0) {
        continue; // the root project or a workspace folder: the project's own code
      }
      if (!(entry instanceof ObjectNode)) {
        throw new ExtractException(json.line(packages), "entry '" + key + "' must be an object");
      }
      if (LocatedJson.flag(entry, "link")) {
        continue; // a symlink to a workspace folder, listed under its own key
      }
      String installedAs = key.substring(at + NODE_MODULES.length());
      if (extraneous(entry, installedAs, json, extraneous)) {
        continue;
      }
      // An alias ("foo": "npm:bar@1") is installed as foo but is the package bar.
      String name = LocatedJson.text(entry, "name");
      if (name.isEmpty()) {
        name = installedAs;
      }
      String version = LocatedJson.text(entry, "version");
      String resolved = LocatedJson.text(entry, "resolved");
      String owner = key.substring(0, at);
      boolean direct;
      if (owner.isEmpty()) {
        direct = declaredAnywhere.contains(installedAs); // hoisted: declared by the root or any workspace
      } else if (!owner.contains(NODE_MODULES) && owner.endsWith("/")) {
        Set<String> d = declaredBy.get(owner.substring(0, owner.length() - 1));
        direct = d != null && d.contains(installedAs); // kept inside the workspace folder that declares it
      } else {
        direct = false; // nested under another package
      }
      String integrity = LocatedJson.text(entry, "integrity");
      if (integrity.isEmpty() && LocatedJson.flag(entry, "inBundle") && owner.endsWith("/")) {
        // A bundled dependency ships inside its parent's tarball (key "<parent>/node_modules/<name>"), which the
        // parent's hash covers.
        JsonNode parent = packages.get(owner.substring(0, owner.length() - 1));
        String parentIntegrity = LocatedJson.text(parent, "integrity");
        integrity = parentIntegrity.isEmpty() ? "" : "bundled:" + parentIntegrity;
      }
      out.add(Package.builder(Ecosystem.NPM, name, path)
          .locked(version)
          .direct(direct)
          .scope(scope(entry))
          .source(Sources.npm(resolved))
          .line(json.line(entry))
          .resolved(resolved)
          .integrity(integrity)
          .license(LocatedJson.license(entry))
          .installScripts(LocatedJson.flag(entry, "hasInstallScript"))
          .build());
      needs.add(needs(packages, key, entry));
    }
    return Edges.link(out, needs);
  }

  /**
   * What an installed package's {@code dependencies} resolve to, as Node resolves them: the nearest
   * {@code node_modules/<name>} walking up from the package's own folder; {@code "name version"} of each.
   */
  private static List<String> needs(ObjectNode packages, String key, JsonNode entry) {
    List<String> out = new ArrayList<>();
    for (String field : List.of("dependencies", "optionalDependencies", "peerDependencies")) {
      JsonNode d = entry.get(field);
      if (d == null) {
        continue;
      }
      for (Iterator<String> names = d.fieldNames(); names.hasNext();) {
        String dep = names.next();
        for (String base = key;; ) {
          JsonNode target = packages.get(base.isEmpty() ? NODE_MODULES + dep : base + "/" + NODE_MODULES + dep);
          if (target != null) {
            if (!LocatedJson.flag(target, "link")) {
              String name = LocatedJson.text(target, "name");
              out.add((name.isEmpty() ? dep : name) + " " + LocatedJson.text(target, "version"));
            }
            break;
          }
          if (base.isEmpty()) {
            break; // not installed (an optional or peer dependency left out)
          }
          int up = base.lastIndexOf("/" + NODE_MODULES);
          base = up >= 0 ? base.substring(0, up) : "";
        }
      }
    }
    return out;
  }

  /** Names every v1 entry nested below an extraneous one (npm marks them too, but they go with it either way). */
  private static void nestedUnder(JsonNode entry, LocatedJson json, List<String> skipped) {
    if (entry.get("dependencies") instanceof ObjectNode nested) { // as deep as the parser's nesting limit lets the tree go
      for (Iterator<Map.Entry<String, JsonNode>> it = nested.properties().iterator(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        skipped.add(e.getKey() + "@" + LocatedJson.text(e.getValue(), "version") + " (line " + json.line(e.getValue()) + ")");
        nestedUnder(e.getValue(), json, skipped);
      }
    }
  }

  /**
   * Reads {@code deps}, the innermost of {@code scopes} (nearest first), and the objects nested in its entries;
   * {@code parentIntegrity} is the hash of the package {@code deps} belongs to, which covers its bundled ones.
   */
  private void fromV1Tree(String path, LocatedJson json, ObjectNode deps, List<ObjectNode> scopes, Set<String> declared,
      String parentIntegrity, List<V1Entry> entries, List<Package> out, List<String> extraneous) throws ExtractException {
    boolean top = scopes.size() == 1;
    for (Iterator<Map.Entry<String, JsonNode>> it = deps.properties().iterator(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode entry = e.getValue();
      if (!(entry instanceof ObjectNode)) {
        throw new ExtractException(json.line(deps), "dependency '" + e.getKey() + "' must be an object");
      }
      if (extraneous(entry, e.getKey(), json, extraneous)) {
        nestedUnder(entry, json, extraneous); // installed only inside it
        continue;
      }
      String name = e.getKey();
      String version = LocatedJson.text(entry, "version");
      String resolved = LocatedJson.text(entry, "resolved");
      Source source = Sources.npm(resolved.isEmpty() ? version : resolved);
      if (version.startsWith("npm:")) {
        // Alias: "version": "npm:real-name@1.2.3".
        String spec = version.substring(4);
        int v = spec.lastIndexOf('@');
        if (v > 0) {
          name = spec.substring(0, v);
          version = spec.substring(v + 1);
        }
      } else if (source != Source.REGISTRY) {
        // v1 writes the git URL or file: path as the version; the commit is after '#'.
        if (resolved.isEmpty()) {
          resolved = version;
        }
        int hash = version.lastIndexOf('#');
        version = source == Source.GIT && hash >= 0 ? version.substring(hash + 1) : "";
      }
      String integrity = LocatedJson.text(entry, "integrity");
      if (integrity.isEmpty() && LocatedJson.flag(entry, "bundled") && !parentIntegrity.isEmpty()) {
        integrity = parentIntegrity.startsWith("bundled:") ? parentIntegrity : "bundled:" + parentIntegrity; // as in v2
      }
      out.add(Package.builder(Ecosystem.NPM, name, path)
          .locked(version)
          .direct(top && declared.contains(e.getKey()))
          .scope(scope(entry))
          .source(source)
          .line(json.line(entry))
          .resolved(resolved)
          .integrity(integrity)
          .build());
      JsonNode nested = entry.get("dependencies");
      List<ObjectNode> visible = scopes;
      if (nested instanceof ObjectNode n) {
        visible = new ArrayList<>(scopes.size() + 1);
        visible.add(n);
        visible.addAll(scopes);
      }
      entries.add(new V1Entry(entry, visible));
      if (nested instanceof ObjectNode n) {
        fromV1Tree(path, json, n, visible, declared, integrity, entries, out, extraneous);
      }
    }
  }

  /**
   * npm writes {@code devOptional} alone for a package both dev dependencies and optional dependencies of the
   * production tree reach: {@code npm ci --omit=dev} still installs it, as optional, so it is not dev-only.
   */
  private static Scope scope(JsonNode entry) {
    if (LocatedJson.flag(entry, "dev")) {
      return Scope.DEV;
    }
    return LocatedJson.flag(entry, "optional") || LocatedJson.flag(entry, "devOptional") ? Scope.OPTIONAL : Scope.RUNTIME;
  }
}
