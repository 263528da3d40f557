package dev.shipgate.scanner.change.command;

import dev.shipgate.evidence.Approval;
import dev.shipgate.evidence.AuditLog;
import dev.shipgate.evidence.Dsse;
import dev.shipgate.evidence.EvidenceException;
import dev.shipgate.evidence.SigningKey;
import dev.shipgate.git.ChangeSet;
import dev.shipgate.git.GitException;
import dev.shipgate.git.GitWorkspace;
import dev.shipgate.scanner.change.ApprovalRecord;
import dev.shipgate.scanner.change.Approvers;
import dev.shipgate.scanner.change.Authors;
import dev.shipgate.scanner.change.Change;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shipgate approve}: sign an approval of the current change (for a tier, a finding or a rule). */
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description = {
      "Sign an approval of the change between the merge base with --base and the working tree, and write it to "
          + ".shipgate/approvals/ for committing with the change.",
      "The approval names the change by its change id, so it stops counting as soon as the change's files change."
    })
public final class ApproveCommand implements Callable<Integer> {

  /** Exactly one thing is approved. */
  static final class Subject {
    @Option(names = "--tier", paramLabel = "TIER", description = "Approve the change's part in this risk tier.")
    String tier;

    @Option(names = "--fingerprint", paramLabel = "F", description = "Accept one finding of this change, by fingerprint.")
    String fingerprint;

    @Option(names = "--rule", paramLabel = "RULE", description = "Accept this rule's findings in this change.")
    String rule;
  }

  @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "PATH", description = "A directory in the repository (default: .).")
  Path path;

  @Option(names = "--key", required = true, paramLabel = "PEM", description = "Your private key (PKCS#8 PEM); its public half must be trusted for --as.")
  Path key;

  @Option(names = "--as", required = true, paramLabel = "@IDENTITY", description = "Who approves, as the policy names them (@alice).")
  String identity;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Subject subject;

  @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why this is approved (what you reviewed).")
  String reason;

  @Option(names = "--expires", defaultValue = "30d", paramLabel = "WHEN", description = "30d, 12h, 2w or a date (default: ${DEFAULT-VALUE}).")
  String expires;

  @Option(names = "--base", defaultValue = "origin/main", paramLabel = "REF", description = "The branch the change goes into (default: ${DEFAULT-VALUE}).")
  String base;

  @Option(names = "--config", paramLabel = "FILE", description = "The policy (default: shipgate.yml at the repository root).")
  Path config;

  @Spec CommandSpec spec;

  private final Clock clock;

  public ApproveCommand() {
    this(Clock.systemUTC());
  }

  ApproveCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    try (CommandSupport.Repo repo = CommandSupport.open(path, config)) {
      if (reason.isBlank()) {
        throw new CommandSupport.Failure("--reason must say what was reviewed");
      }
      GitWorkspace ws = repo.ws();
      ChangeSet cs = ws.diffAgainst(base);
      Change change = Change.of(cs);
      if (subject.tier != null && !repo.policy().tiers().containsKey(subject.tier)) {
        throw new CommandSupport.Failure("unknown tier '" + subject.tier + "'; the policy's tiers are " + String.join(", ", repo.policy().tiers().keySet()));
      }
      List<GitWorkspace.Commit> commits = ws.commitsSince(cs.baseCommit(), 10_000);
      if (subject.tier != null) {
        Optional<String> refusal = Approvers.refusal(repo.policy(), cs, change, commits, subject.tier, identity);
        if (refusal.isPresent()) {
          throw new CommandSupport.Failure(refusal.get());
        }
      } else {
        Set<String> authors = Authors.of(commits, repo.policy());
        if (Authors.contains(authors, identity)) {
          throw new CommandSupport.Failure(identity + " is an author of this change (authors: " + String.join(", ", authors)
              + "); the gate never counts a self-approval: ask another owner");
        }
        if (!repo.policy().securityOwners().stream().anyMatch(o -> o.equalsIgnoreCase(identity)
            || repo.policy().teams().getOrDefault(o, List.of()).stream().anyMatch(identity::equalsIgnoreCase))) {
          throw new CommandSupport.Failure("only security owners may accept findings, and " + identity + " is not one");
        }
      }
      SigningKey signer = CommandSupport.signer(repo, key, identity);
      Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
      ApprovalRecord record = new ApprovalRecord(ApprovalRecord.APPROVAL, identity, change.id(), subject.tier,
          subject.fingerprint, subject.rule, null, reason.strip(), now, CommandSupport.expiry(expires, now), ws.head().orElse(null));
      Path file = write(repo.top(), record, signer);
      AuditLog.recordApproval(repo.top(), new Approval(identity, record.subject() + " of change " + change.id(), signer.keyId()),
          ws.head().orElse(""));
      spec.commandLine().getOut().println("wrote " + repo.top().relativize(file).toString().replace('\\', '/') + ": "
          + identity + " approves " + record.subject() + " of change " + change.id() + " until " + record.expires()
          + ". Commit it with the change; it stops counting if the change's files change.");
      return 0;
    } catch (CommandSupport.Failure | GitException e) {
      spec.commandLine().getErr().println("shipgate approve: " + e.getMessage());
      return CommandSupport.USAGE;
    } catch (IOException | EvidenceException e) {
      spec.commandLine().getErr().println("shipgate approve: " + e.getMessage());
      return CommandSupport.USAGE;
    }
  }

  static Path write(Path top, ApprovalRecord record, SigningKey signer) throws IOException, EvidenceException {
    byte[] payload = record.toJson();
    Path file = CommandSupport.recordFile(top, record, payload);
    Files.createDirectories(file.getParent());
    Dsse.sign(ApprovalRecord.PAYLOAD_TYPE, payload, signer).write(file);
    return file;
  }
}
