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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * uv's {@code uv.lock}. Packages whose source is {@code editable} or {@code virtual} are the workspace's own
 * projects: not reported; their {@code dependencies} are direct, and names only in their
 * {@code [package.dev-dependencies]} are direct dev dependencies. Hashes come from {@code sdist} and
 * {@code wheels}. Each package's {@code dependencies} are its edges ({@code name}, and {@code version} when the
 * lockfile holds several versions of a name for different markers), plus its {@code optional-dependencies} for the
 * extras some dependency in the file requests ({@code { name = "requests", extra = ["socks"] }}). Transitive
 * packages that only dev dependencies reach are dev.
 */
public final class UvLockExtractor implements Extractor {

  private static final Pattern NAME = Pattern.compile("\\bname\\s*=\\s*\"([^\"]+)\"");
  private static final Pattern HASH = Pattern.compile("\\bhash\\s*=\\s*\"([^\"]+)\"");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

  @Override
  public String name() {
    return "pypi/uv-lock";
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
    return Extractor.fileName(path).equals("uv.lock");
  }

  private static String inline(TomlTables.Value v, String key) {
    if (v == null) {
      return "";
    }
    Matcher m = Pattern.compile("\\b" + Pattern.quote(key) + "\\s*=\\s*\"([^\"]*)\"").matcher(v.text());
    return m.find() ? m.group(1) : "";
  }

  private static List<String> names(TomlTables.Value v) {
    List<String> out = new ArrayList<>();
    if (v != null) {
      Matcher m = NAME.matcher(v.text());
      while (m.find()) {
        out.add(RequirementsExtractor.normalise(m.group(1)));
      }
    }
    return out;
  }

  /** The inline tables of an array of them ({@code [{ name = "a" }, { name = "b", version = "1" }]}), flattened. */
  static List<Map<String, String>> inlineTables(TomlTables.Value v) throws ExtractException {
    List<Map<String, String>> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    String text = v.text();
    int depth = 0;
    int start = -1;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' && depth++ == 0) {
        start = i;
      } else if (c == '}' && --depth == 0) {
        Map<String, String> table = new LinkedHashMap<>();
        InlineTable.flatten("", text.substring(start, i + 1), v.line(), table);
        out.add(table);
      }
    }
    return out;
  }

  @Override
  public List<Package> extract(SourceFile file, ExtractContext context) throws ExtractException {
    List<TomlTables.Table> tables = TomlTables.parse(Extractor.text(file));
    Set<String> direct = new HashSet<>();
    Set<String> directDev = new HashSet<>();
    Set<String> directOptional = new HashSet<>(); // what only the project's extras declare
    List<TomlTables.Table> packages = new ArrayList<>();
    Map<TomlTables.Table, TomlTables.Table> extrasOf = new HashMap<>(); // a package's [package.optional-dependencies]
    Map<String, Set<String>> requestedExtras = new HashMap<>();
    boolean inProject = false;
    for (TomlTables.Table t : tables) {
      // Extras requested anywhere ({ name = "requests", extra = ["socks"] }) decide which optional dependencies are edges.
      if (t.header().equals("package") || t.header().equals("package.dev-dependencies")
          || t.header().equals("package.optional-dependencies")) {
        for (Map.Entry<String, TomlTables.Value> v : t.values().entrySet()) {
          if (!t.header().equals("package") || v.getKey().equals("dependencies")) {
            for (Map<String, String> dep : inlineTables(v.getValue())) {
              Matcher extra = QUOTED.matcher(dep.getOrDefault("extra", ""));
              while (extra.find()) {
                requestedExtras.computeIfAbsent(RequirementsExtractor.normalise(dep.getOrDefault("name", "")), k -> new HashSet<>())
                    .add(extra.group(1));
              }
            }
          }
        }
      }
      if (t.array() && t.header().equals("package")) {
        if (t.string("name").isEmpty()) {
          throw new ExtractException(t.line(), "[[package]] without name");
        }
        TomlTables.Value source = t.values().get("source");
        inProject = source != null && (source.text().contains("editable") || source.text().contains("virtual"));
        if (inProject) {
          direct.addAll(names(t.values().get("dependencies")));
        } else {
          packages.add(t);
        }
      } else if (!inProject && !packages.isEmpty() && t.header().equals("package.optional-dependencies")) {
        extrasOf.put(packages.get(packages.size() - 1), t);
      } else if (inProject && (t.header().equals("package.dev-dependencies") || t.header().equals("package.optional-dependencies"))) {
        boolean dev = t.header().equals("package.dev-dependencies");
        for (TomlTables.Value v : t.values().values()) {
          (dev ? directDev : directOptional).addAll(names(v));
        }
      } else if (t.array() || !t.header().startsWith("package.")) {
        inProject = false;
      }
    }
    List<Package> out = new ArrayList<>();
    List<List<String>> needs = new ArrayList<>();
    for (TomlTables.Table t : packages) {
      List<String> dependsOn = new ArrayList<>();
      List<Map<String, String>> deps = new ArrayList<>(inlineTables(t.values().get("dependencies")));
      TomlTables.Table extras = extrasOf.get(t);
      for (String extra : requestedExtras.getOrDefault(RequirementsExtractor.normalise(t.string("name")), Set.of())) {
        if (extras != null) {
          deps.addAll(inlineTables(extras.values().get(extra)));
        }
      }
      for (Map<String, String> dep : deps) {
        String depName = RequirementsExtractor.normalise(dep.getOrDefault("name", ""));
        if (!depName.isEmpty()) {
          dependsOn.add(dep.containsKey("version") ? depName + " " + dep.get("version") : depName);
        }
      }
      needs.add(dependsOn);
      TomlTables.Value source = t.values().get("source");
      Source kind = Source.REGISTRY;
      String resolved = "";
      if (source != null) {
        if (!inline(source, "git").isEmpty()) {
          kind = Source.GIT;
          resolved = inline(source, "git");
        } else if (!inline(source, "url").isEmpty()) {
          kind = Source.URL;
          resolved = inline(source, "url");
        } else if (!inline(source, "path").isEmpty() || !inline(source, "directory").isEmpty()) {
          kind = Source.FILE;
          resolved = inline(source, "path") + inline(source, "directory");
        } else {
          resolved = inline(source, "registry"); // the index, which the registry allow-list judges
        }
      }
      List<String> hashes = new ArrayList<>();
      for (String key : new String[] {"sdist", "wheels"}) {
        TomlTables.Value v = t.values().get(key);
        if (v != null) {
          Matcher m = HASH.matcher(v.text());
          while (m.find()) {
            hashes.add(m.group(1));
          }
        }
      }
      String name = RequirementsExtractor.normalise(t.string("name"));
      boolean isDirect = direct.contains(name) || directDev.contains(name) || directOptional.contains(name);
      Scope scope = direct.contains(name) ? Scope.RUNTIME : directOptional.contains(name) ? Scope.OPTIONAL : directDev.contains(name) ? Scope.DEV : Scope.RUNTIME;
      out.add(Package.builder(Ecosystem.PYPI, name, file.path())
          .locked(t.string("version"))
          .direct(isDirect)
          .scope(scope)
          .source(kind)
          .line(t.line())
          .resolved(resolved)
          .integrity(hashes.isEmpty() ? "" : hashes.get(0) + (hashes.size() > 1 ? " (+" + (hashes.size() - 1) + ")" : ""))
          .build());
    }
    return Edges.devOnlyAsDev(Edges.link(out, needs));
  }
}
