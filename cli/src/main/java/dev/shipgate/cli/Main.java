package dev.shipgate.cli;

import dev.shipgate.core.ShipgateVersion;
import dev.shipgate.core.gate.Verdict;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code shipgate} command. */
@Command(
    name = "shipgate",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "The release gate for AI-assisted code: policy-as-code, secrets, SAST, dependency and configuration checks.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the gate passed",
      "1:the gate failed (blocking findings, expired or malformed waivers)",
      "2:usage or configuration error",
      "3:internal or scan error (the gate fails closed)"
    })
public final class Main implements Runnable {

  /**
   * Every subcommand. picocli builds a command's model by reflection, which for all of them costs a quarter of a
   * second of start-up, so a command line that names one gets only that one (see {@link #commandLine(String...)}).
   */
  static final List<Class<?>> SUBCOMMANDS = List.of(
      ScanCommand.class,
      InitCommand.class,
      BaselineCommand.class,
      RulesCommand.class,
      ExplainCommand.class,
      VersionCommand.class,
      DbCommand.class,
      FixCommand.class,
      dev.shipgate.scanner.api.command.RoutesCommand.class,
      dev.shipgate.scanner.arch.command.AgentsCommand.class,
      dev.shipgate.scanner.change.command.ApproveCommand.class,
      dev.shipgate.scanner.change.command.WaiveCommand.class,
      dev.shipgate.scanner.change.command.AiIgnoreCommand.class,
      dev.shipgate.evidence.command.VerifyCommand.class,
      dev.shipgate.evidence.command.AuditCommand.class,
      dev.shipgate.evidence.command.ReportCommand.class,
      dev.shipgate.evidence.command.KeysCommand.class,
      dev.shipgate.sbom.command.SbomCommand.class,
      CommandLine.HelpCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
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
    CommandLine cl = new CommandLine(new Main(), factory);
    Class<?> named = args.length == 0 ? null : subcommand(args[0]);
    for (Class<?> c : named != null && named != CommandLine.HelpCommand.class ? List.<Class<?>>of(named) : SUBCOMMANDS) {
      try {
        cl.addSubcommand(factory.create(c));
      } catch (Exception e) {
        throw new CommandLine.InitializationException("cannot create the command " + c.getSimpleName() + ": " + e, e);
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

  /** The subcommand whose name or alias is {@code name}, read from its annotation without building its model. */
  private static Class<?> subcommand(String name) {
    for (Class<?> c : SUBCOMMANDS) {
      Command command = c.getAnnotation(Command.class);
      if (command != null && (command.name().equals(name) || List.of(command.aliases()).contains(name))) {
        return c;
      }
    }
    return null;
  }

  /** Prints the shipgate version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"shipgate " + ShipgateVersion.get()};
    }
  }
}
