package dev.shipgate.scanner.change.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands refuse what the gate would reject, with a message saying why, and exit 2. */
class CommandsTest {

  @TempDir Path dir;

  @Test
  void approveRefusesUntrustedKeysUnknownTiersAndBadExpiry() throws Exception {
    Path repo = dir.resolve("r");
    Files.createDirectories(repo);
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      Files.writeString(repo.resolve("a.txt"), "a\n");
      git.add().addFilepattern(".").call();
      PersonIdent me = new PersonIdent("Me", "me@example.com");
      git.commit().setMessage("base").setAuthor(me).setCommitter(me).setSign(false).setNoVerify(true).call();
      git.checkout().setCreateBranch(true).setName("f").call();
      Files.writeString(repo.resolve("pom.xml"), "<project/>\n");
      var key = dev.shipgate.evidence.Keys.generate(dev.shipgate.evidence.Keys.Algorithm.ED25519);
      Path priv = dir.resolve("k.pem");
      dev.shipgate.evidence.Keys.writePrivateKey(priv, key.getPrivate());
      Instant now = Instant.parse("2026-11-22T00:00:00Z");

      Commands.Run untrusted = Commands.approveRun(repo, now, "--key", priv.toString(), "--as", "@alice", "--tier",
          "dependencies", "--reason", "ok", "--base", "main");
      assertThat(untrusted.exit()).isEqualTo(2);
      assertThat(untrusted.err()).contains("is not in scanners.change.trusted_keys");

      Commands.Run unknown = Commands.approveRun(repo, now, "--key", priv.toString(), "--as", "@alice", "--tier",
          "nope", "--reason", "ok", "--base", "main");
      assertThat(unknown.err()).contains("unknown tier 'nope'");

      Commands.Run untouched = Commands.approveRun(repo, now, "--key", priv.toString(), "--as", "@alice", "--tier",
          "auth", "--reason", "ok", "--base", "main");
      assertThat(untouched.err()).contains("does not touch tier 'auth'; it touches dependencies");

      Files.createDirectories(repo.resolve(".shipgate/keys"));
      Files.writeString(repo.resolve(".shipgate/keys/alice.pub.pem"), dev.shipgate.evidence.Keys.toPem(key.getPublic()));
      Files.writeString(repo.resolve("shipgate.yml"), "version: 1\nscanners:\n  change:\n    trusted_keys: {\"@alice\": .shipgate/keys/alice.pub.pem}\n");
      Commands.Run badExpiry = Commands.approveRun(repo, now, "--key", priv.toString(), "--as", "@alice", "--tier",
          "dependencies", "--reason", "ok", "--base", "main", "--expires", "2y");
      assertThat(badExpiry.err()).contains("--expires must be a duration");
      Commands.Run tooLong = Commands.approveRun(repo, now, "--key", priv.toString(), "--as", "@alice", "--tier",
          "dependencies", "--reason", "ok", "--base", "main", "--expires", "2030-01-01");
      assertThat(tooLong.err()).contains("more than a year away");
      Commands.Run ok = Commands.approveRun(repo, now, "--key", priv.toString(), "--as", "@alice", "--tier",
          "dependencies", "--reason", "ok", "--base", "main", "--expires", "2026-12-01");
      assertThat(ok.exit()).isZero();
      assertThat(ok.out()).contains("@alice approves tier dependencies").contains("until 2026-12-02T00:00:00Z");
      Commands.Run wrongIdentity = Commands.approveRun(repo, now, "--key", priv.toString(), "--as", "@bob", "--tier",
          "dependencies", "--reason", "ok", "--base", "main");
      assertThat(wrongIdentity.err()).contains("is trusted for @alice, not for @bob");
      Commands.Run noSubject = Commands.approveRun(repo, now, "--key", priv.toString(), "--as", "@alice", "--reason", "ok");
      assertThat(noSubject.exit()).isEqualTo(2);
      assertThat(noSubject.err()).contains("--tier");
    }
  }
}
