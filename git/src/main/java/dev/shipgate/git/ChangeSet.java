package dev.shipgate.git;

import dev.shipgate.core.scan.SourceFile;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What changed and how to read the "before" and "after" versions of files. Valid while the {@link GitWorkspace} that
 * made it is open.
 */
public interface ChangeSet {

  /** {@code base} for {@link GitWorkspace#diffAgainst}, {@code staged} for {@link GitWorkspace#staged}. */
  String mode();

  /** What the user named ({@code origin/main}); {@code HEAD} for staged. */
  String ref();

  /** Full id of the merge base (or HEAD for staged), or "" when there is none (staged in an empty repository). */
  String baseCommit();

  /**
   * Repository-relative paths added or modified on the after side, sorted; renamed files are listed under their new
   * name. Deleted files, mode-only changes and skipped paths are not included.
   */
  Set<String> changedPaths();

  /** Paths present on the before side and gone on the after side (renamed-away paths included), sorted. */
  default Set<String> deletedPaths() {
    return Set.of();
  }

  /** After path to before path, for renames found by JGit's rename detection. */
  Map<String, String> renamedFrom();

  /**
   * Changed paths that are not offered as files, with the reason: {@code submodule}, {@code nested repository},
   * {@code symlink}, {@code unmerged}. Sorted by path.
   */
  Map<String, String> skippedPaths();

  /**
   * The before version of a path (following renames), or empty when the file is new or was not a regular file. The
   * returned file is named {@code path} (the after name) so that findings on both sides line up.
   */
  Optional<SourceFile> before(String path) throws GitException;

  /**
   * The after version: for {@code base} mode read from disk lazily, for {@code staged} mode the index blob. Empty for
   * deleted files, symlinks and submodules.
   */
  Optional<SourceFile> after(String path) throws GitException;
}
