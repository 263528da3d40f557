package dev.shipgate.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.gate.ScanReport;
import dev.shipgate.core.gate.Verdict;
import dev.shipgate.core.policy.PolicyLoader;
import dev.shipgate.evidence.command.AuditCommand;
import dev.shipgate.evidence.command.ComplianceCommand;
import dev.shipgate.evidence.command.KeysCommand;
import dev.shipgate.evidence.command.ReportCommand;
import dev.shipgate.evidence.command.VerifyCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands as the CLI runs them: picocli parsing, output, exit codes. */
class CommandsTest {

  private static final String POLICY_TEXT = """
      version: 1
      scanners:
        change:
          trusted_keys:
            "@ci": .shipgate/keys/attestation.pub
      """;

  @TempDir Path dir;
  Git git;
  String policyDigest;

  record Run(int code, String out, String err) {}

  static Run run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeEach
  void repo() throws Exception {
    git = Fixtures.repo(dir);
    Fixtures.commit(git, "shipgate.yml", POLICY_TEXT);
    policyDigest = PolicyLoader.sha256(POLICY_TEXT.getBytes(StandardCharsets.UTF_8));
  }

  private ScanReport report(boolean passed) {
    return new ScanReport("0.1.0-test", "shipgate.yml", policyDigest, List.of(), List.of(), List.of(),
        List.of(new Coverage("files", "", 0, 2, List.of(), List.of(), 1)),
        passed ? new Verdict(true, 0, List.of()) : new Verdict(false, 1, List.of("2 blocking findings")),
        Instant.parse("2026-11-22T01:00:00Z"), 10, null, Map.of());
  }

  private Path attest(boolean passed) throws Exception {
    Path out = dir.resolve("build/gate.att.json");
    Attestations.attestScan(report(passed), dir, Optional.empty(), out);
    return out;
  }

  @Test
  void verifyPassesWhenSignatureSubjectAndPolicyHold() throws Exception {
    Path att = attest(true);
    Run r = run(new VerifyCommand(), att.toString(), "--repo", dir.toString(), "--require-pass");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("verified: ").contains("signed by @ci").contains("gate verdict pass")
        .contains(policyDigest);
  }

  @Test
  void verifyRequirePassFailsOnAFailingVerdict() throws Exception {
    Path att = attest(false);
    assertThat(run(new VerifyCommand(), att.toString(), "--repo", dir.toString()).code()).isZero();
    Run r = run(new VerifyCommand(), att.toString(), "--repo", dir.toString(), "--require-pass");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("NOT verified").contains("not a pass (--require-pass): 2 blocking findings");
  }

