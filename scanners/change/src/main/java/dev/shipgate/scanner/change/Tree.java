package dev.shipgate.scanner.change;

import dev.shipgate.core.scan.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The few files the family reads from the work tree (CODEOWNERS, notes, records): the engine's copy when it offered
 * one, else the file on disk, never through a symlink and never larger than a limit.
 */
final class Tree {

  private final Path top;
  private final Map<String, SourceFile> offered;

  Tree(Path top, Map<String, SourceFile> offered) {
    this.top = top;
    this.offered = offered;
  }

  /** A file's bytes; empty when it does not exist. Throws {@link TooLarge} past {@code limit}. */
  Optional<byte[]> read(String path, int limit) throws IOException {
    SourceFile f = offered.get(path);
    if (f != null) {
      if (f.size() > limit) {
        throw new TooLarge(path, f.size(), limit);
      }
      return Optional.of(f.bytes());
    }
    Path file = resolve(path);
    if (file == null || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    long size = Files.size(file);
    if (size > limit) {
      throw new TooLarge(path, size, limit);
    }
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of(in.readNBytes(limit + 1));
    }
  }

  /** Every file below a directory (repository-relative), at most {@code max}, sorted. */
  TreeSet<String> list(String dir, int max) throws IOException {
    TreeSet<String> out = new TreeSet<>();
    for (String p : offered.keySet()) {
      if (p.startsWith(dir + "/")) {
        out.add(p);
      }
    }
    Path d = resolve(dir);
    if (d != null && Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
      walk(d, dir, out, max, 0);
    }
    return out;
  }

  private static void walk(Path d, String rel, TreeSet<String> out, int max, int depth) throws IOException {
    if (depth > 4) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(d)) {
      for (Path e : entries) {
        if (out.size() >= max) {
          return;
        }
        String name = rel + "/" + e.getFileName();
        if (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
          walk(e, name, out, max, depth + 1);
        } else {
          out.add(name);
        }
      }
    }
  }

  /** The path on disk, or null when any part of it is a symlink (which could point outside the work tree). */
  private Path resolve(String path) {
    Path file = top;
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        return null;
      }
      file = file.resolve(part);
      if (Files.isSymbolicLink(file)) {
        return null;
      }
    }
    return file;
  }

  /** A file past the family's size limit for its kind. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(String path, long size, int limit) {
      super(path + " is " + size + " bytes, more than the " + limit + " bytes such a file may have; it was not read");
    }
  }
}
