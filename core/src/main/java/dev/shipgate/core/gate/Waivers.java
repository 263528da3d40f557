package dev.shipgate.core.gate;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.FindingStatus;
import dev.shipgate.core.model.Location;
import dev.shipgate.core.policy.Glob;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The waiver file ({@code .shipgate/waivers.yml}): accepted findings, each with rule, fingerprint or path
 * glob, reason, approver and expiry. Expired and malformed entries do not waive anything; they become
 * findings of their own that fail the gate.
 *
 * <pre>
 * version: 1
 * waivers:
 *   - rule: config/spring/h2-console-enabled
 *     path: "src/main/resources/application-demo.yml"   # or fingerprint: 3f2a...
 *     reason: "demo profile, never deployed"
 *     approver: "security@example.com"
 *     expires: 2027-03-31
 * </pre>
 */
public final class Waivers {

  public static final String FILE = ".shipgate/waivers.yml";
  private static final Set<String> ENTRY_KEYS = Set.of("rule", "fingerprint", "path", "reason", "approver", "expires");

  /**
   * One usable waiver; {@code line} is where it stands in the file (0 for a signed record). A fingerprint
   * waiver may leave {@code rule} null: the fingerprint already hashes the rule id.
   */
  public record Waiver(String rule, String fingerprint, Glob path, String reason, String approver, LocalDate expires, int line) {
    boolean covers(Finding f) {
      if (rule != null && !f.ruleId().equals(rule)) {
        return false;
      }
      if (fingerprint != null) {
        return fingerprint.equals(f.fingerprint());
      }
      return path.matches(f.location().path());
    }
  }

  private final List<Waiver> active;
  private final List<Finding> problems;

  private Waivers(List<Waiver> active, List<Finding> problems) {
    this.active = List.copyOf(active);
    this.problems = List.copyOf(problems);
  }

  public static Waivers none() {
    return new Waivers(List.of(), List.of());
  }

  /**
   * Reads the waiver file if it exists. {@code repoPath} is how findings name the file.
   *
   * @param today the date expiry is judged against
   */
  public static Waivers load(Path file, String repoPath, Set<String> knownRuleIds, LocalDate today) {
    if (!Files.isRegularFile(file)) {
      return none();
    }
    String text;
    try {
      text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return new Waivers(List.of(), List.of(invalid(repoPath, 0, "cannot read the waiver file: " + e.getMessage())));
    }
    return parse(text, repoPath, knownRuleIds, today);
  }

  public static Waivers parse(String text, String repoPath, Set<String> knownRuleIds, LocalDate today) {
    List<Waiver> active = new ArrayList<>();
    List<Finding> problems = new ArrayList<>();
    if (text.length() > 4 * 1024 * 1024) {
      return new Waivers(List.of(), List.of(invalid(repoPath, 0, "the waiver file is larger than 4 MiB")));
    }
    Node root;
    try {
      LoadSettings ls = LoadSettings.builder().setLabel(repoPath).setMaxAliasesForCollections(50).setCodePointLimit(4 * 1024 * 1024).build();
      root = new Compose(ls).composeString(text).orElse(null);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      return new Waivers(List.of(), List.of(invalid(repoPath, line, "not valid YAML: " + e.getProblem())));
    } catch (YamlEngineException e) {
      return new Waivers(List.of(), List.of(invalid(repoPath, 0, "not valid YAML: " + e.getMessage())));
    } catch (StackOverflowError e) {
      return new Waivers(List.of(), List.of(invalid(repoPath, 0, "not a usable waiver file: nested too deeply")));
    }
    if (root == null) {
      return none();
    }
    try {
      Settings top = Settings.of(repoPath, root, "the waiver file");
      top.requireOnly(Set.of("version", "waivers"), "the waiver file");
      if (top.integer("version", 1) != 1) {
        throw top.errorAt("version", "unsupported waiver file version; this shipgate reads version 1");
      }
      Node list = top.node("waivers");
      if (list == null) {
        return none();
      }
      if (!(list instanceof SequenceNode seq)) {
        throw top.errorAt("waivers", "'waivers' must be a list of entries");
      }
      for (Node item : seq.getValue()) {
        int line = item.getStartMark().map(m -> m.getLine() + 1).orElse(0);
        try {
          Waiver w = entry(repoPath, item, line, knownRuleIds);
          if (w.expires().isBefore(today)) {
            problems.add(Finding.builder(CoreRules.WAIVER_EXPIRED).at(Location.line(repoPath, line))
                .snippet("rule: " + w.rule())
                .message("waiver for " + w.rule() + " approved by " + w.approver() + " expired on " + w.expires()).build());
          } else {
            active.add(w);
          }
        } catch (PolicyException e) {
          problems.add(invalid(repoPath, e.line() > 0 ? e.line() : line, stripWhere(e)));
        }
      }
    } catch (PolicyException e) {
      problems.add(invalid(repoPath, e.line(), stripWhere(e)));
    }
    return new Waivers(active, problems);
  }

