package dev.shipgate.scanner.arch;

import dev.shipgate.core.model.Location;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.ProjectScanner;
import dev.shipgate.core.scan.ScanContext;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.java.frontend.JavaUnit;
import dev.shipgate.scanner.java.frontend.ParseProblem;
import dev.shipgate.scanner.java.frontend.ParsedSources;
import dev.shipgate.scanner.java.taint.Models;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Family {@code arch}: the repository's rails as policy-as-code. Forbidden APIs outside their wrapper, layer rules
 * and required injections are judged on the java family's shared parse (one parse per scan); Python and
 * JavaScript/TypeScript imports at the import level; forbidden and required dependencies in build manifests; and
 * whether the assistant instruction files carry the current rails.
 */
public final class ArchScanner implements ProjectScanner {

  public static final String FAMILY = "arch";
  /** The shared parse recurses over deeply nested expressions; a pool thread's stack is too small for that. */
  private static final long STACK_BYTES = 512L << 20;

  /** The java family's library models, loaded once per process and offered to the scan's other families. */
  private static final class Library {
    static final Models MODELS = Models.loadDefault();
  }

  @Override
  public String family() {
    return FAMILY;
  }

  @Override
  public String version() {
    return "0.1.0";
  }

  @Override
  public List<Rule> rules() {
    return ArchRules.ALL;
  }

  @Override
  public Set<String> settingKeys() {
    return ArchPolicy.KEYS;
  }

  @Override
  public void validate(Settings section) throws PolicyException {
    ArchPolicy.parse(section);
  }

  @Override
  public boolean accepts(String path) {
    return ParsedSources.isJavaSource(path) || ModuleImports.isPython(path) || ModuleImports.isJavaScript(path)
        || Manifests.kind(path) != null || Instructions.Target.forPath(path) != null;
  }

  @Override
  public void scan(List<SourceFile> files, ScanContext context) throws IOException {
    ArchPolicy policy;
    try {
      policy = ArchPolicy.parse(context.settings());
    } catch (PolicyException e) {
      context.error(e.file(), e.line(), e.getMessage());
      return;
    }
    if (policy.isEmpty()) {
      return; // no rails configured: nothing to enforce, and no reason to read or parse anything
    }
    Hits hits = new Hits(context::report);
    List<SourceFile> java = new ArrayList<>();
    Map<String, SourceFile> manifests = new TreeMap<>();
    List<SourceFile> instructions = new ArrayList<>();
    for (SourceFile f : files) {
      String p = f.path();
      if (ParsedSources.isJavaSource(p)) {
        java.add(f);
      } else if (ModuleImports.isPython(p) || ModuleImports.isJavaScript(p)) {
        if (!context.cancelled()) {
          checkModules(f, policy, hits);
        }
      } else if (Manifests.kind(p) != null) {
        manifests.put(p, f);
      } else if (Instructions.Target.forPath(p) != null) {
        instructions.add(f);
      }
    }
    if (!policy.dependencies().isEmpty()) {
      checkDependencies(manifests, policy, hits, context);
    }
    checkInstructions(instructions, context, hits);
    boolean needsJava = policy.forbidden().stream().anyMatch(f -> !f.java().isEmpty())
        || !policy.layerRules().isEmpty() || !policy.requirements().isEmpty();
    if (needsJava && !java.isEmpty()) {
      checkJava(java, policy, hits, context);
    }
  }

