package dev.shipgate.scanner.secrets;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.yaml.CompiledTree;
import dev.shipgate.core.model.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Reads detector files (YAML, format in the module README) into {@link Detector}s. */
public final class DetectorCatalog {

  static final String BUILT_IN = "/dev/shipgate/scanner/secrets/detectors.yml";
  static final String FAMILY = "secrets";

  static final String DEFAULT_FIX =
      "Revoke or rotate the credential at its provider first: it is compromised as soon as it is pushed. "
          + "Then remove it from the code and purge it from git history (git filter-repo or BFG) if the repository "
          + "was ever shared, and load it at run time from a secret manager or the environment "
          + "(Vault, AWS Secrets Manager, GCP Secret Manager, Azure Key Vault, CI secrets).";

  private final List<Detector> detectors;

  private DetectorCatalog(List<Detector> detectors) {
    this.detectors = List.copyOf(detectors);
  }

  /** {@code detectors.yml}'s document tree in core's {@link CompiledTree} form. */
  static final String COMPILED = "/dev/shipgate/scanner/secrets/detectors.compiled";

  /**
   * The catalogue shipped with shipgate, read from the compiled form of {@code detectors.yml} (a YAML parser costs
   * a cold CLI about 0.3 s of CPU; {@code CompiledCatalogueTest} keeps the two in step).
   */
  public static DetectorCatalog builtIn() {
    try (InputStream in = DetectorCatalog.class.getResourceAsStream(COMPILED)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + COMPILED);
      }
      Object tree = CompiledTree.read(COMPILED, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      return new DetectorCatalog(detectors(BUILT_IN, tree, true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DetectorCatalog of(List<Detector> detectors) {
    return new DetectorCatalog(checkUnique(new ArrayList<>(detectors)));
  }

  public static DetectorCatalog of(String name, InputStream in) {
    return new DetectorCatalog(checkUnique(parse(name, in)));
  }

  List<Detector> detectors() {
    return detectors;
  }

  public List<Rule> rules() {
    return detectors.stream().map(Detector::rule).toList();
  }

  private static List<Detector> checkUnique(List<Detector> all) {
    Set<String> seen = new HashSet<>();
    for (Detector d : all) {
      if (!seen.add(d.id())) {
        throw new IllegalArgumentException("duplicate detector id " + d.id());
      }
    }
    return all;
  }

  static List<Detector> parse(String name, InputStream in) {
    return detectors(name, yaml(name, in), false);
  }

  /** A detector file's YAML document as maps, lists and scalars. */
  static Object yaml(String name, InputStream in) {
    return new Load(LoadSettings.builder().setLabel(name).build()).loadFromInputStream(in);
  }

  /** @param lazy compile regexes on first use (only for the built-in file, which the tests compile whole) */
  @SuppressWarnings("unchecked")
  private static List<Detector> detectors(String name, Object root, boolean lazy) {
    if (!(root instanceof Map<?, ?> top)) {
      throw new IllegalArgumentException(name + ": a detector file is a mapping with 'detectors:'");
    }
    Map<String, Object> defaults = top.get("defaults") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    if (!(top.get("detectors") instanceof List<?> list)) {
      throw new IllegalArgumentException(name + ": 'detectors' must be a list");
    }
    List<Detector> out = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> entry)) {
        throw new IllegalArgumentException(name + ": each detector is a mapping");
      }
      out.add(detector(name, (Map<String, Object>) entry, defaults, lazy));
    }
    return checkUnique(out);
  }

  static Detector detector(String file, Map<String, Object> e, Map<String, Object> defaults) {
    return detector(file, e, defaults, false);
  }

