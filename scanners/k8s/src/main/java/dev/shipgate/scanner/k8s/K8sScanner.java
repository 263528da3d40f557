package dev.shipgate.scanner.k8s;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.FileScanner;
import dev.shipgate.core.scan.ParsedSettings;
import dev.shipgate.core.scan.ScanContext;
import dev.shipgate.core.scan.ByteSearch;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.core.yaml.YamlException;
import dev.shipgate.core.yaml.YamlFile;
import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The {@code k8s} family: Kubernetes manifests and Helm-rendered YAML, judged against the Pod Security
 * Standards, the CIS Kubernetes Benchmark and the NSA/CISA hardening guide. Any {@code .yml|.yaml} outside the
 * well-known non-Kubernetes files is read when its text mentions {@code apiVersion} and {@code kind}; only
 * documents that have both are judged.
 */
public final class K8sScanner implements FileScanner {

  /** Bump when the findings for the same input change. */
  public static final String VERSION = "1.0.0";

  /** Larger manifests are refused with an error (core's YAML reader stops at this size too). */
  static final int MAX_BYTES = YamlFile.MAX_CODE_POINTS;

  /** Deepest nesting accepted; CRD schemas reach a few dozen levels, nothing a person writes reaches this. */
  static final int MAX_DEPTH = 128;

  /** YAML files that are never Kubernetes objects, by path: CI, compose, Spring, OpenAPI, tool configuration. */
  private static final Pattern NOT_K8S = Pattern.compile(
      "(?:^|.*/)(?:\\.github|\\.gitlab|\\.circleci)/.*"
          + "|(?:^|.*/)(?:docker-)?compose(?:[.-][^/]*)?\\.ya?ml"
          + "|(?:^|.*/)(?:application|bootstrap)(?:-[^/]*)?\\.ya?ml"
          + "|(?:^|.*/)[^/]*(?:openapi|swagger)[^/]*\\.ya?ml"
          + "|(?:^|.*/)(?:\\.gitlab-ci|\\.travis|\\.pre-commit-config|\\.pre-commit-hooks|pnpm-lock|pnpm-workspace|\\.yarnrc"
          + "|mkdocs|\\.readthedocs|\\.?codecov|\\.golangci|\\.goreleaser|azure-pipelines|bitbucket-pipelines|shipgate"
          + "|Chart|values(?:[.-][^/]*)?|action|environment)\\.ya?ml",
      Pattern.CASE_INSENSITIVE);

  static final String HELM_SKIP = "Helm template: render with `helm template` and scan the output";

  private final List<K8sRule> rules;
  /** A malformed quantity is the policy's error; fixes still get the built-in defaults. */
  private final ParsedSettings<ResourceDefaults> defaults = new ParsedSettings<>(ResourceDefaults::from, ResourceDefaults.BUILT_IN);

  public K8sScanner() {
    this(K8sRules.ALL);
  }

  K8sScanner(List<K8sRule> rules) {
    this.rules = List.copyOf(rules);
  }

