package dev.shipgate.scanner.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.git.GitWorkspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeIdTest {

  @TempDir Path dir;

  private static Change change(TestRepo repo) throws Exception {
    try (GitWorkspace ws = GitWorkspace.find(repo.dir).orElseThrow()) {
      return Change.of(ws.diffAgainst("main"));
    }
  }

  @Test
  void changeIdIsTheDocumentedHashOfPathsAndBlobIds() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "a\n").write("gone.txt", "x\n");
      repo.commit("base");
      repo.branch("f");
      repo.write("a.txt", "a2\n").write("new.txt", "n\n");
      repo.delete("gone.txt");
      repo.commit("edit");
      String expected = "a.txt\0" + Change.blobId(b("a\n")) + "\0" + Change.blobId(b("a2\n")) + "\n"
          + "gone.txt\0" + Change.blobId(b("x\n")) + "\0-\n"
          + "new.txt\0-\0" + Change.blobId(b("n\n")) + "\n";
      assertThat(change(repo).id()).isEqualTo("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b(expected))));
      // git hash-object of "a\n" is 78981922613b2afb6025042ff6bd878ac1994e85
      assertThat(Change.blobId(b("a\n"))).isEqualTo("78981922613b2afb6025042ff6bd878ac1994e85");
    }
  }

  @Test
  void recordsAndNotesDoNotChangeTheIdAnythingElseDoes() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("a.txt", "a\n");
      repo.commit("base");
      repo.branch("f");
      repo.write("a.txt", "b\n");
      String id = change(repo).id();
      repo.write(".shipgate/approvals/approval-0000000000000000.json", "{}").write(".shipgate/notes/f.md", "# note\n");
      assertThat(change(repo).id()).isEqualTo(id);
      repo.write("b.txt", "b\n");
      assertThat(change(repo).id()).isNotEqualTo(id);
    }
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
