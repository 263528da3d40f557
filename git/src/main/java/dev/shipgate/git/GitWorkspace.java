package dev.shipgate.git;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.jgit.diff.ContentSource;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.CoreConfig.EolStreamType;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.TreeWalk.OperationType;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.WorkingTreeIterator.MetadataDiff;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.io.EolStreamTypeUtil;

/**
 * A git work tree opened with JGit, read-only: shipgate never writes to the repository and never runs anything it
 * configures (hooks, clean/smudge filters, LFS).
 */
public final class GitWorkspace implements AutoCloseable {

  private static final Pattern HEX_ID = Pattern.compile("[0-9a-fA-F]{7,64}");
  /** Line-ending normalisation is tried only on files up to this size; larger ones compare by raw bytes. */
  private static final long EOL_CHECK_LIMIT = 16L * 1024 * 1024;

  private final Repository repo;
  private final Path topLevel;
  private final Path realTopLevel;

  private GitWorkspace(Repository repo, Path topLevel, Path realTopLevel) {
    this.repo = repo;
    this.topLevel = topLevel;
    this.realTopLevel = realTopLevel;
  }

  /**
   * The repository enclosing dir (searching upward, honouring GIT_DIR-less discovery), or empty when dir is not in a
   * work tree. Bare repos: empty.
   */
  public static Optional<GitWorkspace> find(Path dir) throws GitException {
    Path start = dir.toAbsolutePath().normalize();
    if (Files.isRegularFile(start)) {
      start = start.getParent();
    }
    if (!mayBeInside(start)) {
      return Optional.empty(); // JGit's set-up costs a tenth of a small scan's start-up; nothing to open here
    }
    JGitSetup.init();
    // No readEnvironment(): GIT_DIR and friends of the calling shell must not redirect the scan.
    FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true).findGitDir(start.toFile());
    if (builder.getGitDir() == null) {
      return Optional.empty();
    }
    Repository repo;
    try {
      repo = builder.build();
    } catch (IOException | IllegalArgumentException e) {
      throw new GitException("cannot open the git repository at " + builder.getGitDir() + ": " + e.getMessage()
          + ". Check that it is a valid repository (git status), or scan without diff mode.", e);
    }
    if (repo.isBare()) {
      repo.close();
      return Optional.empty();
    }
    Path top = repo.getWorkTree().toPath().toAbsolutePath().normalize();
    Path gitDir = repo.getDirectory().toPath().toAbsolutePath().normalize();
    if (start.startsWith(gitDir) && !top.startsWith(gitDir)) {
      repo.close();
      return Optional.empty(); // inside .git: not part of the work tree
    }
    Path real;
    try {
      real = top.toRealPath();
    } catch (IOException e) {
      repo.close();
      throw new GitException("the work tree " + top + " of " + gitDir + " is not readable: " + e.getMessage(), e);
    }
    return Optional.of(new GitWorkspace(repo, top, real));
  }

  /**
   * Whether {@code dir} or a directory above it has a {@code .git} entry (directory, file or link), which every work
   * tree has: a cheap test that needs no JGit.
   */
  public static boolean mayBeInside(Path dir) {
    for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The work tree's top-level directory as {@link #find} discovers it, without starting JGit: the nearest directory at
   * or above {@code dir} whose {@code .git} is a directory holding {@code HEAD} and {@code objects}, or a file naming its
   * git directory ({@code gitdir:}, worktrees and submodules); empty inside a {@code .git} directory or outside a work
   * tree. It can differ from {@link #find} only for layouts it does not read ({@code core.worktree}): callers that use
   * it before the repository is open compare the two afterwards.
   */
  public static Optional<Path> topLevelOf(Path dir) {
    Path start = dir.toAbsolutePath().normalize();
    for (Path d = start; d != null; d = d.getParent()) {
      Path git = d.resolve(".git");
      boolean repository = Files.isDirectory(git)
          ? Files.isRegularFile(git.resolve("HEAD")) && Files.isDirectory(git.resolve("objects"))
          : Files.isRegularFile(git) && namesGitDir(git);
      if (repository) {
        return start.startsWith(git) ? Optional.empty() : Optional.of(d);
      }
    }
    return Optional.empty();
  }

  private static boolean namesGitDir(Path gitFile) {
    try (InputStream in = Files.newInputStream(gitFile)) {
      return java.util.Arrays.equals(in.readNBytes(GITDIR.length), GITDIR);
    } catch (IOException e) {
      return false;
    }
  }

  private static final byte[] GITDIR = "gitdir:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  public Path topLevel() {
    return topLevel;
  }

  /**
   * Repository-relative path with '/' for a path on disk inside the work tree.
   *
   * @throws IllegalArgumentException when the path is outside the work tree
   */
  public String relativize(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path rel = null;
    if (abs.startsWith(topLevel)) {
      rel = topLevel.relativize(abs);
    } else if (abs.startsWith(realTopLevel)) {
      rel = realTopLevel.relativize(abs);
    } else {
      Path real = realPathOfExistingPart(abs);
      if (real.startsWith(realTopLevel)) {
        rel = realTopLevel.relativize(real);
      }
    }
    if (rel == null) {
      throw new IllegalArgumentException(p + " is outside the git work tree " + topLevel);
    }
    return rel.toString().replace(File.separatorChar, '/');
  }

  /** Resolves symlinks in the longest existing prefix of a path (e.g. /tmp vs /private/tmp on macOS). */
  private static Path realPathOfExistingPart(Path abs) {
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
    } catch (IOException e) {
      return abs;
    }
  }

  /** HEAD's commit id, or empty in a repository without commits. */
  public Optional<String> head() {
    try {
      return Optional.ofNullable(repo.resolve(Constants.HEAD)).map(ObjectId::name);
    } catch (IOException | RevisionSyntaxException e) {
      throw new UncheckedIOException(new IOException("cannot read HEAD of " + topLevel + ": " + e.getMessage(), e));
    }
  }

  /** The tree id of HEAD's commit (what an attestation names besides the commit), or empty without commits. */
  public Optional<String> headTree() {
    try (RevWalk walk = new RevWalk(repo)) {
      ObjectId headId = repo.resolve(Constants.HEAD);
      return headId == null ? Optional.empty() : Optional.of(walk.parseCommit(headId).getTree().name());
    } catch (IOException | RevisionSyntaxException e) {
      throw new UncheckedIOException(new IOException("cannot read HEAD's tree in " + topLevel + ": " + e.getMessage(), e));
    }
  }

  /** True when the repository is a shallow clone (history cut off at some commits). */
  public boolean isShallow() {
    for (File dir : new File[] {repo.getDirectory(), repo.getCommonDirectory()}) {
      File shallow = new File(dir, "shallow");
      if (shallow.isFile() && shallow.length() > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Changes between the merge base of HEAD and ref, and the WORKING TREE (tracked files plus untracked, not ignored
   * files). Fails with GitException when ref does not resolve (naming similar refs that exist), when there is no merge
   * base, and when the repository is shallow and the base is missing.
   */
  public ChangeSet diffAgainst(String ref) throws GitException {
    ObjectId headId;
    try {
      headId = repo.resolve(Constants.HEAD);
    } catch (IOException | RevisionSyntaxException e) {
      throw new GitException("cannot read HEAD of " + topLevel + ": " + e.getMessage(), e);
    }
    if (headId == null) {
      throw new GitException("HEAD has no commits yet in " + topLevel
          + ", so there is nothing to compare with '" + ref + "'. Commit first, or check staged files instead.");
    }
    ObjectId target = resolve(ref);
    RevCommit base = mergeBase(headId, target, ref);
    try (ObjectReader reader = repo.newObjectReader()) {
      DirCache index = repo.readDirCache();
      ChangeCollector changes = new ChangeCollector();
      walkWorkTree(reader, base.getTree(), index, changes);
      changes.resolveAdded();
      SortedMap<String, String> renames = Renames.detect(repo, reader, changes.deleted, changes.added,
          new WorkTreeContent(topLevel, reader, changes.afterFromBlob));
      return new GitChangeSet(repo, topLevel, "base", ref, base.name(), base.getTree(), null, changes, renames);
    } catch (IOException e) {
      throw unreadable("the changes since " + ref + " (merge base " + base.name() + ")", null, e);
    }
  }

  /** Staged changes: the index against HEAD (or against the empty tree when there is no commit yet). */
  public ChangeSet staged() throws GitException {
    RevCommit head = null;
    try (RevWalk walk = new RevWalk(repo)) {
      ObjectId headId = repo.resolve(Constants.HEAD);
      if (headId != null) {
        head = walk.parseCommit(headId);
      }
    } catch (IOException | RevisionSyntaxException e) {
      throw new GitException("cannot read the HEAD commit of " + topLevel + ": " + e.getMessage()
          + ". The repository may be corrupt: run `git fsck`.", e);
    }
    try (ObjectReader reader = repo.newObjectReader()) {
      DirCache index = repo.readDirCache();
      ChangeCollector changes = new ChangeCollector();
      walkIndex(reader, head == null ? null : head.getTree(), index, changes);
      changes.resolveAdded();
      SortedMap<String, String> renames = Renames.detect(repo, reader, changes.deleted, changes.added,
          ContentSource.create(reader));
      return new GitChangeSet(repo, topLevel, "staged", Constants.HEAD, head == null ? "" : head.name(),
          head == null ? null : head.getTree(), index, changes, renames);
    } catch (IOException e) {
      throw unreadable("the staged changes", null, e);
    }
  }

  /** One commit of a change: who wrote it and its full message (trailers included). */
  public record Commit(String id, String authorName, String authorEmail, String committerName, String committerEmail,
      String message, List<String> paths) {}

  /** Lines that differ between two versions of a file, 1-based; a count of 0 marks a pure insertion or deletion. */
  public record Hunk(int beforeStart, int beforeLines, int afterStart, int afterLines) {}

  /** The checked-out branch's short name, or empty when HEAD is detached (typical for CI checkouts). */
  public Optional<String> branch() {
    try {
      String full = repo.getFullBranch();
      return full != null && full.startsWith(Constants.R_HEADS)
          ? Optional.of(full.substring(Constants.R_HEADS.length())) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(new IOException("cannot read HEAD of " + topLevel + ": " + e.getMessage(), e));
    }
  }

  /**
   * The commits reachable from HEAD but not from {@code baseCommit} (the change since a merge base), newest first, at
   * most {@code limit}; each lists the paths it touched compared with its first parent.
   */
  public List<Commit> commitsSince(String baseCommit, int limit) throws GitException {
    ObjectId headId;
    try {
      headId = repo.resolve(Constants.HEAD);
    } catch (IOException | RevisionSyntaxException e) {
      throw new GitException("cannot read HEAD of " + topLevel + ": " + e.getMessage(), e);
    }
    List<Commit> out = new ArrayList<>();
    if (headId == null) {
      return out;
    }
    try (RevWalk walk = new RevWalk(repo); ObjectReader reader = repo.newObjectReader()) {
      walk.markStart(walk.parseCommit(headId));
      if (!baseCommit.isEmpty()) {
        walk.markUninteresting(walk.parseCommit(ObjectId.fromString(baseCommit)));
      }
      for (RevCommit c : walk) {
        if (out.size() >= limit) {
          break;
        }
        PersonIdent a = c.getAuthorIdent();
        PersonIdent m = c.getCommitterIdent();
        out.add(new Commit(c.name(), a.getName(), a.getEmailAddress(), m.getName(), m.getEmailAddress(),
            c.getFullMessage(), touchedPaths(reader, walk, c)));
      }
    } catch (IOException | IllegalArgumentException e) {
      throw unreadable("the commits since " + baseCommit, null, e);
    }
    return out;
  }

  private List<String> touchedPaths(ObjectReader reader, RevWalk walk, RevCommit c) throws IOException {
    List<String> paths = new ArrayList<>();
    try (TreeWalk tw = new TreeWalk(repo, reader)) {
      tw.setRecursive(true);
      if (c.getParentCount() > 0) {
        tw.addTree(walk.parseCommit(c.getParent(0)).getTree());
      } else {
        tw.addTree(new EmptyTreeIterator());
      }
      tw.addTree(c.getTree());
      tw.setFilter(TreeFilter.ANY_DIFF);
      while (tw.next()) {
        paths.add(tw.getPathString());
      }
    }
    return paths;
  }

  /** The regions that differ between two versions of a file (histogram diff, as {@code git diff} uses). */
  public static List<Hunk> hunks(byte[] before, byte[] after) {
    List<Hunk> out = new ArrayList<>();
    for (Edit e : new HistogramDiff().diff(RawTextComparator.DEFAULT, new RawText(before), new RawText(after))) {
      out.add(new Hunk(e.getBeginA() + 1, e.getLengthA(), e.getBeginB() + 1, e.getLengthB()));
    }
    return out;
  }


  @Override
  public void close() {
    repo.close();
  }

  @Override
  public String toString() {
    return "git work tree " + topLevel;
  }

  // ---------------------------------------------------------------------------------------------------------------

  private ObjectId resolve(String ref) throws GitException {
    ObjectId id;
    try {
      id = repo.resolve(ref);
    } catch (AmbiguousObjectException e) {
      throw new GitException("'" + ref + "' is an ambiguous abbreviated commit id: use more characters or a ref name.",
          e);
    } catch (RevisionSyntaxException e) {
      throw new GitException("'" + ref + "' is not a valid git revision: name a branch, tag or commit (e.g. origin/main).",
          e);
    } catch (IOException e) {
      throw new GitException("cannot resolve '" + ref + "' in " + topLevel + ": " + e.getMessage(), e);
    }
    if (id != null) {
      return id;
    }
    if (isShallow() && HEX_ID.matcher(ref).matches()) {
      throw new GitException(shallowMessage(ref));
    }
    List<String> similar = SimilarRefs.rank(ref, refNames());
    throw new GitException("unknown git ref '" + ref + "': no branch, tag or commit of that name in " + topLevel + ". "
        + (similar.isEmpty() ? "No existing ref looks similar. " : "Similar refs that exist: " + String.join(", ", similar)
        + ". ") + "In CI, fetch the base branch first (e.g. `git fetch origin main`, or `fetch-depth: 0` in "
        + "actions/checkout).");
  }

  private Set<String> refNames() {
    Set<String> names = new TreeSet<>();
    try {
      for (Ref r : repo.getRefDatabase().getRefs()) {
        names.add(Repository.shortenRefName(r.getName()));
      }
    } catch (IOException e) {
      // Only used to suggest names: an unreadable ref database leaves the suggestions empty.
    }
    return names;
  }

  private String shallowMessage(String ref) {
    return "this is a shallow clone and the history needed to compare HEAD with '" + ref + "' is missing. "
        + "Fetch the full history: set `fetch-depth: 0` in actions/checkout, or run `git fetch --unshallow`.";
  }

  private RevCommit mergeBase(ObjectId headId, ObjectId target, String ref) throws GitException {
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit head = parseCommit(walk, headId, "HEAD");
      RevCommit other = parseCommit(walk, target, ref);
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(head);
      walk.markStart(other);
      RevCommit base = walk.next();
      if (base == null) {
        if (isShallow()) {
          throw new GitException(shallowMessage(ref));
        }
        throw new GitException("HEAD and '" + ref + "' have no common history (no merge base). Compare against the "
            + "branch this one was created from.");
      }
      walk.parseBody(base);
      return base;
    } catch (MissingObjectException e) {
      if (isShallow()) {
        throw new GitException(shallowMessage(ref), e);
      }
      throw unreadable("the history between HEAD and " + ref, e.getObjectId(), e);
    } catch (IOException e) {
      throw unreadable("the history between HEAD and " + ref, null, e);
    }
  }

  private RevCommit parseCommit(RevWalk walk, ObjectId id, String name) throws GitException {
    try {
      return walk.parseCommit(id);
    } catch (MissingObjectException e) {
      if (isShallow()) {
        throw new GitException(shallowMessage(name), e);
      }
      throw unreadable("commit " + id.name() + " ('" + name + "')", id, e);
    } catch (IncorrectObjectTypeException e) {
      throw new GitException("'" + name + "' names " + id.name() + ", which is not a commit: name a branch, tag or "
          + "commit.", e);
    } catch (IOException e) {
      throw unreadable("commit " + id.name() + " ('" + name + "')", id, e);
    }
  }

  /** A failure to read the repository, naming what was being read and the object, with what to do about it. */
  static GitException unreadable(String what, AnyObjectId id, Exception e) {
    String object = id == null ? "" : " (object " + id.name() + ")";
    String hint = e instanceof MissingObjectException
        ? "the object is missing: if this is a partial clone (--filter), clone without a filter; otherwise run `git fsck`."
        : "the repository may be corrupt: run `git fsck`, and re-clone if it reports errors.";
    return new GitException("cannot read " + what + object + ": " + e.getMessage() + "; " + hint, e);
  }

  /**
   * Base tree vs. the working tree, with the index beside them: the index says what is tracked (tracked files are never
   * ignored) and gives a content id for files whose size and timestamp still match it, so most files are not read.
   */
  private void walkWorkTree(ObjectReader reader, RevTree baseTree, DirCache index, ChangeCollector changes)
      throws IOException, GitException {
    try (TreeWalk walk = new TreeWalk(repo, reader)) {
      walk.setOperationType(OperationType.CHECKIN_OP);
      walk.setRecursive(false);
      int base = walk.addTree(baseTree);
      int idx = walk.addTree(new DirCacheIterator(index));
      FileTreeIterator files = new FileTreeIterator(repo);
      int wt = walk.addTree(files);
      files.setDirCacheIterator(walk, idx);
      while (walk.next()) {
        DirCacheIterator indexed = walk.getTree(idx, DirCacheIterator.class);
        WorkingTreeIterator file = walk.getTree(wt, WorkingTreeIterator.class);
        boolean inBase = walk.getRawMode(base) != 0;
        if (walk.isSubtree()) {
          // An ignored directory with nothing tracked in it (node_modules, build output) is never entered.
          if (inBase || indexed != null || file == null || !file.isEntryIgnored()) {
            walk.enterSubtree();
          }
          continue;
        }
        String path = walk.getPathString();
        DirCacheEntry entry = indexed == null ? null : indexed.getDirCacheEntry();
        FileMode afterMode = FileMode.MISSING;
        boolean fromIndex = false;
        if (entry != null && entry.getFileMode() == FileMode.GITLINK) {
          // A submodule's recorded commit lives in the index, checked out or not (CI often skips submodules).
          afterMode = FileMode.GITLINK;
        } else if (file != null && (entry != null || !file.isEntryIgnored())) {
          afterMode = file.getEntryFileMode();
        } else if (file == null && entry != null && entry.isSkipWorkTree()) {
          afterMode = entry.getFileMode(); // sparse checkout: the file is absent on purpose, the index holds it
          fromIndex = true;
        }
        FileMode mode = afterMode;
        ObjectId beforeId = inBase ? walk.getObjectId(base) : null;
        ChangeCollector.IdSource afterId;
        if (fromIndex) {
          afterId = entry::getObjectId;
        } else if (mode == FileMode.GITLINK || ChangeCollector.isFile(walk.getFileMode(base))) {
          afterId = () -> diskId(path, mode, file, entry);
        } else {
          afterId = () -> hashDisk(path, mode); // a new file: hashed later, and only if a rename is possible
        }
        ChangeCollector.SameContent sameStored = fromIndex ? null : before -> sameStoredContent(walk, path, before);
        changes.record(path, walk.getFileMode(base), beforeId, afterMode, afterId, fromIndex,
            entry != null && entry.getFileMode() == FileMode.GITLINK ? "submodule" : "nested repository",
            sameStored);
      }
    }
  }

  private ObjectId diskId(String path, FileMode mode, WorkingTreeIterator file, DirCacheEntry entry)
      throws GitException {
    if (mode == FileMode.GITLINK) {
      // What the index records, not the nested repository's current HEAD; untracked nested repositories have none.
      return entry != null && entry.getFileMode() == FileMode.GITLINK ? entry.getObjectId() : ObjectId.zeroId();
    }
    if (entry != null && entry.getStage() == DirCacheEntry.STAGE_0 && !entry.isIntentToAdd()
        && sameType(entry.getFileMode(), mode) && file.compareMetadata(entry) == MetadataDiff.EQUAL) {
      return entry.getObjectId();
    }
    return hashDisk(path, mode);
  }

  private ObjectId hashDisk(String path, FileMode mode) throws GitException {
    Path onDisk = WorkTreeContent.resolve(topLevel, path);
    try {
      return mode == FileMode.SYMLINK ? WorkTreeContent.hashLink(onDisk) : WorkTreeContent.hash(onDisk);
    } catch (IOException e) {
      throw new GitException("cannot read " + path + " in the work tree: " + e.getMessage(), e);
    }
  }

  /** File vs. symlink vs. gitlink; the executable bit does not matter. */
  private static boolean sameType(FileMode a, FileMode b) {
    return (a.getBits() & FileMode.TYPE_MASK) == (b.getBits() & FileMode.TYPE_MASK);
  }

  /**
   * Whether a file whose raw bytes differ from the before blob would still be stored as that blob. Two conversions
   * are replayed in-process, never by running a configured filter: line endings (core.autocrlf, {@code text} and
   * {@code eol} attributes: CRLF on disk, LF stored) and Git LFS (real content on disk, a pointer stored), so that a
   * fresh checkout does not report every such file as changed when its index timestamps cannot be trusted.
   */
  private boolean sameStoredContent(TreeWalk walk, String path, ObjectId before) throws IOException, GitException {
    Path onDisk = WorkTreeContent.resolve(topLevel, path);
    try {
      if ("lfs".equals(walk.getAttributes().getValue("filter"))) {
        return before.equals(WorkTreeContent.lfsPointerId(onDisk));
      }
      EolStreamType type = walk.getEolStreamType(OperationType.CHECKIN_OP);
      if (type == null || type == EolStreamType.DIRECT || Files.size(onDisk) > EOL_CHECK_LIMIT) {
        return false;
      }
      ByteArrayOutputStream converted = new ByteArrayOutputStream();
      try (InputStream in = EolStreamTypeUtil.wrapInputStream(
          Files.newInputStream(onDisk, LinkOption.NOFOLLOW_LINKS), type)) {
        in.transferTo(converted);
      }
      return before.equals(new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, converted.toByteArray()));
    } catch (IOException e) {
      throw new GitException("cannot read " + path + " in the work tree: " + e.getMessage(), e);
    }
  }

  /** HEAD's tree (or nothing) vs. the index; everything staged is already a blob in the object database. */
  private void walkIndex(ObjectReader reader, RevTree headTree, DirCache index, ChangeCollector changes)
      throws IOException, GitException {
    try (TreeWalk walk = new TreeWalk(repo, reader)) {
      walk.setRecursive(true);
      int base = headTree == null ? walk.addTree(new EmptyTreeIterator()) : walk.addTree(headTree);
      int idx = walk.addTree(new DirCacheIterator(index));
      walk.setFilter(TreeFilter.ANY_DIFF);
      List<String> unmerged = new ArrayList<>();
      while (walk.next()) {
        String path = walk.getPathString();
        DirCacheIterator indexed = walk.getTree(idx, DirCacheIterator.class);
        DirCacheEntry entry = indexed == null ? null : indexed.getDirCacheEntry();
        if (entry != null && entry.getStage() != DirCacheEntry.STAGE_0) {
          unmerged.add(path);
          continue;
        }
        boolean staged = entry != null && !entry.isIntentToAdd();
        FileMode afterMode = staged ? entry.getFileMode() : FileMode.MISSING;
        ObjectId beforeId = walk.getRawMode(base) != 0 ? walk.getObjectId(base) : null;
        changes.record(path, walk.getFileMode(base), beforeId, afterMode, () -> entry.getObjectId(), true,
            "submodule", null);
      }
      for (String path : unmerged) {
        changes.skipped.put(path, "unmerged"); // a conflict in progress has no single staged version
      }
    }
  }
}
