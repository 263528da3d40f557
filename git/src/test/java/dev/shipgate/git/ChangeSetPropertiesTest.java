package dev.shipgate.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any mix of additions, edits and deletions: exactly the files whose content differs are reported, in both modes. */
class ChangeSetPropertiesTest {

  private static final String[] PATHS = {"a.txt", "b.txt", "dir/c.txt", "dir/sub/d.txt", "e f.txt", "dir/g.txt"};
  /** Few distinct contents, so unchanged files, identical files and exact renames happen often. */
  private static final String[] CONTENTS = {"one\n", "two\n", "three\n"};

  @Provide
  Arbitrary<Map<String, String>> trees() {
    return Arbitraries.maps(Arbitraries.of(PATHS), Arbitraries.of(CONTENTS)).ofMaxSize(PATHS.length);
  }

  @Property(tries = 12)
  void reportedPathsAreExactlyTheFilesWhoseContentDiffers(
      @ForAll("trees") Map<String, String> base, @ForAll("trees") Map<String, String> after) throws Exception {
    Path dir = Files.createTempDirectory("shipgate-git-property");
    try (TestRepo repo = TestRepo.init(dir)) {
      base.forEach((path, content) -> write(repo, path, content));
      repo.write(".keep", ""); // a first commit needs at least one file
      repo.commitAll("base");
      repo.branch("base");
      for (String path : base.keySet()) {
        if (!after.containsKey(path)) {
          repo.delete(path);
        }
      }
      after.forEach((path, content) -> write(repo, path, content));

      Set<String> expected = new TreeSet<>();
      after.forEach((path, content) -> {
        if (!Objects.equals(base.get(path), content)) {
          expected.add(path);
        }
      });

      try (GitWorkspace ws = repo.workspace()) {
        ChangeSet diff = ws.diffAgainst("base");
        assertThat(diff.changedPaths()).isEqualTo(expected);
        for (String path : expected) {
          assertThat(diff.after(path).orElseThrow().text()).isEqualTo(after.get(path));
        }
        assertThat(expected).containsAll(diff.renamedFrom().keySet());
        assertThat(base.keySet()).containsAll(diff.renamedFrom().values());

        repo.git.add().addFilepattern(".").call();
        repo.git.add().setUpdate(true).addFilepattern(".").call();
        assertThat(ws.staged().changedPaths()).isEqualTo(expected);
      }
    } finally {
      deleteRecursively(dir);
    }
  }

  private static void write(TestRepo repo, String path, String content) {
    try {
      repo.write(path, content);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
