package dev.shipgate.scanner.deps.extract;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import dev.shipgate.scanner.deps.Package.Scope;
import dev.shipgate.scanner.deps.Package.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * {@code pnpm-lock.yaml}, lockfile versions 5.x ({@code /name/1.0.0}), 6.x ({@code /name@1.0.0}) and 9.x
 * ({@code name@1.0.0}, with {@code snapshots}). Peer-dependency suffixes ({@code (react@18.2.0)} or
 * {@code _react@18.2.0}) are not part of the version. Direct dependencies come from the root
 * {@code dependencies} sections (5.x/6.x without workspaces) or every {@code importers} entry.
 */
public final class PnpmLockExtractor implements Extractor {

  private static final String[] DIRECT_FIELDS = {"dependencies", "devDependencies", "optionalDependencies"};

  @Override
  public String name() {
    return "npm/pnpm-lock";
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
    return Extractor.fileName(path).equals("pnpm-lock.yaml") && !path.contains("node_modules/");
  }

  @Override
  public List<Package> extract(SourceFile file, ExtractContext context) throws ExtractException {
    Map<String, Node> root = mapping(compose(Extractor.text(file)), "pnpm-lock.yaml");
    String lockVersion = scalar(root.get("lockfileVersion"));
    boolean v5 = lockVersion.startsWith("5");
    // name -> most visible scope among the importers: a runtime declaration wins over dev.
    Map<String, Scope> direct = new HashMap<>();
    List<Map<String, Node>> importers = new ArrayList<>();
    if (root.get("importers") instanceof MappingNode m) {
      for (Node imp : mapping(m, "importers").values()) {
        importers.add(mapping(imp, "importer"));
      }
    } else {
      importers.add(root);
    }
    for (Map<String, Node> imp : importers) {
      for (String field : DIRECT_FIELDS) {
        if (imp.get(field) instanceof MappingNode deps) {
          for (Map.Entry<String, Node> d : mapping(deps, field).entrySet()) {
            Scope s = field.equals("devDependencies") ? Scope.DEV : field.equals("optionalDependencies") ? Scope.OPTIONAL : Scope.RUNTIME;
            // An alias ("string-width-cjs": version "string-width@4.2.3") declares the real package.
            String version = importerVersion(d.getValue());
            String name = isAlias(version, v5) ? nameAndVersion(version, v5)[0] : d.getKey();
            direct.merge(name, s, (a, b) -> a == Scope.RUNTIME || b == Scope.RUNTIME ? Scope.RUNTIME : a);
          }
        }
      }
    }
    Map<String, Scope> reached = root.get("snapshots") instanceof MappingNode snapshots ? reach(mapping(snapshots, "snapshots"), importers) : Map.of();
    List<Package> out = new ArrayList<>();
    if (!(root.get("packages") instanceof MappingNode packages)) {
      return out;
    }
    Set<String> seen = new HashSet<>();
    // name@version -> "name version" of what it depends on, over every peer variant: 5.x/6.x in packages, 9.x in snapshots.
    Map<String, Set<String>> graph = new HashMap<>();
    Set<String> optionalSnapshots = new HashSet<>(); // 9.x: "optional: true" on a snapshot (only optional paths reach it)
    if (root.get("snapshots") instanceof MappingNode snapshots) {
      for (Map.Entry<String, Node> e : mapping(snapshots, "snapshots").entrySet()) {
        String[] nv = nameAndVersion(e.getKey(), false);
        needs(e.getValue(), v5, graph.computeIfAbsent(nv[0] + "@" + nv[1], k -> new java.util.TreeSet<>()));
        if (e.getValue() instanceof MappingNode sm && scalar(mapping(sm, "snapshot " + e.getKey()).get("optional")).equals("true")) {
          optionalSnapshots.add(nv[0] + "@" + nv[1]);
        }
      }
    }
    List<String> order = new ArrayList<>();
    Map<String, String> byKey = new HashMap<>(); // "name keyVersion" -> "name version" where they differ
    for (NodeTuple t : packages.getValue()) {
      String key = scalar(t.getKeyNode());
      Map<String, Node> entry = mapping(t.getValueNode(), "package " + key);
      int line = t.getKeyNode().getStartMark().map(m -> m.getLine() + 1).orElse(0);
      String[] nv = nameAndVersion(key, v5);
      String name = entry.containsKey("name") ? scalar(entry.get("name")) : nv[0];
      String version = entry.containsKey("version") ? scalar(entry.get("version")) : nv[1];
      if (name.isEmpty() || version.isEmpty()) {
        throw new ExtractException(line, "cannot read name and version from package key '" + key + "'");
      }
      needs(t.getValueNode(), v5, graph.computeIfAbsent(name + "@" + version, k -> new java.util.TreeSet<>()));
      String id = name + "@" + version;
      // A tarball or git package is keyed by its URL ("gh-lib@https://codeload...") and states its version apart:
      // snapshots and dependents use the key's form.
      String keyId = nv[0] + "@" + nv[1];
      if (!keyId.equals(id)) {
        byKey.put(nv[0] + " " + nv[1], name + " " + version);
        graph.get(id).addAll(graph.getOrDefault(keyId, Set.of()));
        if (reached.containsKey(keyId)) {
          reached.putIfAbsent(id, reached.get(keyId));
        }
        if (optionalSnapshots.contains(keyId)) {
          optionalSnapshots.add(id);
        }
      }
      if (!seen.add(id)) {
        continue; // the same version with other peers
      }
      Map<String, Node> resolution = entry.get("resolution") instanceof MappingNode r ? mapping(r, "resolution") : Map.of();
      String integrity = scalar(resolution.get("integrity"));
      String resolved = "";
      Source source = Source.REGISTRY;
      if (scalar(resolution.get("type")).equals("git") || resolution.containsKey("commit")) {
        source = Source.GIT;
        resolved = scalar(resolution.get("repo")) + "#" + scalar(resolution.get("commit"));
      } else if (resolution.containsKey("tarball")) {
        resolved = scalar(resolution.get("tarball"));
        source = resolved.startsWith("file:") ? Source.FILE : Sources.npm(resolved);
      } else if (resolution.containsKey("directory")) {
        source = Source.FILE;
        resolved = scalar(resolution.get("directory"));
      }
      if (source == Source.FILE && version.contains(":")) {
        version = ""; // "file:vendor/x" is a location, not a version
      }
      Scope scope = Scope.RUNTIME;
      if (scalar(entry.get("dev")).equals("true")) {
        scope = Scope.DEV;
      } else if (scalar(entry.get("optional")).equals("true")) {
        scope = Scope.OPTIONAL;
      } else if (!entry.containsKey("dev")) {
        // 9.x dropped the dev flag: walk the snapshots graph from the importers' declarations instead.
        Scope walked = reached.get(name + "@" + version);
        if (walked != null) {
          scope = walked;
        } else if (direct.get(name) == Scope.DEV) {
          scope = Scope.DEV;
        }
        if (scope != Scope.DEV && optionalSnapshots.contains(name + "@" + version)) {
          scope = Scope.OPTIONAL;
        }
      }
      out.add(Package.builder(Ecosystem.NPM, name, file.path())
          .locked(version)
          .direct(direct.containsKey(name))
          .scope(scope)
          .source(source)
          .line(line)
          .resolved(resolved)
          .integrity(integrity)
          .installScripts(scalar(entry.get("requiresBuild")).equals("true"))
          .build());
      order.add(id);
    }
    List<Set<String>> needs = new ArrayList<>();
    for (String id : order) {
      needs.add(graph.getOrDefault(id, Set.of()).stream().map(n -> byKey.getOrDefault(n, n)).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
    }
    return Edges.link(out, needs);
  }

  /** Adds the {@code dependencies} and {@code optionalDependencies} of a package or snapshot entry as "name version". */
  private static void needs(Node entry, boolean v5, Set<String> into) throws ExtractException {
    if (!(entry instanceof MappingNode m)) {
      return;
    }
    Map<String, Node> fields = mapping(m, "package");
    for (String f : new String[] {"dependencies", "optionalDependencies"}) {
      if (fields.get(f) instanceof MappingNode deps) {
        for (Map.Entry<String, Node> d : mapping(deps, f).entrySet()) {
          String v = scalar(d.getValue());
          if (isAlias(v, v5)) {
            String[] nv = nameAndVersion(v, v5 && v.startsWith("/")); // an alias: the real package's key
            into.add(nv[0] + " " + nv[1]);
          } else {
            String[] nv = nameAndVersion(d.getKey() + (v5 ? "/" : "@") + v, v5);
            into.add(d.getKey() + " " + nv[1]);
          }
        }
      }
    }
  }

  /**
   * Scope of each {@code name@version} in a 9.x lockfile: RUNTIME when reachable from an importer's
   * dependencies or optionalDependencies, else DEV when reachable from devDependencies.
   */
  private static Map<String, Scope> reach(Map<String, Node> snapshots, List<Map<String, Node>> importers) throws ExtractException {
    Map<String, Scope> byPackage = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (Scope pass : new Scope[] {Scope.RUNTIME, Scope.DEV}) {
      java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>();
      for (Map<String, Node> imp : importers) {
        for (String field : DIRECT_FIELDS) {
          boolean dev = field.equals("devDependencies");
          if ((pass == Scope.DEV) != dev || !(imp.get(field) instanceof MappingNode deps)) {
            continue;
          }
          for (Map.Entry<String, Node> d : mapping(deps, field).entrySet()) {
            queue.add(snapshotKey(d.getKey(), importerVersion(d.getValue())));
          }
        }
      }
      while (!queue.isEmpty()) {
        String key = queue.poll();
        if (!seen.add(key)) {
          continue;
        }
        String[] nv = nameAndVersion(key, false);
        byPackage.putIfAbsent(nv[0] + "@" + nv[1], pass);
        Node snapshot = snapshots.get(key);
        if (!(snapshot instanceof MappingNode sm)) {
          continue;
        }
        Map<String, Node> fields = mapping(sm, "snapshot " + key);
        for (String f : new String[] {"dependencies", "optionalDependencies"}) {
          if (fields.get(f) instanceof MappingNode deps) {
            for (Map.Entry<String, Node> d : mapping(deps, f).entrySet()) {
              queue.add(snapshotKey(d.getKey(), scalar(d.getValue())));
            }
          }
        }
      }
    }
    return byPackage;
  }

  /** An importer's version: a scalar (5.x) or the {@code version} of a {@code specifier}/{@code version} mapping. */
  private static String importerVersion(Node v) throws ExtractException {
    return v instanceof MappingNode m ? scalar(mapping(m, "dependency").get("version")) : scalar(v);
  }

  /**
   * Whether a dependency's version names another package: {@code /string-width/4.2.3} (5.x), {@code /string-width@4.2.3}
   * (6.x), {@code string-width@4.2.3} (9.x); an {@code @} in a peer suffix ({@code 18.2.0(react@18.2.0)}, 5.x's
   * {@code 17.0.2_react@17.0.2}) does not count.
   */
  private static boolean isAlias(String version, boolean v5) {
    if (version.startsWith("/") || v5) {
      return version.startsWith("/");
    }
    int paren = version.indexOf('(');
    String v = paren < 0 ? version : version.substring(0, paren);
    int at = v.indexOf('@', v.startsWith("@") ? 1 : 0);
    return at > 0 && v.lastIndexOf(':', at) < 0; // "git+ssh://git@host/..." is a URL: names have no ':'

  }

  /** The snapshot a dependency points at: {@code name@version}, or the aliased package's own key. */
  private static String snapshotKey(String name, String version) {
    return isAlias(version, false) ? version : name + "@" + version;
  }

  /** {@code /@scope/name@1.0.0(peer@1)}, {@code name@1.0.0}, {@code /name/1.0.0_peer@1}: name and version. */
  static String[] nameAndVersion(String key, boolean v5) {
    String k = key.startsWith("/") ? key.substring(1) : key;
    int paren = k.indexOf('(');
    if (paren > 0) {
      k = k.substring(0, paren);
    }
    if (v5) {
      int slash = k.lastIndexOf('/');
      if (slash <= 0) {
        return new String[] {"", ""};
      }
      String version = k.substring(slash + 1);
      int underscore = version.indexOf('_');
      return new String[] {k.substring(0, slash), underscore > 0 ? version.substring(0, underscore) : version};
    }
    int at = k.indexOf('@', k.startsWith("@") ? 1 : 0);
    if (at <= 0) {
      return new String[] {"", ""};
    }
    return new String[] {k.substring(0, at), k.substring(at + 1)};
  }

  private static Node compose(String text) throws ExtractException {
    if (text.isBlank()) {
      throw new ExtractException(1, "empty file: expected a pnpm lockfile");
    }
    try {
      LoadSettings settings = LoadSettings.builder().setMaxAliasesForCollections(50).setCodePointLimit(64 * 1024 * 1024).build();
      Optional<Node> node = new Compose(settings).composeString(text);
      return node.orElseThrow(() -> new ExtractException(1, "empty YAML document"));
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
      throw new ExtractException(line, "malformed YAML: " + e.getProblem(), e);
    } catch (YamlEngineException e) {
      throw new ExtractException(0, "malformed YAML: " + e.getMessage(), e);
    }
  }

  private static Map<String, Node> mapping(Node node, String what) throws ExtractException {
    if (!(node instanceof MappingNode m)) {
      int line = node == null ? 0 : node.getStartMark().map(x -> x.getLine() + 1).orElse(0);
      throw new ExtractException(line, what + " must be a mapping");
    }
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      out.put(scalar(t.getKeyNode()), t.getValueNode());
    }
    return out;
  }

  private static String scalar(Node node) {
    return node instanceof ScalarNode s ? s.getValue() : "";
  }
}
