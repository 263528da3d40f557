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
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maven {@code pom.xml}: the direct dependencies of the module and of its active profiles ({@link MavenProfiles}), with
 * {@code ${property}} interpolation and versions from {@code dependencyManagement}, both inherited from parent POMs
 * and imported from BOMs, found in the repository or else in the local Maven repository
 * ({@link ExtractContext#repositoryPom}). Transitive dependencies are {@link MavenTransitive}'s: see
 * {@link #coverageNote()}.
 */
public final class PomExtractor implements Extractor {

  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
  private static final int MAX_PARENTS = 10;
  /** A javac release: "17", "8", or the old "1.8". */
  private static final Pattern JAVA_RELEASE = Pattern.compile("(?:1\\.)?(\\d{1,3})(?:\\.\\d+)*");
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
   * @param jdkFloor the lowest JDK that can build the POM ({@link MavenProfiles.Build#jdkFloor})
   */
  public record Declared(List<Package> packages, Map<String, String> managed, Map<String, List<String>> exclusions, String coordinates,
      int jdkFloor) {}

  /** What a POM and its ancestors contribute: properties and managed versions, child entries winning. */
  private static final class Model {
    final Map<String, String> properties = new HashMap<>();
    final Map<String, String> managedVersions = new HashMap<>();
    final Map<String, String> managedScopes = new HashMap<>();
    /** Parents and BOMs found neither in the repository nor in the local Maven repository, as {@code g:a:v (kind)}. */
    final Set<String> missing = new LinkedHashSet<>();
    /** The active profiles of each POM of the chain (by identity: equal elements of two POMs are two profiles). */
    final Map<Element, List<Element>> active = new IdentityHashMap<>();
    /** Profiles with dependencies whose activation could not be decided, one line each naming the POM. */
    final Set<String> undecided = new LinkedHashSet<>();
    MavenProfiles.Build build;
  }

  /** How the POM at {@code path} (null: one of the local Maven repository) is built, before the JDK is known. */
  private record Situation(MavenProfiles.Build build, MavenProfiles.Place place) {}

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
    String dir = Extractor.directory(file.path());
    Situation situation = new Situation(MavenProfiles.Build.of(dir, context::find).overriddenBy(context.statedMavenBuild()), new MavenProfiles.Place(dir, context::exists));
    Model model = model(file.path(), project, context, 0, situation);
    if (!model.missing.isEmpty()) {
      context.note(file.path(), 0, "POMs found neither in the repository nor in the local Maven repository: "
          + String.join(", ", model.missing) + "; the versions and properties they define are unknown");
    }
    for (String u : model.undecided) {
      context.note(file.path(), 0, u);
    }
    List<Element> deps = new ArrayList<>(project.list("dependencies", "dependency"));
    for (Element profile : model.active.getOrDefault(project, List.of())) {
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
    return new Declared(List.copyOf(out), managed, exclusions, coordinates, model.build.jdkFloor());
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
  private Model model(String path, Element project, ExtractContext context, int depth, Situation situation) {
    List<Element> chain = new ArrayList<>();
    chain.add(project);
    Model model = new Model();
    parents(path, project, context, chain, model.missing);
    // Profiles are chosen per POM of the chain in the context of the POM being built (its directory, as Maven 3
    // resolves a parent's file activation against the child); the JDK bound comes from the properties without them.
    model.build = depth > 0 ? situation.build() : situation.build().withJdkFloor(jdkFloor(chain));
    for (int i = 0; i < chain.size(); i++) {
      Element pom = chain.get(i);
      model.active.put(pom, activeProfiles(pom, i == 0 ? path : null, model, situation));
    }
    for (int i = chain.size() - 1; i >= 0; i--) {
      Element pom = chain.get(i);
      for (Element p : children(pom.child("properties"))) {
        model.properties.put(p.name(), p.text());
      }
      for (Element profile : model.active.get(pom)) {
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
      for (Element profile : model.active.get(pom)) {
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
            importInto(model, model(candidate.path(), bom, context, depth + 1,
                new Situation(model.build, new MavenProfiles.Place(Extractor.directory(candidate.path()), context::exists))));
            found = true;
            break;
          }
        }
        if (!found) {
          Element bom = repositoryPom(g, a, v, "BOM", context, model.missing);
          if (bom != null) {
            importInto(model, model(null, bom, context, depth + 1, new Situation(model.build, new MavenProfiles.Place(null, context::exists))));
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
    model.undecided.addAll(imported.undecided);
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

  /**
   * The profiles of one POM of the chain Maven would activate; those left undecided that bring dependencies are
   * recorded in the model's notes, with where they are ({@code path} null: a parent, named by coordinates).
   */
  private static List<Element> activeProfiles(Element pom, String path, Model model, Situation situation) {
    List<Element> profiles = pom.list("profiles", "profile");
    if (profiles.isEmpty()) {
      return List.of();
    }
    List<MavenProfiles.Activation> activations = profiles.stream().map(MavenProfiles.Activation::of).toList();
    List<MavenProfiles.Decision> decisions = MavenProfiles.select(activations, model.build, situation.place());
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < profiles.size(); i++) {
      Element profile = profiles.get(i);
      MavenProfiles.Decision d = decisions.get(i);
      if (d.state() == MavenProfiles.State.ACTIVE) {
        out.add(profile);
      } else if (d.state() == MavenProfiles.State.UNDECIDED) {
        List<String> brought = new ArrayList<>();
        for (Element dep : profile.list("dependencies", "dependency")) {
          brought.add(coordinates(dep));
        }
        Element dm = profile.child("dependencyManagement");
        for (Element dep : dm == null ? List.<Element>of() : dm.list("dependencies", "dependency")) {
          brought.add(coordinates(dep) + " (managed)");
        }
        if (!brought.isEmpty()) {
          String where = path != null ? "line " + profile.line() : "in " + pomCoordinates(pom) + " line " + profile.line();
          model.undecided.add("profile '" + d.profile().id() + "' (" + where + ") not inventoried: " + d.reason() + "; it declares "
              + String.join(", ", brought));
        }
      }
    }
    return out;
  }

  private static String coordinates(Element dep) {
    String v = dep.childText("version");
    return dep.childText("groupId") + ":" + dep.childText("artifactId") + (v.isEmpty() ? "" : ":" + v);
  }

  private static String pomCoordinates(Element pom) {
    Element parent = pom.child("parent");
    String g = pom.childText("groupId").isEmpty() && parent != null ? parent.childText("groupId") : pom.childText("groupId");
    String v = pom.childText("version").isEmpty() && parent != null ? parent.childText("version") : pom.childText("version");
    return g + ":" + pom.childText("artifactId") + ":" + v;
  }

  /**
   * The lowest JDK that can compile the POM: javac emits no newer release than its own, so the build JDK is at least
   * the compiler plugin's {@code release} (else {@code target}, else {@code source}), from its configuration or the
   * {@code maven.compiler.*} properties. A toolchain compiles with another JDK than the one running Maven (the one
   * profiles see): then nothing is known. 0 when unknown.
   */
  static int jdkFloor(List<Element> chain) {
    Map<String, String> properties = new HashMap<>();
    Map<String, String> configured = new HashMap<>();
    for (int i = chain.size() - 1; i >= 0; i--) {
      Element pom = chain.get(i);
      for (Element p : children(pom.child("properties"))) {
        properties.put(p.name(), p.text());
      }
      Element build = pom.child("build");
      if (build == null) {
        continue;
      }
      List<Element> plugins = new ArrayList<>(build.list("plugins", "plugin"));
      if (build.child("pluginManagement") != null) {
        plugins.addAll(build.child("pluginManagement").list("plugins", "plugin"));
      }
      for (Element plugin : plugins) {
        if (plugin.childText("artifactId").equals("maven-toolchains-plugin")) {
          return 0;
        }
        Element config = plugin.child("configuration");
        if (plugin.childText("artifactId").equals("maven-compiler-plugin") && config != null) {
          if (config.child("jdkToolchain") != null || config.childText("fork").equals("true")) {
            return 0;
          }
          for (String key : List.of("release", "target", "source")) {
            if (!config.childText(key).isEmpty()) {
              configured.put(key, config.childText(key));
            }
          }
        }
      }
    }
    for (String key : List.of("release", "target", "source")) {
      String v = interpolate(configured.getOrDefault(key, properties.getOrDefault("maven.compiler." + key, "")), properties);
      Matcher m = JAVA_RELEASE.matcher(v.strip());
      if (v.length() <= 16 && m.matches()) {
        return Integer.parseInt(m.group(1));
      }
    }
    return 0;
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
    if (scope.equals("provided")) {
      return Scope.PROVIDED; // optional or not, the artifact never ships it
    }
    return optional.equals("true") ? Scope.OPTIONAL : Scope.RUNTIME;
  }
}
