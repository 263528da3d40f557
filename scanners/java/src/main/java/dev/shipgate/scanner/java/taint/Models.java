package dev.shipgate.scanner.java.taint;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.yaml.CompiledTree;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.LibraryTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Sources, sinks, sanitizers, propagators, taint rules and library type facts, read from YAML resource
 * files (see {@code README.md}, "Model files"). Validated on load: an unknown key, a missing field or a
 * sink naming an unknown rule is an error that names the file and the entry.
 */
public final class Models implements LibraryTypes {

  static final String RESOURCE_DIR = "/dev/shipgate/scanner/java/models/";
  static final String FAMILY = "java";

  /** Where a model takes or puts taint: the receiver, the return value, or an argument index. */
  public record Slot(String name, int arg) {
    static final Slot RETURN = new Slot("return", -1);
    static final Slot RECEIVER = new Slot("receiver", -2);
    static final Slot ALL_ARGS = new Slot("args", -3);

    boolean isArg() {
      return arg >= 0;
    }
  }

  /** Methods {@code methods} of any of {@code types} (or their subtypes); {@code <init>} is a constructor. */
  public record MethodPattern(Set<String> types, Set<String> methods) {}

  public record SourceModel(MethodPattern pattern, String label, String kind, Slot to) {}

  public record ParameterSource(Set<String> annotations, String label) {}

  /**
   * Repository interfaces a library implements at run time (LangChain4j {@code AiServices.create(X.class, ...)}):
   * those whose class literal is the first argument of a {@code factories} call, or that carry one of
   * {@code annotations}. What their methods return is source data labelled {@code label}.
   */
  public record ServiceSource(MethodPattern factories, Set<String> annotations, String label) {}

  /** {@code receiverKind}: the sink applies only when the receiver carries a marker of that kind (a response writer). */
  /**
   * {@code unlessConstructedWith}: not a sink when the receiver was created as {@code new T(new X(...))} with X one of
   * these types (SnakeYAML's {@code SafeConstructor}). {@code onlyIfReceiverCalled}: a sink only when that call (text
   * such as {@code setRegistrationRequired(false)}) was made on the receiver variable. {@code safeSince}: not a sink
   * when the repository's build declares that dependency ({@code group:artifact}) at this version or later; when
   * no version is declared the finding drops to medium confidence.
   */
  public record SinkModel(MethodPattern pattern, String rule, List<Slot> args, String label, String receiverKind,
      Set<String> unlessConstructedWith, String onlyIfReceiverCalled, String safeSinceDependency, String safeSinceVersion) {
    SinkModel(MethodPattern pattern, String rule, List<Slot> args, String label, String receiverKind) {
      this(pattern, rule, args, label, receiverKind, Set.of(), null, null, null);
    }
  }

  /** {@code rules} empty means every rule: a type conversion that no injection survives. */
  public record SanitizerModel(MethodPattern pattern, Set<String> rules, Slot from) {}

  public record PropagatorModel(MethodPattern pattern, List<Slot> from, List<Slot> to) {}

  /**
   * Handler methods whose return value is written to the response: annotated (on the method or its class)
   * with one of {@code annotations}, returning one of {@code returnTypes}; a {@code produces} attribute
   * naming a non-HTML media type turns it off.
   */
  /** {@code unlessAnnotated}: method or class annotations that make the return value something else (a response body). */
  public record ReturnSink(Set<String> annotations, Set<String> unlessAnnotated, Set<String> returnTypes, String rule,
      String label) {}

