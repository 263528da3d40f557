package dev.shipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.git.JGitSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scan --attest, verify and audit verify through the CLI, as a CI job and a deploy step would run them. */
class EvidenceCommandsTest {

  @TempDir Path repo;

  @BeforeAll
  static void git() {
    JGitSetup.init();
  }

  private void commitAll() throws Exception {
    try (Git git = Git.open(repo.toFile())) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("state").setAuthor("Dev", "dev@example.com").setCommitter("Dev", "dev@example.com").setSign(false).call();
    }
  }

  @Test
  void aSignedAttestationVerifiesAndATamperedOneDoesNot() throws Exception {
    Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call().close();
    Cli keys = Cli.run("keys", "generate", "--out", repo.resolve("keys").toString(), "--name", "ci");
    assertThat(keys.exit()).as(keys.toString()).isZero();
    Path privateKey = repo.resolve("keys/ci.key");
    Path publicKey = repo.resolve("keys/ci.pub");
    assertThat(privateKey).exists();
    Files.writeString(repo.resolve("shipgate.yml"), "version: 1\nscanners:\n  change:\n    trusted_keys:\n      \"@ci\": keys/"
        + publicKey.getFileName() + "\n");
    Files.writeString(repo.resolve("app.properties"), "server.port=8080\n");
    Files.writeString(repo.resolve(".gitignore"), "keys/ci.key\nattestation.json\n.shipgate/\n");
    commitAll();

    Path out = repo.resolve("attestation.json");
    Cli scan = Cli.run("scan", repo.toString(), "--attest", out.toString(), "--attest-key", privateKey.toString(), "--quiet");
    assertThat(scan.exit()).as(scan.toString()).isZero();
    assertThat(out).exists();

    Cli verify = Cli.run("verify", out.toString(), "--repo", repo.toString(), "--require-pass");
    assertThat(verify.exit()).as(verify.toString()).isZero();
    Cli audit = Cli.run("audit", "verify", repo.resolve(".shipgate/audit.jsonl").toString());
    assertThat(audit.exit()).as(audit.toString()).isZero();

    String json = Files.readString(out);
    Files.writeString(out, json.replaceFirst("\"payload\"\\s*:\\s*\"e", "\"payload\":\"f"));
    Cli forged = Cli.run("verify", out.toString(), "--repo", repo.toString());
    assertThat(forged.exit()).as(forged.toString()).isNotZero();
  }

  @Test
  void aSignedWaiverBySecurityWaivesTheFindingAndAnUntrustedOneDoesNot() throws Exception {
    Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call().close();
    assertThat(Cli.run("keys", "generate", "--out", repo.resolve("keys").toString(), "--name", "sec").exit()).isZero();
    assertThat(Cli.run("keys", "generate", "--out", repo.resolve("keys").toString(), "--name", "dev").exit()).isZero();
    Files.writeString(repo.resolve("shipgate.yml"), "version: 1\nscanners:\n  change:\n    security_owners: [\"@sec\"]\n"
        + "    trusted_keys:\n      \"@sec\": keys/sec.pub\n      \"@dev\": keys/dev.pub\n");
    Files.writeString(repo.resolve("application.properties"), "management.endpoints.web.exposure.include=*\n");
    Files.writeString(repo.resolve(".gitignore"), "keys/*.key\n");
    commitAll();
    Cli before = Cli.run("scan", repo.toString(), "--format", "json");
    assertThat(before.exit()).as(before.toString()).isEqualTo(1);
    String rule = "config/spring/actuator-endpoints-exposed";
    Cli devWaiver = Cli.run("waive", "--key", repo.resolve("keys/dev.key").toString(), "--as", "@dev", "--rule", rule,
        "--reason", "demo only", repo.toString());
    Cli scanDev = Cli.run("scan", repo.toString());
    assertThat(scanDev.exit()).as("a waiver by someone who is not a security owner must not count: " + devWaiver + scanDev).isNotZero();

    Cli secWaiver = Cli.run("waive", "--key", repo.resolve("keys/sec.key").toString(), "--as", "@sec", "--rule", rule,
        "--reason", "local profile only, tracked in SEC-42", repo.toString());
    assertThat(secWaiver.exit()).as(secWaiver.toString()).isZero();
    Cli after = Cli.run("scan", repo.toString(), "--format", "json");
    assertThat(after.out()).as(after.toString()).contains("\"waived\"").contains("@sec");
    // Each signed waiver is also an entry of the hash-chained audit log (the developer's was refused: not a security owner).
    Path log = repo.resolve(".shipgate/audit.jsonl");
    assertThat(Files.readAllLines(log)).filteredOn(l -> l.contains("\"waiver\"")).hasSize(1);
    assertThat(Cli.run("audit", "verify", log.toString()).exit()).isZero();
  }

  @Test
  void everyGateDecisionInAWorkTreeIsRecordedUnlessTurnedOff() throws Exception {
    Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call().close();
    Files.writeString(repo.resolve("application.properties"), "management.endpoints.web.exposure.include=*\n");
    commitAll();
    Path log = repo.resolve(".shipgate/audit.jsonl");

    assertThat(Cli.run("scan", repo.toString(), "--quiet").exit()).isEqualTo(1);
    assertThat(Cli.run("scan", repo.toString(), "--quiet", "--no-fail").exit()).isZero();
    assertThat(Files.readAllLines(log)).hasSize(2).allSatisfy(l -> assertThat(l).contains("\"kind\":\"gate\"", "\"verdict\":\"fail\""));
    assertThat(Cli.run("audit", "verify", log.toString()).exit()).isZero();

    // The log is never scanned, so recording does not change the next decision or the change under review.
    Cli diff = Cli.run("scan", repo.toString(), "--base", "HEAD", "--quiet");
    assertThat(diff.exit()).as(diff.toString()).isZero();
    assertThat(Files.readAllLines(log)).hasSize(3);
    assertThat(Files.readAllLines(log).get(2)).contains("\"verdict\":\"pass\"", "\"diff\"");

    assertThat(Cli.run("scan", repo.toString(), "--quiet", "--no-audit").exit()).isEqualTo(1);
    assertThat(Files.readAllLines(log)).hasSize(3);
  }

  @Test
  void anUnwritableLogWarnsByDefaultAndFailsClosedWhenAskedFor() throws Exception {
    Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call().close();
    Files.writeString(repo.resolve("app.properties"), "server.port=8080\n");
    commitAll();
    Files.createDirectories(repo.resolve(".shipgate/audit.jsonl")); // a directory where the log should be: cannot append

    Cli byDefault = Cli.run("scan", repo.toString(), "--quiet");
    assertThat(byDefault.exit()).as(byDefault.toString()).isZero();
    assertThat(byDefault.err()).contains("warning: audit log not written");

    Cli asked = Cli.run("scan", repo.toString(), "--quiet", "--audit");
    assertThat(asked.exit()).as(asked.toString()).isEqualTo(3);
    assertThat(asked.err()).contains("audit log not written");
  }

  @Test
  void scansOutsideAWorkTreeLeaveNoLogBehind() throws Exception {
    Files.writeString(repo.resolve("app.properties"), "server.port=8080\n");
    assertThat(Cli.run("scan", repo.toString(), "--quiet").exit()).isZero();
    assertThat(repo.resolve(".shipgate")).doesNotExist();
  }
}
