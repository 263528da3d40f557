package dev.shipgate.scanner.deps.extract;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import dev.shipgate.scanner.deps.Package.Pin;
import dev.shipgate.scanner.deps.Package.Scope;
import dev.shipgate.scanner.deps.Package.Source;
import dev.shipgate.scanner.deps.extract.Xml.Element;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maven {@code pom.xml}: the direct dependencies of the module and of its profiles active by default, with
 * {@code ${property}} interpolation and versions from {@code dependencyManagement}, both inherited from parent POMs
 * and imported from BOMs, found in the repository or else in the local Maven repository
 * ({@link ExtractContext#repositoryPom}). Transitive dependencies are {@link MavenTransitive}'s: see
 * {@link #coverageNote()}.
 */
public final class PomExtractor implements Extractor {

  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
  private static final int MAX_PARENTS = 10;
  private static final Pattern HARD_REQUIREMENT = Pattern.compile("^\\[([^,\\[\\]()]+)]$");

  @Override
  public String name() {
    return "maven/pom";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean accepts(String path) {
    return Extractor.fileName(path).equals("pom.xml") && !path.contains("/target/") && !path.startsWith("target/");
  }

  @Override
  public String coverageNote() {
    return "direct dependencies only: transitive Maven dependencies need their POMs in a local Maven repository (~/.m2), "
        + "and none was found";
  }

  /**
   * What a {@code pom.xml} declares, as transitive resolution needs it.
   *
   * @param packages the direct dependencies, as {@link #extract} returns them
   * @param managed the {@code dependencyManagement} versions ({@code group:artifact} to version), inherited and
   *     imported, properties interpolated; Maven applies them to transitive dependencies too. Entries whose version is
   *     still a property or a range are left out
   * @param exclusions per direct dependency ({@code group:artifact}), the {@code group:artifact} patterns it excludes
   *     ({@code *} for any part)
   * @param coordinates {@code group:artifact:version} of the POM itself, or "" when a part is unknown
   */
  public record Declared(List<Package> packages, Map<String, String> managed, Map<String, List<String>> exclusions, String coordinates) {}

  /** What a POM and its ancestors contribute: properties and managed versions, child entries winning. */
  private static final class Model {
    final Map<String, String> properties = new HashMap<>();
    final Map<String, String> managedVersions = new HashMap<>();
    final Map<String, String> managedScopes = new HashMap<>();
    /** Parents and BOMs found neither in the repository nor in the local Maven repository, as {@code g:a:v (kind)}. */
    final Set<String> missing = new LinkedHashSet<>();
  }

  @Override
  public List<Package> extract(SourceFile file, ExtractContext context) throws ExtractException {
    return read(file, context).packages();
  }

  /**
   * The direct dependencies with what transitive resolution needs besides them; parents and BOMs that could not be
   * found are named in one note on the file, since the versions and properties they define are then unknown.
   */
  public Declared read(SourceFile file, ExtractContext context) throws ExtractException {
    Element project = Xml.parse(Extractor.text(file));
    if (!project.name().equals("project")) {
      throw new ExtractException(project.line(), "root element is <" + project.name() + ">, not <project>");
    }
    Model model = model(file.path(), project, context, 0);
    if (!model.missing.isEmpty()) {
      context.note(file.path(), 0, "POMs found neither in the repository nor in the local Maven repository: "
          + String.join(", ", model.missing) + "; the versions and properties they define are unknown");
    }
    List<Element> deps = new ArrayList<>(project.list("dependencies", "dependency"));
    for (Element profile : activeProfiles(project)) {
      deps.addAll(profile.list("dependencies", "dependency"));
    }
    List<Package> out = new ArrayList<>();
    Map<String, List<String>> exclusions = new TreeMap<>();
    for (Element d : deps) {
      String group = interpolate(d.childText("groupId"), model);
      String artifact = interpolate(d.childText("artifactId"), model);
      if (group.isEmpty() || artifact.isEmpty()) {
        throw new ExtractException(d.line(), "dependency without groupId or artifactId");
      }
      String key = group + ":" + artifact;
      String version = d.childText("version").isEmpty() ? model.managedVersions.getOrDefault(key, "") : interpolate(d.childText("version"), model);
      String scope = d.childText("scope").isEmpty() ? model.managedScopes.getOrDefault(key, "compile") : interpolate(d.childText("scope"), model);
      if (scope.equals("import")) {
        continue;
      }
      java.util.regex.Matcher hard = HARD_REQUIREMENT.matcher(version);
      if (hard.matches()) {
        version = hard.group(1).strip(); // "[1.2.3]" requires exactly 1.2.3
      }
      Package.Builder b = Package.builder(Ecosystem.MAVEN, key, file.path()).direct(true).line(d.line())
          .scope(scopeOf(scope, interpolate(d.childText("optional"), model)))
          .version(version, pinOf(version));
      if (scope.equals("system")) {
        b.source(Source.FILE).resolved(interpolate(d.childText("systemPath"), model));
      }
      out.add(b.build());
      for (Element x : d.list("exclusions", "exclusion")) {
        String xg = interpolate(x.childText("groupId"), model);
        String xa = interpolate(x.childText("artifactId"), model);
        exclusions.computeIfAbsent(key, k -> new ArrayList<>()).add((xg.isEmpty() ? "*" : xg) + ":" + (xa.isEmpty() ? "*" : xa));
      }
    }
    Map<String, String> managed = new TreeMap<>();
    model.managedVersions.forEach((key, version) -> {
      if (!version.isEmpty() && !version.contains("${") && pinOf(version) == Pin.PINNED) {
        managed.put(key, version);
      }
    });
    String g = interpolate("${project.groupId}", model);
    String a = interpolate("${project.artifactId}", model);
    String v = interpolate("${project.version}", model);
    String coordinates = g.isEmpty() || a.isEmpty() || v.isEmpty() || (g + a + v).contains("${") ? "" : g + ":" + a + ":" + v;
    return new Declared(List.copyOf(out), managed, exclusions, coordinates);
  }

  /**
   * Properties and managed versions of a POM with its parents, oldest ancestor first so each child overrides what it
   * inherits (and an inherited {@code ${x}} takes the child's {@code x}, as Maven interpolates after inheriting); BOMs
   * imported with {@code <scope>import</scope>} contribute the versions not managed explicitly, first import first,
   * as Maven does. Parents and BOMs come from the repository, else from the local Maven repository.
   *
   * @param path the POM's repository-relative path, or null for a POM of the local Maven repository (whose parents
   *     come from there, never by {@code relativePath})
   */
  private Model model(String path, Element project, ExtractContext context, int depth) {
    List<Element> chain = new ArrayList<>();
    chain.add(project);
    Model model = new Model();
    parents(path, project, context, chain, model.missing);
    for (int i = chain.size() - 1; i >= 0; i--) {
      Element pom = chain.get(i);
      for (Element p : children(pom.child("properties"))) {
        model.properties.put(p.name(), p.text());
      }
      for (Element profile : activeProfiles(pom)) {
        for (Element p : children(profile.child("properties"))) {
          model.properties.put(p.name(), p.text());
        }
      }
      String groupId = pom.childText("groupId").isEmpty() && pom.child("parent") != null ? pom.child("parent").childText("groupId") : pom.childText("groupId");
      String version = pom.childText("version").isEmpty() && pom.child("parent") != null ? pom.child("parent").childText("version") : pom.childText("version");
      model.properties.put("project.groupId", groupId);
      model.properties.put("project.artifactId", pom.childText("artifactId"));
      model.properties.put("project.version", version);
      if (pom.child("parent") != null) {
        model.properties.put("project.parent.version", pom.child("parent").childText("version"));
        model.properties.put("project.parent.groupId", pom.child("parent").childText("groupId"));
      }
    }
    List<Element> imports = new ArrayList<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      Element pom = chain.get(i);
      List<Element> managed = new ArrayList<>(pom.child("dependencyManagement") == null ? List.of() : pom.child("dependencyManagement").list("dependencies", "dependency"));
      for (Element profile : activeProfiles(pom)) {
        if (profile.child("dependencyManagement") != null) {
          managed.addAll(profile.child("dependencyManagement").list("dependencies", "dependency"));
        }
      }
      for (Element d : managed) {
        if (d.childText("scope").equals("import") && d.childText("type").equals("pom")) {
          imports.add(d);
          continue;
        }
        String key = interpolate(d.childText("groupId"), model) + ":" + interpolate(d.childText("artifactId"), model);
        model.managedVersions.put(key, interpolate(d.childText("version"), model));
        if (!d.childText("scope").isEmpty()) {
          model.managedScopes.put(key, d.childText("scope"));
        }
      }
    }
    if (depth < MAX_PARENTS) {
      for (Element d : imports) {
        String g = interpolate(d.childText("groupId"), model);
        String a = interpolate(d.childText("artifactId"), model);
        String v = interpolate(d.childText("version"), model);
        boolean found = false;
        for (SourceFile candidate : context.named("pom.xml")) {
          Element bom;
          try {
            bom = Xml.parse(Extractor.text(candidate));
          } catch (ExtractException e) {
            continue; // reported when that file itself is scanned
          }
          String bg = bom.childText("groupId").isEmpty() && bom.child("parent") != null ? bom.child("parent").childText("groupId") : bom.childText("groupId");
          String bv = bom.childText("version").isEmpty() && bom.child("parent") != null ? bom.child("parent").childText("version") : bom.childText("version");
          if (bom.childText("artifactId").equals(a) && bg.equals(g) && (v.isEmpty() || bv.equals(v) || bv.contains("${"))) {
            importInto(model, model(candidate.path(), bom, context, depth + 1));
            found = true;
            break;
          }
        }
        if (!found) {
          Element bom = repositoryPom(g, a, v, "BOM", context, model.missing);
          if (bom != null) {
            importInto(model, model(null, bom, context, depth + 1));
          }
        }
      }
    }
    return model;
  }

  private static void importInto(Model model, Model imported) {
    imported.managedVersions.forEach(model.managedVersions::putIfAbsent);
    imported.managedScopes.forEach(model.managedScopes::putIfAbsent);
    model.missing.addAll(imported.missing);
  }

  /** A POM of the local Maven repository, or null (then recorded in {@code missing}: absent, or unreadable and why). */
  private static Element repositoryPom(String g, String a, String v, String kind, ExtractContext context, Set<String> missing) {
    Optional<SourceFile> f = (g + a + v).contains("${") ? Optional.empty() : context.repositoryPom(g, a, v);
    if (f.isEmpty()) {
      missing.add(g + ":" + a + ":" + v + " (" + kind + ")");
      return null;
    }
    try {
      Element pom = Xml.parse(Extractor.text(f.get()));
      if (pom.name().equals("project")) {
        return pom;
      }
      missing.add(g + ":" + a + ":" + v + " (" + kind + ", its root element is <" + pom.name() + ">)");
    } catch (ExtractException e) {
      missing.add(g + ":" + a + ":" + v + " (" + kind + ", unreadable: line " + e.line() + ": " + e.getMessage() + ")");
    }
    return null;
  }

  private static List<Element> children(Element e) {
    return e == null ? List.of() : e.children();
  }

  private static List<Element> activeProfiles(Element pom) {
    List<Element> out = new ArrayList<>();
    for (Element profile : pom.list("profiles", "profile")) {
      Element activation = profile.child("activation");
      if (activation != null && activation.childText("activeByDefault").equals("true")) {
        out.add(profile);
      }
    }
    return out;
  }

  /**
   * Appends the ancestors of {@code pom}: by {@code relativePath} while they are files of the repository naming the
   * parent's artifactId, else from the local Maven repository (as Maven does), from where the rest follow too.
   */
  private static void parents(String path, Element pom, ExtractContext context, List<Element> chain, Set<String> missing) {
    String current = path;
    Element child = pom;
    for (int depth = 0; depth < MAX_PARENTS; depth++) {
      Element parent = child.child("parent");
      if (parent == null) {
        return;
      }
      SourceFile local = current == null ? null : inTree(current, parent, context);
      Element p = null;
      if (local != null) {
        try {
          p = Xml.parse(Extractor.text(local));
        } catch (ExtractException e) {
          context.note(local.path(), e.line(), "parent POM unreadable: " + e.getMessage());
          return;
        }
      }
      // The file at relativePath must be the parent named, or Maven looks it up in a repository instead.
      if (p != null && p.childText("artifactId").equals(parent.childText("artifactId"))) {
        current = local.path();
      } else {
        p = repositoryPom(parent.childText("groupId"), parent.childText("artifactId"), parent.childText("version"), "parent", context, missing);
        if (p == null) {
          return;
        }
        current = null;
      }
      chain.add(p);
      child = p;
    }
  }

  /** The file {@code <parent>}'s relativePath (default {@code ../pom.xml}) names in the repository, or null. */
  private static SourceFile inTree(String current, Element parent, ExtractContext context) {
    String rel = parent.child("relativePath") == null ? "../pom.xml" : parent.childText("relativePath");
    if (rel.isEmpty()) {
      return null; // <relativePath/>: the parent comes from a repository, not this tree
    }
    if (!rel.endsWith(".xml")) {
      rel = rel.endsWith("/") ? rel + "pom.xml" : rel + "/pom.xml";
    }
    String target = ExtractContext.resolve(Extractor.directory(current), rel);
    return target == null ? null : context.find(target).orElse(null);
  }

  static String interpolate(String value, Map<String, String> properties) {
    String v = value;
    for (int round = 0; round < 10 && v.contains("${"); round++) {
      Matcher m = PROPERTY.matcher(v);
      StringBuilder sb = new StringBuilder();
      boolean changed = false;
      while (m.find()) {
        String key = m.group(1);
        String replacement = properties.get(key);
        if (replacement == null && key.startsWith("pom.")) {
          replacement = properties.get("project." + key.substring(4));
        }
        if (replacement == null && !key.contains(".") && properties.containsKey("project." + key)) {
          replacement = properties.get("project." + key);
        }
        if (replacement != null) {
          changed = true;
        }
        m.appendReplacement(sb, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
      }
      m.appendTail(sb);
      v = sb.toString();
      if (!changed) {
        break;
      }
    }
    return v;
  }

  private static String interpolate(String value, Model model) {
    return interpolate(value, model.properties);
  }

  /** An exact version, a range or keyword (unpinned), or unknown (absent, or a property defined outside the tree). */
  static Pin pinOf(String version) {
    if (version.isEmpty() || version.contains("${")) {
      return Pin.NONE;
    }
    if (version.startsWith("[") || version.startsWith("(") || version.contains(",") || version.equals("LATEST") || version.equals("RELEASE")) {
      return Pin.RANGE;
    }
    return Pin.PINNED;
  }

  private static Scope scopeOf(String scope, String optional) {
    if (scope.equals("test")) {
      return Scope.TEST;
    }
    return optional.equals("true") ? Scope.OPTIONAL : Scope.RUNTIME;
  }
}