  /** Java rails over the shared parse; runs on a thread with a large stack, like the java family's analysis. */
  private static void checkJava(List<SourceFile> java, ArchPolicy policy, Hits hits, ScanContext context) {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        Models models = context.shared(Models.class, () -> Library.MODELS);
        ParsedSources parsed = ParsedSources.shared(java, models, context);
        for (ParseProblem p : parsed.parse().problems()) {
          context.skipped(p.path(), "architecture rules not checked: " + p.message());
        }
        JavaArch arch = new JavaArch(policy, parsed.project(), hits);
        for (JavaUnit u : parsed.project().units()) {
          if (context.cancelled()) {
            break;
          }
          arch.check(u);
        }
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "shipgate-arch-java", STACK_BYTES);
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
  }

  private static void checkModules(SourceFile f, ArchPolicy policy, Hits hits) {
    boolean python = ModuleImports.isPython(f.path());
    List<ArchPolicy.Forbidden> active = new ArrayList<>();
    for (ArchPolicy.Forbidden e : policy.forbidden()) {
      if (!e.modules().isEmpty() && !e.allowed().coversPath(f.path())) {
        active.add(e);
      }
    }
    if (active.isEmpty()) {
      return;
    }
    // Any import names the module's first segment somewhere in the text; most files name none and are done here.
    String text = f.text();
    if (active.stream().flatMap(e -> e.modules().stream()).noneMatch(m -> text.contains(firstSegment(m)))) {
      return;
    }
    SourceText src = python ? SourceText.python(text) : SourceText.javascript(text);
    List<ModuleImports.Import> imports = python ? ModuleImports.python(src) : ModuleImports.javascript(src);
    java.util.Set<String> reported = new java.util.HashSet<>();
    for (ModuleImports.Import imp : imports) {
      for (ArchPolicy.Forbidden e : active) {
        String hit = e.modules().stream().filter(m -> ModuleImports.matches(m, imp.module(), python)).findFirst().orElse(null);
        int line = f.lineOf(imp.offset());
        // `from requests import get` imports both requests and requests.get: one finding per statement and entry
        if (hit != null && reported.add(line + "|" + e.id())) {
          hits.report(ArchRules.IMPORT, e.id(), e.message(), e.severity(), null, Location.line(f.path(), line),
              "import of module `" + imp.module() + "` (" + hit + ") outside "
                  + (e.allowed().paths().isEmpty() ? "the code allowed to use it (nowhere)" : String.join(", ", e.allowed().describe())),
              imp.module());
          break;
        }
      }
    }
  }

  /** {@code os} of {@code os.path}, {@code @aws-sdk} of {@code @aws-sdk/client-s3}. */
  private static String firstSegment(String module) {
    int end = 1;
    while (end < module.length() && module.charAt(end) != '.' && module.charAt(end) != '/') {
      end++;
    }
    return module.substring(0, end);
  }

  private static void checkDependencies(Map<String, SourceFile> manifests, ArchPolicy policy, Hits hits, ScanContext context) {
    Map<String, List<Manifests.Declared>> declared = new TreeMap<>();
    Map<String, String> topMost = new TreeMap<>();
    for (SourceFile f : manifests.values()) {
      String kind = Manifests.kind(f.path());
      String ecosystem = Manifests.ecosystem(kind);
      List<Manifests.Declared> deps;
      try {
        deps = Manifests.read(kind, f.text());
      } catch (Manifests.Unreadable e) {
        context.skipped(f.path(), "dependency rules not checked: " + e.getMessage());
        continue;
      }
      declared.put(f.path(), deps);
      topMost.merge(ecosystem, f.path(), (a, b) -> Comparator.comparingInt((String s) -> s.split("/").length)
          .thenComparing(Comparator.naturalOrder()).compare(a, b) <= 0 ? a : b);
    }
    for (ArchPolicy.Dependency d : policy.dependencies()) {
      if (d.required()) {
        checkRequired(d, declared, topMost, hits);
        continue;
      }
      for (Map.Entry<String, List<Manifests.Declared>> e : declared.entrySet()) {
        for (Manifests.Declared dep : e.getValue()) {
          boolean hit = dep.ecosystem().equals(Manifests.MAVEN)
              ? d.matchesMaven(dep.name().substring(0, dep.name().indexOf(':')), dep.name().substring(dep.name().indexOf(':') + 1))
              : d.matchesNpm(dep.name());
          if (hit) {
            hits.report(ArchRules.DEPENDENCY_FORBIDDEN, d.id(), d.message(), d.severity(), null,
                Location.line(e.getKey(), dep.line()), "dependency `" + dep.name() + "` is forbidden", dep.name());
          }
        }
      }
    }
  }

  private static void checkRequired(ArchPolicy.Dependency d, Map<String, List<Manifests.Declared>> declared,
      Map<String, String> topMost, Hits hits) {
    for (String ecosystem : List.of(Manifests.MAVEN, Manifests.NPM)) {
      List<String> wanted = ecosystem.equals(Manifests.MAVEN) ? d.maven() : d.npm();
      String where = topMost.get(ecosystem);
      if (wanted.isEmpty() || where == null) {
        continue; // the repository does not build with this ecosystem: nothing to require
      }
      boolean found = declared.values().stream().flatMap(List::stream)
          .filter(dep -> dep.ecosystem().equals(ecosystem))
          .anyMatch(dep -> ecosystem.equals(Manifests.MAVEN)
              ? d.matchesMaven(dep.name().substring(0, dep.name().indexOf(':')), dep.name().substring(dep.name().indexOf(':') + 1))
              : d.matchesNpm(dep.name()));
      if (!found) {
        String names = String.join(", ", wanted);
        hits.report(ArchRules.DEPENDENCY_REQUIRED, d.id(), d.message(), d.severity(), null, Location.line(where, 1),
            "no " + (ecosystem.equals(Manifests.MAVEN) ? "Maven or Gradle build" : "package.json") + " declares `" + names + "`",
            ecosystem + ":" + names);
      }
    }
  }

  private static void checkInstructions(List<SourceFile> instructions, ScanContext context, Hits hits) {
    if (instructions.isEmpty()) {
      return;
    }
    PolicyFile policy = PolicyFile.ofArch(context.settings());
    Path file = PolicyFile.locate(context.root(), context.settings().file());
    if (file != null) {
      try {
        policy = PolicyFile.parse(Files.readString(file), context.settings().file());
      } catch (IOException | PolicyException e) {
        context.error(context.settings().file(), 0, "cannot read the policy for the instruction check: " + e.getMessage());
        return;
      }
    }
    String expected;
    try {
      expected = policy.section();
    } catch (PolicyException e) {
      return; // the arch section itself is malformed; scan() has reported it already
    }
    for (SourceFile f : instructions) {
      String text;
      try {
        text = f.text();
      } catch (UncheckedIOException e) {
        context.error(f.path(), 0, e.getMessage());
        continue;
      }
      Instructions.State state = Instructions.state(text, expected);
      String what = switch (state.status()) {
        case CURRENT -> null;
        case MISSING -> "has no shipgate section, so assistants are not told the repository's rails";
        case STALE -> "has a shipgate section generated from a different policy";
        case EDITED -> "has a shipgate section that was edited by hand";
        case BROKEN -> "has a shipgate:begin marker without its shipgate:end marker";
      };
      if (what != null) {
        hits.report(ArchRules.AGENTS_STALE, "agents", "run `shipgate agents` to regenerate the section from the policy", null,
            null, Location.line(f.path(), state.line()), "`" + f.path() + "` " + what, f.path());
      }
    }
  }
}
