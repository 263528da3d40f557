package dev.shipgate.core.gate;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.FindingStatus;
import dev.shipgate.core.model.Location;
import dev.shipgate.core.scan.ByteSearch;
import dev.shipgate.core.scan.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline {@code shipgate:ignore RULE-ID[,RULE-ID] -- reason} comments. A comment applies to findings on
 * its own line and on the line below it. Comments without a reason or naming unknown rules suppress
 * nothing and are findings themselves.
 */
public final class InlineSuppressions {

  static final String MARKER = "shipgate:ignore";
  private static final ByteSearch MARKER_SEARCH = ByteSearch.ascii(MARKER);
  /** The marker counts only right after a comment opener, so prose and string literals that mention it do not. */
  private static final Pattern OPENER = Pattern.compile("(?://+|#+|/\\*+|<!--|--|;+|^\\s*\\*)[ \\t]*shipgate:ignore");
  private static final Pattern COMMENT = Pattern.compile("shipgate:ignore(?:[ \\t]+([A-Za-z0-9_./,\\t -]*?))?(?:[ \\t]+--[ \\t]*(.*?))?[ \\t]*(?:\\*/|-->)?[ \\t]*$");

  private static final Pattern ID_SEPARATOR = Pattern.compile("[,\\s]+");

  /** One parsed comment. */
  record Comment(int line, List<String> ruleIds, String reason) {}

  private final Set<String> knownRuleIds;

  /**
   * @param knownRuleIds every rule id of every family; read only when a comment names rules, so the caller may
   *     compute it on first use (a registry that builds families on demand does)
   */
  public InlineSuppressions(Set<String> knownRuleIds) {
    this.knownRuleIds = knownRuleIds;
  }

  /**
   * Marks findings of one file that a valid comment covers as {@link FindingStatus#SUPPRESSED} and adds
   * findings for malformed comments. Files that are not text are left alone.
   */
  public List<Finding> apply(SourceFile file, List<Finding> findings) {
    // Most files have no comment: find the ASCII marker in the bytes rather than decoding every file.
    byte[] bytes;
    try {
      bytes = file.bytes();
    } catch (IOException e) {
      throw new UncheckedIOException(file.path() + ": cannot read: " + e.getMessage(), e); // as text() would
    }
    if (!MARKER_SEARCH.in(bytes)) {
      return findings;
    }
    List<Comment> comments = parse(file);
    if (comments.isEmpty()) {
      return findings;
    }
    List<Finding> out = new ArrayList<>(findings.size() + 1);
    for (Finding f : findings) {
      out.add(suppress(f, comments));
    }
    for (Comment c : comments) {
      Location where = Location.line(file.path(), c.line());
      String snippet = file.line(c.line()).strip();
      List<String> unknown = c.ruleIds().stream().filter(id -> !knownRuleIds.contains(id)).toList();
      if (c.ruleIds().isEmpty() || !unknown.isEmpty()) {
        String what = c.ruleIds().isEmpty() ? "names no rule" : "names unknown rule(s) " + String.join(", ", unknown);
        out.add(Finding.builder(CoreRules.SUPPRESSION_UNKNOWN_RULE).at(where).snippet(snippet)
            .message("shipgate:ignore " + what + "; it suppresses nothing").build());
      }
      if (c.reason().isBlank()) {
        out.add(Finding.builder(CoreRules.SUPPRESSION_WITHOUT_REASON).at(where).snippet(snippet)
            .message("shipgate:ignore without a reason after ' -- '; it suppresses nothing").build());
      }
    }
    return out;
  }

  private Finding suppress(Finding f, List<Comment> comments) {
    int line = f.location().startLine();
    if (line <= 0 || f.rule().family().equals(CoreRules.FAMILY)) {
      return f;
    }
    for (Comment c : comments) {
      boolean near = c.line() == line || c.line() == line - 1;
      if (near && !c.reason().isBlank() && c.ruleIds().contains(f.ruleId())) {
        return f.withStatus(FindingStatus.SUPPRESSED, c.reason());
      }
    }
    return f;
  }

  /** An odd number of unescaped double quotes before the marker means it sits in a string literal. */
  private static boolean insideStringLiteral(String line, int end) {
    boolean inside = false;
    for (int i = 0; i < end; i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        inside = !inside;
      }
    }
    return inside;
  }

  static List<Comment> parse(SourceFile file) {
    List<Comment> out = new ArrayList<>();
    int lines = file.lineCount();
    for (int n = 1; n <= lines; n++) {
      String line = file.line(n);
      if (!line.contains(MARKER)) {
        continue;
      }
      Matcher opener = OPENER.matcher(line);
      if (!opener.find() || insideStringLiteral(line, opener.start())) {
        continue;
      }
      Matcher m = COMMENT.matcher(line.substring(opener.end() - MARKER.length()));
      if (!m.matches()) {
        out.add(new Comment(n, List.of(), ""));
        continue;
      }
      List<String> ids = new ArrayList<>();
      if (m.group(1) != null) {
        for (String id : ID_SEPARATOR.split(m.group(1))) {
          if (!id.isBlank()) {
            ids.add(id.trim());
          }
        }
      }
      out.add(new Comment(n, List.copyOf(ids), m.group(2) == null ? "" : m.group(2).trim()));
    }
    return out;
  }
}
