package dev.shipgate.git;

import java.io.File;
import java.util.Locale;
import org.eclipse.jgit.util.FS;

/**
 * Process-wide JGit settings that keep shipgate from starting programs or stalling on first use. {@link
 * GitWorkspace#find} applies them; code that opens repositories with JGit directly should call {@link #init()} first.
 */
public final class JGitSetup {

  private static boolean done;

  private JGitSetup() {}

  /**
   * Tells JGit where the system git config is: left alone, JGit runs {@code git --version} and {@code git config
   * --system} from the PATH to find it the first time a repository is opened. And lets JGit measure the file
   * system's timestamp resolution in the background: otherwise the first read of a repository on a machine that has
   * not cached the measurement in ~/.config/jgit (every fresh CI runner) blocks for about three seconds. Until the
   * measurement arrives JGit assumes coarse timestamps, which only makes it re-check more files by content.
   */
  public static synchronized void init() {
    if (!done) {
      FS.DETECTED.setGitSystemConfig(systemConfig());
      FS.FileStoreAttributes.setBackground(true);
      done = true;
    }
  }

  private static File systemConfig() {
    String named = System.getenv("GIT_CONFIG_SYSTEM");
    if (named != null && !named.isEmpty()) {
      return new File(named);
    }
    if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
      String programFiles = System.getenv("ProgramFiles");
      File gitForWindows = new File(programFiles == null ? "C:\\Program Files" : programFiles, "Git\\etc\\gitconfig");
      return gitForWindows.isFile() ? gitForWindows : null;
    }
    File etc = new File("/etc/gitconfig");
    return etc.isFile() ? etc : null;
  }
}
