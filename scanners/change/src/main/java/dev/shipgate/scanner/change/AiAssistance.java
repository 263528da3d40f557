package dev.shipgate.scanner.change;

import dev.shipgate.git.GitWorkspace;
import java.util.ArrayList;
import java.util.List;

/** Finds AI assistance in a change's commits: assistant trailers, assistant co-authors and assistant authors. */
public final class AiAssistance {

  /** One piece of evidence, e.g. {@code commit 1a2b3c4: Assisted-by: Claude}. */
  public record Evidence(String commit, String what) {
    @Override
    public String toString() {
      return "commit " + commit.substring(0, Math.min(7, commit.length())) + ": " + what;
    }
  }

  private final List<ChangePolicy.Assistant> assistants;

  public AiAssistance(List<ChangePolicy.Assistant> assistants) {
    this.assistants = assistants;
  }

  public List<Evidence> detect(List<GitWorkspace.Commit> commits) {
    List<Evidence> out = new ArrayList<>();
    for (GitWorkspace.Commit c : commits) {
      for (Trailers.Trailer t : Trailers.parse(c.message())) {
        switch (t.key()) {
          case "assisted-by", "generated-by", "ai-assisted-by" -> out.add(new Evidence(c.id(), t.token() + ": " + t.value()));
          case "co-authored-by" -> {
            String tool = assistant(t.value());
            if (tool != null) {
              out.add(new Evidence(c.id(), t.token() + ": " + t.value() + " (" + tool + ")"));
            }
          }
          default -> { }
        }
      }
      String tool = assistant(c.authorName() + " <" + c.authorEmail() + ">");
      if (tool != null) {
        out.add(new Evidence(c.id(), "authored by " + c.authorName() + " <" + c.authorEmail() + "> (" + tool + ")"));
      }
    }
    return out;
  }

  /** The assistant a name or address belongs to, or null for a person. */
  public String assistant(String identity) {
    for (ChangePolicy.Assistant a : assistants) {
      if (a.pattern().matcher(identity).find()) {
        return a.name();
      }
    }
    return null;
  }
}
