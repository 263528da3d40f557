package dev.shipgate.evidence;

import dev.shipgate.git.ChangeSet;
import dev.shipgate.git.GitException;
import dev.shipgate.git.GitWorkspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an attestation is about: the HEAD commit and its tree, plus whether the work tree that was scanned still
 * matched them (uncommitted edits mean the scan judged something the commit does not contain).
 *
 * @param topLevel the work tree's top directory
 * @param uncommitted added, modified, deleted and untracked (not ignored) paths outside {@code .shipgate/}, sorted
 */
public record Subject(Path topLevel, String commit, String tree, List<String> uncommitted) {

  public Subject {
    uncommitted = List.copyOf(uncommitted);
  }

  public boolean clean() {
    return uncommitted.isEmpty();
  }

  /** The subject of the repository enclosing {@code dir}; fails when there is no repository or no commit yet. */
  public static Subject of(Path dir) throws EvidenceException {
    try (GitWorkspace ws = find(dir).orElseThrow(() -> new EvidenceException(dir + " is not inside a git work tree: "
        + "an attestation names a commit, so run in a git repository"))) {
      String commit = ws.head().orElseThrow(() -> new EvidenceException("the repository at " + ws.topLevel()
          + " has no commit yet: commit first, then attest"));
      String tree = ws.headTree().orElseThrow();
      ChangeSet changes = ws.diffAgainst(commit);
      java.util.SortedSet<String> all = new java.util.TreeSet<>(changes.changedPaths());
      all.addAll(changes.deletedPaths());
      List<String> dirty = new ArrayList<>();
      for (String p : all) {
        // shipgate's own state (audit log, generated keys) changes on every run and is not what was judged.
        if (!p.startsWith(".shipgate/")) {
          dirty.add(p);
        }
      }
      return new Subject(ws.topLevel(), commit, tree, dirty);
    } catch (GitException e) {
      throw new EvidenceException(e.getMessage(), e);
    }
  }

  /** A commit and its tree. */
  public record Head(String commit, String tree) {}

  /** The repository's HEAD commit and tree when {@code dir} is in a work tree with commits, else empty. */
  public static Optional<Head> head(Path dir) throws EvidenceException {
    try (GitWorkspace ws = find(dir).orElse(null)) {
      if (ws == null || ws.head().isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Head(ws.head().get(), ws.headTree().orElseThrow()));
    }
  }

  /** The top of the work tree enclosing {@code dir}, or {@code dir} itself outside a repository. */
  public static Path root(Path dir) throws EvidenceException {
    try (GitWorkspace ws = find(dir).orElse(null)) {
      return ws == null ? dir.toAbsolutePath().normalize() : ws.topLevel();
    }
  }

  private static Optional<GitWorkspace> find(Path dir) throws EvidenceException {
    try {
      return GitWorkspace.find(dir);
    } catch (GitException e) {
      throw new EvidenceException(e.getMessage(), e);
    }
  }
}
