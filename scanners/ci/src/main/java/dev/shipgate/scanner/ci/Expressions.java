package dev.shipgate.scanner.ci;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub Actions {@code ${{ … }}} expressions and the contexts they read. Contexts an outside contributor can
 * set (issue and pull request text, branch names, commit messages and authors) come from the lists of GitHub
 * Security Lab and zizmor; everything else (numbers, SHAs, ids, repository names) is not attacker text.
 */
public final class Expressions {

  /** Attacker-controllable context paths, lower case, {@code *} for any one segment (list indices included). */
  static final List<String> UNTRUSTED = List.of(
      "github.head_ref",
      "github.event.issue.title",
      "github.event.issue.body",
      "github.event.pull_request.title",
      "github.event.pull_request.body",
      "github.event.pull_request.head.ref",
      "github.event.pull_request.head.label",
      "github.event.pull_request.head.repo.default_branch",
      "github.event.pull_request.head.repo.description",
      "github.event.pull_request.head.repo.homepage",
      "github.event.comment.body",
      "github.event.review.body",
      "github.event.review_comment.body",
      "github.event.discussion.title",
      "github.event.discussion.body",
      "github.event.pages.*.page_name",
      "github.event.commits.*.message",
      "github.event.commits.*.author.email",
      "github.event.commits.*.author.name",
      "github.event.commits.*.committer.email",
      "github.event.commits.*.committer.name",
      "github.event.head_commit.message",
      "github.event.head_commit.author.email",
      "github.event.head_commit.author.name",
      "github.event.head_commit.committer.email",
      "github.event.head_commit.committer.name",
      "github.event.workflow_run.head_branch",
      "github.event.workflow_run.display_title",
      "github.event.workflow_run.head_commit.message",
      "github.event.workflow_run.head_commit.author.email",
      "github.event.workflow_run.head_commit.author.name",
      "github.event.workflow_run.head_commit.committer.email",
      "github.event.workflow_run.head_commit.committer.name",
      "github.event.workflow_run.pull_requests.*.head.ref",
      "github.event.check_suite.head_branch",
      "github.event.check_run.check_suite.head_branch",
      "github.event.merge_group.head_commit.message",
      "github.event.merge_group.head_commit.author.email",
      "github.event.merge_group.head_commit.author.name");

  private static final Pattern DOT = Pattern.compile("\\.");
  private static final List<List<String>> UNTRUSTED_SEGMENTS = UNTRUSTED.stream().map(u -> List.of(DOT.split(u, -1))).toList();
  private static final Pattern BRACKET_STRING = Pattern.compile("\\[\\s*'([^']*)'\\s*\\]");
  private static final Pattern BRACKET_OTHER = Pattern.compile("\\[[^\\]]*\\]");
  private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");
  private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(?:\\s*\\.\\s*(?:[A-Za-z_][A-Za-z0-9_-]*|\\*))*");

  private Expressions() {}

  /**
   * One {@code ${{ body }}}; {@code start}/{@code end} are offsets in the searched text, end exclusive;
   * {@code contexts} are the context paths it reads.
   */
  public record Expr(int start, int end, String body, List<String> contexts) {

    /** Whether any context read starts with {@code root} (e.g. "secrets"). */
    public boolean references(String root) {
      return contexts.stream().anyMatch(c -> c.equals(root) || c.startsWith(root + "."));
    }

    /** The first attacker-controllable context the expression reads, if any. */
    public Optional<String> untrusted() {
      for (String c : contexts) {
        if (untrustedPath(c)) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }
  }

  /** Context paths read by an expression, normalised: lower case, dots, {@code *} for indices. */
  static List<String> contextsOf(String body) {
    String b = body;
    if (b.indexOf('[') >= 0) {
      b = BRACKET_STRING.matcher(b).replaceAll(".$1");
      b = BRACKET_OTHER.matcher(b).replaceAll(".*");
    }
    if (b.indexOf('\'') >= 0) {
      b = STRING.matcher(b).replaceAll(" ");
    }
    List<String> out = new ArrayList<>();
    Matcher m = PATH.matcher(b);
    while (m.find()) {
      String p = m.group().replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
      // Function names (contains, format, toJSON) are followed by '('; literals are not contexts.
      int after = m.end();
      while (after < b.length() && b.charAt(after) == ' ') {
        after++;
      }
      boolean call = after < b.length() && b.charAt(after) == '(';
      if (!call && !p.equals("true") && !p.equals("false") && !p.equals("null")) {
        out.add(p);
      }
    }
    return List.copyOf(out);
  }

  /** Every expression in {@code text}, in order; an unterminated <code>${{</code> ends the search. */
  public static List<Expr> find(String text) {
    List<Expr> out = new ArrayList<>();
    // Generated scripts repeat the same expression many times; each body is analysed once.
    Map<String, List<String>> analysed = new HashMap<>();
    int at = 0;
    while (true) {
      int open = text.indexOf("${{", at);
      if (open < 0) {
        return out;
      }
      int close = text.indexOf("}}", open + 3);
      if (close < 0) {
        return out;
      }
      String body = text.substring(open + 3, close).trim();
      out.add(new Expr(open, close + 2, body, analysed.computeIfAbsent(body, Expressions::contextsOf)));
      at = close + 2;
    }
  }

  /**
   * A path is untrusted when it matches a listed path, or is a whole object holding one (such as
   * {@code toJSON(github.event.pull_request)}), since the dump carries the attacker's text too.
   */
  static boolean untrustedPath(String path) {
    List<String> p = List.of(DOT.split(path, -1));
    for (List<String> q : UNTRUSTED_SEGMENTS) {
      if (p.size() > q.size()) {
        continue;
      }
      boolean match = true;
      for (int i = 0; i < p.size() && match; i++) {
        match = q.get(i).equals("*") || p.get(i).equals("*") || q.get(i).equals(p.get(i));
      }
      if (match) {
        return true;
      }
    }
    return false;
  }
}