  private final Map<String, Rule> rules = new LinkedHashMap<>();
  private final Map<String, Integer> ruleBits = new HashMap<>();
  private final Map<String, String> sinkDescriptions = new HashMap<>();
  /** Source labels a rule does not report, because such data cannot carry what the rule is about. */
  private final Map<String, List<String>> ignoredSources = new HashMap<>();
  private final Map<String, List<SourceModel>> sources = new HashMap<>();
  private final Map<String, List<SinkModel>> sinks = new HashMap<>();
  private final Map<String, List<SanitizerModel>> sanitizers = new HashMap<>();
  private final Map<String, List<PropagatorModel>> propagators = new HashMap<>();
  private final List<ParameterSource> parameterSources = new ArrayList<>();
  private final List<ServiceSource> serviceSources = new ArrayList<>();
  private final List<MethodPattern> modelAttributes = new ArrayList<>();
  private final Set<String> handlerAnnotations = new LinkedHashSet<>();
  private final List<ReturnSink> returnSinks = new ArrayList<>();
  private final Map<String, List<String>> supertypes = new HashMap<>();
  private final Map<String, Map<String, String>> returns = new HashMap<>();
  private final Map<String, Map<String, String>> fields = new HashMap<>();
  private final Set<String> knownTypes = new TreeSet<>();
  private final List<String[]> pendingSinkRules = new ArrayList<>();

  private Models() {}

  private static volatile Models shipped;

  /**
   * The models shipped with the scanner, listed in {@code models/index.txt}, parsed once per process: the java, api
   * and arch families all read them, and nothing changes them after parsing.
   */
  public static Models loadDefault() {
    Models m = shipped;
    if (m == null) {
      synchronized (Models.class) {
        if (shipped == null) {
          shipped = parseShipped();
        }
        m = shipped;
      }
    }
    return m;
  }

  /**
   * The taint rules' metadata alone ({@code rules.yml}): what a scanner must list at start-up, at a fifth of the
   * cost of every model.
   */
  public static List<Rule> shippedRules() {
    Models shippedModels = shipped;
    if (shippedModels != null) {
      return shippedModels.rules();
    }
    Map<String, Object> rules = new LinkedHashMap<>();
    rules.put("rules.yml", shippedTrees().get("rules.yml"));
    return fromTrees(rules).rules();
  }

  /** {@code models.compiled}: every file of {@code index.txt}, in its order, as name to document tree. */
  static final String COMPILED = "models.compiled";

  private static Models parseShipped() {
    return fromTrees(shippedTrees());
  }

  /**
   * The shipped model files' YAML trees, read from their compiled form (a YAML parser cost every start a tenth of a
   * second of CPU; {@code CompiledModelsTest} keeps the form equal to the YAML files of {@code index.txt}).
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> shippedTrees() {
    Object tree = CompiledTree.read(RESOURCE_DIR + COMPILED, resource(COMPILED));
    if (!(tree instanceof Map<?, ?>)) {
      throw new ModelException(COMPILED, "not a map of model files");
    }
    return (Map<String, Object>) tree;
  }

  /** The names {@code index.txt} lists, in order: the model files the compiled form holds. */
  static List<String> shippedFileNames() {
    List<String> names = new ArrayList<>();
    for (String line : resource("index.txt").split("\n")) {
      String name = line.trim();
      if (!name.isEmpty() && !name.startsWith("#")) {
        names.add(name);
      }
    }
    return names;
  }

