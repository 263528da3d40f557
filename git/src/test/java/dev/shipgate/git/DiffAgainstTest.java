package dev.shipgate.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.scan.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.WindowCacheConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class DiffAgainstTest {

  @TempDir Path dir;

  /** Enough text that a renamed-and-edited file is still recognised as the same file. */
  private static String body(String tag) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      text.append("line ").append(i).append(" of ").append(tag).append('\n');
    }
    return text.toString();
  }

  private static String text(Optional<SourceFile> file) {
    return file.orElseThrow().text();
  }

  @Test
  void reportsAddedModifiedAndRenamedFilesButNotDeletedOnes() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "alpha\n");
      repo.write("b.txt", "bravo\n");
      repo.write("src/c.txt", body("charlie"));
      repo.write("d.txt", body("delta"));
      repo.commitAll("base");
      repo.checkoutNew("feature");
      repo.write("a.txt", "alpha changed\n");
      repo.delete("b.txt");
      Files.move(dir.resolve("src/c.txt"), dir.resolve("src/e.txt"));
      repo.delete("d.txt"); // moved and edited: found by similarity, not by identical content
      repo.write("moved/d2.txt", body("delta").replace("line 3 ", "line three "));
      repo.write("f.txt", "new\n");
      repo.commitAll("feature work");

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet changes = ws.diffAgainst("main");

        assertThat(changes.mode()).isEqualTo("base");
        assertThat(changes.ref()).isEqualTo("main");
        assertThat(changes.changedPaths()).containsExactly("a.txt", "f.txt", "moved/d2.txt", "src/e.txt");
        assertThat(changes.renamedFrom()).containsExactlyInAnyOrderEntriesOf(
            Map.of("src/e.txt", "src/c.txt", "moved/d2.txt", "d.txt"));
        assertThat(text(changes.before("a.txt"))).isEqualTo("alpha\n");
        assertThat(text(changes.after("a.txt"))).isEqualTo("alpha changed\n");
        assertThat(text(changes.before("src/e.txt"))).isEqualTo(body("charlie"));
        assertThat(changes.before("src/e.txt").orElseThrow().path()).isEqualTo("src/e.txt");
        assertThat(text(changes.before("moved/d2.txt"))).isEqualTo(body("delta"));
        assertThat(changes.before("f.txt")).isEmpty();
        assertThat(changes.after("b.txt")).isEmpty();
        assertThat(text(changes.before("b.txt"))).isEqualTo("bravo\n");
        assertThat(changes.skippedPaths()).isEmpty();
      }
    }
  }

  @Test
  void onlyChangesMadeSinceTheMergeBaseCountWhenTheRefMovedOn() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("shared.txt", "v1\n");
      repo.write("theirs.txt", "v1\n");
      RevCommit fork = repo.commitAll("fork point");
      repo.branch("feature");
      repo.write("theirs.txt", "changed on main after branching\n");
      repo.write("main-only.txt", "added on main\n");
      repo.commitAll("main moves on");
      repo.checkout("feature");
      repo.write("ours.txt", "our change\n");
      repo.commitAll("feature");

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet changes = ws.diffAgainst("main");

        assertThat(changes.baseCommit()).isEqualTo(fork.name());
        assertThat(changes.changedPaths()).containsExactly("ours.txt");
        assertThat(text(changes.before("theirs.txt"))).isEqualTo("v1\n");
      }
    }
  }

  @Test
  void annotatedTagsAndRevisionExpressionsNameTheirCommit() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "v1\n");
      RevCommit first = repo.commitAll("first");
      repo.git.tag().setName("v1.0").setAnnotated(true).setMessage("release").setTagger(first.getCommitterIdent())
          .call();
      repo.write("a.txt", "v2\n");
      repo.commitAll("second");
      repo.write("b.txt", "new\n");
      repo.commitAll("third");

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet sinceTag = ws.diffAgainst("v1.0");
        assertThat(sinceTag.baseCommit()).isEqualTo(first.name());
        assertThat(sinceTag.changedPaths()).containsExactly("a.txt", "b.txt");
        assertThat(ws.diffAgainst("HEAD~1").changedPaths()).containsExactly("b.txt");
      }
    }
  }

  @Test
  void uncommittedEditsAndUntrackedFilesCountButIgnoredFilesDoNot() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write(".gitignore", "*.log\nbuild/\n");
      repo.write("kept.txt", "v1\n");
      repo.write("edited.txt", "v1\n");
      repo.commitAll("base");
      repo.branch("base");
      repo.write("edited.txt", "v2, not committed\n");
      repo.write("untracked.txt", "new\n");
      repo.write("debug.log", "ignored\n");
      repo.write("build/out/Generated.java", "class Generated {}\n");
      repo.write("src/notes.log", "ignored by pattern in a subdirectory\n");

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet changes = ws.diffAgainst("base");

        assertThat(changes.changedPaths()).containsExactly("edited.txt", "untracked.txt");
        assertThat(text(changes.after("edited.txt"))).isEqualTo("v2, not committed\n");
        assertThat(text(changes.before("edited.txt"))).isEqualTo("v1\n");
      }
    }
  }

  @Test
  void diffAgainstHeadIsJustTheUncommittedWork() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "v1\n");
      repo.write("b.txt", "v1\n");
      RevCommit head = repo.commitAll("base");
      repo.write("b.txt", "v2\n");

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet changes = ws.diffAgainst("HEAD");
        assertThat(changes.baseCommit()).isEqualTo(head.name());
        assertThat(changes.changedPaths()).containsExactly("b.txt");
      }
    }
  }

  @Test
  void trackedFileInIgnoredDirectoryStillCountsButItsUntrackedNeighboursDoNot() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("vendor/lib.js", "v1\n");
      repo.commitAll("vendored");
      repo.branch("base");
      repo.write(".gitignore", "vendor/\n");
      repo.write("vendor/lib.js", "v2\n");
      repo.write("vendor/other.js", "untracked in an ignored directory\n");

      try (GitWorkspace ws = repo.workspace()) {
        assertThat(ws.diffAgainst("base").changedPaths()).containsExactly(".gitignore", "vendor/lib.js");
      }
    }
  }

  @Test
  void fileWithAMergeConflictInProgressIsChangedWithItsContentOnDisk() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "base\n");
      repo.commitAll("base");
      repo.branch("base");
      repo.checkoutNew("other");
      repo.write("a.txt", "theirs\n");
      repo.commitAll("theirs");
      repo.checkout("main");
      repo.write("a.txt", "ours\n");
      repo.commitAll("ours");
      repo.git.merge().include(repo.git.getRepository().resolve("other")).call();

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet changes = ws.diffAgainst("base");
        assertThat(changes.changedPaths()).containsExactly("a.txt");
        assertThat(text(changes.after("a.txt"))).contains("<<<<<<<", "ours", "theirs");
        assertThat(text(changes.before("a.txt"))).isEqualTo("base\n");
      }
    }
  }

  @Test
  void fileOutsideASparseCheckoutIsReadFromTheIndexInsteadOfCountingAsDeleted() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "v1\n");
      repo.write("docs/b.txt", "v1\n");
      repo.commitAll("base");
      repo.branch("base");
      repo.write("docs/b.txt", "v2, outside the sparse cone\n");
      RevCommit head = repo.commitAll("feature");
      repo.delete("docs/b.txt");
      SparseIndex.write(repo, head, "docs/b.txt");

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet changes = ws.diffAgainst("base");
        assertThat(changes.changedPaths()).containsExactly("docs/b.txt");
        assertThat(text(changes.after("docs/b.txt"))).isEqualTo("v2, outside the sparse cone\n");
      }
    }
  }

  @Test
  void stagingStateDoesNotMatterInBaseModeOnlyTheWorkTree() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "v1\n");
      repo.commitAll("base");
      repo.branch("base");
      repo.write("a.txt", "v2 staged\n");
      repo.stage("a.txt");
      repo.write("a.txt", "v1\n"); // back to the committed content on disk

      try (GitWorkspace ws = repo.workspace()) {
        assertThat(ws.diffAgainst("base").changedPaths()).isEmpty();
      }
    }
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void executableBitAloneIsNotAContentChange() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("run.sh", "echo hi\n");
      repo.write("other.sh", "echo other\n");
      repo.commitAll("base");
      repo.branch("base");
      Files.setPosixFilePermissions(dir.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.setPosixFilePermissions(dir.resolve("other.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
      repo.stage("other.sh");
      repo.commit("mode change committed");

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet changes = ws.diffAgainst("base");
        assertThat(changes.changedPaths()).isEmpty();
        assertThat(changes.skippedPaths()).isEmpty();
      }
    }
  }

  @Test
  void binaryContentIsComparedAndReturnedByteForByte() throws Exception {
    byte[] v1 = {0, 1, 2, (byte) 0xFF, (byte) 0xFE, 0, 10, 13};
    byte[] v2 = {0, 1, 2, (byte) 0xFF, (byte) 0xFE, 0, 10, 14};
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("img/logo.bin", v1);
      repo.write("same.bin", v1);
      repo.commitAll("base");
      repo.branch("base");
      repo.write("img/logo.bin", v2);

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet changes = ws.diffAgainst("base");
        assertThat(changes.changedPaths()).containsExactly("img/logo.bin");
        SourceFile before = changes.before("img/logo.bin").orElseThrow();
        assertThat(before.size()).isEqualTo(v1.length);
        assertThat(before.bytes()).containsExactly(v1);
        assertThat(changes.after("img/logo.bin").orElseThrow().bytes()).containsExactly(v2);
        assertThat(before.isValidUtf8()).isFalse();
      }
    }
  }

  @Test
  void blobAboveTheStreamingThresholdIsMeasuredFromItsHeaderAndStillReadable() throws Exception {
    byte[] big = new byte[64 * 1024];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) ('a' + i % 26);
    }
    WindowCacheConfig small = new WindowCacheConfig();
    small.setStreamFileThreshold(4 * 1024); // JGit then streams every larger blob instead of inflating it
    small.install();
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("big.txt", big);
      repo.commitAll("base");
      repo.branch("base");
      repo.write("big.txt", "small now\n");

      try (GitWorkspace ws = repo.workspace()) {
        SourceFile before = ws.diffAgainst("base").before("big.txt").orElseThrow();
        assertThat(before.size()).isEqualTo(big.length);
        assertThat(before.bytes()).isEqualTo(big);
      }
    } finally {
      new WindowCacheConfig().install();
    }
  }

  @Test
  void pathsWithUnicodeAndSpacesAreReportedAsWritten() throws Exception {
    String path = "docs/ünïcode dir/naïve ☃ notes.md";
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write(path, "v1\n");
      repo.commitAll("base");
      repo.branch("base");
      repo.write(path, "v2\n");
      repo.write("new file ✓.txt", "new\n");

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet changes = ws.diffAgainst("base");
        assertThat(changes.changedPaths()).containsExactlyInAnyOrder(path, "new file ✓.txt");
        assertThat(text(changes.before(path))).isEqualTo("v1\n");
        assertThat(text(changes.after(path))).isEqualTo("v2\n");
        assertThat(ws.relativize(dir.resolve(path))).isEqualTo(path);
      }
    }
  }

  @Test
  void aSmallChangeInThousandsOfFilesReportsExactlyTheChangedFiles() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      List<String> paths = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        paths.add("pkg" + (i % 40) + "/File" + i + ".java");
        repo.write(paths.get(i), "class File" + i + " {}\n");
      }
      repo.stageDirectly(paths);
      repo.commit("two thousand files");
      repo.branch("base");
      repo.write("pkg3/File3.java", "class File3 { int changed; }\n");
      repo.write("pkg17/File1017.java", "class File1017 { int changed; }\n");
      repo.write("pkg39/File1999.java", "class File1999 { int changed; }\n");

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet changes = ws.diffAgainst("base");
        assertThat(changes.changedPaths())
            .containsExactly("pkg17/File1017.java", "pkg3/File3.java", "pkg39/File1999.java");
      }
    }
  }

  @Test
  void crlfOnDiskIsNoChangeWhenAutocrlfWouldStoreLf() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "one\ntwo\n");
      repo.write("b.txt", "one\ntwo\n");
      repo.commitAll("base");
      repo.branch("base");
      var config = repo.git.getRepository().getConfig();
      config.setString("core", null, "autocrlf", "true");
      config.save();
      repo.write("a.txt", "one\r\ntwo\r\n");
      repo.write("b.txt", "one\r\nthree\r\n");

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet changes = ws.diffAgainst("base");
        assertThat(changes.changedPaths()).containsExactly("b.txt");
        assertThat(changes.after("b.txt").orElseThrow().bytes())
            .isEqualTo("one\r\nthree\r\n".getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void lfsPointerInTheBaseIsReadAsStoredWithoutRunningFilters() throws Exception {
    String pointer = "version https://git-lfs.github.com/spec/v1\n"
        + "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n";
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write(".gitattributes", "*.bin filter=lfs diff=lfs merge=lfs -text\n");
      repo.write("model.bin", pointer);
      repo.commitAll("base");
      repo.branch("base");
      var config = repo.git.getRepository().getConfig();
      // A filter that would leave a mark if it ever ran.
      config.setString("filter", "lfs", "clean", "touch " + dir.resolve("clean-ran"));
      config.setString("filter", "lfs", "smudge", "touch " + dir.resolve("smudge-ran"));
      config.save();
      repo.write("model.bin", pointer.replace("12345", "54321"));

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet changes = ws.diffAgainst("base");
        assertThat(changes.changedPaths()).containsExactly("model.bin");
        assertThat(text(changes.before("model.bin"))).isEqualTo(pointer);
        assertThat(text(changes.after("model.bin"))).contains("size 54321");
      }
      assertThat(dir.resolve("clean-ran")).doesNotExist();
      assertThat(dir.resolve("smudge-ran")).doesNotExist();
    }
  }

  /** The pointer git-lfs stores for some content, per the LFS pointer specification. */
  private static String lfsPointer(byte[] content) throws Exception {
    byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(content);
    return "version https://git-lfs.github.com/spec/v1\noid sha256:" + java.util.HexFormat.of().formatHex(digest)
        + "\nsize " + content.length + "\n";
  }

  @Test
  void lfsFileCheckedOutAsRealContentIsUnchangedWhenItMatchesTheStoredPointer() throws Exception {
    byte[] model = "pretend this is a large model\n".getBytes(StandardCharsets.UTF_8);
    byte[] data = "pretend this is a large data set\n".getBytes(StandardCharsets.UTF_8);
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write(".gitattributes", "*.bin filter=lfs diff=lfs merge=lfs -text\n");
      repo.write("model.bin", lfsPointer(model));
      repo.write("data.bin", lfsPointer(data));
      repo.commitAll("pointers as git-lfs stores them");
      repo.branch("base");
      // What the smudge filter leaves on disk; sizes differ from the index, so content decides.
      repo.write("model.bin", model);
      repo.write("data.bin", "the data set was edited\n");

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet changes = ws.diffAgainst("base");
        assertThat(changes.changedPaths()).containsExactly("data.bin");
        assertThat(text(changes.before("data.bin"))).isEqualTo(lfsPointer(data));
      }
    }
  }

  @Test
  void beforeAndAfterServeUnchangedFilesTooButNeverLeaveTheWorkTree() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "same\n");
      repo.commitAll("base");
      repo.branch("base");

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet changes = ws.diffAgainst("base");
        assertThat(text(changes.before("a.txt"))).isEqualTo("same\n");
        assertThat(text(changes.after("a.txt"))).isEqualTo("same\n");
        assertThat(changes.after("../outside.txt")).isEmpty();
        assertThat(changes.after(".git/config")).isEmpty();
        assertThat(changes.after("missing.txt")).isEmpty();
        assertThat(changes.before("missing.txt")).isEmpty();
      }
    }
  }
}
