package dev.shipgate.git;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.Set;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Writes a version-3 index holding a commit's files with the skip-worktree flag on some of them, as a sparse checkout
 * leaves it. JGit reads the flag but has no API to set it.
 */
final class SparseIndex {

  private static final int EXTENDED = 0x4000;
  private static final int SKIP_WORKTREE = 0x4000;

  private SparseIndex() {}

  static void write(TestRepo repo, RevCommit commit, String... skipped) throws Exception {
    Set<String> skip = Set.of(skipped);
    ByteArrayOutputStream entries = new ByteArrayOutputStream();
    int count = 0;
    try (TreeWalk walk = new TreeWalk(repo.git.getRepository())) {
      walk.addTree(commit.getTree());
      walk.setRecursive(true);
      while (walk.next()) {
        writeEntry(new DataOutputStream(entries), walk, skip.contains(walk.getPathString()));
        count++;
      }
    }
    ByteArrayOutputStream index = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(index);
    out.writeBytes("DIRC");
    out.writeInt(3);
    out.writeInt(count);
    entries.writeTo(out);
    // shipgate:ignore java/crypto/weak-hash -- the git index format ends with a SHA-1 checksum
    out.write(MessageDigest.getInstance("SHA-1").digest(index.toByteArray()));
    Files.write(repo.dir.resolve(".git/index"), index.toByteArray());
  }

  /** Stat fields stay zero: the files then never look clean by size and time, which is safe. */
  private static void writeEntry(DataOutputStream out, TreeWalk walk, boolean skipWorktree) throws IOException {
    byte[] path = walk.getPathString().getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 6; i++) {
      out.writeInt(0); // ctime, mtime (seconds, nanoseconds), dev, ino
    }
    out.writeInt(walk.getRawMode(0));
    out.writeInt(0); // uid
    out.writeInt(0); // gid
    out.writeInt(0); // size
    walk.getObjectId(0).copyRawTo(out);
    out.writeShort(EXTENDED | path.length);
    out.writeShort(skipWorktree ? SKIP_WORKTREE : 0);
    out.write(path);
    int length = 62 + 2 + path.length;
    int padded = (length + 8) & ~7; // at least one NUL, up to a multiple of 8
    out.write(new byte[padded - length]);
  }
}
