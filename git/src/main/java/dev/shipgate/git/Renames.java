package dev.shipgate.git;

import java.io.IOException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.api.errors.CanceledException;
import org.eclipse.jgit.diff.ContentSource;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Pairs removed and added files into renames with JGit's {@link RenameDetector} (exact, then by similarity). */
final class Renames {

  private Renames() {}

  /**
   * @param newSide reads the after side by path; for the working tree its content is not in the object database
   * @return after path to before path
   */
  static SortedMap<String, String> detect(Repository repo, ObjectReader reader, Map<String, ObjectId> deleted,
      Map<String, ObjectId> added, ContentSource newSide) throws IOException {
    SortedMap<String, String> renames = new TreeMap<>();
    if (deleted.isEmpty() || added.isEmpty()) {
      return renames;
    }
    // DiffEntry has no public constructor: two in-memory indexes holding only the candidates make a walk that
    // yields exactly one DELETE per removed path and one ADD per new path.
    try (TreeWalk walk = new TreeWalk(reader)) {
      walk.setRecursive(true);
      walk.addTree(new DirCacheIterator(inCore(deleted)));
      walk.addTree(new DirCacheIterator(inCore(added)));
      RenameDetector detector = new RenameDetector(reader, repo.getConfig().get(DiffConfig.KEY));
      detector.addAll(DiffEntry.scan(walk));
      for (DiffEntry e : detector.compute(new ContentSource.Pair(ContentSource.create(reader), newSide),
          NullProgressMonitor.INSTANCE)) {
        if (e.getChangeType() == DiffEntry.ChangeType.RENAME) {
          renames.put(e.getNewPath(), e.getOldPath());
        }
      }
    } catch (CanceledException e) {
      throw new IOException("rename detection was cancelled", e);
    }
    return renames;
  }

  private static DirCache inCore(Map<String, ObjectId> files) throws IOException {
    DirCache cache = DirCache.newInCore();
    DirCacheBuilder builder = cache.builder();
    for (Map.Entry<String, ObjectId> f : files.entrySet()) {
      DirCacheEntry entry = new DirCacheEntry(f.getKey());
      entry.setFileMode(FileMode.REGULAR_FILE);
      entry.setObjectId(f.getValue());
      builder.add(entry);
    }
    builder.finish();
    return cache;
  }
}
