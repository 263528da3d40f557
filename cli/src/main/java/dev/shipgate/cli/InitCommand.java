package dev.shipgate.cli;

import dev.shipgate.core.policy.Policy;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.PolicyLoader;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.core.walk.FileWalker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shipgate init}: a starter policy suited to what the repository contains. */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = "Write a starter shipgate.yml for the repository, with every setting explained in comments.")
final class InitCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "Repository directory (default: current directory).")
  Path path = Path.of(".");

  @Option(names = "--force", description = "Overwrite an existing shipgate.yml.")
  boolean force;

  @Option(names = "--stdout", description = "Print the policy instead of writing it.")
  boolean stdout;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** What the repository holds, as far as choosing a policy goes. */
  record Survey(Map<String, Integer> languages, List<String> ecosystems, List<String> testDataDirs, boolean springConfig, boolean ci) {}

  @Override
  public Integer call() throws Exception {
    Path root = path.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new UsageException(path + ": not a directory");
    }
    Path target = root.resolve(PolicyLoader.FILE_NAME);
    if (!stdout && Files.exists(target) && !force) {
      throw new UsageException(target + " already exists; use --force to overwrite or --stdout to print a fresh one");
    }
    String yaml = render(survey(root));
    try {
      new PolicyLoader(Scanners.REGISTRY).parse(yaml, PolicyLoader.FILE_NAME, "");
    } catch (PolicyException e) {
      throw new IllegalStateException("init produced a policy that does not load: " + e.getMessage(), e);
    }
    if (stdout) {
      spec.commandLine().getOut().print(yaml);
    } else {
      Files.writeString(target, yaml);
      spec.commandLine().getOut().println("wrote " + target + "; try: shipgate scan " + path);
    }
    return 0;
  }

  static Survey survey(Path root) throws IOException {
    FileWalker.Result walk = new FileWalker(root, Files.isDirectory(root.resolve(".git")) ? root : null, Policy.defaults()).walk();
    Map<String, Integer> langs = new TreeMap<>();
    TreeSet<String> ecosystems = new TreeSet<>();
    TreeSet<String> testData = new TreeSet<>();
    boolean spring = false;
    boolean ci = false;
    for (SourceFile f : walk.files()) {
      String p = f.path();
      String name = f.name();
      String lang = language(name);
      if (lang != null) {
        langs.merge(lang, 1, Integer::sum);
      }
      switch (name) {
        case "pom.xml", "build.gradle", "build.gradle.kts", "gradle.lockfile" -> ecosystems.add("maven");
        case "package.json", "package-lock.json", "yarn.lock", "pnpm-lock.yaml" -> ecosystems.add("npm");
        case "requirements.txt", "poetry.lock", "Pipfile.lock", "uv.lock", "pyproject.toml" -> ecosystems.add("pypi");
        case "go.mod" -> ecosystems.add("go");
        case "Cargo.lock" -> ecosystems.add("cargo");
        default -> { }
      }
      if (name.matches("(application|bootstrap).*\\.(properties|ya?ml)")) {
        spring = true;
      }
      if (p.startsWith(".github/workflows/") || name.equals(".gitlab-ci.yml")) {
        ci = true;
      }
      int i = p.indexOf("/src/test/resources/");
      if (p.startsWith("src/test/resources/")) {
        testData.add("src/test/resources/**");
      } else if (i >= 0) {
        testData.add("**/src/test/resources/**");
      }
    }
    return new Survey(langs, new ArrayList<>(ecosystems), new ArrayList<>(testData), spring, ci);
  }

  private static String language(String name) {
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1);
    return switch (ext) {
      case "java" -> "Java";
      case "kt", "kts" -> "Kotlin";
      case "py" -> "Python";
      case "js", "mjs", "cjs", "jsx" -> "JavaScript";
      case "ts", "tsx" -> "TypeScript";
      case "go" -> "Go";
      case "rb" -> "Ruby";
      case "cs" -> "C#";
      default -> null;
    };
  }

  static String render(Survey s) {
    StringBuilder y = new StringBuilder();
    y.append("# shipgate policy: what runs, what blocks, and what is accepted on purpose.\n");
    y.append("# Reference: README.md (Configuration). Every change here needs the security owners' review.\n");
    if (!s.languages().isEmpty()) {
      y.append("# Found: ");
      List<String> parts = new ArrayList<>();
      s.languages().forEach((k, v) -> parts.add(k + " (" + v + " files)"));
      y.append(String.join(", ", parts));
      if (!s.ecosystems().isEmpty()) {
        y.append("; package ecosystems: ").append(String.join(", ", s.ecosystems()));
      }
      y.append(".\n");
    }
    y.append("version: 1\n\n");
    y.append("# The gate fails (exit 1) on open findings at or above BOTH thresholds.\n");
    y.append("# Severity: info < low < medium < high < critical. Confidence: low < medium < high.\n");
    y.append("fail_on:\n  severity: high\n  confidence: high\n\n");
    y.append("# Findings below this are not reported at all.\n");
    y.append("report:\n  severity: low\n  confidence: low\n\n");
    y.append("# Scanner families; each can be switched off with `enabled: false`.\n");
    y.append("scanners:\n");
    y.append("  secrets: {enabled: true}\n");
    y.append("  config: {enabled: ").append(s.springConfig() || s.languages().containsKey("Java")).append("}").append(s.springConfig() ? "" : "    # no Spring configuration files found").append("\n");
    y.append("  java: {enabled: ").append(s.languages().containsKey("Java")).append("}").append(s.languages().containsKey("Java") ? "" : "    # no Java sources found").append("\n");
    if (s.ecosystems().isEmpty()) {
      y.append("  deps: {enabled: false}    # no manifests or lockfiles found\n\n");
    } else {
      y.append("  deps:\n");
      y.append("    enabled: true\n");
      y.append("    # Advisories come from a local OSV database: `shipgate db update` (or `db import`) fills it.\n");
      y.append("    # Without one the gate fails closed (exit 3); require_database: false scans without advisories.\n");
      y.append("    max_db_age_days: 7\n\n");
    }
    y.append("# Per-rule changes; each needs a reason. Keys are rule ids or id globs (see `shipgate rules`).\n");
    y.append("# rules:\n#   config/spring/jpa-show-sql:\n#     severity: info\n#     reason: \"SQL logging is off in production through an environment override\"\n\n");
    y.append("# Paths are globs relative to this file; .gitignore'd files are never scanned.\n");
    y.append("paths:\n  exclude:\n");
    if (s.testDataDirs().isEmpty()) {
      y.append("    - \"**/node_modules/**\"\n");
    } else {
      for (String d : s.testDataDirs()) {
        y.append("    - \"").append(d).append("\"    # test data; remove if it can hold real secrets\n");
      }
    }
    y.append("\nlimits:\n  max_file_size: 5MiB      # larger files are skipped and reported\n  scanner_timeout: 10m     # a family that runs longer fails the gate\n\n");
    y.append("# A scanner error fails the gate (exit 3). To let errors pass, set fail: false with a reason.\n");
    y.append("errors:\n  fail: true\n");
    return y.toString();
  }
}
