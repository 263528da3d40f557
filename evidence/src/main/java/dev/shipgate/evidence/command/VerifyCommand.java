package dev.shipgate.evidence.command;

import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.evidence.Attestations;
import dev.shipgate.evidence.EvidenceException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shipgate verify FILE}: the deploy step's check of a gate attestation. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Verify a gate attestation written by `shipgate scan --attest`: signed by a key in "
        + "scanners.change.trusted_keys, naming the repository's HEAD commit and tree, made under this policy.",
        "Exit 0 only when all hold; 1 when any does not; 2 for usage or configuration errors."})
public final class VerifyCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "the attestation (a DSSE envelope)")
  Path file;

  @Option(names = "--require-pass", description = "also require that the attested gate verdict is a pass")
  boolean requirePass;

  @Option(names = "--config", paramLabel = "FILE",
      description = "the policy (default: shipgate.yml found upward from --repo to the git root)")
  Path config;

  @Option(names = "--key", paramLabel = "PUBLIC_KEY", description = "also trust this PEM public key")
  Path key;

  @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
      description = "the repository whose HEAD the subject must match (default: .)")
  Path repo;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Attestations.Verified v;
    try {
      PolicyFile policy = PolicyFile.load(Optional.ofNullable(config), repo, Optional.ofNullable(key));
      v = Attestations.verify(file, policy.trusted(), repo, policy.digest());
    } catch (PolicyException | EvidenceException e) {
      err.println("shipgate: " + e.getMessage());
      return 2;
    }
    v.notes().forEach(n -> out.println("note: " + n));
    List<String> problems = v.problems(requirePass);
    if (!problems.isEmpty()) {
      out.println("NOT verified: " + file);
      problems.forEach(p -> out.println("  - " + p));
      return 1;
    }
    out.println("verified: " + file + " signed by " + v.signer() + " (key " + v.keyId() + ")");
    out.println("  commit " + v.commit() + ", tree " + v.tree());
    out.println("  policy " + v.predicate().path("policy").path("digest").asText() + ", gate verdict "
        + (v.verdictPassed() ? "pass" : "fail"));
    return 0;
  }
}
