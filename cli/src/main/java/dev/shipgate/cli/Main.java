package dev.shipgate.cli;

import dev.shipgate.core.ShipgateVersion;
import dev.shipgate.core.gate.Verdict;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Entry point of the {@code shipgate} command. Its picocli model is built in code, as scan's is (see {@link ScanOptions}). */
public final class Main implements Runnable {

  /**
   * Every subcommand by name. picocli builds an annotated command's model by reflection, which for all of them costs a
   * quarter of a second of start-up, so a command line that names one gets only that one (see
   * {@link #commandLine(String...)}); scan and baseline are built in code.
   */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands(
      "scan", ScanCommand.class,
      "init", InitCommand.class,
      "baseline", BaselineCommand.class,
      "rules", RulesCommand.class,
      "explain", ExplainCommand.class,
      "version", VersionCommand.class,
      "db", DbCommand.class,
      "fix", FixCommand.class,
      "routes", dev.shipgate.scanner.api.command.RoutesCommand.class,
      "agents", dev.shipgate.scanner.arch.command.AgentsCommand.class,
      "approve", dev.shipgate.scanner.change.command.ApproveCommand.class,
      "waive", dev.shipgate.scanner.change.command.WaiveCommand.class,
      "ai-ignore", dev.shipgate.scanner.change.command.AiIgnoreCommand.class,
      "verify", dev.shipgate.evidence.command.VerifyCommand.class,
      "audit", dev.shipgate.evidence.command.AuditCommand.class,
      "report", dev.shipgate.evidence.command.ReportCommand.class,
      "keys", dev.shipgate.evidence.command.KeysCommand.class,
      "sbom", dev.shipgate.sbom.command.SbomCommand.class,
      "help", CommandLine.HelpCommand.class);

