package dev.shipgate.evidence.command;

import dev.shipgate.evidence.AuditLog;
import dev.shipgate.evidence.EvidenceException;
import dev.shipgate.evidence.Subject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shipgate audit}: the hash-chained log of gate decisions, approvals and waivers. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "The audit trail of gate decisions, approvals and waivers (.shipgate/audit.jsonl).",
    subcommands = AuditCommand.Verify.class)
public final class AuditCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code shipgate audit verify [FILE]}. */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = {"Check the audit log's hash chain: finds edited, deleted, inserted and reordered entries and names "
          + "the first bad line.", "Exit 0 when intact, 1 when not, 2 when the log cannot be read."})
  public static final class Verify implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
        description = "the log (default: .shipgate/audit.jsonl at the top of the current repository)")
    Path file;

    @Option(names = "--expect-head", paramLabel = "sha256:HEX",
        description = "the digest the log must end with (e.g. predicate.auditLog.digest of an attestation): "
            + "catches entries removed from the end")
    String expectHead;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      AuditLog.Result r;
      Path log = file;
      try {
        if (log == null) {
          log = Subject.root(Path.of(".")).resolve(AuditLog.FILE);
        }
        r = AuditLog.verify(log, Optional.ofNullable(expectHead));
      } catch (EvidenceException e) {
        err.println("shipgate: " + e.getMessage());
        return 2;
      }
      if (!r.ok()) {
        out.println("audit log " + log + " is NOT intact: "
            + (r.badLine() > 0 ? "line " + r.badLine() + " " : "") + r.problem());
        out.println("  " + r.entries() + " entries before it are intact");
        return 1;
      }
      out.println("audit log " + log + " is intact: " + r.entries() + " entries"
          + r.head().map(h -> ", head " + h.seq() + " " + h.digest()).orElse(""));
      return 0;
    }
  }
}
