package dev.shipgate.scanner.ci;

import dev.shipgate.core.yaml.YamlFile;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.shipgate.scanner.ci.Workflow.Job;
import dev.shipgate.scanner.ci.Workflow.Step;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Steps that bring a pull request's code into a job. Under {@code pull_request_target}, {@code workflow_run}
 * and {@code issue_comment} the job runs with the base repository's token and secrets, so such a step hands
 * them to whoever opened the pull request ("pwn request").
 */
public final class PullRequestCode {

  /** Triggers that run in the base repository's privileged context while carrying pull request data. */
  public static final List<String> PRIVILEGED_TRIGGERS = List.of("pull_request_target", "workflow_run", "issue_comment");

  /** A checkout ref naming the pull request's head, merge commit or the triggering run's head. */
  private static final Pattern UNTRUSTED_REF = Pattern.compile(
      "github\\.event\\.pull_request\\.head\\.(?:sha|ref)|github\\.head_ref|github\\.event\\.pull_request\\.merge_commit_sha"
          + "|github\\.event\\.workflow_run\\.head_(?:sha|branch)|github\\.event\\.workflow_run\\.head_commit\\.id"
          + "|refs/pull/|\\bpull/\\$\\{\\{");
  /** A ref computed by an earlier step or job, typically the pull request's head looked up through the API. */
  private static final Pattern COMPUTED_REF = Pattern.compile("\\b(?:steps|needs)\\.[\\w-]+\\.outputs\\.[\\w-]*(?:sha|ref|head|branch|pull|pr(?:[_-]|\\b))[\\w-]*");
  private static final Pattern UNTRUSTED_REPOSITORY = Pattern.compile(
      "github\\.event\\.pull_request\\.head\\.repo\\.|github\\.event\\.workflow_run\\.head_repository\\.");
  private static final Pattern SHELL_FETCH = Pattern.compile(
      "\\bgh\\s+pr\\s+checkout\\b"
          + "|\\bgit\\s+(?:fetch|checkout|switch|pull|clone)\\b[^\\n]*?(?:\\bpull/|" + UNTRUSTED_REF.pattern() + "|" + UNTRUSTED_REPOSITORY.pattern() + ")");

  private PullRequestCode() {}

  /**
   * Where a step fetches pull request code: the offending node's line and a short description; {@code computed}
   * when the ref comes from another step's output, which usually but not surely names the pull request's head.
   */
  public record Fetch(int line, String what, boolean computed) {}

  public static Optional<Fetch> fetch(Step step) {
    YamlFile yaml = step.job().workflow().yaml();
    if (step.usesAction("actions/checkout")) {
      for (String input : List.of("ref", "repository")) {
        Optional<Node> value = YamlFile.at(step.node(), "with", input);
        if (value.isPresent()) {
          String src = yaml.source(value.get()).toLowerCase(Locale.ROOT);
          Pattern p = input.equals("ref") ? UNTRUSTED_REF : UNTRUSTED_REPOSITORY;
          boolean computed = input.equals("ref") && !p.matcher(src).find() && COMPUTED_REF.matcher(src).find();
          if (computed || p.matcher(src).find()) {
            return Optional.of(new Fetch(YamlFile.line(value.get()), "actions/checkout with " + input + ": " + yaml.source(value.get()).strip(), computed));
          }
        }
      }
      return Optional.empty();
    }
    Optional<Node> run = step.run();
    if (run.isPresent()) {
      String src = yaml.source(run.get());
      Matcher m = SHELL_FETCH.matcher(src.toLowerCase(Locale.ROOT));
      if (m.find()) {
        String command = Redact.line(src.substring(m.start(), m.end()).strip());
        return Optional.of(new Fetch(step.job().workflow().file().lineOf(yaml.start(run.get()) + m.start()), "`" + command + "`", false));
      }
    }
    return Optional.empty();
  }

  /** The first step of the job that fetches pull request code, when the workflow's trigger is privileged. */
  public static Optional<Step> untrustedCheckout(Job job) {
    if (!job.workflow().triggeredByAny(java.util.Set.copyOf(PRIVILEGED_TRIGGERS))) {
      return Optional.empty();
    }
    return job.steps().stream().filter(s -> fetch(s).isPresent()).findFirst();
  }

  /** Whether a step runs code from the workspace: a script, or an action from the checked-out tree. */
  public static boolean runsCode(Step step) {
    return step.run().isPresent() || step.uses().filter(u -> u.startsWith("./")).isPresent();
  }
}