  private static Map<String, Class<?>> subcommands(Object... nameThenClass) {
    Map<String, Class<?>> out = new LinkedHashMap<>();
    for (int i = 0; i < nameThenClass.length; i += 2) {
      out.put((String) nameThenClass[i], (Class<?>) nameThenClass[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static CommandSpec rootSpec() {
    Main main = new Main();
    CommandSpec spec = ScanOptions.command(main, "shipgate",
        "The release gate for AI-assisted code: policy-as-code, secrets, SAST, dependency and configuration checks.");
    Map<String, String> exitCodes = new LinkedHashMap<>();
    exitCodes.put("0", "the gate passed");
    exitCodes.put("1", "the gate failed (blocking findings, expired or malformed waivers)");
    exitCodes.put("2", "usage or configuration error");
    exitCodes.put("3", "internal or scan error (the gate fails closed)");
    spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
    main.spec = spec;
    return spec;
  }

  public static void main(String[] args) {
    warmUp(args);
    System.exit(execute(args, new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)));
  }

  /**
   * Commands that scan need their families and git; both take a few hundred milliseconds to load, so they start
   * loading now, while picocli parses the command line (start-up is measured in bench/RESULTS.md).
   */
  private static void warmUp(String[] args) {
    if (args.length == 0 || !java.util.Set.of("scan", "baseline").contains(args[0])) {
      return;
    }
    Set<String> families = familiesSelectedBy(args);
    Thread load = new Thread(() -> {
      try {
        Scanners.REGISTRY.get(families);
      } catch (RuntimeException e) {
        // The command builds them again and reports the failure through the normal error path (exit 3).
      }
    }, "shipgate-load-families");
    load.setDaemon(true);
    load.start();
    if (!dev.shipgate.git.GitWorkspace.mayBeInside(scanPathGuess(args))) {
      return; // no work tree: the scan never loads JGit
    }
    Thread git = new Thread(() -> {
      try {
        dev.shipgate.git.JGitSetup.init();
      } catch (RuntimeException e) {
        // GitWorkspace.find calls init again and reports any failure.
      }
    }, "shipgate-load-git");
    git.setDaemon(true);
    git.start();
  }

  /** The directory a scan command line names (its first argument that is one), else the working directory. */
  static java.nio.file.Path scanPathGuess(String[] args) {
    for (int i = 1; i < args.length; i++) {
      try {
        if (!args[i].startsWith("-") && java.nio.file.Files.isDirectory(java.nio.file.Path.of(args[i]))) {
          return java.nio.file.Path.of(args[i]);
        }
      } catch (java.nio.file.InvalidPathException e) {
        // not a path on this system: an option's value
      }
    }
    return java.nio.file.Path.of("");
  }

  /**
   * The families a scan command line selects with {@code --only} and {@code --skip}: a guess made before picocli
   * parses the line, good enough to warm up (the command decides, with the policy, what really runs).
   */
  static Set<String> familiesSelectedBy(String[] args) {
    Set<String> only = new LinkedHashSet<>();
    Set<String> skip = new HashSet<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      boolean isOnly = a.equals("--only") || a.startsWith("--only=");
      if (!isOnly && !a.equals("--skip") && !a.startsWith("--skip=")) {
        continue;
      }
      int eq = a.indexOf('=');
      String value = eq >= 0 ? a.substring(eq + 1) : i + 1 < args.length ? args[++i] : "";
      (isOnly ? only : skip).addAll(List.of(value.split(",")));
    }
    Set<String> out = new LinkedHashSet<>(only.isEmpty() ? Scanners.REGISTRY.families() : only);
    out.removeAll(skip);
    out.retainAll(Scanners.REGISTRY.families());
    return out;
  }

  /** Builds commands; {@code report compliance} without an attestation judges a fresh gate run. */
  private static final class Factory implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == dev.shipgate.evidence.command.ComplianceCommand.class) {
        return type.cast(new dev.shipgate.evidence.command.ComplianceCommand((repo, config) -> {
          ScanOptions o = new ScanOptions();
          o.path = repo;
          o.config = config.orElse(null);
          return new ScanRunner(Scanners.REGISTRY, java.time.Clock.systemUTC()).run(o,
              new ScanCommand.Progress(new PrintWriter(java.io.Writer.nullWriter()), false, false));
        }));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  /** Runs a command line with the given streams and returns the exit code (for tests and the Maven plugin). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = commandLine(args);
    cl.setOut(out);
    cl.setErr(err);
    return cl.execute(args);
  }

  /**
   * The command tree for {@code args}: when the first argument names a subcommand, only that subcommand is
   * registered; otherwise (no argument, an option such as {@code --help}, {@code help}, a typo) all of them are, so
   * that usage lists every command and picocli can suggest the closest name.
   */
  static CommandLine commandLine(String... args) {
    Factory factory = new Factory();
    CommandLine cl = new CommandLine(rootSpec(), factory);
    Class<?> named = args.length == 0 ? null : SUBCOMMANDS.get(args[0]);
    Map<String, Class<?>> wanted = named != null && named != CommandLine.HelpCommand.class ? Map.of(args[0], named) : SUBCOMMANDS;
    for (Map.Entry<String, Class<?>> c : wanted.entrySet()) {
      Class<?> type = c.getValue();
      try {
        cl.addSubcommand(c.getKey(), type == ScanCommand.class ? ScanCommand.spec()
            : type == BaselineCommand.class ? BaselineCommand.spec() : factory.create(type));
      } catch (Exception e) {
        throw new CommandLine.InitializationException("cannot create the command " + type.getSimpleName() + ": " + e, e);
      }
    }
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof UsageException u) {
        commandLine.getErr().println("shipgate: " + u.getMessage());
        return Verdict.USAGE;
      }
      commandLine.getErr().println("shipgate: internal error: " + ex);
      for (StackTraceElement e : ex.getStackTrace()) {
        if (e.getClassName().startsWith("dev.shipgate")) {
          commandLine.getErr().println("    at " + e);
          break;
        }
      }
      commandLine.getErr().println("The gate fails closed (exit 3). Please report this with the command you ran.");
      return Verdict.ERROR;
    });
    return cl;
  }

  /** Prints the shipgate version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"shipgate " + ShipgateVersion.get()};
    }
  }
}
