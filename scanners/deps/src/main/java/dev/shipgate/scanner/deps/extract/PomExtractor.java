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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maven {@code pom.xml}: the direct dependencies of the module and of its profiles active by default, with
 * {@code ${property}} interpolation and versions from {@code dependencyManagement}, both inherited from
 * parent POMs found in the repository. No transitive resolution: see {@link #coverageNote()}.
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

  /** What a POM and its ancestors contribute: properties and managed versions, child entries winning. */
  private static final class Model {
    final Map<String, String> properties = new HashMap<>();
    final Map<String, String> managedVersions = new HashMap<>();
    final Map<String, String> managedScopes = new HashMap<>();
  }

  @Override
  public List<Package> extract(SourceFile file, ExtractContext context) throws ExtractException {
    Element project = Xml.parse(Extractor.text(file));
    if (!project.name().equals("project")) {
      throw new ExtractException(project.line(), "root element is <" + project.name() + ">, not <project>");
    }
    Model model = model(file.path(), project, context, 0);
    List<Element> deps = new ArrayList<>(project.list("dependencies", "dependency"));
    for (Element profile : activeProfiles(project)) {
      deps.addAll(profile.list("dependencies", "dependency"));
    }
    List<Package> out = new ArrayList<>();
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
    }
    return out;
  }

  /**
   * The versions the POM's {@code dependencyManagement} fixes ({@code group:artifact} to version), inherited and
   * imported as {@link #extract} applies them, with properties interpolated; Maven applies them to transitive
   * dependencies too. Entries whose version is still a property or a range are left out.
   */
  public Map<String, String> managedVersions(SourceFile file, ExtractContext context) throws ExtractException {
    Element project = Xml.parse(Extractor.text(file));
    Model model = model(file.path(), project, context, 0);
    Map<String, String> out = new java.util.TreeMap<>();
    model.managedVersions.forEach((key, version) -> {
      if (!version.isEmpty() && !version.contains("${") && pinOf(version) == Pin.PINNED) {
        out.put(key, version);
      }
    });
    return out;
  }

  /**
   * Properties and managed versions of a POM with its in-repository parents, oldest ancestor first so each
   * child overrides what it inherits; BOMs imported with {@code <scope>import</scope>} that are POMs of this
   * repository contribute the versions not managed explicitly, first import first, as Maven does.
   */
  private Model model(String path, Element project, ExtractContext context, int depth) {
    List<Element> chain = new ArrayList<>();
    chain.add(project);
    parents(path, project, context, chain);
    Model model = new Model();
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
            Model imported = model(candidate.path(), bom, context, depth + 1);
            imported.managedVersions.forEach(model.managedVersions::putIfAbsent);
            imported.managedScopes.forEach(model.managedScopes::putIfAbsent);
            break;
          }
        }
      }
    }
    return model;
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

  private static void parents(String path, Element pom, ExtractContext context, List<Element> chain) {
    String current = path;
    Element child = pom;
    for (int depth = 0; depth < MAX_PARENTS; depth++) {
      Element parent = child.child("parent");
      if (parent == null) {
        return;
      }
      String rel = parent.child("relativePath") == null ? "../pom.xml" : parent.childText("relativePath");
      if (rel.isEmpty()) {
        return; // <relativePath/>: the parent comes from a repository, not this tree
      }
      if (!rel.endsWith(".xml")) {
        rel = rel.endsWith("/") ? rel + "pom.xml" : rel + "/pom.xml";
      }
      String target = ExtractContext.resolve(Extractor.directory(current), rel);
      Optional<SourceFile> f = target == null ? Optional.empty() : context.find(target);
      if (f.isEmpty()) {
        return;
      }
      Element p;
      try {
        p = Xml.parse(Extractor.text(f.get()));
      } catch (ExtractException e) {
        context.note(f.get().path(), e.line(), "parent POM unreadable: " + e.getMessage());
        return;
      }
      // The file at relativePath must be the parent named, or Maven looks it up in a repository instead.
      if (!p.childText("artifactId").equals(parent.childText("artifactId"))) {
        return;
      }
      chain.add(p);
      current = target;
      child = p;
    }
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
