package dev.shipgate.cli;

import dev.shipgate.core.ShipgateVersion;
import dev.shipgate.core.gate.Baseline;
import dev.shipgate.core.gate.ScanReport;
import dev.shipgate.core.model.FindingStatus;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code shipgate baseline}: accept today's findings so the gate judges only new ones. It shares scan's options, so its
 * picocli model is built in code too (see {@link ScanOptions}).
 */
final class BaselineCommand implements Callable<Integer> {

  private CommandSpec spec;

  static CommandSpec spec() {
    BaselineCommand command = new BaselineCommand();
    CommandSpec spec = ScanOptions.command(command, "baseline",
        "Scan and record every open finding's fingerprint in .shipgate/baseline.json, so later scans judge only new findings.",
        "The file holds fingerprints, rule ids and paths only (no code, no secrets) and is safe to commit.");
    ScanOptions.addTo(spec);
    spec.addOption(ScanOptions.file("--output", "Where to write the baseline (default: .shipgate/baseline.json next to the policy)."));
    command.spec = spec;
    return spec;
  }

  @Override
  public Integer call() throws Exception {
    ParseResult parsed = spec.commandLine().getParseResult();
    ScanOptions options = ScanOptions.from(parsed);
    Path output = parsed.matchedOptionValue("--output", null);
    if (options.base != null || options.staged) {
      throw new UsageException("baseline records the whole tree; --base and --staged do not apply");
    }
    ScanRunner runner = new ScanRunner(Scanners.REGISTRY, new LocalClock());
    ScanReport report = runner.run(options, null);
    Path file = output != null ? output : runner.baselineFile(options);
    Baseline.write(file, report.findings(), ShipgateVersion.get());
    long accepted = report.findings().stream()
        .filter(f -> f.status() == FindingStatus.OPEN || f.status() == FindingStatus.BASELINED || f.status() == FindingStatus.PREEXISTING)
        .count();
    spec.commandLine().getOut().println("wrote " + accepted + " accepted findings to " + file);
    if (report.errorCount() > 0) {
      spec.commandLine().getErr().println("warning: the scan had " + report.errorCount() + " errors; files it could not scan are not in the baseline");
      return dev.shipgate.core.gate.Verdict.ERROR;
    }
    return 0;
  }
}
