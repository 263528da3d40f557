package dev.shipgate.cli;

import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.osv.DatabaseLocation;
import dev.shipgate.scanner.deps.osv.OsvDatabase;
import dev.shipgate.scanner.deps.osv.OsvImporter;
import dev.shipgate.scanner.deps.osv.OsvUpdater;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shipgate db}: the offline OSV advisory database the {@code deps} family matches against. */
@Command(name = "db", mixinStandardHelpOptions = true,
    description = "Manage the offline advisory database (OSV format) used by the deps family. Scans never touch the network.",
    subcommands = {DbCommand.Import.class, DbCommand.Update.class, DbCommand.Status.class})
final class DbCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The database directory: --db, else $SHIPGATE_DB, else the user cache directory. */
  static final class Location {
    @Option(names = "--db", paramLabel = "DIR", description = "Database directory (default: $SHIPGATE_DB, else ~/.cache/shipgate/osv).")
    Path db;

    Path resolve() {
      return DatabaseLocation.resolve(db == null ? null : db.toString(), Path.of("").toAbsolutePath());
    }
  }

  static void printImport(PrintWriter out, Path dir, OsvImporter.Result r) {
    out.println("imported " + r.records() + " advisories into " + dir + " in " + r.millis() + " ms");
    r.entries().forEach((eco, n) -> out.println("  " + eco.osvName() + ": " + n + " entries"));
    if (r.withdrawnOrForeign() > 0) {
      out.println("  " + r.withdrawnOrForeign() + " withdrawn or for ecosystems shipgate does not read, left out");
    }
    for (String p : r.problems()) {
      out.println("  problem: " + p);
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Import OSV exports: per-ecosystem all.zip files and directories of OSV JSON records.")
  static final class Import implements Callable<Integer> {
    @CommandLine.Mixin Location location;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "all.zip files or directories of OSV JSON.")
    List<Path> sources = new ArrayList<>();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      for (Path p : sources) {
        if (!Files.exists(p)) {
          throw new UsageException(p + ": no such file or directory");
        }
      }
      Path dir = location.resolve();
      OsvImporter.Result r = new OsvImporter().importInto(dir, sources);
      printImport(spec.commandLine().getOut(), dir, r);
      return r.problems().isEmpty() ? 0 : dev.shipgate.core.gate.Verdict.ERROR;
    }
  }

  @Command(name = "update", mixinStandardHelpOptions = true,
      description = "Download per-ecosystem OSV exports (all.zip) and import them. The only shipgate command that uses the network.")
  static final class Update implements Callable<Integer> {
    @CommandLine.Mixin Location location;

    @Option(names = "--url", paramLabel = "URL", description = "Base URL of the export (default: ${DEFAULT-VALUE}).")
    URI url = OsvUpdater.DEFAULT_BASE;

    @Option(names = "--ecosystem", split = ",", paramLabel = "NAME", description = "OSV ecosystem names (default: all shipgate reads).")
    List<String> ecosystems = new ArrayList<>();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      EnumSet<Ecosystem> chosen = EnumSet.noneOf(Ecosystem.class);
      for (String name : ecosystems) {
        Ecosystem e = Ecosystem.fromOsv(name);
        if (e == null) {
          throw new UsageException("unknown OSV ecosystem '" + name + "'");
        }
        chosen.add(e);
      }
      if (chosen.isEmpty()) {
        chosen = EnumSet.allOf(Ecosystem.class);
      }
      Path dir = location.resolve();
      OsvUpdater.Result r;
      try {
        r = new OsvUpdater().update(dir, url, chosen);
      } catch (IOException e) {
        spec.commandLine().getErr().println("shipgate: update failed: " + e.getMessage());
        return dev.shipgate.core.gate.Verdict.ERROR;
      }
      printImport(spec.commandLine().getOut(), dir, r.imported());
      for (String f : r.failures()) {
        spec.commandLine().getErr().println("  failed: " + f);
      }
      return r.failures().isEmpty() ? 0 : dev.shipgate.core.gate.Verdict.ERROR;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true, description = "Show where the database is, its age and what it covers.")
  static final class Status implements Callable<Integer> {
    @CommandLine.Mixin Location location;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      Path dir = location.resolve();
      PrintWriter out = spec.commandLine().getOut();
      Optional<OsvDatabase> db = OsvDatabase.open(dir);
      if (db.isEmpty()) {
        out.println("no advisory database at " + dir + "; run `shipgate db import` or `shipgate db update`");
        return dev.shipgate.core.gate.Verdict.ERROR;
      }
      Duration age = db.get().age(Instant.now());
      out.println("advisory database " + dir + ", imported " + db.get().importedAt() + " (" + age.toDays() + " days ago)");
      for (Map.Entry<Ecosystem, Integer> e : db.get().ecosystems().entrySet()) {
        out.println("  " + e.getKey().osvName() + ": " + e.getValue() + " entries");
      }
      return 0;
    }
  }
}
