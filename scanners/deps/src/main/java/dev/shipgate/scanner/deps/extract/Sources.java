package dev.shipgate.scanner.deps.extract;

import dev.shipgate.scanner.deps.Package.Source;
import java.util.Locale;

/** Classifies where an artifact comes from by its resolved URL or specifier. */
final class Sources {

  private Sources() {}

  /**
   * npm-style specifiers and resolved URLs: git forms, {@code file:}/{@code link:} paths, plain tarball URLs;
   * a URL in the registry layout ({@code …/name/-/name-1.0.0.tgz}) is a registry, public or private.
   */
  static Source npm(String resolvedOrSpec) {
    String s = resolvedOrSpec.toLowerCase(Locale.ROOT);
    if (s.isEmpty()) {
      return Source.REGISTRY;
    }
    if (s.startsWith("git+") || s.startsWith("git:") || s.startsWith("git@") || s.startsWith("github:")
        || s.startsWith("gitlab:") || s.startsWith("bitbucket:") || s.startsWith("gist:") || s.startsWith("ssh://")
        || s.contains(".git#") || s.endsWith(".git") || s.startsWith("https://codeload.github.com/")) {
      return Source.GIT;
    }
    if (s.startsWith("file:") || s.startsWith("link:") || s.startsWith("portal:") || s.startsWith("workspace:")
        || s.startsWith(".") || s.startsWith("/")) {
      return Source.FILE;
    }
    if (s.startsWith("http://") || s.startsWith("https://")) {
      return s.contains("/-/") ? Source.REGISTRY : Source.URL;
    }
    // A bare "user/repo" is GitHub shorthand.
    if (s.matches("[a-z0-9][a-z0-9-]*/[a-z0-9._-]+(#.*)?")) {
      return Source.GIT;
    }
    return Source.REGISTRY;
  }

  /** Whether a lockfile's local path is the lockfile's own folder: the project being locked, not a dependency. */
  static boolean isProjectItself(String path) {
    String p = path.strip().replace('\\', '/');
    if (p.startsWith("file:")) {
      p = p.substring(5);
    }
    return p.equals(".") || p.equals("./") || p.isEmpty();
  }
}
