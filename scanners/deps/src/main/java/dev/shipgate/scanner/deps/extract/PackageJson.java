package dev.shipgate.scanner.deps.extract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Package.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The sibling {@code package.json} of a JavaScript lockfile: which names the project declares itself. */
final class PackageJson {

  private static final String[] FIELDS = {"dependencies", "devDependencies", "optionalDependencies", "peerDependencies"};

  private PackageJson() {}

  /** Names declared next to {@code lockfile}; empty when there is no readable package.json (then nothing is direct). */
  static Set<String> declared(String lockfile, ExtractContext context) {
    return new HashSet<>(scopes(lockfile, context).keySet());
  }

  /** One declaration: name, range as written, and DEV for devDependencies. */
  record Root(String name, String range, Scope scope) {}

  /** Every declaration of the sibling package.json, for walking a lockfile's dependency graph from its roots. */
  static List<Root> roots(String lockfile, ExtractContext context) {
    return rootsOf(Extractor.directory(lockfile) + "package.json", context);
  }

  /** Every declaration of the package.json at {@code path} (a workspace's); empty when there is none. */
  static List<Root> rootsOf(String path, ExtractContext context) {
    List<Root> roots = new ArrayList<>();
    Optional<SourceFile> f = context.find(path);
    if (f.isEmpty()) {
      return roots;
    }
    try {
      JsonNode root = LocatedJson.parse(Extractor.text(f.get())).root();
      for (String field : FIELDS) {
        JsonNode d = root.get(field);
        if (d != null && d.isObject()) {
          Scope scope = field.equals("devDependencies") ? Scope.DEV : Scope.RUNTIME;
          d.properties().forEach(e -> {
            if (!field.equals("peerDependencies") || roots.stream().noneMatch(r -> r.name().equals(e.getKey()))) {
              roots.add(new Root(e.getKey(), e.getValue().asText(), scope)); // a peer also declared otherwise: that one
            }
          });
        }
      }
    } catch (ExtractException e) {
      // reported by scopes(), which every caller also reads
    }
    return roots;
  }

  /**
   * The package.json files of the workspaces that the sibling package.json declares ({@code "workspaces": ["packages/*"]}
   * or {@code {"packages": [...]}}), matched as Yarn and npm match the globs: {@code *} is one folder name,
   * {@code **} any number of folders; nothing under {@code node_modules}.
   */
  static List<String> workspaceManifests(String lockfile, ExtractContext context) {
    String dir = Extractor.directory(lockfile);
    Optional<SourceFile> f = context.find(dir + "package.json");
    List<String> out = new ArrayList<>();
    if (f.isEmpty()) {
      return out;
    }
    JsonNode globs;
    try {
      JsonNode workspaces = LocatedJson.parse(Extractor.text(f.get())).root().path("workspaces");
      globs = workspaces.isArray() ? workspaces : workspaces.path("packages");
    } catch (ExtractException e) {
      return out; // reported by scopes(), which every caller also reads
    }
    List<Pattern> patterns = new ArrayList<>();
    for (JsonNode g : globs.isArray() ? globs : List.<JsonNode>of()) {
      String glob = g.asText().replaceFirst("^\\./", "").replaceFirst("/+$", "");
      StringBuilder re = new StringBuilder();
      for (String part : glob.split("(?=\\*)|(?<=\\*)")) {
        re.append(part.equals("*") ? "[^/]*" : Pattern.quote(part));
      }
      patterns.add(Pattern.compile(re.toString().replace("[^/]*[^/]*", ".*")));
    }
    for (SourceFile candidate : patterns.isEmpty() ? List.<SourceFile>of() : context.named("package.json")) {
      String path = candidate.path();
      if (!path.startsWith(dir) || path.equals(dir + "package.json") || path.contains("node_modules/")) {
        continue;
      }
      String folder = path.substring(dir.length(), path.length() - "/package.json".length());
      if (patterns.stream().anyMatch(p -> p.matcher(folder).matches())) {
        out.add(path);
      }
    }
    return out;
  }

  /**
   * Records that {@code field} of a package.json declares {@code name}: a runtime declaration wins over dev and
   * optional ones. {@code peerDependencies} come last and count only for names nothing else declares: a library's
   * peer it also lists in {@code devDependencies} is installed for its development only (npm's arborist lets the
   * dev edge replace the peer one).
   */
  static void declare(Map<String, Scope> names, String name, String field) {
    if (field.equals("peerDependencies")) {
      names.putIfAbsent(name, Scope.RUNTIME);
      return;
    }
    Scope scope = field.equals("devDependencies") ? Scope.DEV : field.equals("optionalDependencies") ? Scope.OPTIONAL : Scope.RUNTIME;
    names.merge(name, scope, (a, b) -> a == Scope.RUNTIME || b == Scope.RUNTIME ? Scope.RUNTIME : a);
  }

  /** Declared names with their scope: DEV when only {@code devDependencies} names them. */
  static Map<String, Scope> scopes(String lockfile, ExtractContext context) {
    return scopesOf(Extractor.directory(lockfile) + "package.json", lockfile, context);
  }

  /** {@link #scopes} of the package.json at {@code path}, which belongs to {@code lockfile}'s project. */
  static Map<String, Scope> scopesOf(String path, String lockfile, ExtractContext context) {
    Map<String, Scope> names = new HashMap<>();
    Optional<SourceFile> f = context.find(path);
    if (f.isEmpty()) {
      return names;
    }
    try {
      JsonNode root = LocatedJson.parse(Extractor.text(f.get())).root();
      for (String field : FIELDS) {
        JsonNode d = root.get(field);
        if (d != null && d.isObject()) {
          d.fieldNames().forEachRemaining(n -> declare(names, n, field));
        }
      }
    } catch (ExtractException e) {
      context.note(f.get().path(), e.line(), "package.json unreadable, direct dependencies of " + lockfile + " unknown: " + e.getMessage());
    }
    return names;
  }
}
