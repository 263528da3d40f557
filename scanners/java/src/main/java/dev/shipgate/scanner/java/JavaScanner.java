package dev.shipgate.scanner.java;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Fix;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.ParsedSettings;
import dev.shipgate.core.scan.ProjectScanner;
import dev.shipgate.core.scan.ScanContext;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.java.frontend.JavaFrontEnd;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.ParseProblem;
import dev.shipgate.scanner.java.frontend.ParsedSources;
import dev.shipgate.scanner.java.frontend.ProjectConfig;
import dev.shipgate.scanner.java.frontend.ViewTemplates;
import dev.shipgate.scanner.java.rules.JavaChecks;
import dev.shipgate.scanner.java.rules.JwtLifetimeCheck;
import dev.shipgate.scanner.java.rules.MyBatisMappers;
import dev.shipgate.scanner.java.rules.MyBatisSubstitutionCheck;
import dev.shipgate.scanner.java.taint.JavaCheck;
import dev.shipgate.scanner.java.taint.Models;
import dev.shipgate.scanner.java.taint.TaintEngine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Family {@code java}: parses every {@code .java} file without building the project, resolves names,
 * runs the whole-repository taint analysis and the crypto / TLS / cookie checks.
 */
public final class JavaScanner implements ProjectScanner {

  public static final String FAMILY = "java";
  static final String TIMEOUT_KEY = "method-timeout-ms";
  static final String STEPS_KEY = "method-step-limit";
  static final String FILE_TIMEOUT_KEY = "file-timeout-ms";
  /** The analysis recurses over expression trees; very deep nesting needs a bigger stack than a pool thread has. */
  private static final long STACK_BYTES = 512L << 20;

  /** The models, parsed when the first Java file is analysed: a tree without Java never needs them. */
  private final Supplier<Models> models;
  private final List<JavaCheck> checks;
  private final List<Rule> rules;
  /** The JWT lifetime limits of the policy, read once per policy. */
  private final ParsedSettings<JwtLifetimeCheck.Limits> lifetimeLimits =
      new ParsedSettings<>(JwtLifetimeCheck.Limits::read, JwtLifetimeCheck.Limits.DEFAULT);

  public JavaScanner() {
    this(Models.shippedRules(), Models::loadDefault, JavaChecks.all());
  }

  JavaScanner(Models models, List<JavaCheck> checks) {
    this(models.rules(), () -> models, checks);
  }

  private JavaScanner(List<Rule> taintRules, Supplier<Models> models, List<JavaCheck> checks) {
    this.models = models;
    this.checks = List.copyOf(checks);
    List<Rule> all = new ArrayList<>(taintRules);
    for (JavaCheck c : checks) {
      all.addAll(c.rules());
    }
    this.rules = List.copyOf(all);
  }

  @Override
  public String family() {
    return FAMILY;
  }

  @Override
  public String version() {
    return "0.3.0";
  }

  @Override
  public List<Rule> rules() {
    return rules;
  }

  @Override
  public boolean accepts(String path) {
    if (ProjectConfig.isConfigFile(path)) {
      return true; // read for configured values (algorithm names and the like), never judged on their own
    }
    if (ProjectConfig.isBuildFile(path)) {
      return true; // declared dependency versions (SnakeYAML 2 rejects global tags by default)
    }
    if (MyBatisMappers.isCandidate(path)) {
      return true; // MyBatis mapper statements; other XML files are dropped after a look at their content
    }
    if (ViewTemplates.isCandidate(path)) {
      return true; // view templates: where they write model attributes unescaped
    }
    return ParsedSources.isJavaSource(path);
  }

  @Override
  public Set<String> settingKeys() {
    return Set.of(TIMEOUT_KEY, STEPS_KEY, FILE_TIMEOUT_KEY, JwtLifetimeCheck.MAX_KEY, JwtLifetimeCheck.REFRESH_MAX_KEY);
  }

  @Override
  public void validate(Settings section) throws PolicyException {
    for (String key : List.of(TIMEOUT_KEY, STEPS_KEY, FILE_TIMEOUT_KEY)) {
      section.integer(key, 0); // a whole number, or an error at its line
    }
    lifetimeLimits.validate(section);
  }

