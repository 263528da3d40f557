package dev.shipgate.evidence.command;

import dev.shipgate.core.gate.ScanReport;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.evidence.Attestations;
import dev.shipgate.evidence.CheckResult;
import dev.shipgate.evidence.ComplianceCatalog;
import dev.shipgate.evidence.ComplianceReport;
import dev.shipgate.evidence.EvidenceException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shipgate report compliance}: each control of a framework with the checks covering it and their outcome, read
 * from a verified attestation, or from a fresh run when the CLI supplies one ({@link FreshRun}).
 */
@Command(name = "compliance", mixinStandardHelpOptions = true,
    description = {"List each control of a framework with the checks that cover it and whether they ran, passed, "
        + "failed or were waived (and by whom).",
        "Exit 0 when the report was written (whatever it says), 1 when the attestation does not verify, 2 for usage "
            + "errors."})
public final class ComplianceCommand implements Callable<Integer> {

  /** How the CLI runs the gate for a report without {@code --attestation}. */
  @FunctionalInterface
  public interface FreshRun {
    ScanReport scan(Path repo, Optional<Path> config) throws Exception;
  }

  private final FreshRun freshRun;

  /** Reports from attestations only. */
  public ComplianceCommand() {
    this(null);
  }

  /** Reports from attestations, or from {@code freshRun} when no attestation is given. */
  public ComplianceCommand(FreshRun freshRun) {
    this.freshRun = freshRun;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--framework", required = true, paramLabel = "ssdf|asvs|iso27001|soc2|e8",
      description = "the framework to report on")
  String framework;

  @Option(names = "--attestation", paramLabel = "FILE", description = "read the results of a signed attestation")
  Path attestation;

  @Option(names = "--format", paramLabel = "markdown|json", defaultValue = "markdown",
      description = "markdown (default) or json")
  String format;

  @Option(names = "--config", paramLabel = "FILE", description = "the policy naming the trusted keys")
  Path config;

  @Option(names = "--key", paramLabel = "PUBLIC_KEY", description = "also trust this PEM public key")
  Path key;

  @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".", description = "the repository (default: .)")
  Path repo;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!ComplianceCatalog.FRAMEWORKS.contains(framework)) {
      err.println("shipgate: unknown framework '" + framework + "' (known: " + String.join(", ",
          ComplianceCatalog.FRAMEWORKS) + ")");
      return 2;
    }
    if (!format.equals("markdown") && !format.equals("json")) {
      err.println("shipgate: --format must be markdown or json, not '" + format + "'");
      return 2;
    }
    ComplianceReport report;
    if (attestation != null) {
      try {
        PolicyFile policy = PolicyFile.load(Optional.ofNullable(config), repo, Optional.ofNullable(key));
        Attestations.Verified v = Attestations.verifySignature(attestation, policy.trusted());
        if (!v.ok()) {
          err.println("shipgate: the attestation " + attestation + " does not verify, so its results cannot be "
              + "reported:");
          v.problems().forEach(p -> err.println("  - " + p));
          return 1;
        }
        List<CheckResult> checks = ComplianceReport.checks(v.predicate());
        report = ComplianceReport.of(framework, checks, "attestation " + attestation + ", signed by " + v.signer()
            + ", commit " + v.commit() + ", gate verdict " + (v.verdictPassed() ? "pass" : "fail"));
      } catch (PolicyException | EvidenceException e) {
        err.println("shipgate: " + e.getMessage());
        return 2;
      }
    } else if (freshRun != null) {
      try {
        ScanReport run = freshRun.scan(repo, Optional.ofNullable(config));
        report = ComplianceReport.of(framework, run, "a fresh run of shipgate " + run.toolVersion() + " at "
            + run.startedAt() + " (" + run.summaryLine() + ")");
      } catch (Exception e) {
        err.println("shipgate: the gate run for the report failed: " + e.getMessage());
        return 2;
      }
    } else {
      err.println("shipgate: --attestation FILE is required: write one with `shipgate scan --attest FILE`");
      return 2;
    }
    out.print(format.equals("json") ? report.json() : report.markdown());
    out.flush();
    return 0;
  }
}
