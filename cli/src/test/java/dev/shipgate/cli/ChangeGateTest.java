package dev.shipgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.git.JGitSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The change family through `scan --base`: a sensitive change without its owners' approval blocks. */
class ChangeGateTest {

  @TempDir Path repo;

  @BeforeAll
  static void git() {
    JGitSetup.init();
  }

  private void commit(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    git.commit().setMessage(message).setAuthor("Dev", "dev@example.com").setCommitter("Dev", "dev@example.com").setSign(false).call();
  }

  @Test
  void deletingAnAuthenticationFilterNeedsItsOwnersLikeEditingIt() throws Exception {
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      Files.createDirectories(repo.resolve(".github"));
      Files.writeString(repo.resolve(".github/CODEOWNERS"), "/src/main/java/com/acme/auth/ @acme/security\n");
      Path filter = repo.resolve("src/main/java/com/acme/auth/JwtFilter.java");
      Files.createDirectories(filter.getParent());
      Files.writeString(filter, "package com.acme.auth;\nclass JwtFilter {\n  boolean authenticate(String jwt) { return verifySignature(jwt); }\n"
          + "  boolean verifySignature(String jwt) { return jwt != null; }\n}\n");
      Files.writeString(repo.resolve("README.md"), "service\n");
      commit(git, "initial");
      git.branchCreate().setName("base").call();
      Files.delete(filter);
      commit(git, "remove the JWT filter");
    }
    Cli scan = Cli.run("scan", repo.toString(), "--base", "base", "--only", "change");
    assertThat(scan.exit()).as(scan.toString()).isEqualTo(1);
    assertThat(scan.out()).contains("change/review/missing-approval").contains("@acme/security");
  }

  @Test
  void anOwnersCodeHostApprovalPassesTheGateAndIsInTheAttestation() throws Exception {
    String head;
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      Files.createDirectories(repo.resolve(".github"));
      Files.writeString(repo.resolve(".github/CODEOWNERS"), "/src/main/java/com/acme/auth/ @acme/security\n");
      Files.writeString(repo.resolve("shipgate.yml"), "version: 1\nscanners:\n  change:\n    teams:\n      \"@acme/security\": [\"@sam\"]\n");
      Files.writeString(repo.resolve(".gitignore"), ".shipgate/\nattestation.json\n");
      Path filter = repo.resolve("src/main/java/com/acme/auth/JwtFilter.java");
      Files.createDirectories(filter.getParent());
      Files.writeString(filter, "package com.acme.auth;\nclass JwtFilter {\n  boolean authenticate(String jwt) { return jwt != null; }\n}\n");
      commit(git, "initial");
      git.branchCreate().setName("base").call();
      Files.writeString(filter, "package com.acme.auth;\nclass JwtFilter {\n  boolean authenticate(String jwt) { return jwt != null && !jwt.isEmpty(); }\n}\n");
      commit(git, "reject empty tokens");
      head = git.getRepository().resolve("HEAD").name();
    }
    Path reviews = repo.resolve("reviews.json");
    Files.writeString(reviews, "[{\"user\": {\"login\": \"sam\"}, \"state\": \"APPROVED\", \"commit_id\": \"" + head
        + "\", \"submitted_at\": \"2026-11-22T00:00:00Z\"}]");
    Path out = repo.resolve("attestation.json");
    Cli scan = Cli.run("scan", repo.toString(), "--base", "base", "--only", "change", "--reviews", reviews.toString(),
        "--attest", out.toString());
    assertThat(scan.exit()).as(scan.toString()).isZero();
    String payload = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toFile()).path("payload").asText();
    String statement = new String(java.util.Base64.getDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(statement).contains("\"approver\":\"@sam\"").contains("tier 'auth'");
  }
}
