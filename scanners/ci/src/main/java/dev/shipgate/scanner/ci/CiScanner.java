package dev.shipgate.scanner.ci;

import dev.shipgate.core.model.Rule;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.FileScanner;
import dev.shipgate.core.scan.ParsedSettings;
import dev.shipgate.core.scan.ScanContext;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.core.yaml.YamlException;
import dev.shipgate.core.yaml.YamlFile;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The {@code ci} family: GitHub Actions workflows ({@code .github/workflows/*.yml}), composite actions
 * ({@code action.yml}) and GitLab CI ({@code .gitlab-ci.yml} and the conventional include locations), judged
 * for poisoned-pipeline execution, script injection, unpinned code, token scope and secret exposure.
 */
public final class CiScanner implements FileScanner {

  /** Bump when the findings for the same input change. */
  public static final String VERSION = "1.3.0";

  /** Pipelines are written by hand; a file this large is generated data, and is refused with an error. */
  static final int MAX_BYTES = 2 * 1024 * 1024;

  /** Deeper than any real pipeline; the composer recurses, so depth is checked on the event stream first. */
  static final int MAX_DEPTH = 64;

  /** The alias limit core's {@code YamlFile} applies. */
  static final int MAX_ALIASES = 100;

  /** <code>{{</code> that is not part of a GitHub <code>${{</code> expression. */
  private static final Pattern TEMPLATE = Pattern.compile("(?<!\\$)\\{\\{");

  private static final Pattern GITHUB_WORKFLOW = Pattern.compile("(?:.*/)?\\.github/workflows/[^/]+\\.ya?ml");
  private static final Pattern GITHUB_ACTION = Pattern.compile("(?:.*/)?action\\.ya?ml");
  /** GitLab's root file, the {@code *.gitlab-ci.yml} naming convention and the documented {@code .gitlab/ci/} folder. */
  private static final Pattern GITLAB = Pattern.compile("(?:.*/)?(?:[^/]*\\.)?gitlab-ci\\.ya?ml|(?:.*/)?\\.gitlab/ci/.+\\.ya?ml");

  private final List<CiRule> rules;
  private final ParsedSettings<CiSettings> settings = new ParsedSettings<>(CiSettings::of, CiSettings.DEFAULTS);

  public CiScanner() {
    this(CiRules.ALL);
  }

  CiScanner(List<CiRule> rules) {
    this.rules = List.copyOf(rules);
  }

  @Override
  public String family() {
    return "ci";
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public List<Rule> rules() {
    return rules.stream().map(CiRule::rule).toList();
  }

  @Override
  public Set<String> settingKeys() {
    return CiSettings.KEYS;
  }

  @Override
  public void validate(Settings section) throws PolicyException {
    settings.validate(section);
  }

  @Override
  public boolean accepts(String path) {
    return kind(path) != null;
  }

  static CiFile.Kind kind(String path) {
    if (GITHUB_WORKFLOW.matcher(path).matches()) {
      return CiFile.Kind.GITHUB_WORKFLOW;
    }
    if (GITLAB.matcher(path).matches()) {
      return CiFile.Kind.GITLAB_CI;
    }
    if (GITHUB_ACTION.matcher(path).matches()) {
      return CiFile.Kind.GITHUB_ACTION;
    }
    return null;
  }

  @Override
  public void scan(SourceFile file, ScanContext context) throws IOException {
    String path = file.path();
    CiFile.Kind pathKind = kind(path);
    byte[] bytes = file.bytes();
    if (bytes.length > MAX_BYTES) {
      context.error(path, SourceFile.lineAtByte(bytes, MAX_BYTES),
          "file is " + bytes.length + " bytes; pipeline files over " + MAX_BYTES + " bytes are not parsed (the limit is crossed on this line)");
      return;
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        context.error(path, SourceFile.lineAtByte(bytes, i), "binary content (a NUL byte) in a pipeline file; the CI service cannot load it");
        return;
      }
    }
    String text = file.text();
    if (!file.isValidUtf8()) {
      context.error(path, file.lineOf(text.indexOf('\uFFFD')), "not valid UTF-8; the CI service rejects the file");
      return;
    }
    YamlFile yaml;
    try {
      yaml = YamlFile.parse(path, text);
    } catch (YamlException e) {
      if (e.line() > 0) {
        context.error(path, e.line(), "not valid YAML: " + e.getMessage());
      } else {
        Located where = locate(text);
        context.error(path, where.line(), "not valid YAML: " + e.getMessage() + where.why());
      }
      return;
    }
    CiSettings settings = this.settings.get(context);
    Findings out = new Findings(file, context);
    for (Node document : yaml.documents()) {
      if (context.cancelled()) {
        return;
      }
      if (!(document instanceof MappingNode)) {
        context.error(path, YamlFile.line(document), "a pipeline file must be a mapping of keys, not a " + shape(document));
        continue;
      }
      CiFile.Kind kind = pathKind != null ? pathKind : kindOf(document);
      if (kind == null) {
        context.skipped(path, "neither the path nor the content says which CI system the file is for");
        continue;
      }
      if (kind == CiFile.Kind.GITHUB_ACTION && YamlFile.get(document, "runs").isEmpty()) {
        context.skipped(path, "named action.yml but has no `runs:` section, so it is not a GitHub Action");
        continue;
      }
      if (kind == CiFile.Kind.GITHUB_WORKFLOW && YamlFile.get(document, "jobs").isEmpty()) {
        context.skipped(path, "in .github/workflows but has no `jobs:`, so GitHub cannot run it as a workflow");
        continue;
      }
      CiFile ci = new CiFile(path, kind, yaml, document, settings, file);
      for (CiRule rule : rules) {
        rule.check(ci, out);
      }
    }
  }

  /**
   * The kind of a document offered under a path that does not say (a fix preview, a test): workflows have
   * {@code on:} and {@code jobs:}, actions {@code runs:}, GitLab files {@code stages:} or jobs with {@code script:}.
   */
  static CiFile.Kind kindOf(Node document) {
    if (YamlFile.get(document, "jobs").isPresent() && YamlFile.get(document, "on").isPresent()) {
      return CiFile.Kind.GITHUB_WORKFLOW;
    }
    if (YamlFile.get(document, "runs").isPresent()) {
      return CiFile.Kind.GITHUB_ACTION;
    }
    boolean gitlab = YamlFile.get(document, "stages").isPresent()
        || YamlFile.entries(document).values().stream().anyMatch(v -> YamlFile.get(v, "script").isPresent());
    return gitlab ? CiFile.Kind.GITLAB_CI : null;
  }

  private static String shape(Node node) {
    return switch (node.getNodeType()) {
      case SEQUENCE -> "list";
      case SCALAR -> "single value";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** A position the YAML reader could not give, and what is there. */
  record Located(int line, String why) {}

  /**
   * Where an error the composer reported without a position lies: nesting over {@link #MAX_DEPTH} or the alias
   * that crosses the limit, from the non-recursive event stream; else the <code>{{</code> of an unrendered template
   * (YAML reads it as a mapping used as a key, which is refused).
   */
  static Located locate(String text) {
    int depth = 0;
    int aliases = 0;
    try {
      for (Event event : new Parse(LoadSettings.builder().build()).parseString(text)) {
        int line = event.getStartMark().map(m -> m.getLine() + 1).orElse(0);
        switch (event.getEventId()) {
          case MappingStart, SequenceStart -> {
            if (++depth > MAX_DEPTH) {
              return new Located(line, " (nesting deeper than " + MAX_DEPTH + " levels starts on this line)");
            }
          }
          case MappingEnd, SequenceEnd -> depth--;
          case Alias -> {
            if (++aliases > MAX_ALIASES) {
              return new Located(line, " (more than " + MAX_ALIASES + " aliases: an alias bomb?)");
            }
          }
          default -> {}
        }
      }
    } catch (YamlEngineException | StackOverflowError e) {
      // The composer's message stands; fall through to the template search.
    }
    Matcher template = TEMPLATE.matcher(text);
    if (template.find()) {
      int line = 1;
      for (int i = 0; i < template.start(); i++) {
        line += text.charAt(i) == '\n' ? 1 : 0;
      }
      return new Located(line, " (unrendered template syntax `{{ … }}` on this line: scan the rendered file instead)");
    }
    return new Located(0, "");
  }

}
