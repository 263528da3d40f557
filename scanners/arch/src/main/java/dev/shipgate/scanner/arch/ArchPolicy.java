package dev.shipgate.scanner.arch;

import dev.shipgate.core.model.Severity;
import dev.shipgate.core.policy.Glob;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The {@code scanners.arch} section, validated: every mistake is a {@link PolicyException} naming file, line and
 * column of the offending value. See the module README for the reference.
 */
public record ArchPolicy(List<Forbidden> forbidden, Map<String, Layer> layers, List<LayerRule> layerRules,
    List<Requirement> requirements, List<Dependency> dependencies) {

  public static final String FORBIDDEN = "forbidden";
  public static final String LAYERS = "layers";
  public static final String LAYER_RULES = "layer_rules";
  public static final String REQUIRE = "require";
  public static final String DEPENDENCIES = "dependencies";
  public static final Set<String> KEYS = Set.of(FORBIDDEN, LAYERS, LAYER_RULES, REQUIRE, DEPENDENCIES);

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Pattern MODULE = Pattern.compile("(?:node:)?(?:@[A-Za-z0-9_.~-]+/)?[A-Za-z0-9_.~-]+(?:/[A-Za-z0-9_.~-]+)*");
  private static final Pattern COORDINATE = Pattern.compile("[A-Za-z0-9_.*-]+:[A-Za-z0-9_.*-]+");

  /** Packages and/or path globs where a forbidden name is allowed: the blessed wrapper itself. */
  public record Allowed(List<PackagePattern> packages, List<Glob> paths) {
    public boolean covers(String pkg, String path) {
      return coversPath(path) || (pkg != null && packages.stream().anyMatch(p -> p.matches(pkg)));
    }

    public boolean coversPath(String path) {
      return paths.stream().anyMatch(g -> g.matches(path));
    }

    /** The entries as written, for messages and instructions. */
    public List<String> describe() {
      List<String> out = new ArrayList<>();
      packages.forEach(p -> out.add(p.source()));
      paths.forEach(g -> out.add(g.source()));
      return out;
    }
  }

  /** An API family reserved for a wrapper: Java names and/or Python/JavaScript modules. */
  public record Forbidden(String id, List<JavaPattern> java, List<String> modules, Allowed allowed, String message,
      Severity severity) {}

  public record Layer(String name, List<PackagePattern> packages) {
    public boolean contains(String pkg) {
      return pkg != null && packages.stream().anyMatch(p -> p.matches(pkg));
    }
  }

  /** Code in layer {@code from} must not refer to any layer in {@code deny}. */
  public record LayerRule(String id, String from, List<String> deny, String message, Severity severity) {}

  /** Classes annotated with {@code annotated} must have a field or constructor parameter of type {@code inject}. */
  public record Requirement(String id, JavaPattern annotated, String inject, String message, Severity severity) {}

  /** Forbidden or required build dependencies: Maven coordinates (group:artifact, wildcards) and npm names. */
  public record Dependency(String id, boolean required, List<String> maven, List<String> npm, String message,
      Severity severity, List<Pattern> mavenPatterns) {

    Dependency(String id, boolean required, List<String> maven, List<String> npm, String message, Severity severity) {
      this(id, required, maven, npm, message, severity, maven.stream().map(ArchPolicy::wildcard).toList());
    }

    public boolean matchesMaven(String group, String artifact) {
      String coordinate = group + ":" + artifact;
      return mavenPatterns.stream().anyMatch(m -> m.matcher(coordinate).matches());
    }

    public boolean matchesNpm(String name) {
      return npm.contains(name);
    }
  }

  static Pattern wildcard(String glob) {
    StringBuilder re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      re.append(c == '*' ? "[^:]*" : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(re.toString());
  }

  public boolean isEmpty() {
    return forbidden.isEmpty() && layerRules.isEmpty() && requirements.isEmpty() && dependencies.isEmpty();
  }

  /** Reads and validates the section. */
  public static ArchPolicy parse(Settings s) throws PolicyException {
    Set<String> allowed = new HashSet<>(KEYS);
    allowed.add("enabled"); // every family's switch, read by the policy loader
    s.requireOnly(allowed, "scanners.arch");
    Set<String> ids = new HashSet<>();
    List<Forbidden> forbidden = new ArrayList<>();
    for (Settings e : entries(s, FORBIDDEN)) {
      e.requireOnly(Set.of("id", "java", "modules", "allowed_in", "message", "severity"), "a forbidden entry");
      String id = id(e, ids);
      List<JavaPattern> java = new ArrayList<>();
      for (Item item : items(e, "java")) {
        try {
          java.add(JavaPattern.parse(item.value()));
        } catch (IllegalArgumentException ex) {
          throw Settings.error(e.file(), item.node(), ex.getMessage());
        }
      }
      List<String> modules = new ArrayList<>();
      for (Item item : items(e, "modules")) {
        String m = item.value().trim();
        if (!MODULE.matcher(m).matches()) {
          throw Settings.error(e.file(), item.node(), "'" + m + "' is not a Python or JavaScript module name (requests, "
              + "os.path, axios, @scope/pkg, child_process)");
        }
        modules.add(m.startsWith("node:") ? m.substring(5) : m);
      }
      if (java.isEmpty() && modules.isEmpty()) {
        throw e.errorAt("id", "forbidden entry '" + id + "' needs 'java' patterns and/or 'modules'");
      }
      forbidden.add(new Forbidden(id, List.copyOf(java), List.copyOf(modules), allowed(e), message(e, id),
          severity(e)));
    }

    Map<String, Layer> layers = new LinkedHashMap<>();
    Settings layerSection = s.section(LAYERS);
    for (String name : layerSection.keys()) {
      List<PackagePattern> packages = new ArrayList<>();
      for (Item item : items(layerSection, name)) {
        try {
          packages.add(PackagePattern.parse(item.value()));
        } catch (IllegalArgumentException ex) {
          throw Settings.error(s.file(), item.node(), ex.getMessage());
        }
      }
      if (packages.isEmpty()) {
        throw layerSection.errorAt(name, "layer '" + name + "' needs at least one package pattern");
      }
      layers.put(name, new Layer(name, List.copyOf(packages)));
    }

    List<LayerRule> layerRules = new ArrayList<>();
    for (Settings e : entries(s, LAYER_RULES)) {
      e.requireOnly(Set.of("id", "from", "deny", "message", "severity"), "a layer rule");
      String id = id(e, ids);
      String from = e.string("from", null);
      if (from == null) {
        throw e.errorAt("id", "layer rule '" + id + "' needs 'from' (a layer name)");
      }
      if (!layers.containsKey(from)) {
        throw e.errorAt("from", "'" + from + "' is not a layer defined under scanners.arch.layers (known: "
            + String.join(", ", layers.keySet()) + ")");
      }
      List<String> deny = new ArrayList<>();
      for (Item item : items(e, "deny")) {
        if (!layers.containsKey(item.value())) {
          throw Settings.error(e.file(), item.node(), "'" + item.value() + "' is not a layer defined under scanners.arch.layers");
        }
        deny.add(item.value());
      }
      if (deny.isEmpty()) {
        throw e.errorAt("id", "layer rule '" + id + "' needs 'deny' (the layers it must not use)");
      }
      layerRules.add(new LayerRule(id, from, List.copyOf(deny), message(e, id), severity(e)));
    }

    List<Requirement> requirements = new ArrayList<>();
    for (Settings e : entries(s, REQUIRE)) {
      e.requireOnly(Set.of("id", "annotated", "inject", "message", "severity"), "a require entry");
      String id = id(e, ids);
      String annotated = e.string("annotated", null);
      String inject = e.string("inject", null);
      if (annotated == null || inject == null) {
        throw e.errorAt("id", "require entry '" + id + "' needs 'annotated' (an annotation type) and 'inject' (a type)");
      }
      JavaPattern annotation;
      try {
        annotation = JavaPattern.parse(annotated.startsWith("@") ? annotated.substring(1) : annotated);
      } catch (IllegalArgumentException ex) {
        throw e.errorAt("annotated", ex.getMessage());
      }
      if (annotation.kind() != JavaPattern.Kind.TYPE || annotation.simpleType() == null) {
        throw e.errorAt("annotated", "'annotated' must name one annotation type, e.g. org.springframework.web.bind.annotation.RestController");
      }
      JavaPattern injected;
      try {
        injected = JavaPattern.parse(inject);
      } catch (IllegalArgumentException ex) {
        throw e.errorAt("inject", ex.getMessage());
      }
      if (injected.kind() != JavaPattern.Kind.TYPE || injected.simpleType() == null) {
        throw e.errorAt("inject", "'inject' must name one type, e.g. com.acme.audit.AuditLogger");
      }
      requirements.add(new Requirement(id, annotation, inject.trim(), message(e, id), severity(e)));
    }

    List<Dependency> dependencies = new ArrayList<>();
    Settings deps = s.section(DEPENDENCIES);
    deps.requireOnly(Set.of("forbidden", "required"), "scanners.arch.dependencies");
    for (String kind : List.of("forbidden", "required")) {
      for (Settings e : entries(deps, kind)) {
        e.requireOnly(Set.of("id", "maven", "npm", "message", "severity"), "a dependency entry");
        String id = id(e, ids);
        List<String> maven = new ArrayList<>();
        for (Item item : items(e, "maven")) {
          if (!COORDINATE.matcher(item.value().trim()).matches()) {
            throw Settings.error(e.file(), item.node(), "'" + item.value() + "' is not a Maven coordinate groupId:artifactId "
                + "(wildcards * allowed, no version)");
          }
          maven.add(item.value().trim());
        }
        List<String> npm = new ArrayList<>();
        for (Item item : items(e, "npm")) {
          if (!MODULE.matcher(item.value().trim()).matches()) {
            throw Settings.error(e.file(), item.node(), "'" + item.value() + "' is not an npm package name");
          }
          npm.add(item.value().trim());
        }
        if (maven.isEmpty() && npm.isEmpty()) {
          throw e.errorAt("id", "dependency entry '" + id + "' needs 'maven' coordinates and/or 'npm' names");
        }
        dependencies.add(new Dependency(id, kind.equals("required"), List.copyOf(maven), List.copyOf(npm), message(e, id),
            severity(e)));
      }
    }
    return new ArchPolicy(List.copyOf(forbidden), java.util.Collections.unmodifiableMap(layers), List.copyOf(layerRules), List.copyOf(requirements),
        List.copyOf(dependencies));
  }

  /** A list value with its node, so an error points at the item rather than the list. */
  private record Item(String value, Node node) {}

  private static List<Item> items(Settings s, String key) throws PolicyException {
    Node n = s.node(key);
    if (n == null) {
      return List.of();
    }
    if (n instanceof ScalarNode sc) {
      return sc.getValue().isBlank() ? List.of() : List.of(new Item(sc.getValue(), sc));
    }
    if (!(n instanceof SequenceNode seq)) {
      throw s.errorAt(key, "'" + key + "' must be a list");
    }
    List<Item> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      if (!(item instanceof ScalarNode sc) || sc.getValue().isBlank()) {
        throw Settings.error(s.file(), item, "items of '" + key + "' must be single, non-empty values");
      }
      out.add(new Item(sc.getValue(), sc));
    }
    return out;
  }

  private static List<Settings> entries(Settings s, String key) throws PolicyException {
    Node n = s.node(key);
    if (n == null) {
      return List.of();
    }
    if (!(n instanceof SequenceNode seq)) {
      throw s.errorAt(key, "'" + key + "' must be a list of entries, each a mapping with an 'id'");
    }
    List<Settings> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      out.add(Settings.of(s.file(), item, "an entry of '" + key + "'"));
    }
    return out;
  }

  private static String id(Settings e, Set<String> seen) throws PolicyException {
    String id = e.string("id", null);
    if (id == null) {
      throw e.errorAt("id", "each entry needs an 'id' (it names the rail in findings and instructions)");
    }
    if (!ID.matcher(id).matches()) {
      throw e.errorAt("id", "'" + id + "' is not an id (letters, digits, '.', '_' and '-')");
    }
    if (!seen.add(id)) {
      throw e.errorAt("id", "duplicate id '" + id + "' in scanners.arch");
    }
    return id;
  }

  private static String message(Settings e, String id) throws PolicyException {
    String m = e.string("message", "");
    if (m.isBlank()) {
      throw e.errorAtKey("id", "entry '" + id + "' needs a 'message' that names the blessed alternative");
    }
    return m.trim();
  }

  private static Severity severity(Settings e) throws PolicyException {
    String word = e.string("severity", null);
    if (word == null) {
      return null;
    }
    Severity s = Severity.parse(word);
    if (s == null) {
      throw e.errorAt("severity", "'" + word + "' is not a severity (info, low, medium, high, critical)");
    }
    return s;
  }

  private static Allowed allowed(Settings e) throws PolicyException {
    List<PackagePattern> packages = new ArrayList<>();
    List<Glob> paths = new ArrayList<>();
    for (Item item : items(e, "allowed_in")) {
      String v = item.value().trim();
      try {
        if (PackagePattern.looksLikePackage(v)) {
          packages.add(PackagePattern.parse(v));
        } else {
          paths.add(Glob.compile(v));
        }
      } catch (IllegalArgumentException ex) {
        throw Settings.error(e.file(), item.node(), "bad allowed_in entry: " + ex.getMessage());
      }
    }
    return new Allowed(List.copyOf(packages), List.copyOf(paths));
  }
}
