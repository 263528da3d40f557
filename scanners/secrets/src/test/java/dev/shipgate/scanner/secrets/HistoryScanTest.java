package dev.shipgate.scanner.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.testing.RecordingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.LoadSettings;

class HistoryScanTest {

  @TempDir Path dir;

  private final Samples samples = new Samples(7);

  private RevCommit commit(Git git, String path, String content, String message) throws Exception {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    git.add().addFilepattern(path).call();
    return git.commit().setMessage(message).setAuthor("Dev One", "dev@example.org").setSign(false).call();
  }

  private RecordingContext history(SecretsScanner scanner, Settings settings) throws IOException {
    RecordingContext ctx = new RecordingContext(dir, settings).option("history", "true");
    scanner.finish(ctx);
    return ctx;
  }

  @Test
  void secretAddedKeptThroughEditsThenRemovedIsFoundOnceAndAttributedToTheCommitThatAddedIt() throws Exception {
    String token = samples.githubToken("ghp_");
    RevCommit second;
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      commit(git, "README.md", "# app\n", "1 readme");
      second = commit(git, "config/app.env", "NAME=app\nGH_TOKEN=" + token + "\n", "2 add token");
      commit(git, "src/main.py", "print('hi')\n", "3 code");
      commit(git, "config/app.env", "NAME=app\nGH_TOKEN=" + token + "\nDEBUG=false\n", "3b edit the file, token stays");
      commit(git, "config/app.env", "NAME=app\nGH_TOKEN=${GH_TOKEN}\n", "4 remove token");
    }
    SecretsScanner scanner = new SecretsScanner();
    RecordingContext ctx = history(scanner, Settings.empty("<test>"));
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.findings()).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo("secrets/github/pat-classic");
      assertThat(f.location().path()).isEqualTo("config/app.env");
      assertThat(f.location().startLine()).isEqualTo(2);
      assertThat(f.properties()).containsEntry("commit", second.getName())
          .containsEntry("commit_author", "Dev One").containsEntry("commit_email", "dev@example.org")
          .containsKey("commit_date");
      assertThat(f.message()).doesNotContain(token).contains(second.getName().substring(0, 12));
    });
    assertThat(scanner.lastHistoryStats().commits()).isEqualTo(5);
  }

  @Test
  void aBlobPresentInFiftyCommitsIsScannedOnce() throws Exception {
    String secretFile = "API_KEY=sk_live_" + samples.chars(Samples.B62, 30) + "\n";
    try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
      commit(git, "same.env", secretFile, "base");
      for (int i = 1; i <= 50; i++) {
        Files.writeString(dir.resolve("copy-" + i + ".env"), secretFile);
        git.add().addFilepattern("copy-" + i + ".env").call();
        commit(git, "counter.txt", "n=" + i + "\n", "bump " + i);
      }
    }
    SecretsScanner scanner = new SecretsScanner();
    RecordingContext ctx = history(scanner, Settings.empty("<test>"));
    assertThat(ctx.findings()).hasSize(1);
    // The secret blob once plus the 50 distinct versions of counter.txt.
    assertThat(scanner.lastHistoryStats().blobsScanned()).isEqualTo(51);
    assertThat(scanner.lastHistoryStats().commits()).isEqualTo(51);
  }

  @Test
  void sinceSkipsCommitsReachableFromTheGivenRef() throws Exception {
    RevCommit base;
    try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
      base = commit(git, "old.env", "T=" + samples.githubToken("ghp_") + "\n", "old secret");
      commit(git, "new.env", "T=" + samples.githubToken("gho_") + "\n", "new secret");
    }
    RecordingContext ctx = new RecordingContext(dir, Settings.empty("<test>")).option("history", "true").option("since", base.getName());
    new SecretsScanner().finish(ctx);
    assertThat(ctx.findings()).extracting(Finding::ruleId).containsExactly("secrets/github/oauth-token");
  }

  @Test
  void withoutTheHistoryOptionFinishDoesNothing() throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
      commit(git, "a.env", "T=" + samples.githubToken("ghp_") + "\n", "secret");
    }
    RecordingContext ctx = new RecordingContext(dir, Settings.empty("<test>"));
    SecretsScanner scanner = new SecretsScanner();
    scanner.finish(ctx);
    assertThat(ctx.findings()).isEmpty();
    assertThat(scanner.lastHistoryStats()).isNull();
  }

  @Test
  void binaryAndOversizedBlobsAreSkippedAndCounted() throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
      Files.write(dir.resolve("blob.dat"), new byte[] {1, 0, 2, 0, 'g', 'h', 'p', '_'});
      git.add().addFilepattern("blob.dat").call();
      commit(git, "big.txt", "x".repeat(5000) + "\n", "binary and big");
    }
    Settings settings = Settings.of("shipgate.yml",
        new Compose(LoadSettings.builder().build()).composeString("history-max-blob-size: 1000").orElseThrow(), "secrets");
    SecretsScanner scanner = new SecretsScanner();
    RecordingContext ctx = history(scanner, settings);
    assertThat(ctx.skippedFiles()).extracting(s -> s.reason())
        .anySatisfy(r -> assertThat(r).contains("binary"))
        .anySatisfy(r -> assertThat(r).contains("history-max-blob-size"));
    assertThat(scanner.lastHistoryStats().blobsSkipped()).isEqualTo(2);
  }

  @Test
  void secretsInsideCommittedArchivesAreFoundOncePerEntryAtTheCommitThatAddedThem() throws Exception {
    String token = samples.githubToken("ghp_");
    RevCommit added;
    try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
      added = commitBytes(git, "lib/app.jar", zip("config/app.properties", "name=app\ngh.token=" + token + "\n"), "add jar");
      commitBytes(git, "lib/app.jar", zip("config/app.properties", "name=app2\ngh.token=" + token + "\n"), "rebuild jar");
      byte[] whole = zip("notes.txt", samples.chars(Samples.B62, 4000)); // incompressible: the cut falls inside the entry
      commitBytes(git, "lib/broken.zip", java.util.Arrays.copyOf(whole, whole.length / 2), "truncated zip");
    }
    RecordingContext ctx = history(new SecretsScanner(), Settings.empty("<test>"));
    assertThat(ctx.findings()).singleElement().satisfies(f -> {
      assertThat(f.location().path()).isEqualTo("lib/app.jar!/config/app.properties");
      assertThat(f.location().startLine()).isEqualTo(2);
      assertThat(f.properties()).containsEntry("commit", added.getName()).containsEntry("archive", "lib/app.jar");
      assertThat(f.message()).doesNotContain(token);
    });
    assertThat(ctx.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("cannot read archive"));
  }

  @Test
  void aKeyStoreDeletedLaterIsFoundAtTheCommitThatAddedIt() throws Exception {
    java.security.KeyStore ks = java.security.KeyStore.getInstance("JCEKS");
    ks.load(null, null);
    char[] password = "generated-at-test-time".toCharArray();
    ks.setEntry("k", new java.security.KeyStore.SecretKeyEntry(javax.crypto.KeyGenerator.getInstance("AES").generateKey()),
        new java.security.KeyStore.PasswordProtection(password));
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    ks.store(out, password);
    RevCommit added;
    try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
      added = commitBytes(git, "deploy/keys.jceks", out.toByteArray(), "add key store");
      git.rm().addFilepattern("deploy/keys.jceks").call();
      git.commit().setMessage("remove key store").setAuthor("Dev One", "dev@example.org").setSign(false).call();
    }
    RecordingContext ctx = history(new SecretsScanner(), Settings.empty("<test>"));
    assertThat(ctx.findings()).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo(KeyStoreFiles.ID);
      assertThat(f.location().path()).isEqualTo("deploy/keys.jceks");
      assertThat(f.properties()).containsEntry("commit", added.getName());
    });
  }

  private RevCommit commitBytes(Git git, String path, byte[] content, String message) throws Exception {
    Path p = dir.resolve(path);
    Files.createDirectories(p.getParent());
    Files.write(p, content);
    git.add().addFilepattern(path).call();
    return git.commit().setMessage(message).setAuthor("Dev One", "dev@example.org").setSign(false).call();
  }

  private static byte[] zip(String entry, String content) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
      z.putNextEntry(new java.util.zip.ZipEntry(entry));
      z.write(content.getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    return out.toByteArray();
  }

  @Test
  void corruptedObjectIsReportedWithItsIdAndTheWalkGoesOn() throws Exception {
    ObjectId blob;
    try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
      commit(git, "ok.env", "T=" + samples.githubToken("ghp_") + "\n", "good");
      RevCommit c = commit(git, "broken.txt", "to be corrupted\n", "bad");
      try (var tw = org.eclipse.jgit.treewalk.TreeWalk.forPath(git.getRepository(), "broken.txt", c.getTree())) {
        blob = tw.getObjectId(0);
      }
    }
    Path loose = dir.resolve(".git/objects/" + blob.getName().substring(0, 2) + "/" + blob.getName().substring(2));
    loose.toFile().setWritable(true);
    Files.write(loose, "not zlib at all".getBytes(StandardCharsets.UTF_8));
    RecordingContext ctx = history(new SecretsScanner(), Settings.empty("<test>"));
    assertThat(ctx.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains(blob.getName()));
    assertThat(ctx.findings()).hasSize(1);
  }

  @Test
  void shallowCloneIsReportedAsIncompleteHistory() throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
      RevCommit c = commit(git, "a.txt", "a\n", "one");
      Files.writeString(dir.resolve(".git/shallow"), c.getName() + "\n");
    }
    RecordingContext ctx = history(new SecretsScanner(), Settings.empty("<test>"));
    assertThat(ctx.skippedFiles()).extracting(s -> s.reason()).anySatisfy(r -> assertThat(r).contains("shallow"));
  }

  @Test
  void aDirectoryWithoutGitIsAnErrorNotAnException() throws Exception {
    RecordingContext ctx = history(new SecretsScanner(), Settings.empty("<test>"));
    assertThat(ctx.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("git repository"));
  }
}
