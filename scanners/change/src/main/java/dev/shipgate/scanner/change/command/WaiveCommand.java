package dev.shipgate.scanner.change.command;

import dev.shipgate.evidence.AuditLog;
import dev.shipgate.evidence.EvidenceException;
import dev.shipgate.evidence.SigningKey;
import dev.shipgate.scanner.change.ApprovalRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shipgate waive}: sign a waiver of a finding or rule, valid until it expires (not tied to one change). */
@Command(
    name = "waive",
    mixinStandardHelpOptions = true,
    description = {
      "Sign a waiver of one finding (by fingerprint) or of a rule (optionally only under --path) and write it to "
          + ".shipgate/approvals/ for committing. Only security owners may waive; the waiver lapses at --expires.",
      "The unsigned waiver file .shipgate/waivers.yml keeps working; a signed waiver proves who accepted the risk."
    })
public final class WaiveCommand implements Callable<Integer> {

  /** Exactly one thing is waived. */
  static final class Subject {
    @Option(names = "--fingerprint", paramLabel = "F", description = "The finding's fingerprint (from a report).")
    String fingerprint;

    @Option(names = "--rule", paramLabel = "RULE", description = "Every finding of this rule (narrow it with --path).")
    String rule;
  }

  @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "PATH", description = "A directory in the repository (default: .).")
  Path path;

  @Option(names = "--key", required = true, paramLabel = "PEM", description = "Your private key (PKCS#8 PEM); its public half must be trusted for --as.")
  Path key;

  @Option(names = "--as", required = true, paramLabel = "@IDENTITY", description = "Who waives: a security owner (@alice).")
  String identity;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Subject subject;

  @Option(names = "--path", paramLabel = "GLOB", description = "With --rule: only findings in files matching this glob.")
  String glob;

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why the risk is accepted.")
  String reason;

  @Option(names = "--expires", defaultValue = "30d", paramLabel = "WHEN", description = "30d, 12h, 2w or a date (default: ${DEFAULT-VALUE}).")
  String expires;

  @Option(names = "--config", paramLabel = "FILE", description = "The policy (default: shipgate.yml at the repository root).")
  Path config;

  @Spec CommandSpec spec;

  private final Clock clock;

  public WaiveCommand() {
    this(Clock.systemUTC());
  }

  WaiveCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    try (CommandSupport.Repo repo = CommandSupport.open(path, config)) {
      if (reason.isBlank()) {
        throw new CommandSupport.Failure("--reason must say why the risk is accepted");
      }
      if (glob != null && subject.rule == null) {
        throw new CommandSupport.Failure("--path narrows a --rule waiver; a fingerprint already names one finding");
      }
      if (glob != null) {
        try {
          dev.shipgate.core.policy.Glob.compile(glob);
        } catch (IllegalArgumentException e) {
          throw new CommandSupport.Failure("bad --path glob: " + e.getMessage());
        }
      }
      boolean securityOwner = repo.policy().securityOwners().stream()
          .anyMatch(o -> o.equalsIgnoreCase(identity) || repo.policy().teams().getOrDefault(o, java.util.List.of()).stream().anyMatch(identity::equalsIgnoreCase));
      if (!securityOwner) {
        throw new CommandSupport.Failure("only security owners may waive findings, and " + identity + " is not one ("
            + (repo.policy().securityOwners().isEmpty() ? "none is configured: set scanners.change.security_owners"
                : "security owners: " + String.join(", ", repo.policy().securityOwners())) + ")");
      }
      SigningKey signer = CommandSupport.signer(repo, key, identity);
      Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
      ApprovalRecord record = new ApprovalRecord(ApprovalRecord.WAIVER, identity, null, null, subject.fingerprint,
          subject.rule, glob, reason.strip(), now, CommandSupport.expiry(expires, now), repo.ws().head().orElse(null));
      Path file = ApproveCommand.write(repo.top(), record, signer);
      AuditLog.recordWaiver(repo.top(), identity, record.subject(), record.reason(), record.expires().toString(),
          repo.ws().head().orElse(""));
      spec.commandLine().getOut().println("wrote " + repo.top().relativize(file).toString().replace('\\', '/') + ": "
          + identity + " waives " + record.subject() + " until " + record.expires() + ". Commit it.");
      return 0;
    } catch (CommandSupport.Failure | IOException | EvidenceException e) {
      spec.commandLine().getErr().println("shipgate waive: " + e.getMessage());
      return CommandSupport.USAGE;
    }
  }
}
