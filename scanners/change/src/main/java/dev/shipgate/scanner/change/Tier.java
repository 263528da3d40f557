package dev.shipgate.scanner.change;

import com.google.re2j.Pattern;
import dev.shipgate.core.policy.Glob;
import java.util.List;

/**
 * A risk tier: which changes belong to it and whose approval they need.
 *
 * @param security its owners are the policy's security owners whatever else is configured (the gate's own files)
 * @param owners identities named by the policy; empty means the owners come from CODEOWNERS
 * @param aiExtraApprovals approvals added when the change is AI-assisted
 */
public record Tier(String name, String title, List<Glob> paths, List<Pattern> content, boolean security,
    List<String> owners, int approvals, int aiExtraApprovals) {

  public Tier {
    paths = List.copyOf(paths);
    content = List.copyOf(content);
    owners = List.copyOf(owners);
  }

  public boolean matchesPath(String path) {
    for (Glob g : paths) {
      if (g.matches(path)) {
        return true;
      }
    }
    return false;
  }

  /** The first content pattern found in {@code line}, or null. */
  public Pattern matchingContent(String line) {
    for (Pattern p : content) {
      if (p.matcher(line).find()) {
        return p;
      }
    }
    return null;
  }

  public int required(boolean aiAssisted) {
    return approvals + (aiAssisted ? aiExtraApprovals : 0);
  }
}
