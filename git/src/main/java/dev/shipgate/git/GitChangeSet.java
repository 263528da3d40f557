package dev.shipgate.git;

import dev.shipgate.core.scan.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/** The result of {@link GitWorkspace#diffAgainst} or {@link GitWorkspace#staged}; reads blobs lazily. */
final class GitChangeSet implements ChangeSet {

  private final Repository repo;
  private final Path topLevel;
  private final String mode;
  private final String ref;
  private final String baseCommit;
  /** Null when there is no before side (staged in an empty repository). */
  private final RevTree baseTree;
  /** The index as read for staged mode; null in base mode, whose after side is the disk. */
  private final DirCache index;
  private final SortedSet<String> changed;
  private final SortedMap<String, String> renamedFrom;
  private final SortedMap<String, String> skipped;
  private final Map<String, ObjectId> beforeIds;
  private final Map<String, ObjectId> afterIds;
  private final Set<String> afterFromBlob;
  private final Set<String> deleted;

  GitChangeSet(Repository repo, Path topLevel, String mode, String ref, String baseCommit, RevTree baseTree,
      DirCache index, ChangeCollector changes, SortedMap<String, String> renamedFrom) {
    this.repo = repo;
    this.topLevel = topLevel;
    this.mode = mode;
    this.ref = ref;
    this.baseCommit = baseCommit;
    this.baseTree = baseTree;
    this.index = index;
    this.changed = Collections.unmodifiableSortedSet(changes.changed);
    this.renamedFrom = Collections.unmodifiableSortedMap(renamedFrom);
    this.skipped = Collections.unmodifiableSortedMap(changes.skipped);
    this.beforeIds = changes.beforeIds;
    this.afterIds = changes.afterIds;
    this.afterFromBlob = changes.afterFromBlob;
    this.deleted = changes.deleted.keySet();
    for (Map.Entry<String, String> r : renamedFrom.entrySet()) {
      beforeIds.put(r.getKey(), changes.deleted.get(r.getValue()));
    }
  }

  @Override
  public String mode() {
    return mode;
  }

  @Override
  public String ref() {
    return ref;
  }

  @Override
  public String baseCommit() {
    return baseCommit;
  }

  @Override
  public Set<String> changedPaths() {
    return changed;
  }

  @Override
  public Set<String> deletedPaths() {
    return Collections.unmodifiableSet(deleted);
  }

  @Override
  public Map<String, String> renamedFrom() {
    return renamedFrom;
  }

  @Override
  public Map<String, String> skippedPaths() {
    return skipped;
  }

  @Override
  public Optional<SourceFile> before(String path) throws GitException {
    if (baseTree == null) {
      return Optional.empty();
    }
    String where = "commit " + baseCommit;
    ObjectId id = beforeIds.get(path);
    if (id == null) {
      String beforePath = renamedFrom.getOrDefault(path, path);
      if (!isSafe(beforePath)) {
        return Optional.empty();
      }
      try (ObjectReader reader = repo.newObjectReader(); TreeWalk walk = TreeWalk.forPath(reader, beforePath, baseTree)) {
        if (walk == null || !ChangeCollector.isFile(walk.getFileMode(0))) {
          return Optional.empty();
        }
        id = walk.getObjectId(0);
      } catch (IOException e) {
        throw GitWorkspace.unreadable("the tree of " + where + " at " + beforePath, baseTree, e);
      }
    }
    return Optional.of(blob(path, id, "in " + where));
  }

  @Override
  public Optional<SourceFile> after(String path) throws GitException {
    if (!isSafe(path) || deleted.contains(path) || skipped.containsKey(path)) {
      return Optional.empty();
    }
    if (afterFromBlob.contains(path)) {
      return Optional.of(blob(path, afterIds.get(path), "in the index"));
    }
    if (index != null) {
      DirCacheEntry entry = index.getEntry(path);
      if (entry == null || entry.getStage() != DirCacheEntry.STAGE_0 || entry.isIntentToAdd()
          || !ChangeCollector.isFile(entry.getFileMode())) {
        return Optional.empty();
      }
      return Optional.of(blob(path, entry.getObjectId(), "in the index"));
    }
    return fromDisk(path);
  }

  /** A repository-relative path that cannot leave the work tree or reach into .git. */
  private static boolean isSafe(String path) {
    if (path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.indexOf('\\') >= 0 || path.indexOf(0) >= 0) {
      return false;
    }
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..") || part.equalsIgnoreCase(Constants.DOT_GIT)) {
        return false;
      }
    }
    return true;
  }

  /** A regular file under the work tree, reached without following any symlink (which could point anywhere). */
  private Optional<SourceFile> fromDisk(String path) throws GitException {
    Path file = topLevel;
    for (String part : path.split("/")) {
      file = file.resolve(part);
      if (Files.isSymbolicLink(file)) {
        return Optional.empty();
      }
    }
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    Path onDisk = file;
    try {
      long size = Files.size(onDisk);
      return Optional.of(SourceFile.lazy(path, size, () -> {
        try (InputStream in = Files.newInputStream(onDisk, LinkOption.NOFOLLOW_LINKS)) {
          return in.readAllBytes();
        }
      }));
    } catch (IOException e) {
      throw new GitException("cannot read " + path + " in the work tree: " + e.getMessage(), e);
    }
  }

  /**
   * A blob read lazily. Opening it up front surfaces a missing or corrupt object here, as a {@link GitException}; JGit
   * inflates only small blobs to open them, so large ones are not loaded just to be measured.
   */
  private SourceFile blob(String path, ObjectId id, String where) throws GitException {
    long size;
    try (ObjectReader reader = repo.newObjectReader()) {
      size = reader.open(id, Constants.OBJ_BLOB).getSize();
    } catch (IOException e) {
      throw GitWorkspace.unreadable(path + " " + where, id, e);
    }
    return SourceFile.lazy(path, size, () -> {
      try (ObjectReader reader = repo.newObjectReader()) {
        ObjectLoader loader = reader.open(id, Constants.OBJ_BLOB);
        return loader.getCachedBytes(Integer.MAX_VALUE);
      } catch (IOException e) {
        throw new IOException(GitWorkspace.unreadable(path + " " + where, id, e).getMessage(), e);
      }
    });
  }

  @Override
  public String toString() {
    return mode + " " + ref + " (" + (baseCommit.isEmpty() ? "no commit" : baseCommit) + "): " + changed.size()
        + " changed, " + renamedFrom.size() + " renamed, " + skipped.size() + " skipped";
  }
}
