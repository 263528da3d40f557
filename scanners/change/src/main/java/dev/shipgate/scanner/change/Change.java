package dev.shipgate.scanner.change;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.git.ChangeSet;
import dev.shipgate.git.GitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A change read from git: every added, modified, renamed or deleted file with both versions, and its change id.
 *
 * <p>The change id is {@code sha256:} and the hex SHA-256 of the lines {@code path NUL before NUL after LF}, sorted by
 * path, where before and after are the git blob ids (SHA-1 of {@code "blob <size>\0"} and the bytes, as {@code git
 * hash-object} computes them) or {@code -} for a missing side. Approval records, change notes and the audit log are
 * left out: adding an approval or a note to a change, or recording it, must not change what was approved. Any other edit does, so an approval given for
 * one change never counts for another.
 */
public record Change(String mode, String baseCommit, List<Classifier.FileChange> files, String id) {

  /** Paths that never count towards the change id. */
  public static boolean outsideId(String path) {
    return path.startsWith(Records.DIR + "/") || path.startsWith(ChangeScanner.NOTES_DIR + "/")
        || path.equals(dev.shipgate.evidence.AuditLog.FILE);
  }

  public static Change of(ChangeSet changes) throws GitException, IOException {
    TreeSet<String> paths = new TreeSet<>(changes.changedPaths());
    paths.addAll(changes.deletedPaths());
    List<Classifier.FileChange> files = new ArrayList<>();
    MessageDigest id = sha256();
    for (String path : paths) {
      byte[] before = bytes(changes.before(path));
      byte[] after = changes.changedPaths().contains(path) ? bytes(changes.after(path)) : new byte[0];
      boolean hasBefore = changes.before(path).isPresent();
      boolean hasAfter = changes.changedPaths().contains(path) && changes.after(path).isPresent();
      files.add(new Classifier.FileChange(path, changes.renamedFrom().get(path), before, after, !hasAfter));
      if (!outsideId(path)) {
        String line = path + '\0' + (hasBefore ? blobId(before) : "-") + '\0' + (hasAfter ? blobId(after) : "-") + '\n';
        id.update(line.getBytes(StandardCharsets.UTF_8));
      }
    }
    return new Change(changes.mode(), changes.baseCommit(), List.copyOf(files), "sha256:" + HexFormat.of().formatHex(id.digest()));
  }

  public List<String> paths() {
    return files.stream().map(Classifier.FileChange::path).toList();
  }

  /** Whether the change leaves a file at this path (findings on deleted files would count as pre-existing). */
  public boolean existsAfter(String path) {
    return files.stream().anyMatch(f -> f.path().equals(path) && !f.deleted());
  }

  /** The change id shortened for messages and file names. */
  public String shortId() {
    return id.substring("sha256:".length(), "sha256:".length() + 12);
  }

  private static byte[] bytes(Optional<SourceFile> f) throws IOException {
    return f.isPresent() ? f.get().bytes() : new byte[0];
  }

  /** The git blob id of some content. */
  static String blobId(byte[] content) {
    try {
      // shipgate:ignore java/crypto/weak-hash -- git's blob ids are SHA-1 by definition (git hash-object)
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(sha1.digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-1", e);
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
