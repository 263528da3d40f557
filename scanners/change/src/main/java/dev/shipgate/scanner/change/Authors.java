package dev.shipgate.scanner.change;

import dev.shipgate.git.GitWorkspace;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Who wrote a change: the identities nobody may count as its approvers. */
public final class Authors {

  private Authors() {}

  /**
   * Authors, committers and human co-authors of the change's commits, as identities. Commits that only add approval
   * records (and their audit log entries) do not make their author an author of the change (an approver commits their
   * own record).
   */
  public static Set<String> of(List<GitWorkspace.Commit> commits, ChangePolicy policy) {
    Identities ids = Identities.of(policy);
    AiAssistance assistants = new AiAssistance(policy.assistants());
    Set<String> out = new LinkedHashSet<>();
    for (GitWorkspace.Commit c : commits) {
      if (!c.paths().isEmpty() && c.paths().stream().allMatch(p -> p.startsWith(ApprovalRecord.DIR + "/")
          || p.equals(dev.shipgate.evidence.AuditLog.FILE))) {
        continue;
      }
      out.add(ids.ofEmail(c.authorEmail()));
      // GitHub's web-flow committer signs merges and squashes made in the UI; it is not a person.
      if (!c.committerEmail().equalsIgnoreCase("noreply@github.com")) {
        out.add(ids.ofEmail(c.committerEmail()));
      }
      for (Trailers.Trailer t : Trailers.parse(c.message())) {
        if (t.key().equals("co-authored-by") && t.email() != null && assistants.assistant(t.value()) == null) {
          out.add(ids.ofEmail(t.email()));
        }
      }
    }
    return out;
  }

  /** Whether an identity is among the authors (identities compare case-insensitively, like code-host logins). */
  public static boolean contains(Set<String> authors, String identity) {
    return authors.stream().anyMatch(a -> a.equalsIgnoreCase(identity));
  }
}