  private static String resource(String name) {
    try (InputStream in = Models.class.getResourceAsStream(RESOURCE_DIR + name)) {
      if (in == null) {
        throw new ModelException(name, "model resource not found under " + RESOURCE_DIR);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses and validates model files given as name to YAML text. */
  public static Models parse(Map<String, String> files) {
    Load load = new Load(LoadSettings.builder().setLabel("models").build());
    Map<String, Object> docs = new LinkedHashMap<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      try {
        docs.put(f.getKey(), load.loadFromString(f.getValue()));
      } catch (YamlEngineException e) {
        throw new ModelException(f.getKey(), "not valid YAML: " + e.getMessage());
      }
    }
    return fromTrees(docs);
  }

  /** Validates model documents given as file name to YAML tree (null for an empty document). */
  static Models fromTrees(Map<String, Object> docs) {
    Models m = new Models();
    for (Map.Entry<String, Object> f : docs.entrySet()) {
      if (f.getValue() == null) {
        continue;
      }
      m.read(f.getKey(), map(f.getKey(), "the document", f.getValue()));
    }
    for (String[] pending : m.pendingSinkRules) {
      if (!m.rules.containsKey(pending[1])) {
        throw new ModelException(pending[0], "sink names rule '" + pending[1] + "', which no model file defines");
      }
    }
    return m;
  }

  private void read(String file, Map<String, Object> doc) {
    requireOnly(file, "the document", doc, Set.of("rules", "types", "sources", "parameterSources", "serviceSources",
        "handlers", "sinks", "sanitizers", "propagators", "returnSinks", "modelAttributes"));
    for (Map<String, Object> e : entries(file, doc, "rules")) {
      String where = "rule " + e.get("id");
      requireOnly(file, where, e, Set.of("id", "title", "severity", "confidence", "cwe", "tags", "description", "fix", "sink",
          "ignoresSources"));
      Severity sev = Severity.parse(text(file, where, e, "severity"));
      Confidence conf = Confidence.parse(text(file, where, e, "confidence"));
      if (sev == null || conf == null) {
        throw new ModelException(file, where + ": severity must be info|low|medium|high|critical and confidence low|medium|high");
      }
      Rule r;
      try {
        r = Rule.builder(text(file, where, e, "id"), FAMILY).title(text(file, where, e, "title")).severity(sev)
            .confidence(conf).cwe(strings(file, where, e, "cwe").toArray(String[]::new))
            .tags(strings(file, where, e, "tags").toArray(String[]::new)).description(text(file, where, e, "description"))
            .fix(text(file, where, e, "fix")).build();
      } catch (IllegalArgumentException ex) {
        throw new ModelException(file, where + ": " + ex.getMessage());
      }
      if (rules.containsKey(r.id())) {
        throw new ModelException(file, where + " is defined twice");
      }
      if (rules.size() >= 63) {
        throw new ModelException(file, "at most 63 taint rules fit the sanitizer bit set");
      }
      ruleBits.put(r.id(), rules.size());
      rules.put(r.id(), r);
      sinkDescriptions.put(r.id(), text(file, where, e, "sink"));
      if (e.containsKey("ignoresSources")) {
        ignoredSources.put(r.id(), List.copyOf(strings(file, where, e, "ignoresSources")));
      }
    }
    for (Map<String, Object> e : entries(file, doc, "types")) {
      String where = "type " + e.get("type");
      requireOnly(file, where, e, Set.of("type", "supertypes", "returns", "fields"));
      String type = text(file, where, e, "type");
      knownTypes.add(type);
      if (e.containsKey("supertypes")) {
        supertypes.computeIfAbsent(type, k -> new ArrayList<>()).addAll(strings(file, where, e, "supertypes"));
      }
      if (e.containsKey("fields")) {
        for (Map.Entry<String, Object> r : map(file, where + " fields", e.get("fields")).entrySet()) {
          if (!(r.getValue() instanceof String s)) {
            throw new ModelException(file, where + ": fields." + r.getKey() + " must be a type name");
          }
          fields.computeIfAbsent(type, k -> new HashMap<>()).put(r.getKey(), s);
        }
      }
      if (e.containsKey("returns")) {
        for (Map.Entry<String, Object> r : map(file, where + " returns", e.get("returns")).entrySet()) {
          if (!(r.getValue() instanceof String s)) {
            throw new ModelException(file, where + ": returns." + r.getKey() + " must be a type name");
          }
          returns.computeIfAbsent(type, k -> new HashMap<>()).put(r.getKey(), s);
          knownTypes.add(s.replace("[]", ""));
        }
      }
    }
    for (Map<String, Object> e : entries(file, doc, "sources")) {
      String where = "source " + e.get("types") + " " + e.get("methods");
      requireOnly(file, where, e, Set.of("types", "methods", "label", "kind", "to"));
      MethodPattern p = pattern(file, where, e);
      String kind = e.containsKey("kind") ? text(file, where, e, "kind") : "remote";
      if (!kind.matches("[a-z][a-z-]*")) {
        throw new ModelException(file, where + ": kind must be a lower-case word (remote, random, or a marker such as response-writer)");
      }
      Slot to = e.containsKey("to") ? slot(file, where, text(file, where, e, "to")) : Slot.RETURN;
      index(sources, p, new SourceModel(p, text(file, where, e, "label"), kind, to));
    }
    for (Map<String, Object> e : entries(file, doc, "parameterSources")) {
      String where = "parameter source " + e.get("annotations");
      requireOnly(file, where, e, Set.of("annotations", "label"));
      Set<String> anns = new LinkedHashSet<>(strings(file, where, e, "annotations"));
      knownTypes.addAll(anns);
      parameterSources.add(new ParameterSource(anns, text(file, where, e, "label")));
    }
    for (Map<String, Object> e : entries(file, doc, "serviceSources")) {
      String where = "service source " + e.get("types") + " " + e.get("methods");
      requireOnly(file, where, e, Set.of("types", "methods", "annotations", "label"));
      MethodPattern p = pattern(file, where, e);
      knownTypes.addAll(p.types());
      Set<String> anns = new LinkedHashSet<>(strings(file, where, e, "annotations"));
      knownTypes.addAll(anns);
      serviceSources.add(new ServiceSource(p, anns, text(file, where, e, "label")));
    }
    for (Map<String, Object> e : entries(file, doc, "modelAttributes")) {
      String where = "model attribute " + e.get("types") + " " + e.get("methods");
      requireOnly(file, where, e, Set.of("types", "methods"));
      MethodPattern p = pattern(file, where, e);
      knownTypes.addAll(p.types());
      modelAttributes.add(p);
    }
    for (Map<String, Object> e : entries(file, doc, "handlers")) {
      String where = "handler " + e.get("annotations");
      requireOnly(file, where, e, Set.of("annotations"));
      List<String> anns = strings(file, where, e, "annotations");
      knownTypes.addAll(anns);
      handlerAnnotations.addAll(anns);
    }
    for (Map<String, Object> e : entries(file, doc, "returnSinks")) {
      String where = "return sink " + e.get("annotations");
      requireOnly(file, where, e, Set.of("annotations", "unlessAnnotated", "returnTypes", "rule", "label"));
      String rule = text(file, where, e, "rule");
      pendingSinkRules.add(new String[] {file, rule});
      Set<String> anns = new LinkedHashSet<>(strings(file, where, e, "annotations"));
      knownTypes.addAll(anns);
      Set<String> unless = e.containsKey("unlessAnnotated") ? new LinkedHashSet<>(strings(file, where, e, "unlessAnnotated"))
          : Set.of();
      knownTypes.addAll(unless);
      returnSinks.add(new ReturnSink(anns, unless, new LinkedHashSet<>(strings(file, where, e, "returnTypes")), rule,
          text(file, where, e, "label")));
    }
    for (Map<String, Object> e : entries(file, doc, "sinks")) {
      String where = "sink " + e.get("types") + " " + e.get("methods");
      requireOnly(file, where, e, Set.of("types", "methods", "rule", "args", "label", "receiverKind", "unlessConstructedWith",
          "onlyIfReceiverCalled", "safeSince"));
      MethodPattern p = pattern(file, where, e);
      String rule = text(file, where, e, "rule");
      pendingSinkRules.add(new String[] {file, rule});
      List<Slot> args = new ArrayList<>();
      for (String a : strings(file, where, e, "args")) {
        args.add(slot(file, where, a));
      }
      String label = e.containsKey("label") ? text(file, where, e, "label") : null;
      String receiverKind = e.containsKey("receiverKind") ? text(file, where, e, "receiverKind") : null;
      Set<String> constructedWith = e.containsKey("unlessConstructedWith")
          ? new LinkedHashSet<>(strings(file, where, e, "unlessConstructedWith")) : Set.of();
      knownTypes.addAll(constructedWith);
      String receiverCalled = e.containsKey("onlyIfReceiverCalled") ? text(file, where, e, "onlyIfReceiverCalled") : null;
      String dependency = null;
      String since = null;
      if (e.containsKey("safeSince")) {
        String spec = text(file, where, e, "safeSince");
        int at = spec.lastIndexOf(':');
        if (at <= 0 || spec.indexOf(':') == at) {
          throw new ModelException(file, where + ": safeSince must be group:artifact:version, got " + spec);
        }
        dependency = spec.substring(0, at);
        since = spec.substring(at + 1);
      }
      index(sinks, p, new SinkModel(p, rule, args, label, receiverKind, constructedWith, receiverCalled, dependency, since));
    }
    for (Map<String, Object> e : entries(file, doc, "sanitizers")) {
      String where = "sanitizer " + e.get("types") + " " + e.get("methods");
      requireOnly(file, where, e, Set.of("types", "methods", "rules", "from"));
      MethodPattern p = pattern(file, where, e);
      Set<String> rs = new LinkedHashSet<>();
      Object raw = e.get("rules");
      if (!"all".equals(raw)) {
        rs.addAll(strings(file, where, e, "rules"));
        for (String r : rs) {
          pendingSinkRules.add(new String[] {file, r});
        }
      }
      Slot from = e.containsKey("from") ? slot(file, where, text(file, where, e, "from")) : new Slot("0", 0);
      index(sanitizers, p, new SanitizerModel(p, rs, from));
    }
    for (Map<String, Object> e : entries(file, doc, "propagators")) {
      String where = "propagator " + e.get("types") + " " + e.get("methods");
      requireOnly(file, where, e, Set.of("types", "methods", "from", "to"));
      MethodPattern p = pattern(file, where, e);
      List<Slot> from = new ArrayList<>();
      for (String s : strings(file, where, e, "from")) {
        from.add(slot(file, where, s));
      }
      List<Slot> to = new ArrayList<>();
      for (String s : strings(file, where, e, "to")) {
        to.add(slot(file, where, s));
      }
      index(propagators, p, new PropagatorModel(p, from, to));
    }
  }

  private <T> void index(Map<String, List<T>> byName, MethodPattern p, T model) {
    knownTypes.addAll(p.types());
    for (String m : p.methods()) {
      byName.computeIfAbsent(m, k -> new ArrayList<>()).add(model);
    }
  }

  private static Slot slot(String file, String where, String s) {
    switch (s) {
      case "return":
        return Slot.RETURN;
      case "receiver":
        return Slot.RECEIVER;
      case "args":
        return Slot.ALL_ARGS;
      default:
        try {
          int i = Integer.parseInt(s);
          if (i >= 0) {
            return new Slot(s, i);
          }
        } catch (NumberFormatException ignored) {
          // reported below
        }
        throw new ModelException(file, where + ": '" + s + "' is not return, receiver, args or an argument index");
    }
  }

  private static MethodPattern pattern(String file, String where, Map<String, Object> e) {
    Set<String> types = new LinkedHashSet<>(strings(file, where, e, "types"));
    Set<String> methods = new LinkedHashSet<>(strings(file, where, e, "methods"));
    if (types.isEmpty() || methods.isEmpty()) {
      throw new ModelException(file, where + ": types and methods must not be empty");
    }
    for (String t : types) {
      if (!t.contains(".")) {
        throw new ModelException(file, where + ": type '" + t + "' must be fully qualified");
      }
    }
    return new MethodPattern(types, methods);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(String file, String where, Object o) {
    if (!(o instanceof Map)) {
      throw new ModelException(file, where + " must be a mapping");
    }
    return (Map<String, Object>) o;
  }

  private static List<Map<String, Object>> entries(String file, Map<String, Object> doc, String key) {
    Object o = doc.get(key);
    if (o == null) {
      return List.of();
    }
    if (!(o instanceof List<?> list)) {
      throw new ModelException(file, key + " must be a list");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(map(file, key + "[" + i + "]", list.get(i)));
    }
    return out;
  }

  private static void requireOnly(String file, String where, Map<String, Object> e, Set<String> allowed) {
    for (String k : e.keySet()) {
      if (!allowed.contains(k)) {
        throw new ModelException(file, where + ": unknown key '" + k + "' (allowed: " + new TreeSet<>(allowed) + ")");
      }
    }
  }

  private static String text(String file, String where, Map<String, Object> e, String key) {
    Object o = e.get(key);
    if (!(o instanceof String s) || s.isBlank()) {
      throw new ModelException(file, where + ": '" + key + "' is required and must be text");
    }
    return s.trim();
  }

  private static List<String> strings(String file, String where, Map<String, Object> e, String key) {
    Object o = e.get(key);
    if (o instanceof String s) {
      return List.of(s);
    }
    if (o instanceof List<?> list) {
      List<String> out = new ArrayList<>();
      for (Object x : list) {
        out.add(String.valueOf(x));
      }
      return out;
    }
    throw new ModelException(file, where + ": '" + key + "' is required (a name or a list)");
  }

  // ---------------------------------------------------------------- queries

  public List<Rule> rules() {
    return List.copyOf(rules.values());
  }

  public Rule rule(String id) {
    return rules.get(id);
  }

  /** Bit of the rule in {@link Fact#sanitized}. */
  public long ruleBit(String id) {
    Integer i = ruleBits.get(id);
    return i == null ? 0 : 1L << i;
  }

  public long allRuleBits() {
    return rules.isEmpty() ? 0 : (1L << rules.size()) - 1;
  }

  /** True when {@code ruleId} does not report flows that start at {@code sourceMessage} (a source step's message). */
  public boolean ignoresSource(String ruleId, String sourceMessage) {
    return ignoredSources.getOrDefault(ruleId, List.of()).stream().anyMatch(sourceMessage::startsWith);
  }

  public String sinkDescription(String ruleId) {
    return sinkDescriptions.get(ruleId);
  }

  public List<SourceModel> sources(String method) {
    return sources.getOrDefault(method, List.of());
  }

  public List<SinkModel> sinks(String method) {
    return sinks.getOrDefault(method, List.of());
  }

  public List<SanitizerModel> sanitizers(String method) {
    return sanitizers.getOrDefault(method, List.of());
  }

  public List<PropagatorModel> propagators(String method) {
    return propagators.getOrDefault(method, List.of());
  }

  // The accessors below hand out read-only views: the analysis asks for them per parameter and per call, and the
  // models do not change once loaded.
  public List<ParameterSource> parameterSources() {
    return Collections.unmodifiableList(parameterSources);
  }

  public List<ServiceSource> serviceSources() {
    return Collections.unmodifiableList(serviceSources);
  }

  /** Calls {@code (name, value)} that put a value into the model a view template renders. */
  public List<MethodPattern> modelAttributes() {
    return Collections.unmodifiableList(modelAttributes);
  }

  public List<ReturnSink> returnSinks() {
    return Collections.unmodifiableList(returnSinks);
  }

  public Set<String> handlerAnnotations() {
    return Collections.unmodifiableSet(handlerAnnotations);
  }

  /** Whether a call on {@code declaringType} matches {@code p}'s types, through known supertypes or by simple name. */
  public static boolean matches(JavaProject project, String declaringType, MethodPattern p) {
    if (declaringType == null) {
      return false;
    }
    for (String t : p.types()) {
      if (project.isSubtype(declaringType, t)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Set<String> knownTypes() {
    return knownTypes;
  }

  @Override
  public List<String> supertypes(String type) {
    return supertypes.getOrDefault(type, List.of());
  }

  @Override
  public String fieldType(String type, String field) {
    Map<String, String> f = fields.get(type);
    return f == null ? null : f.get(field);
  }

  @Override
  public String returnType(String type, String method) {
    Map<String, String> r = returns.get(type);
    return r == null ? null : r.get(method);
  }
}
