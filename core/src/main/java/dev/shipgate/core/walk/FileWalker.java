package dev.shipgate.core.walk;

import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.policy.Policy;
import dev.shipgate.core.scan.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * Lists the files of a tree that a scan looks at: honours {@code .gitignore} files (and
 * {@code .git/info/exclude}), the policy's include/exclude globs and its size limit, never follows
 * symbolic links, and reports everything it passes over with the reason.
 *
 * <p>Paths are repository-relative: {@code prefix} is the scan root's path below the git top level
 * ("" when scanning the top level or outside git), so reports and diff mode agree with git.
 */
public final class FileWalker {

  /**
   * shipgate's own hash-chained audit log (repository-relative). Every gate run appends to it, so it is never
   * scanned: its digests would look like tokens and reading it would grow with every run.
   */
  public static final String AUDIT_LOG = ".shipgate/audit.jsonl";

  /** What the walk found: files to offer to scanners, files passed over, and how many the policy excluded. */
  public record Result(List<SourceFile> files, List<Coverage.Skipped> skipped, int excludedByPolicy, int ignoredByGit) {}

  private final Path root;
  private final String prefix;
  private final Path gitTop;
  private final Policy policy;

  /**
   * @param root the directory to walk
   * @param gitTop the git top level enclosing root, or null outside git; .gitignore files between it and
   *     root apply too
   */
  public FileWalker(Path root, Path gitTop, Policy policy) {
    this.root = root.toAbsolutePath().normalize();
    this.gitTop = gitTop == null ? null : gitTop.toAbsolutePath().normalize();
    this.policy = policy;
    this.prefix = this.gitTop == null || this.gitTop.equals(this.root) ? "" : toSlash(this.gitTop.relativize(this.root));
  }

  /** The scan root's repository-relative prefix ("" at the top). */
  public String prefix() {
    return prefix;
  }

  /** Walks the whole tree and returns the files sorted by path. */
  public Result walk() throws IOException {
    List<SourceFile> files = new ArrayList<>();
    Result r = walk(files::add);
    files.sort(Comparator.comparing(SourceFile::path));
    return new Result(files, r.skipped(), r.excludedByPolicy(), r.ignoredByGit());
  }

  /**
   * Walks the tree, handing each file to {@code sink} as soon as it is found so scanning can overlap the
   * walk; the returned result carries no files.
   */
  public Result walk(java.util.function.Consumer<SourceFile> sink) throws IOException {
    List<Coverage.Skipped> skipped = new ArrayList<>();
    int[] excluded = {0};
    int[] ignored = {0};
    Deque<Ignores> ignores = new ArrayDeque<>();
    for (Ignores anc : ancestorIgnores()) {
      ignores.push(anc);
    }
    Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        String rel = repoPath(dir);
        if (!dir.equals(root)) {
          String name = dir.getFileName().toString();
          if (name.equals(".git")) {
            return FileVisitResult.SKIP_SUBTREE;
          }
          if (isIgnored(ignores, rel, true)) {
            ignored[0]++;
            return FileVisitResult.SKIP_SUBTREE;
          }
          if (policy.excludesDirectory(rel)) {
            excluded[0]++;
            return FileVisitResult.SKIP_SUBTREE;
          }
        }
        ignores.push(loadIgnores(dir, rel));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
        ignores.pop();
        if (exc != null) {
          skipped.add(new Coverage.Skipped(repoPath(dir) + "/", "directory not fully readable: " + describe(exc)));
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
        String rel = repoPath(file);
        if (isIgnored(ignores, rel, false)) {
          ignored[0]++;
          return FileVisitResult.CONTINUE;
        }
        if (!policy.inScope(rel)) {
          excluded[0]++;
          return FileVisitResult.CONTINUE;
        }
        if (rel.equals(AUDIT_LOG)) {
          skipped.add(new Coverage.Skipped(rel, "shipgate's own audit log"));
          return FileVisitResult.CONTINUE;
        }
        if (attrs.isSymbolicLink()) {
          skipped.add(new Coverage.Skipped(rel, "symbolic link (not followed)"));
          return FileVisitResult.CONTINUE;
        }
        if (!attrs.isRegularFile()) {
          skipped.add(new Coverage.Skipped(rel, "not a regular file"));
          return FileVisitResult.CONTINUE;
        }
        if (attrs.size() > policy.maxFileSize()) {
          skipped.add(new Coverage.Skipped(rel, "larger than the limit (" + attrs.size() + " > " + policy.maxFileSize() + " bytes; limits.max_file_size)"));
          return FileVisitResult.CONTINUE;
        }
        sink.accept(SourceFile.lazy(rel, attrs.size(), () -> Files.readAllBytes(file)));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException exc) {
        String rel = repoPath(file);
        if (!isIgnored(ignores, rel, false) && policy.inScope(rel)) {
          skipped.add(new Coverage.Skipped(rel, "unreadable: " + describe(exc)));
        }
        return FileVisitResult.CONTINUE;
      }
    });
    skipped.sort(Comparator.comparing(Coverage.Skipped::path));
    return new Result(List.of(), skipped, excluded[0], ignored[0]);
  }

  private String repoPath(Path p) {
    String rel = toSlash(root.relativize(p));
    if (prefix.isEmpty()) {
      return rel;
    }
    return rel.isEmpty() ? prefix : prefix + "/" + rel;
  }

  private static String toSlash(Path p) {
    return p.toString().replace('\\', '/');
  }

  private static String describe(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "vanished during the scan";
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  /** The .gitignore rules of one directory, with the directory's repository-relative path. */
  private record Ignores(String dir, IgnoreNode node) {}

  private List<Ignores> ancestorIgnores() throws IOException {
    List<Ignores> out = new ArrayList<>();
    if (gitTop == null) {
      return out;
    }
    Path exclude = gitTop.resolve(".git").resolve("info").resolve("exclude");
    if (Files.isRegularFile(exclude)) {
      out.add(new Ignores("", parse(exclude)));
    }
    if (gitTop.equals(root)) {
      return out;
    }
    // Strict ancestors of root, top first; root's own .gitignore is read when the walk enters it.
    Path dir = gitTop;
    for (Path part : gitTop.relativize(root)) {
      out.add(loadIgnores(dir, toSlash(gitTop.relativize(dir))));
      dir = dir.resolve(part);
    }
    return out;
  }

  private static Ignores loadIgnores(Path dir, String rel) throws IOException {
    Path file = dir.resolve(".gitignore");
    if (!Files.isRegularFile(file)) {
      return new Ignores(rel, null);
    }
    return new Ignores(rel, parse(file));
  }

  private static IgnoreNode parse(Path file) throws IOException {
    IgnoreNode node = new IgnoreNode();
    try (InputStream in = Files.newInputStream(file)) {
      node.parse(in);
    }
    return node;
  }

  /** Git's rule: the deepest .gitignore that has an opinion about the path decides. */
  private static boolean isIgnored(Deque<Ignores> stack, String rel, boolean isDir) {
    for (Ignores ig : stack) {
      if (ig.node() == null) {
        continue;
      }
      String sub = ig.dir().isEmpty() ? rel : rel.startsWith(ig.dir() + "/") ? rel.substring(ig.dir().length() + 1) : null;
      if (sub == null) {
        continue;
      }
      Boolean result = ig.node().checkIgnored(sub, isDir);
      if (result != null) {
        return result;
      }
    }
    return false;
  }
}
