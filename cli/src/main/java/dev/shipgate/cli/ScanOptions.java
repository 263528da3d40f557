package dev.shipgate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options shared by {@code scan} and {@code baseline}. Their names are a contract for CI templates. */
final class ScanOptions {

  @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "Directory to scan (default: the current directory).")
  Path path = Path.of(".");

  @Option(names = "--config", paramLabel = "FILE", description = "Policy file to use instead of discovering shipgate.yml upward to the git root.")
  Path config;

  @Option(names = "--no-config", description = "Ignore any shipgate.yml and use the built-in defaults.")
  boolean noConfig;

  @Option(names = "--only", split = ",", paramLabel = "FAMILY", description = "Run only these scanner families (e.g. secrets,config).")
  List<String> only = new ArrayList<>();

  @Option(names = "--skip", split = ",", paramLabel = "FAMILY", description = "Do not run these scanner families.")
  List<String> skip = new ArrayList<>();

  @Option(names = "--base", paramLabel = "REF", description = "Judge only findings introduced since the merge base with REF (e.g. origin/main); pre-existing ones are reported separately.")
  String base;

  @Option(names = "--staged", description = "Scan only staged content (for pre-commit hooks).")
  boolean staged;

  @Option(names = "--history", description = "secrets: also scan every commit reachable from any ref (each distinct blob once).")
  boolean history;

  @Option(names = "--since", paramLabel = "REF", description = "secrets: with --history, only commits not reachable from REF.")
  String since;

  @Option(names = "--db", paramLabel = "DIR", description = "deps: advisory database directory (default: scanners.deps.database, $SHIPGATE_DB, ~/.cache/shipgate/osv).")
  java.nio.file.Path db;

  @Option(names = "--note-file", paramLabel = "FILE", description = "change: the change note (e.g. the pull request description) for the AI-assistance disclosure check.")
  Path noteFile;

  @Option(names = "--reviews", paramLabel = "FILE", description = "change: code-host approvals (GitHub pull-request reviews JSON or GitLab merge-request approvals JSON).")
  Path reviews;

  @Option(names = "--branch", paramLabel = "NAME", description = "change: the branch name for .shipgate/notes/<branch>.md when CI checks out a detached HEAD.")
  String branch;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();
}