  @Override
  public String family() {
    return "k8s";
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public List<Rule> rules() {
    return rules.stream().map(K8sRule::rule).toList();
  }

  /** Policy keys under {@code scanners.k8s}: the quantities the resources fix writes. */
  @Override
  public Set<String> settingKeys() {
    return Set.of(ResourceDefaults.LIMITS, ResourceDefaults.REQUESTS);
  }

  @Override
  public void validate(Settings section) throws PolicyException {
    defaults.validate(section);
  }

  @Override
  public boolean accepts(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return (lower.endsWith(".yaml") || lower.endsWith(".yml")) && !NOT_K8S.matcher(path).matches();
  }

  @Override
  public void scan(SourceFile file, ScanContext context) throws IOException {
    String path = file.path();
    byte[] bytes = file.bytes();
    // Cheap content test first: a file that never says apiVersion and kind holds no Kubernetes object.
    if (!API_VERSION.in(bytes) || !KIND.in(bytes)) {
      return;
    }
    if (bytes.length > MAX_BYTES) {
      context.error(path, SourceFile.lineAtByte(bytes, MAX_BYTES), "file is " + bytes.length + " bytes; manifests over "
          + MAX_BYTES + " bytes are not parsed (the limit is crossed on this line)");
      return;
    }
    int nul = NUL.indexIn(bytes, 0);
    if (nul >= 0) {
      context.error(path, SourceFile.lineAtByte(bytes, nul), "binary content (a NUL byte) in a YAML file; kubectl cannot apply it");
      return;
    }
    String text = file.text();
    if (isHelmTemplate(path, text)) {
      context.skipped(path, HELM_SKIP);
      return;
    }
    if (!file.isValidUtf8()) {
      int bad = text.indexOf('\uFFFD');
      context.error(path, bad < 0 ? 1 : file.lineOf(bad), "not valid UTF-8; YAML must be Unicode and kubectl rejects the file");
      return;
    }
    int control = firstControlCharacter(text);
    if (control >= 0) {
      context.error(path, file.lineOf(control), String.format("control character U+%04X at column %d; YAML does not allow it",
          (int) text.charAt(control), file.columnOf(control)));
      return;
    }
    YamlFile yaml;
    try {
      yaml = YamlFile.parse(path, text);
    } catch (YamlException e) {
      int line = e.line() > 0 ? e.line() : tooDeepLine(text);
      String where = e.line() > 0 ? " (line " + e.line() + ", column " + e.column() + ")" : "";
      context.error(path, line, "not valid YAML: " + e.getMessage() + where);
      return;
    }
    Optional<Shape.Problem> problem = Shape.check(yaml, MAX_DEPTH);
    if (problem.isPresent()) {
      context.error(path, problem.get().line(), problem.get().message());
      return;
    }
    List<K8sObject> objects = K8sObject.all(yaml);
    if (objects.isEmpty()) {
      return;
    }
    Issues issues = new Issues();
    Set<Node> pods = Collections.newSetFromMap(new IdentityHashMap<>());
    for (K8sObject object : objects) {
      if (context.cancelled()) {
        return;
      }
      issues.object(object);
      for (K8sRule rule : rules) {
        rule.checkObject(object, issues);
      }
      Pod pod = Pod.of(object).orElse(null);
      // An alias can put one pod spec into two objects; it is judged once.
      if (pod != null && pods.add(pod.spec())) {
        for (K8sRule rule : rules) {
          rule.checkPod(pod, issues);
        }
      }
    }
    report(file, yaml, issues.all(), context);
  }

  /** Turns issues into findings; each remedy's fix goes to the first issue it resolves. */
  private void report(SourceFile file, YamlFile yaml, List<Issue> issues, ScanContext context) {
    Map<Integer, List<Issue>> secretLines = new java.util.HashMap<>();
    for (Issue issue : issues) {
      if (issue.secret != null) {
        secretLines.computeIfAbsent(issue.line, k -> new java.util.ArrayList<>()).add(issue);
      }
    }
    TextEdits edits = null;
    IdentityHashMap<Object, Map<Remedy, Remediation>> remedies = new IdentityHashMap<>();
    Set<Remediation> attached = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Issue issue : issues) {
      Finding.Builder b = Finding.builder(issue.rule)
          .atLine(file.path(), issue.line)
          .message(issue.message)
          .severity(issue.severity)
          .confidence(issue.confidence)
          .contextKey(issue.object.id() + "|" + issue.key);
      if (issue.snippet != null) {
        b.snippet(issue.snippet);
      } else if (secretLines.containsKey(issue.line)) {
        // A one-line flow container can hold a credential on the line another finding would show.
        String line = file.line(issue.line).strip();
        for (Issue s : secretLines.get(issue.line)) {
          line = line.replace(s.secret, s.redacted);
        }
        b.snippet(line);
      }
      if (issue.remedy != null) {
        if (edits == null) {
          edits = new TextEdits(yaml);
        }
        TextEdits t = edits;
        Remediation r = remedies.computeIfAbsent(issue.target, k -> new java.util.EnumMap<>(Remedy.class))
            .computeIfAbsent(issue.remedy, k -> remediate(t, issue, context));
        if (r.fix() == null) {
          b.property("fix_unavailable", r.reason());
        } else if (attached.add(r)) {
          b.fix(r.fix());
        }
      }
      context.report(b.build());
    }
  }

  private Remediation remediate(TextEdits t, Issue issue, ScanContext context) {
    try {
      return switch (issue.remedy) {
        case SECURITY_CONTEXT -> SecurityContextFix.build(t, (Container) issue.target);
        case RESOURCES -> ResourcesFix.build(t, (Container) issue.target, defaults.get(context));
        case AUTOMOUNT_TOKEN -> AutomountFix.build(t, (Pod) issue.target);
      };
    } catch (RuntimeException e) {
      // A fix is an extra: text it cannot handle costs the fix, never the finding. The reason travels with it.
      return Remediation.none("no fix: the text could not be edited in place (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** A chart template: {@code {{ }}} actions in a file under a {@code templates/} folder. */
  static boolean isHelmTemplate(String path, String text) {
    return (path.startsWith("templates/") || path.contains("/templates/")) && text.contains("{{");
  }

  /**
   * Where the reader gave up without a position (nesting so deep that composing overflowed): the line of the
   * first collection deeper than {@link #MAX_DEPTH}, found with the event parser, which keeps no call stack.
   */
  private static int tooDeepLine(String text) {
    int depth = 0;
    try {
      for (Event e : new Parse(LoadSettings.builder().setCodePointLimit(YamlFile.MAX_CODE_POINTS).build()).parseString(text)) {
        if (e instanceof CollectionStartEvent) {
          depth++;
          if (depth > MAX_DEPTH) {
            return e.getStartMark().map(m -> m.getLine() + 1).orElse(1);
          }
        } else if (e instanceof CollectionEndEvent) {
          depth--;
        }
      }
    } catch (MarkedYamlEngineException e) {
      return e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(1);
    } catch (YamlEngineException e) {
      return 1;
    }
    return 1;
  }

  /** Offset of the first character YAML forbids (C0 controls but tab and line breaks, DEL, C1 but NEL), or -1. */
  static int firstControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0x7f && c <= 0x9f && c != 0x85) {
        return i;
      }
    }
    return -1;
  }

  private static final ByteSearch API_VERSION = ByteSearch.ascii("apiVersion");
  private static final ByteSearch KIND = ByteSearch.ascii("kind");
  private static final ByteSearch NUL = ByteSearch.of(new byte[] {0});

}
