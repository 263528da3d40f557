package dev.shipgate.scanner.deps.extract;

import dev.shipgate.core.scan.SourceFile;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** What an extractor may see besides its own file. */
public interface ExtractContext {

  /** No other files; notes are dropped. */
  ExtractContext NONE = new ExtractContext() {
    @Override
    public Optional<SourceFile> find(String path) {
      return Optional.empty();
    }

    @Override
    public void note(String path, int line, String message) {}
  };

  /** Another file of the repository by normalised repository-relative path, if it exists. */
  Optional<SourceFile> find(String path);

  /** Every scanned file with this file name (e.g. all {@code pom.xml}), for lookups by content such as BOMs. */
  default java.util.List<SourceFile> named(String fileName) {
    return java.util.List.of();
  }

  /**
   * Every scanned file directly in {@code directory} (repository-relative, ending in {@code /}), sorted by path, for
   * formats split over one file per part (Gradle's per-configuration lockfiles).
   */
  default java.util.List<SourceFile> inDirectory(String directory) {
    return java.util.List.of();
  }

  /**
   * A POM of the local Maven repository ({@code <group path>/<artifact>/<version>/<artifact>-<version>.pom}), for
   * parents and BOMs that are not files of the scanned repository; empty when it is not there or no local repository
   * is read.
   */
  default Optional<SourceFile> repositoryPom(String groupId, String artifactId, String version) {
    return Optional.empty();
  }

  /**
   * Whether a repository-relative file or directory exists in the scanned tree (Maven's file-activated profiles);
   * empty when that cannot be known. By default only the files {@link #find} sees count.
   */
  default Optional<Boolean> exists(String path) {
    return find(path).isPresent() ? Optional.of(true) : Optional.empty();
  }

  /**
   * What the policy states about the Maven build CI runs ({@code scanners.deps.maven_build}: its JDK and OS, {@code -D},
   * {@code -P}), applied over each POM's {@code .mvn} configuration; {@link MavenProfiles.Build#PLAIN} when nothing.
   */
  default MavenProfiles.Build statedMavenBuild() {
    return MavenProfiles.Build.PLAIN;
  }

  /** Something the extractor could not follow (a missing include) that does not make the file unreadable. */
  void note(String path, int line, String message);

  /** Joins {@code relative} to {@code directory} and resolves {@code .} and {@code ..}; null when it leaves the repository. */
  static String resolve(String directory, String relative) {
    if (relative.startsWith("/") || relative.contains("\\") || relative.contains(":")) {
      return null;
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String p : (directory + relative).split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.removeLast();
      } else {
        parts.addLast(p);
      }
    }
    return String.join("/", parts);
  }
}