  @SuppressWarnings("unchecked")
  private static Detector detector(String file, Map<String, Object> e, Map<String, Object> defaults, boolean lazy) {
    String id = str(e, "id", null);
    if (id == null) {
      throw new IllegalArgumentException(file + ": a detector without 'id'");
    }
    String where = file + ": " + id + ": ";
    String title = str(e, "title", null);
    String provider = str(e, "provider", "Generic");
    Severity severity = Severity.parse(str(e, "severity", "high"));
    Confidence confidence = Confidence.parse(str(e, "confidence", "medium"));
    if (severity == null || confidence == null) {
      throw new IllegalArgumentException(where + "bad severity or confidence");
    }
    List<String> keywords = strings(e.get("keywords")).stream().map(k -> k.toLowerCase(Locale.ROOT)).toList();
    if (keywords.isEmpty()) {
      throw new IllegalArgumentException(where + "needs at least one keyword for the prefilter");
    }
    Regex regex = regex(where + "regex", str(e, "regex", null), lazy);
    if (!lazy && regex.pattern().groupCount() < 1) {
      throw new IllegalArgumentException(where + "regex needs a capture group for the secret");
    }
    int windowLines = 0;
    int windowBytes = 0;
    if (e.get("window") instanceof Map<?, ?> w) {
      windowLines = num(w.get("lines"), 0);
      windowBytes = num(w.get("bytes"), 0);
    }
    Regex context = null;
    int contextLines = 0;
    if (e.get("context") instanceof Map<?, ?> c) {
      context = regex(where + "context", String.valueOf(c.get("regex")), lazy);
      contextLines = num(c.get("lines"), 0);
    }
    boolean[] runChars = null;
    int runLength = 0;
    if (e.get("run") instanceof Map<?, ?> run) {
      runChars = charClass(where, String.valueOf(run.get("chars")));
      runLength = num(run.get("length"), 0);
    }
    int minLength = 0;
    int maxLength = Integer.MAX_VALUE;
    if (e.get("length") instanceof Map<?, ?> len) {
      minLength = num(len.get("min"), 0);
      maxLength = num(len.get("max"), Integer.MAX_VALUE);
    }
    List<Regex> allow = new ArrayList<>();
    for (String a : strings(e.get("allow"))) {
      allow.add(regex(where + "allow", a, lazy));
    }
    List<String> trueSamples = List.of();
    List<String> falseSamples = List.of();
    if (e.get("samples") instanceof Map<?, ?> s) {
      // YAML 1.2 reads the keys true/false as booleans; accept them quoted as well.
      Map<Object, Object> sm = (Map<Object, Object>) s;
      trueSamples = strings(sm.containsKey(Boolean.TRUE) ? sm.get(Boolean.TRUE) : sm.get("true"));
      falseSamples = strings(sm.containsKey(Boolean.FALSE) ? sm.get(Boolean.FALSE) : sm.get("false"));
    }
    List<String> cwe = e.containsKey("cwe") ? strings(e.get("cwe")) : strings(defaults.get("cwe"));
    List<String> tags = e.containsKey("tags") ? strings(e.get("tags")) : strings(defaults.get("tags"));
    String description = str(e, "description",
        "A " + provider + " " + title.toLowerCase(Locale.ROOT).replace(provider.toLowerCase(Locale.ROOT) + " ", "")
            + " is written in the file. Anyone who can read the repository, a clone, a fork, a CI log or a backup "
            + "can use it until it is revoked, and git keeps it in history after the line is deleted.");
    Rule rule = Rule.builder(id, FAMILY)
        .title(title)
        .severity(severity)
        .confidence(confidence)
        .cwe(cwe.toArray(String[]::new))
        .description(description)
        .fix(str(e, "fix", DEFAULT_FIX))
        .tags(tags.toArray(String[]::new))
        .build();
    boolean generic = Boolean.parseBoolean(str(e, "generic", "false"));
    String validator = str(e, "validator", null);
    if (validator != null && !Validators.exists(validator)) {
      throw new IllegalArgumentException(where + "unknown validator " + validator);
    }
    return new Detector(rule, provider, keywords, regex, windowLines, windowBytes,
        Double.parseDouble(str(e, "entropy", "0")), validator, context, contextLines, List.copyOf(allow),
        generic, generic || Boolean.parseBoolean(str(e, "strict-placeholders", "false")), num(e.get("priority"), generic ? 0 : 10),
        Detector.Anchor.valueOf(str(e, "anchor", "none").toUpperCase(Locale.ROOT)), runChars, runLength,
        Detector.Precheck.valueOf(str(e, "precheck", "none").toUpperCase(Locale.ROOT).replace('-', '_')), minLength, maxLength, trueSamples, falseSamples);
  }

  /** A class like {@code A-Za-z0-9/+} (ranges and single ASCII characters) as a lookup table. */
  static boolean[] charClass(String where, String spec) {
    boolean[] table = new boolean[128];
    for (int i = 0; i < spec.length(); i++) {
      char a = spec.charAt(i);
      if (i + 2 < spec.length() && spec.charAt(i + 1) == '-') {
        char z = spec.charAt(i + 2);
        for (char c = a; c <= z && c < 128; c++) {
          table[c] = true;
        }
        i += 2;
      } else if (a < 128) {
        table[a] = true;
      } else {
        throw new IllegalArgumentException(where + "run.chars must be ASCII");
      }
    }
    return table;
  }

  private static Regex regex(String where, String regex, boolean lazy) {
    return lazy ? Regex.lazy(where, regex) : Regex.compiled(where, regex);
  }

  private static String str(Map<String, Object> m, String key, String fallback) {
    Object v = m.get(key);
    return v == null ? fallback : String.valueOf(v);
  }

  private static int num(Object v, int fallback) {
    return v == null ? fallback : Integer.parseInt(String.valueOf(v));
  }

  private static List<String> strings(Object v) {
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> l) {
      return l.stream().map(String::valueOf).toList();
    }
    return List.of(String.valueOf(v));
  }
}
