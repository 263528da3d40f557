package dev.shipgate.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedTest {

  @TempDir Path dir;

  @Test
  void stagedContentIsTheIndexBlobEvenWhenTheFileChangedOnDiskAfterwards() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "committed\n");
      RevCommit head = repo.commitAll("base");
      repo.write("a.txt", "A staged\n");
      repo.stage("a.txt");
      repo.write("a.txt", "B on disk only\n");

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet changes = ws.staged();

        assertThat(changes.mode()).isEqualTo("staged");
        assertThat(changes.ref()).isEqualTo("HEAD");
        assertThat(changes.baseCommit()).isEqualTo(head.name());
        assertThat(changes.changedPaths()).containsExactly("a.txt");
        assertThat(changes.after("a.txt").orElseThrow().text()).isEqualTo("A staged\n");
        assertThat(changes.before("a.txt").orElseThrow().text()).isEqualTo("committed\n");
      }
    }
  }

  @Test
  void unstagedEditsAndUntrackedFilesAreNotStagedChanges() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "v1\n");
      repo.write("b.txt", "v1\n");
      repo.commitAll("base");
      repo.write("a.txt", "edited, not staged\n");
      repo.write("c.txt", "untracked\n");
      repo.write("b.txt", "v2\n");
      repo.stage("b.txt");

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet changes = ws.staged();
        assertThat(changes.changedPaths()).containsExactly("b.txt");
        // Unchanged paths read from the index too, never from disk.
        assertThat(changes.after("a.txt").orElseThrow().text()).isEqualTo("v1\n");
        assertThat(changes.after("c.txt")).isEmpty();
      }
    }
  }

  @Test
  void stagedFilesInARepositoryWithoutCommitsCompareAgainstNothing() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("first.txt", "hello\n");
      repo.write("src/Main.java", "class Main {}\n");
      repo.write("not-staged.txt", "x\n");
      repo.stage("first.txt");
      repo.stage("src");

      try (GitWorkspace ws = repo.workspace()) {
        assertThat(ws.head()).isEmpty();
        ChangeSet changes = ws.staged();
        assertThat(changes.baseCommit()).isEmpty();
        assertThat(changes.changedPaths()).containsExactly("first.txt", "src/Main.java");
        assertThat(changes.before("first.txt")).isEmpty();
        assertThat(changes.after("src/Main.java").orElseThrow().text()).isEqualTo("class Main {}\n");
      }
    }
  }

  @Test
  void stagedRenameAndDeletionAreDetected() throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      body.append("row ").append(i).append('\n');
    }
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("old/name.txt", body.toString());
      repo.write("gone.txt", "bye\n");
      repo.commitAll("base");
      repo.delete("old/name.txt");
      repo.delete("gone.txt");
      repo.write("new/name.txt", body.toString());
      repo.git.rm().addFilepattern("old/name.txt").addFilepattern("gone.txt").call();
      repo.stage("new/name.txt");

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet changes = ws.staged();
        assertThat(changes.changedPaths()).containsExactly("new/name.txt");
        assertThat(changes.renamedFrom()).containsExactlyEntriesOf(Map.of("new/name.txt", "old/name.txt"));
        assertThat(changes.before("new/name.txt").orElseThrow().text()).isEqualTo(body.toString());
        assertThat(changes.after("gone.txt")).isEmpty();
      }
    }
  }

  @Test
  void modeOnlyChangeInTheIndexIsNotStagedContent() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("run.sh", "echo hi\n");
      repo.commitAll("base");
      var index = repo.git.getRepository().lockDirCache();
      var entry = index.getEntry("run.sh");
      entry.setFileMode(org.eclipse.jgit.lib.FileMode.EXECUTABLE_FILE);
      index.write();
      index.commit();

      try (GitWorkspace ws = repo.workspace()) {
        assertThat(ws.staged().changedPaths()).isEmpty();
      }
    }
  }

  @Test
  void conflictInProgressIsSkippedAsUnmerged() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "base\n");
      repo.write("b.txt", "base\n");
      repo.commitAll("base");
      repo.checkoutNew("other");
      repo.write("a.txt", "theirs\n");
      repo.commitAll("theirs");
      repo.checkout("main");
      repo.write("a.txt", "ours\n");
      repo.commitAll("ours");
      var result = repo.git.merge().include(repo.git.getRepository().resolve("other")).call();
      assertThat(result.getConflicts()).containsKey("a.txt");
      repo.write("b.txt", "staged beside the conflict\n");
      repo.stage("b.txt");

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet changes = ws.staged();
        assertThat(changes.skippedPaths()).isEqualTo(Map.of("a.txt", "unmerged"));
        assertThat(changes.changedPaths()).containsExactly("b.txt");
        assertThat(changes.after("a.txt")).isEmpty();
      }
    }
  }
}
