package dev.shipgate.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.FS_POSIX;
import org.eclipse.jgit.util.SystemReader;

/**
 * JGit for tests in any module (this module's test jar): repositories created in temporary directories, with no
 * git binary, no hooks, and no user or system configuration of the machine the tests run on.
 */
public final class IsolatedGit {

  private static boolean isolated;

  private IsolatedGit() {}

  /** A new repository at {@code dir} on branch {@code main} whose hooks can never run. */
  public static Git init(Path dir) throws GitAPIException, IOException {
    isolate();
    Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    StoredConfig config = git.getRepository().getConfig();
    // hooksPath points at a directory that does not exist, so commits made by tests run no hook.
    config.setString("core", null, "hooksPath", dir.resolve(".git/no-hooks").toString());
    config.save();
    return git;
  }

  /**
   * Makes JGit ignore the developer's ~/.gitconfig (autocrlf, signing, hooksPath) and never run {@code git} or
   * {@code sh} to find the system config or the umask. Idempotent.
   */
  public static synchronized void isolate() {
    if (isolated) {
      return;
    }
    JGitSetup.init();
    // The file system's timestamp resolution is measured synchronously: a background probe still writing into a
    // repository's directory would race with JUnit deleting the temporary directory.
    FS.FileStoreAttributes.setBackground(false);
    if (FS.DETECTED instanceof FS_POSIX posix) {
      posix.setUmask(0022);
    }
    SystemReader machine = SystemReader.getInstance();
    SystemReader.setInstance(new SystemReader() {
      @Override
      public String getHostname() {
        return "localhost";
      }

      @Override
      public String getenv(String variable) {
        return variable.startsWith("GIT_") ? null : machine.getenv(variable);
      }

      @Override
      public String getProperty(String key) {
        return machine.getProperty(key);
      }

      @Override
      public FileBasedConfig openUserConfig(Config parent, FS fs) {
        FileBasedConfig user = empty(parent, fs);
        // What JGit caches in ~/.config/jgit after measuring the file system once, so it writes no probe files into
        // test repositories. 10 ms is coarser than any file system the tests run on: racily-clean files are still seen.
        String store = fileStoreKey();
        if (store != null) {
          user.setString("filesystem", store, "timestampResolution", "10 milliseconds");
          user.setString("filesystem", store, "minRacyThreshold", "10 milliseconds");
        }
        return user;
      }

      @Override
      public FileBasedConfig openSystemConfig(Config parent, FS fs) {
        return empty(parent, fs);
      }

      @Override
      public FileBasedConfig openJGitConfig(Config parent, FS fs) {
        return empty(parent, fs);
      }

      @Override
      @SuppressWarnings("deprecation") // abstract in SystemReader, so it must be implemented
      public long getCurrentTime() {
        return machine.getCurrentTime();
      }

      @Override
      @SuppressWarnings("deprecation") // abstract in SystemReader, so it must be implemented
      public int getTimezone(long when) {
        return machine.getTimezone(when);
      }
    });
    isolated = true;
  }

  /** JGit's key for the file system of the temporary directory: JVM vendor, version and file-store name. */
  private static String fileStoreKey() {
    try {
      FileStore store = Files.getFileStore(Path.of(System.getProperty("java.io.tmpdir")));
      return System.getProperty("java.vendor") + '|' + System.getProperty("java.version") + '|' + store.name();
    } catch (IOException e) {
      return null;
    }
  }

  private static FileBasedConfig empty(Config parent, FS fs) {
    return new FileBasedConfig(parent, (File) null, fs) {
      @Override
      public void load() {}

      @Override
      public void save() {}

      @Override
      public boolean isOutdated() {
        return false;
      }
    };
  }
}
