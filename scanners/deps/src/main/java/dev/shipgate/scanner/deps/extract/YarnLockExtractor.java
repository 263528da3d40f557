package dev.shipgate.scanner.deps.extract;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import dev.shipgate.scanner.deps.Package.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.shipgate.scanner.deps.Package.Scope;

/**
 * {@code yarn.lock}, classic (v1, {@code version "1.0.0"}) and Berry (YAML-like, {@code version: 1.0.0},
 * {@code resolution:}, {@code checksum:}). Entries are read line by line: the format is not valid YAML in v1.
 */
public final class YarnLockExtractor implements Extractor {

  @Override
  public String name() {
    return "npm/yarn-lock";
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
    return Extractor.fileName(path).equals("yarn.lock") && !path.contains("node_modules/");
  }

  private static final class Entry {
    int line;
    String specifiers;
    String version = "";
    String resolved = "";
    String integrity = "";
    String resolution = "";
    final List<String> dependencies = new ArrayList<>();
  }

  @Override
  public List<Package> extract(SourceFile file, ExtractContext context) throws ExtractException {
    String text = Extractor.text(file);
    List<Entry> entries = new ArrayList<>();
    Entry current = null;
    boolean inDependencies = false;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String raw = lines[i];
      int lineNo = i + 1;
      if (raw.isBlank() || raw.stripLeading().startsWith("#")) {
        continue;
      }
      int indent = raw.length() - raw.stripLeading().length();
      String line = raw.strip();
      if (indent == 0) {
        if (!line.endsWith(":")) {
          throw new ExtractException(lineNo, "expected a package header ending in ':' but found: " + abbreviate(line));
        }
        current = new Entry();
        inDependencies = false;
        current.line = lineNo;
        current.specifiers = line.substring(0, line.length() - 1);
        if (current.specifiers.equals("__metadata")) {
          current = null; // Berry's header block
          continue;
        }
        entries.add(current);
        continue;
      }
      if (current != null && indent == 4 && inDependencies) {
        int sep = firstSeparator(line);
        if (sep > 0) {
          current.dependencies.add(descriptor(unquote(line.substring(0, sep).replaceAll(":$", "")), unquote(line.substring(sep + 1).strip())));
        }
        continue;
      }
      if (current == null || indent != 2) {
        continue; // other nested blocks and Berry metadata
      }
      inDependencies = line.equals("dependencies:") || line.equals("optionalDependencies:");
      if (line.endsWith(":") && !line.contains(" ")) {
        continue; // the start of a nested block
      }
      int sep = firstSeparator(line);
      if (sep < 0) {
        throw new ExtractException(lineNo, "expected 'key value' but found: " + abbreviate(line));
      }
      String key = unquote(line.substring(0, sep).replaceAll(":$", ""));
      String value = unquote(line.substring(sep + 1).strip());
      switch (key) {
        case "version" -> current.version = value;
        case "resolved" -> current.resolved = value;
        case "integrity", "checksum" -> current.integrity = value;
        case "resolution" -> current.resolution = value;
        default -> {}
      }
    }
    // Direct dependencies: those of the sibling package.json and of each workspace's own package.json (Berry's
    // "name@workspace:path" entries say where they are; classic lockfiles leave workspaces out, so the root's
    // "workspaces" globs do).
    Map<String, Scope> declared = PackageJson.scopes(file.path(), context);
    List<PackageJson.Root> roots = new ArrayList<>(PackageJson.roots(file.path(), context));
    java.util.Set<String> workspaces = new java.util.TreeSet<>(PackageJson.workspaceManifests(file.path(), context));
    for (Entry e : entries) {
      int ws = e.resolution.indexOf("@workspace:");
      String folder = ws > 0 ? e.resolution.substring(ws + 11) : "";
      if (!folder.isEmpty() && !folder.equals(".")) {
        workspaces.add(Extractor.directory(file.path()) + folder + "/package.json");
      }
    }
    for (String packageJson : workspaces) {
      PackageJson.scopesOf(packageJson, file.path(), context)
          .forEach((n, s) -> declared.merge(n, s, (a, b) -> a == Scope.RUNTIME || b == Scope.RUNTIME ? Scope.RUNTIME : a));
      roots.addAll(PackageJson.rootsOf(packageJson, context));
    }
    Map<String, Entry> byDescriptor = byDescriptor(entries);
    Map<Entry, Scope> reached = reach(byDescriptor, roots);
    List<Package> out = new ArrayList<>();
    List<Entry> kept = new ArrayList<>();
    Map<Entry, String> identity = new java.util.HashMap<>();
    for (Entry e : entries) {
      List<String> specs = specifiers(e.specifiers);
      String spec = specs.isEmpty() ? "" : specs.get(0);
      int at = nameEnd(spec);
      if (at <= 0) {
        throw new ExtractException(e.line, "cannot read a package name from '" + abbreviate(spec) + "'");
      }
      String alias = spec.substring(0, at);
      String range = spec.substring(at + 1);
      String local = resolutionProtocol(e.resolution);
      if (range.startsWith("workspace:") || local.startsWith("workspace:") || local.startsWith("portal:") || local.startsWith("link:")) {
        continue; // a workspace or a folder of this repository Berry links in place: the project's own code
      }
      if (range.startsWith("patch:")) {
        identity.put(e, alias + " " + e.version); // Berry's patched copy of a package that has its own entry
        continue;
      }
      String name = alias;
      if (range.startsWith("npm:") && range.indexOf('@', 5) > 0) {
        // Alias "foo@npm:bar@^1": the package is bar (Berry writes "foo@npm:^1" for plain ranges).
        name = range.substring(4, nameEnd(range.substring(4)) + 4);
      }
      if (e.version.isEmpty()) {
        throw new ExtractException(e.line, "package '" + alias + "' has no version");
      }
      String resolved = !e.resolved.isEmpty() ? e.resolved : e.resolution;
      int archive = e.resolution.indexOf("::__archiveUrl=");
      if (archive > 0) {
        // Berry records the tarball URL when it is not where the registry's layout puts it (other registries, mirrors).
        String url = e.resolution.substring(archive + 15);
        int more = url.indexOf('&');
        resolved = java.net.URLDecoder.decode(more >= 0 ? url.substring(0, more) : url, java.nio.charset.StandardCharsets.UTF_8);
      }
      Source source;
      if (!e.resolved.isEmpty()) {
        source = Sources.npm(e.resolved);
      } else {
        // Berry: the protocol after the name in "resolution"; classic file: entries: the range itself.
        String protocol = e.resolution.isEmpty() ? range : resolutionProtocol(e.resolution);
        source = protocol.startsWith("npm:") || protocol.startsWith("patch:") ? Source.REGISTRY : Sources.npm(protocol);
      }
      if (resolved.isEmpty() && source != Source.REGISTRY) {
        resolved = range;
      }
      String integrity = e.integrity;
      int hash = e.resolved.lastIndexOf('#');
      if (integrity.isEmpty() && source == Source.REGISTRY && hash > 0 && e.resolved.substring(hash + 1).matches("[0-9a-f]{40}")) {
        // Old classic lockfiles carry only the tarball's SHA-1 in the URL fragment.
        integrity = "sha1-hex:" + e.resolved.substring(hash + 1);
      }
      out.add(Package.builder(Ecosystem.NPM, name, file.path())
          .locked(e.version)
          .direct(declared.containsKey(alias))
          .scope(declared.containsKey(alias) ? declared.get(alias) : reached.getOrDefault(e, Scope.RUNTIME))
          .source(source)
          .line(e.line)
          .resolved(resolved)
          .integrity(integrity)
          .build());
      kept.add(e);
      identity.put(e, name + " " + e.version);
    }
    // Each entry's dependencies name descriptors ("name@range"); the entry whose header lists one is what it resolved to.
    List<List<String>> needs = new ArrayList<>();
    for (Entry e : kept) {
      needs.add(e.dependencies.stream().map(byDescriptor::get).map(identity::get).filter(java.util.Objects::nonNull).toList());
    }
    return Edges.link(out, needs);
  }

  /** Every descriptor a header lists ({@code "a@^1, a@^1.2"}) to its entry. */
  private static Map<String, Entry> byDescriptor(List<Entry> entries) {
    Map<String, Entry> byDescriptor = new java.util.HashMap<>();
    for (Entry e : entries) {
      for (String d : specifiers(e.specifiers)) {
        int at = nameEnd(d);
        if (at > 0) {
          byDescriptor.put(descriptor(d.substring(0, at), d.substring(at + 1)), e);
        }
      }
    }
    return byDescriptor;
  }

  /** "name@range" with Berry's implicit "npm:" protocol removed, so classic, Berry and package.json agree. */
  private static String descriptor(String name, String range) {
    String r = range.startsWith("npm:") && range.indexOf('@', 5) < 0 ? range.substring(4) : range;
    return name + "@" + r;
  }

  /**
   * Walks the lockfile's graph from package.json: packages reachable only from devDependencies are DEV;
   * anything reachable from a runtime declaration is RUNTIME. Without package.json nothing is known.
   */
  private static Map<Entry, Scope> reach(Map<String, Entry> byDescriptor, List<PackageJson.Root> roots) {
    Map<Entry, Scope> scope = new java.util.HashMap<>();
    for (Scope pass : new Scope[] {Scope.RUNTIME, Scope.DEV}) {
      java.util.ArrayDeque<Entry> queue = new java.util.ArrayDeque<>();
      for (PackageJson.Root r : roots) {
        Entry e = byDescriptor.get(descriptor(r.name(), r.range()));
        if (r.scope() == pass && e != null && !scope.containsKey(e)) {
          scope.put(e, pass);
          queue.add(e);
        }
      }
      while (!queue.isEmpty()) {
        for (String d : queue.poll().dependencies) {
          Entry next = byDescriptor.get(d);
          if (next != null && !scope.containsKey(next)) {
            scope.put(next, pass);
            queue.add(next);
          }
        }
      }
    }
    return scope;
  }

  private static String resolutionProtocol(String resolution) {
    int at = nameEnd(resolution);
    return at > 0 ? resolution.substring(at + 1) : "";
  }

  /** Index of the '@' that ends the name in {@code name@range}; scoped names start with '@'. */
  private static int nameEnd(String spec) {
    return spec.indexOf('@', spec.startsWith("@") ? 1 : 0);
  }

  /**
   * The descriptors a header lists: classic quotes each one ({@code "a@^1", "a@^1.2"}), Berry quotes the whole
   * list ({@code "a@npm:1, a@npm:^1"}); ranges never contain commas.
   */
  private static List<String> specifiers(String header) {
    List<String> out = new ArrayList<>();
    for (String part : header.split(",")) {
      String s = part.strip();
      s = s.startsWith("\"") ? s.substring(1) : s;
      s = s.endsWith("\"") ? s.substring(0, s.length() - 1) : s;
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  private static int firstSeparator(String line) {
    if (line.startsWith("\"")) {
      int close = line.indexOf('"', 1);
      if (close < 0) {
        return -1;
      }
      int colon = close + 1 < line.length() && line.charAt(close + 1) == ':' ? close + 1 : close;
      return colon + 1 < line.length() ? colon + 1 : (line.endsWith(":") ? line.length() - 1 : -1);
    }
    int sp = line.indexOf(' ');
    if (sp < 0) {
      return line.endsWith(":") ? line.length() - 1 : -1;
    }
    return sp;
  }

  static String unquote(String s) {
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }

  static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
