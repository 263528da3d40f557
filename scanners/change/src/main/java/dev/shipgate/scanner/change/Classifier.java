package dev.shipgate.scanner.change;

import com.google.re2j.Pattern;
import dev.shipgate.core.scan.Binary;
import dev.shipgate.git.GitWorkspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts a change into risk tiers: by path globs, and by the content of the lines it adds or removes (removing a
 * permission check is as sensitive as adding one).
 */
public final class Classifier {

  /** Files larger than this are classified by path only. */
  static final int MAX_CONTENT_BYTES = 2 * 1024 * 1024;

  /** Why a file is in a tier; {@code line} is on the after side, 0 for a path match or a deleted file. */
  public record Hit(String path, int line, String why) {}

  /** One changed file: its path and content on both sides (empty arrays for a missing side). */
  public record FileChange(String path, String beforePath, byte[] before, byte[] after, boolean deleted) {}

  private final ChangePolicy policy;

  public Classifier(ChangePolicy policy) {
    this.policy = policy;
  }

  /** Tier name to the hits in it, in tier order; tiers nothing matched are absent. */
  public Map<String, List<Hit>> classify(List<FileChange> files) {
    Map<String, List<Hit>> out = new LinkedHashMap<>();
    for (Tier tier : policy.tiers().values()) {
      List<Hit> hits = new ArrayList<>();
      for (FileChange f : files) {
        Hit h = hit(tier, f);
        if (h != null) {
          hits.add(h);
        }
      }
      if (!hits.isEmpty()) {
        out.put(tier.name(), List.copyOf(hits));
      }
    }
    return out;
  }

  private Hit hit(Tier tier, FileChange f) {
    if (tier.matchesPath(f.path()) || (f.beforePath() != null && tier.matchesPath(f.beforePath()))) {
      return new Hit(f.path(), 0, "path matches tier '" + tier.name() + "'");
    }
    if (tier.content().isEmpty() || policy.contentExempt(f.path()) || f.before().length > MAX_CONTENT_BYTES
        || f.after().length > MAX_CONTENT_BYTES || Binary.looksBinary(f.before()) || Binary.looksBinary(f.after())) {
      return null;
    }
    String[] beforeLines = lines(f.before());
    String[] afterLines = lines(f.after());
    for (GitWorkspace.Hunk h : GitWorkspace.hunks(f.before(), f.after())) {
      for (int i = 0; i < h.afterLines(); i++) {
        Pattern p = tier.matchingContent(line(afterLines, h.afterStart() + i));
        if (p != null) {
          return new Hit(f.path(), h.afterStart() + i, "added line matches /" + p.pattern() + "/");
        }
      }
      for (int i = 0; i < h.beforeLines(); i++) {
        Pattern p = tier.matchingContent(line(beforeLines, h.beforeStart() + i));
        if (p != null) {
          int at = afterLines.length == 0 ? 0 : Math.min(Math.max(h.afterStart(), 1), afterLines.length);
          return new Hit(f.path(), at, "removed line matches /" + p.pattern() + "/");
        }
      }
    }
    return null;
  }

  private static String[] lines(byte[] bytes) {
    return bytes.length == 0 ? new String[0] : new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
  }

  private static String line(String[] lines, int oneBased) {
    return oneBased >= 1 && oneBased <= lines.length ? lines[oneBased - 1] : "";
  }
}
