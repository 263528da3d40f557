package dev.shipgate.git;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.eclipse.jgit.diff.ContentSource;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.ObjectStream;

/**
 * Work-tree files as git would see them before any filter: raw bytes, read without following symlinks. JGit's own
 * working-tree source runs clean filters configured by the scanned repository, which may be arbitrary programs.
 */
final class WorkTreeContent extends ContentSource {

  /** Above this, files are streamed instead of held in memory (matches JGit's default stream threshold). */
  private static final long IN_MEMORY_LIMIT = 50L * 1024 * 1024;

  private final Path topLevel;
  private final ObjectReader reader;
  private final Set<String> fromBlob;

  /** @param fromBlob after paths served from the object database instead of the disk (sparse checkout) */
  WorkTreeContent(Path topLevel, ObjectReader reader, Set<String> fromBlob) {
    this.topLevel = topLevel;
    this.reader = reader;
    this.fromBlob = fromBlob;
  }

  static Path resolve(Path topLevel, String path) {
    Path file = topLevel;
    for (String part : path.split("/")) {
      file = file.resolve(part);
    }
    return file;
  }

  /** The blob id the file's bytes would get, without filters or line-ending conversion. */
  static ObjectId hash(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      long size = Files.size(file);
      return new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, size, new BufferedInputStream(in));
    } catch (EOFException e) {
      throw new IOException("the file changed while it was being read; run again", e);
    }
  }

  /**
   * The blob id of the Git LFS pointer that {@code git lfs clean} would store for the file: the pointer format is
   * fixed (version, sha256 oid, size, in that order), so it is computed here instead of running the filter.
   */
  static ObjectId lfsPointerId(Path file) throws IOException {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IOException("SHA-256 is not available in this JVM", e);
    }
    long size = 0;
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha256.update(buffer, 0, n);
        size += n;
      }
    }
    String pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:" + HexFormat.of().formatHex(sha256.digest())
        + "\nsize " + size + "\n";
    return new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, Constants.encode(pointer));
  }

  /** The blob id of a symlink: git stores the link target as the content. */
  static ObjectId hashLink(Path link) throws IOException {
    String target = Files.readSymbolicLink(link).toString().replace('\\', '/');
    return new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, Constants.encode(target));
  }

  @Override
  public long size(String path, ObjectId id) throws IOException {
    if (fromBlob.contains(path)) {
      return reader.getObjectSize(id, Constants.OBJ_BLOB);
    }
    return Files.size(resolve(topLevel, path));
  }

  @Override
  public ObjectLoader open(String path, ObjectId id) throws IOException {
    if (fromBlob.contains(path)) {
      return reader.open(id, Constants.OBJ_BLOB);
    }
    Path file = resolve(topLevel, path);
    long size = Files.size(file);
    if (size <= IN_MEMORY_LIMIT) {
      try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
        return new ObjectLoader.SmallObject(Constants.OBJ_BLOB, in.readAllBytes());
      }
    }
    return new ObjectLoader() {
      @Override
      public int getType() {
        return Constants.OBJ_BLOB;
      }

      @Override
      public long getSize() {
        return size;
      }

      @Override
      public boolean isLarge() {
        return true;
      }

      @Override
      public byte[] getCachedBytes() throws LargeObjectException {
        throw new LargeObjectException(id);
      }

      @Override
      public ObjectStream openStream() throws IOException {
        return new ObjectStream.Filter(Constants.OBJ_BLOB, size,
            new BufferedInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)));
      }
    };
  }
}
