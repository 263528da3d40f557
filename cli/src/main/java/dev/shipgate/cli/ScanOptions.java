package dev.shipgate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * Options shared by {@code scan} and {@code baseline}. Their names are a contract for CI templates.
 *
 * <p>These two commands run on every commit, so their picocli model is built in code ({@link #addTo}) rather than by
 * reflection over annotations, which cost about 0.17 G instructions of the main thread at each start (bench/RESULTS.md,
 * "Start-up").
 */
final class ScanOptions {

  Path path = Path.of(".");
  Path config;
  boolean noConfig;
  List<String> only = new ArrayList<>();
  List<String> skip = new ArrayList<>();
  String base;
  boolean staged;
  boolean history;
  String since;
  Path db;
  Path noteFile;
  Path reviews;
  String branch;
  int threads = Runtime.getRuntime().availableProcessors();

  /** Declares the shared options on a command built in code; {@link #from} reads what was parsed. */
  static void addTo(CommandSpec spec) {
    spec.addPositional(PositionalParamSpec.builder().index("0").arity("0..1").paramLabel("PATH").type(Path.class)
        .description("Directory to scan (default: the current directory).").build());
    spec.addOption(file("--config", "Policy file to use instead of discovering shipgate.yml upward to the git root."));
    spec.addOption(flag("--no-config", "Ignore any shipgate.yml and use the built-in defaults."));
    spec.addOption(list("--only", "FAMILY", "Run only these scanner families (e.g. secrets,config)."));
    spec.addOption(list("--skip", "FAMILY", "Do not run these scanner families."));
    spec.addOption(text("--base", "REF", "Judge only findings introduced since the merge base with REF (e.g. origin/main); "
        + "pre-existing ones are reported separately."));
    spec.addOption(flag("--staged", "Scan only staged content (for pre-commit hooks)."));
    spec.addOption(flag("--history", "secrets: also scan every commit reachable from any ref (each distinct blob once)."));
    spec.addOption(text("--since", "REF", "secrets: with --history, only commits not reachable from REF."));
    spec.addOption(OptionSpec.builder("--db").paramLabel("DIR").type(Path.class)
        .description("deps: advisory database directory (default: scanners.deps.database, $SHIPGATE_DB, ~/.cache/shipgate/osv).").build());
    spec.addOption(file("--note-file", "change: the change note (e.g. the pull request description) for the AI-assistance disclosure check."));
    spec.addOption(file("--reviews", "change: code-host approvals (GitHub pull-request reviews JSON or GitLab merge-request approvals JSON)."));
    spec.addOption(text("--branch", "NAME", "change: the branch name for .shipgate/notes/<branch>.md when CI checks out a detached HEAD."));
    spec.addOption(OptionSpec.builder("--threads").paramLabel("N").type(int.class).description("Worker threads (default: all cores).").build());
  }

  static ScanOptions from(ParseResult parsed) {
    ScanOptions o = new ScanOptions();
    o.path = parsed.matchedPositionalValue(0, o.path);
    o.config = parsed.matchedOptionValue("--config", null);
    o.noConfig = parsed.matchedOptionValue("--no-config", false);
    o.only = parsed.matchedOptionValue("--only", o.only);
    o.skip = parsed.matchedOptionValue("--skip", o.skip);
    o.base = parsed.matchedOptionValue("--base", null);
    o.staged = parsed.matchedOptionValue("--staged", false);
    o.history = parsed.matchedOptionValue("--history", false);
    o.since = parsed.matchedOptionValue("--since", null);
    o.db = parsed.matchedOptionValue("--db", null);
    o.noteFile = parsed.matchedOptionValue("--note-file", null);
    o.reviews = parsed.matchedOptionValue("--reviews", null);
    o.branch = parsed.matchedOptionValue("--branch", null);
    o.threads = parsed.matchedOptionValue("--threads", o.threads);
    return o;
  }

  /**
   * A command built in code with the standard help options ({@code mixinStandardHelpOptions} would build them by
   * reflection) and the shipgate version.
   */
  static CommandSpec command(Object userObject, String name, String... description) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(userObject).name(name).versionProvider(new Main.Version());
    spec.usageMessage().description(description);
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.").build());
    spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).description("Print version information and exit.").build());
    return spec;
  }

  static OptionSpec flag(String name, String description) {
    return OptionSpec.builder(name).type(boolean.class).description(description).build();
  }

  static OptionSpec file(String name, String description) {
    return OptionSpec.builder(name).paramLabel("FILE").type(Path.class).description(description).build();
  }

  static OptionSpec text(String name, String label, String description) {
    return OptionSpec.builder(name).paramLabel(label).type(String.class).description(description).build();
  }

  static OptionSpec list(String name, String label, String description) {
    return OptionSpec.builder(name).paramLabel(label).type(List.class).auxiliaryTypes(String.class).splitRegex(",")
        .description(description).build();
  }
}