  private static Waiver entry(String file, Node item, int line, Set<String> knownRuleIds) throws PolicyException {
    Settings s = Settings.of(file, item, "a waiver entry");
    s.requireOnly(ENTRY_KEYS, "a waiver entry");
    for (String required : List.of("rule", "reason", "approver", "expires")) {
      if (s.string(required, "").isBlank()) {
        throw new PolicyException(file, line, 0, "waiver entry is missing '" + required + "'");
      }
    }
    String rule = s.string("rule", "");
    if (!knownRuleIds.contains(rule)) {
      throw s.errorAt("rule", "waiver names unknown rule '" + rule + "'");
    }
    String fingerprint = s.string("fingerprint", null);
    String pathGlob = s.string("path", null);
    if ((fingerprint == null) == (pathGlob == null)) {
      throw new PolicyException(file, line, 0, "waiver entry needs exactly one of 'fingerprint' or 'path'");
    }
    Glob glob = null;
    if (pathGlob != null) {
      try {
        glob = Glob.compile(pathGlob.startsWith("/") ? pathGlob : "/" + pathGlob);
      } catch (IllegalArgumentException e) {
        throw s.errorAt("path", "bad path glob: " + e.getMessage());
      }
    }
    LocalDate expires;
    try {
      expires = LocalDate.parse(s.string("expires", ""));
    } catch (DateTimeParseException e) {
      throw s.errorAt("expires", "'expires' must be a date like 2027-03-31");
    }
    return new Waiver(rule, fingerprint, glob, s.string("reason", ""), s.string("approver", ""), expires, line);
  }

  private static String stripWhere(PolicyException e) {
    String m = e.getMessage();
    int i = m.indexOf(": ");
    return i >= 0 ? m.substring(i + 2) : m;
  }

  private static Finding invalid(String file, int line, String message) {
    return Finding.builder(CoreRules.WAIVER_INVALID).at(line > 0 ? Location.line(file, line) : Location.file(file)).message(message).build();
  }

  /** These waivers plus verified ones from elsewhere (signed waiver records). */
  public Waivers with(List<Waiver> more) {
    List<Waiver> all = new java.util.ArrayList<>(active);
    all.addAll(more);
    return new Waivers(all, problems);
  }

  /** Findings about the waiver file itself (expired and malformed entries). */
  public List<Finding> problems() {
    return problems;
  }

  public List<Waiver> active() {
    return active;
  }

  /** Marks an open finding as waived when an active waiver covers it. */
  public Finding apply(Finding f) {
    if (f.status() != FindingStatus.OPEN) {
      return f;
    }
    for (Waiver w : active) {
      if (w.covers(f)) {
        return f.withStatus(FindingStatus.WAIVED, "waived by " + w.approver() + " until " + w.expires() + ": " + w.reason());
      }
    }
    return f;
  }
}
