package dev.shipgate.scanner.deps.extract;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Package.Scope;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which names a Python project declares itself, for lockfiles that do not say: {@code pyproject.toml}
 * ({@code [project]} dependencies and optional dependencies, PEP 735 {@code [dependency-groups]}, Poetry's
 * {@code [tool.poetry.*dependencies]} and groups, PDM's {@code [tool.pdm.dev-dependencies]}) and Pipenv's
 * {@code Pipfile}. Names map to DEV when only development sections declare them.
 */
final class PythonProject {

  private static final Pattern REQUIREMENT_NAME = Pattern.compile("^\\s*([A-Za-z0-9][A-Za-z0-9._-]*)");

  private PythonProject() {}

  static Map<String, Scope> declared(String lockfile, ExtractContext context) {
    Map<String, Scope> names = new HashMap<>();
    String dir = Extractor.directory(lockfile);
    for (String manifest : new String[] {"pyproject.toml", "Pipfile"}) {
      Optional<SourceFile> f = context.find(dir + manifest);
      if (f.isEmpty()) {
        continue;
      }
      try {
        for (TomlTables.Table t : TomlTables.parse(Extractor.text(f.get()))) {
          read(t, names);
        }
      } catch (ExtractException e) {
        context.note(f.get().path(), e.line(), manifest + " unreadable, direct dependencies of " + lockfile + " unknown: " + e.getMessage());
      }
    }
    return names;
  }

  /** The extras the sibling {@code pyproject.toml} defines ({@code [project.optional-dependencies]} keys). */
  static Set<String> extras(String lockfile, ExtractContext context) {
    Set<String> out = new HashSet<>();
    Optional<SourceFile> f = context.find(Extractor.directory(lockfile) + "pyproject.toml");
    if (f.isPresent()) {
      try {
        for (TomlTables.Table t : TomlTables.parse(Extractor.text(f.get()))) {
          if (t.header().equals("project.optional-dependencies")) {
            out.addAll(t.values().keySet());
          }
        }
      } catch (ExtractException e) {
        // declared() notes the unreadable file
      }
    }
    return out;
  }

  private static void read(TomlTables.Table t, Map<String, Scope> names) {
    String h = t.header();
    switch (h) {
      case "project" -> {
        TomlTables.Value deps = t.values().get("dependencies");
        if (deps != null) {
          deps.strings().forEach(r -> add(names, requirementName(r), Scope.RUNTIME));
        }
      }
      case "project.optional-dependencies" -> t.values().values().forEach(v -> v.strings().forEach(r -> add(names, requirementName(r), Scope.OPTIONAL)));
      case "dependency-groups", "tool.pdm.dev-dependencies", "tool.uv" -> {
        for (Map.Entry<String, TomlTables.Value> e : t.values().entrySet()) {
          if (h.equals("tool.uv") && !e.getKey().equals("dev-dependencies")) {
            continue;
          }
          e.getValue().strings().forEach(r -> add(names, requirementName(r), Scope.DEV));
        }
      }
      case "tool.poetry.dependencies", "packages" -> t.values().keySet().forEach(k -> add(names, k, Scope.RUNTIME));
      case "tool.poetry.dev-dependencies", "dev-packages" -> t.values().keySet().forEach(k -> add(names, k, Scope.DEV));
      default -> {
        if (h.startsWith("tool.poetry.group.") && h.endsWith(".dependencies")) {
          t.values().keySet().forEach(k -> add(names, k, Scope.DEV));
        }
      }
    }
  }

  private static String requirementName(String requirement) {
    Matcher m = REQUIREMENT_NAME.matcher(requirement);
    return m.find() ? m.group(1) : "";
  }

  private static void add(Map<String, Scope> names, String name, Scope scope) {
    if (name.isEmpty() || name.equals("python")) {
      return;
    }
    names.merge(RequirementsExtractor.normalise(name), scope, (a, b) -> a == Scope.RUNTIME || b == Scope.RUNTIME ? Scope.RUNTIME : a);
  }
}
