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
}