  @Test
  void verifyFailsAgainstAnotherPolicy() throws Exception {
    Path att = attest(true);
    Path other = Files.writeString(dir.resolve("other.yml"), POLICY_TEXT + "fail_on: {severity: low}\n");
    Run r = run(new VerifyCommand(), att.toString(), "--repo", dir.toString(), "--config", other.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("policy: the run used policy " + policyDigest);
  }

  @Test
  void verifyWithoutTrustedKeysOrWithAMalformedFileFailsCleanly() throws Exception {
    Path att = attest(true);
    Path bare = Files.writeString(dir.resolve("bare.yml"), "version: 1\n");
    Run untrusted = run(new VerifyCommand(), att.toString(), "--repo", dir.toString(), "--config", bare.toString());
    assertThat(untrusted.code()).isEqualTo(1);
    assertThat(untrusted.out()).contains("no trusted keys are configured");
    // --key trusts one public key explicitly; the policy digest must then match bare.yml, which it does not.
    Run withKey = run(new VerifyCommand(), att.toString(), "--repo", dir.toString(), "--config", bare.toString(),
        "--key", dir.resolve(".shipgate/keys/attestation.pub").toString());
    assertThat(withKey.out()).doesNotContain("signature:").contains("policy: the run used policy");

    Path garbage = Files.writeString(dir.resolve("garbage.json"), "{\"payloadType\":\"x\",\"payload\":\"@@@\",\"signatures\":[]}");
    Run bad = run(new VerifyCommand(), garbage.toString(), "--repo", dir.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.out()).contains("'payload' is not valid base64");
    assertThat(bad.out() + bad.err()).doesNotContain("Exception").doesNotContain("\tat ");

    Run missing = run(new VerifyCommand(), dir.resolve("nope.json").toString(), "--repo", dir.toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).startsWith("shipgate: the attestation ").contains("does not exist");

    Files.writeString(dir.resolve("broken.yml"), "version: 1\nscanners:\n  change:\n    trusted_keys:\n      \"@x\": nope.pub\n");
    Run badPolicy = run(new VerifyCommand(), att.toString(), "--repo", dir.toString(), "--config",
        dir.resolve("broken.yml").toString());
    assertThat(badPolicy.code()).isEqualTo(2);
    assertThat(badPolicy.err()).contains("broken.yml:5:13: the key file 'nope.pub' of @x does not exist");
  }

  @Test
  void auditVerifyReportsTheFirstBadLine() throws Exception {
    AuditLog.recordScan(dir, report(true));
    AuditLog.recordScan(dir, report(false));
    Path log = dir.resolve(AuditLog.FILE);
    Run ok = run(new AuditCommand(), "verify", log.toString());
    assertThat(ok.code()).isZero();
    assertThat(ok.out()).contains("is intact: 2 entries, head 2 sha256:");
    List<String> lines = Files.readAllLines(log);
    Files.writeString(log, lines.get(0).replace("\"verdict\":\"pass\"", "\"verdict\":\"fail\"") + "\n" + lines.get(1) + "\n");
    Run bad = run(new AuditCommand(), "verify", log.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.out()).contains("is NOT intact: line 1 was altered after it was written");
    assertThat(run(new AuditCommand(), "verify", dir.resolve("none.jsonl").toString()).code()).isEqualTo(2);
    // Truncated to its first entry: only a head recorded elsewhere tells.
    Files.delete(log);
    AuditLog.recordScan(dir, report(true));
    AuditLog.recordScan(dir, report(false));
    String head = AuditLog.head(log).orElseThrow().digest();
    Files.writeString(log, Files.readAllLines(log).get(0) + "\n");
    Run cut = run(new AuditCommand(), "verify", log.toString(), "--expect-head", head);
    assertThat(cut.code()).isEqualTo(1);
    assertThat(cut.out()).contains("does not end with the expected entry " + head);
  }

  @Test
  void keysGenerateWritesAPairAndPrintsNoPrivateMaterial() throws Exception {
    Path out = dir.resolve("k");
    Run r = run(new KeysCommand(), "generate", "--alg", "p256", "--out", out.toString(), "--name", "alice");
    assertThat(r.code()).as(r.err()).isZero();
    String priv = Files.readString(out.resolve("alice.key"));
    assertThat(priv).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Files.readString(out.resolve("alice.pub"))).startsWith("-----BEGIN PUBLIC KEY-----");
    String body = priv.lines().skip(1).findFirst().orElseThrow();
    assertThat(r.out()).doesNotContain(body).contains("key id ").contains("trusted_keys");
    Run again = run(new KeysCommand(), "generate", "--out", out.toString(), "--name", "alice");
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("already exists");
    assertThat(run(new KeysCommand(), "generate", "--alg", "rsa", "--out", out.toString()).code()).isEqualTo(2);
  }

  @Test
  void complianceReportFromAnAttestation() throws Exception {
    Path att = attest(false);
    Run md = run(new ReportCommand(), "compliance", "--framework", "ssdf", "--attestation", att.toString(), "--repo",
        dir.toString());
    assertThat(md.code()).as(md.err()).isZero();
    assertThat(md.out()).startsWith("# Compliance: NIST SP 800-218").contains("signed by @ci")
        .contains("| PO.4.1 | Define criteria for software security checks and track them throughout the SDLC | failed |");
    Run json = run(new ReportCommand(), "compliance", "--framework", "soc2", "--format", "json", "--attestation",
        att.toString(), "--repo", dir.toString());
    assertThat(json.code()).isZero();
    assertThat(new ObjectMapper().readTree(json.out()).get("framework").asText()).isEqualTo("soc2");
    assertThat(run(new ReportCommand(), "compliance", "--framework", "pci", "--attestation", att.toString()).code())
        .isEqualTo(2);
    assertThat(run(new ReportCommand(), "compliance", "--framework", "ssdf").err()).contains("--attestation FILE is required");
    Run untrusted = run(new ReportCommand(), "compliance", "--framework", "ssdf", "--attestation", att.toString(),
        "--repo", dir.toString(), "--config", Files.writeString(dir.resolve("bare.yml"), "version: 1\n").toString());
    assertThat(untrusted.code()).isEqualTo(1);
    assertThat(untrusted.err()).contains("does not verify");
  }

  @Test
  void complianceReportFromAFreshRunWhenTheCliSuppliesOne() {
    Run r = run(new ComplianceCommand((repo, config) -> report(true)), "--framework", "iso27001");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("a fresh run of shipgate 0.1.0-test").contains("| A.8.29 |");
  }
}
