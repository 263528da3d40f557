package dev.shipgate.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {

  @TempDir Path dir;

  @Test
  void findsTheEnclosingWorkTreeFromASubdirectory() throws Exception {
    try (TestRepo repo = TestRepo.init(dir.resolve("project"))) {
      repo.write("src/main/App.java", "class App {}\n");
      RevCommit c = repo.commitAll("base");

      try (GitWorkspace ws = GitWorkspace.find(dir.resolve("project/src/main")).orElseThrow()) {
        assertThat(ws.topLevel()).isEqualTo(dir.resolve("project").toAbsolutePath());
        assertThat(ws.head()).contains(c.name());
        assertThat(ws.relativize(dir.resolve("project/src/main/App.java"))).isEqualTo("src/main/App.java");
        assertThat(ws.relativize(dir.resolve("project/src/../src/main/x"))).isEqualTo("src/main/x");
        assertThat(ws.isShallow()).isFalse();
      }
      try (GitWorkspace ws = GitWorkspace.find(dir.resolve("project/src/main/App.java")).orElseThrow()) {
        assertThat(ws.topLevel()).isEqualTo(dir.resolve("project").toAbsolutePath());
      }
    }
  }

  @Test
  void theCheapTopLevelLookupAgreesWithOpeningTheRepository() throws Exception {
    try (TestRepo repo = TestRepo.init(dir.resolve("project"))) {
      repo.write("src/main/App.java", "class App {}\n");
      repo.commitAll("base");
      Files.createDirectories(dir.resolve("plain/sub"));
      // A stray, invalid .git directory: both look further up.
      Files.createDirectories(dir.resolve("project/vendor/lib/.git"));
      // A linked work tree's .git file names its git directory.
      Files.createDirectories(dir.resolve("linked"));
      Files.writeString(dir.resolve("linked/.git"), "gitdir: " + dir.resolve("project/.git") + "\n");
      for (String d : new String[] {"project", "project/src/main", "project/src/main/App.java", "project/.git",
          "project/.git/objects", "plain/sub", "project/vendor/lib"}) {
        java.util.Optional<Path> expected;
        try (GitWorkspace ws = GitWorkspace.find(dir.resolve(d)).orElse(null)) {
          expected = java.util.Optional.ofNullable(ws).map(GitWorkspace::topLevel);
        }
        Path start = dir.resolve(d);
        assertThat(GitWorkspace.topLevelOf(Files.isRegularFile(start) ? start.getParent() : start)).as(d).isEqualTo(expected);
      }
      assertThat(GitWorkspace.topLevelOf(dir.resolve("linked"))).contains(dir.resolve("linked"));
    }
  }

  @Test
  void pathOutsideTheWorkTreeCannotBeRelativized() throws Exception {
    try (TestRepo repo = TestRepo.init(dir.resolve("project")); GitWorkspace ws = repo.workspace()) {
      assertThatThrownBy(() -> ws.relativize(dir.resolve("elsewhere/file.txt")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("outside the git work tree");
    }
  }

  @Test
  void relativizeSeesThroughASymlinkedPathToTheWorkTree() throws Exception {
    try (TestRepo repo = TestRepo.init(dir.resolve("project")); GitWorkspace ws = repo.workspace()) {
      Path alias = Files.createSymbolicLink(dir.resolve("alias"), dir.resolve("project"));
      assertThat(ws.relativize(alias.resolve("a/b.txt"))).isEqualTo("a/b.txt");
    }
  }

  @Test
  void directoryOutsideAnyRepositoryHasNoWorkspace() throws Exception {
    try (TestRepo repo = TestRepo.init(dir.resolve("project"))) {
      Files.createDirectories(dir.resolve("plain/sub"));
      assertThat(GitWorkspace.find(dir.resolve("plain/sub"))).isEmpty();
      assertThat(repo.dir).exists();
    }
  }

  @Test
  void aDotGitEntryAboveIsWhatMakesAWorkTreePossible() throws Exception {
    Files.createDirectories(dir.resolve("plain/sub"));
    assertThat(GitWorkspace.mayBeInside(dir.resolve("plain/sub"))).isFalse();
    // A linked work tree or submodule has a .git file, not a directory.
    Files.createDirectories(dir.resolve("linked/sub"));
    Files.writeString(dir.resolve("linked/.git"), "gitdir: /elsewhere/.git/worktrees/linked\n");
    assertThat(GitWorkspace.mayBeInside(dir.resolve("linked/sub"))).isTrue();
    try (TestRepo repo = TestRepo.init(dir.resolve("project"))) {
      assertThat(GitWorkspace.mayBeInside(dir.resolve("project/src/main"))).isTrue();
    }
  }

  @Test
  void bareRepositoryHasNoWorkspace() throws Exception {
    try (TestRepo repo = TestRepo.init(dir.resolve("seed"))) {
      repo.write("a.txt", "x\n");
      repo.commitAll("base");
    }
    try (Git bare = Git.init().setBare(true).setDirectory(dir.resolve("bare.git").toFile()).call()) {
      assertThat(bare.getRepository().isBare()).isTrue();
    }
    assertThat(GitWorkspace.find(dir.resolve("bare.git"))).isEmpty();
  }

  @Test
  void insideTheGitDirectoryIsNotAWorkTree() throws Exception {
    try (TestRepo repo = TestRepo.init(dir.resolve("project"))) {
      assertThat(GitWorkspace.find(repo.dir.resolve(".git/objects"))).isEmpty();
    }
  }

  @Test
  void headIsEmptyBeforeTheFirstCommit() throws Exception {
    try (TestRepo repo = TestRepo.init(dir); GitWorkspace ws = repo.workspace()) {
      assertThat(ws.head()).isEmpty();
    }
  }

  @Test
  void unreadableRepositoryConfigIsAUserFacingError() throws Exception {
    try (TestRepo repo = TestRepo.init(dir.resolve("project"))) {
      Files.writeString(repo.dir.resolve(".git/config"), "[core\n  this is not git config\n");
    }
    assertThatThrownBy(() -> GitWorkspace.find(dir.resolve("project")))
        .isInstanceOf(GitException.class)
        .hasMessageContaining("cannot open the git repository")
        .hasMessageContaining("config");
  }

  @Test
  void linkedWorkTreeIsOpenedThroughItsGitFile() throws Exception {
    Path main = dir.resolve("main");
    Path linked = dir.resolve("linked");
    try (TestRepo repo = TestRepo.init(main)) {
      repo.write("a.txt", "v1\n");
      repo.write("b.txt", "v1\n");
      RevCommit c = repo.commitAll("base");
      repo.branch("wt");
      // The layout `git worktree add ../linked wt` creates (JGit has no command for it).
      Path admin = Files.createDirectories(main.resolve(".git/worktrees/linked"));
      Files.writeString(admin.resolve("HEAD"), "ref: refs/heads/wt\n");
      Files.writeString(admin.resolve("commondir"), "../..\n");
      Files.writeString(admin.resolve("gitdir"), linked.resolve(".git") + "\n");
      Files.createDirectories(linked);
      Files.writeString(linked.resolve(".git"), "gitdir: " + admin + "\n");
      Files.writeString(linked.resolve("a.txt"), "v1\n");
      Files.writeString(linked.resolve("b.txt"), "edited in the linked work tree\n");

      try (GitWorkspace ws = GitWorkspace.find(linked).orElseThrow()) {
        assertThat(ws.topLevel()).isEqualTo(linked.toAbsolutePath());
        assertThat(ws.head()).contains(c.name());
        assertThat(ws.diffAgainst("main").changedPaths()).containsExactly("b.txt");
      }
    }
  }
}
