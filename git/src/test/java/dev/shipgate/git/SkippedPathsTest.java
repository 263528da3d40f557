package dev.shipgate.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Submodules and symlinks are not files to scan: they are listed with the reason instead. */
class SkippedPathsTest {

  @TempDir Path dir;

  @Test
  void committedSubmoduleIsSkippedAndItsFilesAreNotScanned() throws Exception {
    Path project = dir.resolve("project");
    try (TestRepo repo = TestRepo.init(project)) {
      repo.write("a.txt", "x\n");
      repo.commitAll("base");
      repo.branch("base");
      try (TestRepo nested = TestRepo.init(project.resolve("lib"))) {
        nested.write("inner.txt", "inside the submodule\n");
        nested.commitAll("nested");
      }
      repo.stage("lib"); // JGit records a nested repository as a gitlink
      repo.commit("add submodule");

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet changes = ws.diffAgainst("base");
        assertThat(changes.changedPaths()).isEmpty();
        assertThat(changes.skippedPaths()).containsExactlyEntriesOf(Map.of("lib", "submodule"));
        assertThat(changes.after("lib")).isEmpty();
        assertThat(ws.staged().skippedPaths()).isEmpty();
      }
    }
  }

  @Test
  void submodulePointerChangeIsSkippedEvenWhenTheSubmoduleIsNotCheckedOut() throws Exception {
    Path project = dir.resolve("project");
    try (TestRepo repo = TestRepo.init(project)) {
      try (TestRepo nested = TestRepo.init(project.resolve("lib"))) {
        nested.write("inner.txt", "v1\n");
        nested.commitAll("v1");
        repo.stage("lib");
        repo.commit("add submodule at v1");
        repo.branch("base");
        nested.write("inner.txt", "v2\n");
        nested.commitAll("v2");
        repo.stage("lib");
        repo.commit("move submodule to v2");
      }
      // A clone without --recurse-submodules leaves an empty directory where the submodule goes.
      try (Stream<Path> files = Files.walk(project.resolve("lib"))) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
      Files.createDirectory(project.resolve("lib"));

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet changes = ws.diffAgainst("base");
        assertThat(changes.skippedPaths()).isEqualTo(Map.of("lib", "submodule"));
        assertThat(changes.changedPaths()).isEmpty();
        assertThat(ws.diffAgainst("HEAD").skippedPaths()).isEmpty();
      }
    }
  }

  @Test
  void untrackedNestedRepositoryIsSkipped() throws Exception {
    Path project = dir.resolve("project");
    try (TestRepo repo = TestRepo.init(project)) {
      repo.write("a.txt", "x\n");
      repo.commitAll("base");
      try (TestRepo nested = TestRepo.init(project.resolve("tools/checkout"))) {
        nested.write("inner.txt", "not ours\n");
      }

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet changes = ws.diffAgainst("main");
        assertThat(changes.changedPaths()).isEmpty();
        assertThat(changes.skippedPaths()).containsExactlyEntriesOf(Map.of("tools/checkout", "nested repository"));
      }
    }
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void symlinksAreSkippedAndNeverFollowed() throws Exception {
    Path outside = Files.writeString(dir.resolve("secret-outside.txt"), "must not be read\n");
    Path project = dir.resolve("project");
    try (TestRepo repo = TestRepo.init(project)) {
      repo.write("a.txt", "x\n");
      Files.createSymbolicLink(project.resolve("old-link"), Path.of("a.txt"));
      repo.commitAll("base");
      repo.branch("base");
      Files.createSymbolicLink(project.resolve("link-out"), outside);
      Files.createDirectories(project.resolve("dir"));
      Files.createSymbolicLink(project.resolve("dir/linked-dir"), dir);

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet changes = ws.diffAgainst("base");
        assertThat(changes.changedPaths()).isEmpty();
        assertThat(changes.skippedPaths())
            .isEqualTo(Map.of("dir/linked-dir", "symlink", "link-out", "symlink"));
        assertThat(changes.after("link-out")).isEmpty();
        assertThat(changes.after("dir/linked-dir/secret-outside.txt")).isEmpty();
        assertThat(changes.before("old-link")).isEmpty();
      }
    }
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void fileReplacedBySymlinkIsSkippedNotChanged() throws Exception {
    Path project = dir.resolve("project");
    try (TestRepo repo = TestRepo.init(project)) {
      repo.write("config.yml", "a: 1\n");
      repo.write("real.yml", "b: 2\n");
      repo.commitAll("base");
      repo.branch("base");
      repo.delete("config.yml");
      Files.createSymbolicLink(project.resolve("config.yml"), Path.of("real.yml"));

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet changes = ws.diffAgainst("base");
        assertThat(changes.changedPaths()).isEmpty();
        assertThat(changes.skippedPaths()).containsExactlyEntriesOf(Map.of("config.yml", "symlink"));
      }
    }
  }
}