  @Override
  public void scan(List<SourceFile> files, ScanContext context) throws IOException {
    if (files.stream().noneMatch(f -> ParsedSources.isJavaSource(f.path()) || MyBatisMappers.isCandidate(f.path())
        || ViewTemplates.isCandidate(f.path()))) {
      return; // configuration files are read only for the values Java code looks up
    }
    TaintEngine.Limits limits;
    try {
      limits = new TaintEngine.Limits(context.settings().integer(STEPS_KEY, TaintEngine.Limits.DEFAULT.stepsPerMethod()),
          context.settings().integer(TIMEOUT_KEY, TaintEngine.Limits.DEFAULT.millisPerMethod()),
          TaintEngine.Limits.DEFAULT.visitsPerMethod(),
          context.settings().integer(FILE_TIMEOUT_KEY, TaintEngine.Limits.DEFAULT.millisPerFile()));
    } catch (PolicyException e) {
      throw new IOException(e.getMessage(), e);
    }
    Analysis a = analyse(files, limits, context::cancelled, context);
    for (ParseProblem p : a.parse().problems()) {
      context.error(p.path(), p.line(), p.message());
    }
    for (ParseProblem p : a.mapperProblems()) {
      context.error(p.path(), p.line(), p.message());
    }
    for (TaintEngine.Stopped s : a.result().stopped()) {
      String what = s.method().equals("*") ? "analysis stopped: " : "analysis of " + s.method() + " stopped: ";
      context.skipped(s.path(), what + s.reason() + " (raise scanners.java." + TIMEOUT_KEY + ", " + STEPS_KEY + " or "
          + FILE_TIMEOUT_KEY + ")");
    }
    JwtLifetimeCheck.Limits limitsOfPolicy = lifetimeLimits.get(context);
    for (Finding f : withFixes(a.result().findings(), files, a.project())) {
      if (!f.ruleId().equals(JwtLifetimeCheck.RULE_ID) || !limitsOfPolicy.allows(f)) {
        context.report(f);
      }
    }
  }

  /** Attaches the fixes the checks offer for their own findings. */
  private List<Finding> withFixes(List<Finding> findings, List<SourceFile> files, JavaProject project) {
    Map<String, SourceFile> byPath = new HashMap<>();
    files.forEach(f -> byPath.put(f.path(), f));
    Map<Finding, Fix> fixes = new HashMap<>();
    for (JavaCheck c : checks) {
      Set<String> ids = c.fixedRules();
      List<Finding> mine = findings.stream().filter(f -> ids.contains(f.ruleId())).toList();
      if (!mine.isEmpty()) {
        fixes.putAll(c.fixes(mine, byPath::get, project));
      }
    }
    if (fixes.isEmpty()) {
      return findings;
    }
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      Fix fix = fixes.get(f);
      out.add(fix == null ? f : f.withFix(fix));
    }
    return out;
  }

  /** Everything one run produced, for the scanner, the benchmark and tests. */
  public record Analysis(JavaFrontEnd.ParseResult parse, JavaProject project, TaintEngine.Result result,
      List<ParseProblem> mapperProblems) {}

  /** Parses (in parallel) and analyses {@code files}; runs on a thread with a large stack. */
  public Analysis analyse(List<SourceFile> files, TaintEngine.Limits limits, java.util.function.BooleanSupplier cancelled) {
    return analyse(files, limits, cancelled, null);
  }

  /** As above, taking the parse from the scan's shared value when {@code context} is given. */
  private Analysis analyse(List<SourceFile> files, TaintEngine.Limits limits, java.util.function.BooleanSupplier cancelled,
      ScanContext context) {
    AtomicReference<Analysis> out = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        List<SourceFile> sources = new ArrayList<>();
        List<SourceFile> properties = new ArrayList<>();
        List<SourceFile> xml = new ArrayList<>();
        List<SourceFile> builds = new ArrayList<>();
        List<SourceFile> templates = new ArrayList<>();
        for (SourceFile f : files) {
          if (ViewTemplates.isCandidate(f.path())) {
            templates.add(f);
            continue;
          }
          if (ProjectConfig.isBuildFile(f.path())) {
            builds.add(f);
            if (!MyBatisMappers.isCandidate(f.path())) {
              continue;
            }
          }
          (ProjectConfig.isConfigFile(f.path()) ? properties : MyBatisMappers.isCandidate(f.path()) ? xml : sources).add(f);
        }
        Models m = models.get();
        ParsedSources parsed = context == null ? ParsedSources.parse(sources, m) : ParsedSources.shared(sources, m, context);
        MyBatisMappers.Result mybatis = MyBatisMappers.find(parsed.project(), xml);
        List<SourceFile> snippets = new ArrayList<>(sources);
        snippets.addAll(templates);
        ProjectConfig config = ProjectConfig.fromFiles(properties, builds);
        TaintEngine engine = new TaintEngine(parsed.project(), m, checks, snippets, limits, config,
            MyBatisSubstitutionCheck.sinks(mybatis), ViewTemplates.read(templates, config));
        TaintEngine.Result r = engine.run(cancelled);
        List<Finding> unreached = MyBatisSubstitutionCheck.unreached(mybatis, r.findings());
        if (!unreached.isEmpty()) {
          List<Finding> all = new ArrayList<>(r.findings());
          all.addAll(unreached);
          all.sort(java.util.Comparator.comparing((Finding f) -> f.location().path())
              .thenComparingInt(f -> f.location().startLine()).thenComparing(Finding::ruleId));
          r = new TaintEngine.Result(all, r.stopped(), r.methods(), r.analyses());
        }
        out.set(new Analysis(parsed.parse(), parsed.project(), r, mybatis.problems()));
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "shipgate-java-analysis", STACK_BYTES);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (failure.get() instanceof RuntimeException re) {
      throw re;
    }
    if (failure.get() instanceof Error err) {
      throw err;
    }
    return out.get();
  }
}
