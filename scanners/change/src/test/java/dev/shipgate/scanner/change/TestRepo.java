package dev.shipgate.scanner.change;

import dev.shipgate.evidence.Keys;
import dev.shipgate.git.IsolatedGit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A repository built with JGit in a temporary directory; no git binary, no user or system configuration. */
final class TestRepo implements AutoCloseable {

  static final PersonIdent DEV = person("Dev", "dev@example.com");

  final Git git;
  final Path dir;

  private TestRepo(Git git, Path dir) {
    this.git = git;
    this.dir = dir;
  }

  static PersonIdent person(String name, String email) {
    return new PersonIdent(name, email, Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC);
  }

  static TestRepo init(Path dir) throws GitAPIException, IOException {
    return new TestRepo(IsolatedGit.init(dir), dir);
  }

  TestRepo write(String path, String content) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return this;
  }

  String read(String path) throws IOException {
    return Files.readString(dir.resolve(path), StandardCharsets.UTF_8);
  }

  void delete(String path) throws IOException {
    Files.delete(dir.resolve(path));
  }

  RevCommit commit(String message) throws GitAPIException {
    return commit(message, DEV);
  }

  RevCommit commit(String message, PersonIdent author) throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.add().setUpdate(true).addFilepattern(".").call();
    return git.commit().setMessage(message).setAuthor(author).setCommitter(author).setSign(false).setNoVerify(true).call();
  }

  void stage(String path) throws GitAPIException {
    git.add().addFilepattern(path).call();
  }

  void branch(String name) throws GitAPIException {
    git.checkout().setCreateBranch(true).setName(name).call();
  }

  String head() throws IOException {
    return git.getRepository().resolve("HEAD").name();
  }

  /** A key pair: the public half at {@code .shipgate/keys/<name>.pub.pem} in the repository, the private half outside it. */
  Path key(String name, Path keysDir) throws IOException {
    KeyPair pair = Keys.generate(Keys.Algorithm.ED25519);
    write(".shipgate/keys/" + name + ".pub.pem", Keys.toPem(pair.getPublic()));
    Path priv = keysDir.resolve(name + ".key.pem");
    Keys.writePrivateKey(priv, pair.getPrivate());
    return priv;
  }

  @Override
  public void close() {
    git.close();
  }
}
