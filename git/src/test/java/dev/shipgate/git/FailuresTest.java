package dev.shipgate.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipgate.core.scan.SourceFile;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every failure is a {@link GitException} whose message names what went wrong and what to do. */
class FailuresTest {

  @TempDir Path dir;

  @Test
  void unknownRefNamesSimilarRefsThatExist() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "x\n");
      repo.commitAll("base");
      repo.branch("develop");

      try (GitWorkspace ws = repo.workspace()) {
        assertThatThrownBy(() -> ws.diffAgainst("origin/main"))
            .isInstanceOf(GitException.class)
            .hasMessageContaining("unknown git ref 'origin/main'")
            .hasMessageContaining("Similar refs that exist: main.")
            .hasMessageContaining("git fetch origin main");
        assertThatThrownBy(() -> ws.diffAgainst("devlop"))
            .hasMessageContaining("Similar refs that exist: develop.");
        assertThatThrownBy(() -> ws.diffAgainst("zzzzzzzzzz"))
            .hasMessageContaining("No existing ref looks similar.");
      }
    }
  }

  @Test
  void invalidRevisionSyntaxIsAUserError() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "x\n");
      repo.commitAll("base");
      try (GitWorkspace ws = repo.workspace()) {
        assertThatThrownBy(() -> ws.diffAgainst("main^{nonsense}"))
            .isInstanceOf(GitException.class)
            .hasMessageContaining("main^{nonsense}");
      }
    }
  }

  @Test
  void refToATreeInsteadOfACommitIsRejected() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "x\n");
      RevCommit c = repo.commitAll("base");
      try (GitWorkspace ws = repo.workspace()) {
        assertThatThrownBy(() -> ws.diffAgainst(c.getTree().name()))
            .isInstanceOf(GitException.class)
            .hasMessageContaining("which is not a commit");
      }
    }
  }

  @Test
  void unrelatedHistoriesHaveNoMergeBase() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "x\n");
      repo.commitAll("base");
      repo.git.checkout().setOrphan(true).setName("island").call();
      repo.write("b.txt", "y\n");
      repo.commitAll("unrelated root");

      try (GitWorkspace ws = repo.workspace()) {
        assertThatThrownBy(() -> ws.diffAgainst("main"))
            .isInstanceOf(GitException.class)
            .hasMessageContaining("no common history");
      }
    }
  }

  @Test
  void diffInARepositoryWithoutCommitsSaysSo() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "x\n");
      try (GitWorkspace ws = repo.workspace()) {
        assertThatThrownBy(() -> ws.diffAgainst("main"))
            .isInstanceOf(GitException.class)
            .hasMessageContaining("HEAD has no commits yet")
            .hasMessageContaining("staged");
      }
    }
  }

  @Test
  void shallowCloneMissingTheBaseAsksForTheFullHistory() throws Exception {
    Path origin = dir.resolve("origin");
    RevCommit first;
    try (TestRepo repo = TestRepo.init(origin)) {
      repo.write("a.txt", "1\n");
      first = repo.commitAll("one");
      repo.write("a.txt", "2\n");
      repo.commitAll("two");
      repo.write("a.txt", "3\n");
      repo.commitAll("three");
    }
    Path clone = dir.resolve("clone");
    try (Git git = Git.cloneRepository().setURI(origin.toUri().toString()).setDirectory(clone.toFile()).setDepth(1)
        .call()) {
      assertThat(git.getRepository().getObjectDatabase().getShallowCommits()).hasSize(1);
    }

    try (GitWorkspace ws = GitWorkspace.find(clone).orElseThrow()) {
      assertThat(ws.isShallow()).isTrue();
      assertThatThrownBy(() -> ws.diffAgainst(first.name()))
          .isInstanceOf(GitException.class)
          .hasMessageContaining("shallow clone")
          .hasMessageContaining("fetch-depth: 0")
          .hasMessageContaining("git fetch --unshallow");
      assertThatThrownBy(() -> ws.diffAgainst(first.name().substring(0, 10)))
          .hasMessageContaining("git fetch --unshallow");
    }
  }

  @Test
  void shallowCloneWhereTheMergeBaseIsCutOffAsksForTheFullHistory() throws Exception {
    Path origin = dir.resolve("origin");
    try (TestRepo repo = TestRepo.init(origin)) {
      repo.write("a.txt", "1\n");
      repo.commitAll("one");
      repo.branch("feature");
      repo.write("a.txt", "2\n");
      repo.commitAll("main two");
      repo.checkout("feature");
      repo.write("b.txt", "f\n");
      repo.commitAll("feature two");
    }
    Path clone = dir.resolve("clone");
    try (Git git = Git.cloneRepository().setURI(origin.toUri().toString()).setDirectory(clone.toFile()).setDepth(1)
        .setCloneAllBranches(true).setBranch("feature").call()) {
      assertThat(git.getRepository().resolve("origin/main")).isNotNull();
    }

    try (GitWorkspace ws = GitWorkspace.find(clone).orElseThrow()) {
      assertThatThrownBy(() -> ws.diffAgainst("origin/main"))
          .isInstanceOf(GitException.class)
          .hasMessageContaining("shallow clone")
          .hasMessageContaining("'origin/main'")
          .hasMessageContaining("fetch-depth: 0");
    }
  }

  @Test
  void corruptBlobNamesThePathAndTheObject() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "original content\n");
      RevCommit base = repo.commitAll("base");
      repo.branch("base");
      repo.write("a.txt", "edited\n");
      ObjectId blob;
      try (TreeWalk walk = TreeWalk.forPath(repo.git.getRepository(), "a.txt", base.getTree())) {
        blob = walk.getObjectId(0);
      }
      overwriteLooseObject(blob);

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet changes = ws.diffAgainst("base");
        assertThat(changes.changedPaths()).containsExactly("a.txt");
        assertThatThrownBy(() -> changes.before("a.txt"))
            .isInstanceOf(GitException.class)
            .hasMessageContaining("a.txt")
            .hasMessageContaining(blob.name())
            .hasMessageContaining("git fsck");
      }
    }
  }

  @Test
  void corruptCommitFailsTheDiffWithAMessageNotAStackTrace() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "x\n");
      RevCommit base = repo.commitAll("base");
      repo.branch("base");
      repo.write("a.txt", "y\n");
      repo.commitAll("next");
      overwriteLooseObject(base);

      try (GitWorkspace ws = repo.workspace()) {
        assertThatThrownBy(() -> ws.diffAgainst("base"))
            .isInstanceOf(GitException.class)
            .hasMessageContaining(base.name())
            .hasMessageContaining("git fsck");
      }
    }
  }

  @Test
  void lazyReadOfABlobThatBecameUnreadableNamesThePath() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "original\n");
      RevCommit base = repo.commitAll("base");
      repo.branch("base");
      repo.write("a.txt", "edited\n");
      ObjectId blob;
      try (TreeWalk walk = TreeWalk.forPath(repo.git.getRepository(), "a.txt", base.getTree())) {
        blob = walk.getObjectId(0);
      }

      try (GitWorkspace ws = repo.workspace()) {
        SourceFile before = ws.diffAgainst("base").before("a.txt").orElseThrow();
        Files.delete(looseObject(blob));
        assertThatThrownBy(before::bytes)
            .isInstanceOf(IOException.class)
            .hasMessageContaining("a.txt")
            .hasMessageContaining(blob.name());
      }
    }
  }

  private Path looseObject(ObjectId id) {
    return dir.resolve(".git/objects").resolve(id.name().substring(0, 2)).resolve(id.name().substring(2));
  }

  private void overwriteLooseObject(ObjectId id) throws IOException {
    Path file = looseObject(id);
    assertThat(file).exists();
    File f = file.toFile();
    assertThat(f.setWritable(true)).isTrue();
    Files.writeString(file, "this is not a zlib stream");
  }
}
