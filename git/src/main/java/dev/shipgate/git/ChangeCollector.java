package dev.shipgate.git;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;

/** Sorts each path of a two-sided walk into changed, deleted or skipped; shared by base and staged mode. */
final class ChangeCollector {

  /** Computes the after side's content id only when it is needed (hashing a file costs a read). */
  @FunctionalInterface
  interface IdSource {
    ObjectId get() throws IOException, GitException;
  }

  /** Paths added or modified, after side. */
  final SortedSet<String> changed = new TreeSet<>();
  final SortedMap<String, String> skipped = new TreeMap<>();
  /** Before-side blob of every modified path. */
  final Map<String, ObjectId> beforeIds = new HashMap<>();
  /** After-side content id of every changed path (a blob id, or the id the disk content would get). */
  final Map<String, ObjectId> afterIds = new HashMap<>();
  /** Changed paths whose after side is a blob rather than a file on disk (staged mode, sparse checkouts). */
  final Set<String> afterFromBlob = new HashSet<>();
  /** Rename candidates: new regular files and removed regular files. */
  final SortedMap<String, ObjectId> added = new TreeMap<>();
  final SortedMap<String, ObjectId> deleted = new TreeMap<>();
  /** New files on disk whose id is computed only if some file was removed, i.e. only if a rename is possible. */
  private final SortedMap<String, IdSource> addedOnDisk = new TreeMap<>();

  static boolean isFile(FileMode mode) {
    return mode != null && (mode.getBits() & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
  }

  /**
   * Records one path. {@code beforeMode} is {@link FileMode#MISSING} when the path is new, {@code afterMode} when it is
   * gone. Only content counts: a change of the executable bit alone is no change.
   *
   * @param afterId the after side's content id; for a new file on disk ({@code afterIsBlob} false, before side not a
   *     file) it may be called after the walk has moved on, so it must not depend on the walk's position
   * @param gitlinkReason the reason recorded when the after side is a gitlink
   * @param sameContent decides, when the ids differ, whether the after content would still be stored as the before
   *     blob (line endings, LFS pointer); may be null
   */
  void record(String path, FileMode beforeMode, ObjectId beforeId, FileMode afterMode, IdSource afterId,
      boolean afterIsBlob, String gitlinkReason, SameContent sameContent) throws IOException, GitException {
    boolean beforeFile = isFile(beforeMode);
    if (afterMode == FileMode.GITLINK || afterMode == FileMode.SYMLINK) {
      boolean link = afterMode == FileMode.SYMLINK;
      if (beforeMode != afterMode || !beforeId.equals(afterId.get())) {
        skipped.put(path, link ? "symlink" : gitlinkReason);
      }
      if (beforeFile) {
        deleted.put(path, beforeId);
      }
      return;
    }
    if (isFile(afterMode)) {
      if (!beforeFile && !afterIsBlob) {
        changed.add(path);
        addedOnDisk.put(path, afterId);
        return;
      }
      ObjectId id = afterId.get();
      if (beforeFile && (beforeId.equals(id) || (sameContent != null && sameContent.test(beforeId)))) {
        return;
      }
      changed.add(path);
      afterIds.put(path, id);
      if (afterIsBlob) {
        afterFromBlob.add(path);
      }
      if (beforeFile) {
        beforeIds.put(path, beforeId);
      } else {
        added.put(path, id);
      }
      return;
    }
    if (beforeFile) {
      deleted.put(path, beforeId);
    }
  }

  /** Hashes new files for rename detection, when there is something they could have been renamed from. */
  void resolveAdded() throws IOException, GitException {
    if (!deleted.isEmpty()) {
      for (Map.Entry<String, IdSource> e : addedOnDisk.entrySet()) {
        ObjectId id = e.getValue().get();
        added.put(e.getKey(), id);
        afterIds.put(e.getKey(), id);
      }
    }
    addedOnDisk.clear();
  }

  /** A second opinion on equality with the before blob, for content that git would convert when storing it. */
  @FunctionalInterface
  interface SameContent {
    boolean test(ObjectId beforeId) throws IOException, GitException;
  }
}
