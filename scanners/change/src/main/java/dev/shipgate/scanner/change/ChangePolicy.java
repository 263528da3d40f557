package dev.shipgate.scanner.change;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.shipgate.core.policy.Glob;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The {@code scanners.change} section over the built-in data ({@code defaults.yml}). Everything a policy adds is
 * added to the defaults; anything that weakens them (a tier off or with fewer approvals, no note for AI-assisted
 * changes, no ignore-file check) is refused unless it carries a written {@code reason}.
 */
public final class ChangePolicy {

  static final String SECURITY_OWNERS = "security_owners";
  static final String TIERS = "tiers";
  static final String IDENTITIES = "identities";
  static final String TEAMS = "teams";
  static final String TRUSTED_KEYS = "trusted_keys";
  static final String AI = "ai";
  static final String AI_IGNORE = "ai_ignore";
  static final Set<String> KEYS = Set.of(SECURITY_OWNERS, TIERS, IDENTITIES, TEAMS, TRUSTED_KEYS, AI, AI_IGNORE);

  /** The tier of the gate's own files; it cannot be switched off or left without approvals. */
  public static final String GATE_POLICY_TIER = "gate-policy";

  private static final java.util.regex.Pattern IDENTITY =
      java.util.regex.Pattern.compile("@[A-Za-z0-9][A-Za-z0-9_.-]*(?:/[A-Za-z0-9][A-Za-z0-9_.-]*)?");
  private static final Set<String> TIER_KEYS =
      Set.of("title", "paths", "content", "owners", "approvals", "ai_extra_approvals", "enabled", "reason");
  private static final Set<String> AI_KEYS = Set.of("require_note", "extra_approvals", "assistants", "reason");
  private static final Set<String> AI_IGNORE_KEYS = Set.of("paths", "tools", "check", "reason");
  private static final int DEFAULT_AI_EXTRA_APPROVALS = 1;

  /** A coding assistant recognised in trailers and commit identities. */
  public record Assistant(String name, Pattern pattern) {}

  private static final Settings DEFAULTS = loadDefaults();

  private final Settings settings;
  private final Map<String, Tier> tiers;
  private final List<String> securityOwners;
  private final Map<String, List<String>> identities;
  private final Map<String, List<String>> teams;
  private final List<Assistant> assistants;
  private final boolean requireNote;
  private final List<Glob> contentExempt;
  private final List<String> sensitivePaths;
  private final Map<String, String> aiIgnoreFiles;
  private final boolean aiIgnoreCheck;

  private ChangePolicy(Settings s) throws PolicyException {
    this.settings = s;
    s.requireOnly(KEYS, "scanners.change");
    securityOwners = identityList(s, SECURITY_OWNERS, "security owner");
    identities = identityMap(s, IDENTITIES, false);
    teams = identityMap(s, TEAMS, true);

    Settings ai = s.section(AI);
    ai.requireOnly(AI_KEYS, "scanners.change.ai");
    requireNote = ai.bool("require_note", true);
    if (!requireNote) {
      requireReason(ai, "require_note", "'ai.require_note: false' lets AI-assisted changes merge without a note");
    }
    int aiExtra = (int) nonNegative(ai, "extra_approvals", DEFAULT_AI_EXTRA_APPROVALS);
    if (aiExtra < DEFAULT_AI_EXTRA_APPROVALS) {
      requireReason(ai, "extra_approvals", "'ai.extra_approvals: " + aiExtra + "' lowers the review of AI-assisted sensitive changes");
    }
    assistants = new ArrayList<>(assistants(DEFAULTS, "defaults.yml"));
    assistants.addAll(assistants(ai, s.file()));
    tiers = tiers(s, aiExtra);
    contentExempt = globs(DEFAULTS, "content_exempt");

    Settings ignore = s.section(AI_IGNORE);
    ignore.requireOnly(AI_IGNORE_KEYS, "scanners.change.ai_ignore");
    aiIgnoreCheck = ignore.bool("check", true);
    if (!aiIgnoreCheck) {
      requireReason(ignore, "check", "'ai_ignore.check: false' stops the gate from checking the assistants' ignore files");
    }
    Set<String> sensitive = new LinkedHashSet<>(DEFAULTS.strings("sensitive_paths"));
    for (String p : ignore.strings("paths")) {
      checkGlob(ignore, "paths", p);
      sensitive.add(p);
    }
    sensitivePaths = List.copyOf(sensitive);
    Settings known = DEFAULTS.section("ai_ignore_files");
    Map<String, String> files = new LinkedHashMap<>();
    List<String> tools = ignore.has("tools") ? ignore.strings("tools") : List.copyOf(known.keys());
    for (String tool : tools) {
      String file = known.string(tool, null);
      if (file == null) {
        throw ignore.errorAt("tools", "unknown assistant ignore file '" + tool + "' (known: " + String.join(", ", known.keys()) + ")");
      }
      files.put(tool, file);
    }
    aiIgnoreFiles = Map.copyOf(files);
  }

  /** Reads the family's section of the policy; every problem names file, line and column. */
  public static ChangePolicy from(Settings settings) throws PolicyException {
    return new ChangePolicy(settings);
  }

  public Settings settings() {
    return settings;
  }

  /** Tiers in table order: the gate's own files first, then the policy's order. */
  public Map<String, Tier> tiers() {
    return tiers;
  }

  public List<String> securityOwners() {
    return securityOwners;
  }

  /** Identity ({@code @alice}) to its aliases: commit e-mail addresses and code-host logins. */
  public Map<String, List<String>> identities() {
    return identities;
  }

  /** Team ({@code @org/team}) to its members. */
  public Map<String, List<String>> teams() {
    return teams;
  }

  public List<Assistant> assistants() {
    return assistants;
  }

  public boolean requireNote() {
    return requireNote;
  }

  /** Paths whose lines are never classified by content (prose, the gate's notes). */
  public boolean contentExempt(String path) {
    for (Glob g : contentExempt) {
      if (g.matches(path)) {
        return true;
      }
    }
    return false;
  }

  public List<String> sensitivePaths() {
    return sensitivePaths;
  }

  /** Tool name to the ignore file it reads, in the order they are written. */
  public Map<String, String> aiIgnoreFiles() {
    return new java.util.TreeMap<>(aiIgnoreFiles);
  }

  public boolean aiIgnoreCheck() {
    return aiIgnoreCheck;
  }

  // ---------------------------------------------------------------------------------------------------------------

  private static Map<String, Tier> tiers(Settings s, int aiExtra) throws PolicyException {
    Settings builtIn = DEFAULTS.section(TIERS);
    Settings mine = s.section(TIERS);
    Map<String, Tier> out = new LinkedHashMap<>();
    for (String name : builtIn.keys()) {
      Settings d = builtIn.section(name);
      Settings p = mine.has(name) ? mine.section(name) : Settings.empty(s.file());
      tier(name, d, p, aiExtra).ifPresent(t -> out.put(name, t));
    }
    for (String name : mine.keys()) {
      if (!builtIn.has(name)) {
        if (!name.matches("[a-z0-9]+(?:-[a-z0-9]+)*")) {
          throw mine.errorAtKey(name, "tier names are kebab-case words like 'data-export', not '" + name + "'");
        }
        Settings p = mine.section(name);
        if (!p.has("paths") && !p.has("content")) {
          throw mine.errorAtKey(name, "tier '" + name + "' needs 'paths' or 'content' to say which changes belong to it");
        }
        tier(name, Settings.empty("defaults.yml"), p, aiExtra).ifPresent(t -> out.put(name, t));
      }
    }
    return out;
  }

  private static java.util.Optional<Tier> tier(String name, Settings d, Settings p, int aiExtra) throws PolicyException {
    p.requireOnly(TIER_KEYS, "scanners.change.tiers." + name);
    boolean security = d.bool("security", false);
    boolean enabled = p.bool("enabled", true);
    int defaultApprovals = (int) d.integer("approvals", 1);
    int approvals = (int) nonNegative(p, "approvals", defaultApprovals);
    if (security && (!enabled || approvals < 1)) {
      throw p.errorAt(enabled ? "approvals" : "enabled", "a change to the gate's own policy, waivers, keys or "
          + "CODEOWNERS always needs a security owner's approval; tier '" + name + "' cannot be relaxed");
    }
    if (!enabled) {
      requireReason(p, "enabled", "switching off tier '" + name + "' lets its changes merge without owner review");
      return java.util.Optional.empty();
    }
    if (approvals < defaultApprovals) {
      requireReason(p, "approvals", "tier '" + name + "' with " + approvals + " approvals (built-in: " + defaultApprovals + ")");
    }
    int extra = (int) nonNegative(p, "ai_extra_approvals", aiExtra);
    if (extra < aiExtra) {
      requireReason(p, "ai_extra_approvals", "tier '" + name + "' with " + extra + " extra approvals for AI-assisted changes");
    }
    List<Glob> paths = new ArrayList<>(globs(d, "paths"));
    paths.addAll(globs(p, "paths"));
    List<Pattern> content = new ArrayList<>(patterns(d, "content"));
    content.addAll(patterns(p, "content"));
    List<String> owners = identityList(p, "owners", "owner");
    String title = p.string("title", d.string("title", name));
    return java.util.Optional.of(new Tier(name, title, paths, content, security, owners, approvals, extra));
  }

  private static void requireReason(Settings s, String key, String what) throws PolicyException {
    if (s.string("reason", "").isBlank()) {
      throw s.errorAt(key, what + "; a policy may relax this only with a written 'reason' next to it");
    }
  }

  private static long nonNegative(Settings s, String key, long fallback) throws PolicyException {
    long v = s.integer(key, fallback);
    if (v < 0 || v > 100) {
      throw s.errorAt(key, "'" + key + "' must be between 0 and 100, not " + v);
    }
    return v;
  }

  private static List<Glob> globs(Settings s, String key) throws PolicyException {
    List<Glob> out = new ArrayList<>();
    for (String g : s.strings(key)) {
      out.add(checkGlob(s, key, g));
    }
    return out;
  }

  private static Glob checkGlob(Settings s, String key, String glob) throws PolicyException {
    try {
      return Glob.compile(glob);
    } catch (IllegalArgumentException e) {
      throw s.errorAt(key, "bad path glob '" + glob + "': " + e.getMessage());
    }
  }

  private static List<Pattern> patterns(Settings s, String key) throws PolicyException {
    List<Pattern> out = new ArrayList<>();
    for (String re : s.strings(key)) {
      try {
        out.add(Pattern.compile(re));
      } catch (PatternSyntaxException e) {
        throw s.errorAt(key, "bad content pattern '" + re + "' (RE2 syntax): " + e.getDescription());
      }
    }
    return out;
  }

  private static List<Assistant> assistants(Settings s, String file) throws PolicyException {
    Node n = s.node("assistants");
    if (n == null) {
      return List.of();
    }
    if (!(n instanceof SequenceNode seq)) {
      throw s.errorAt("assistants", "'assistants' must be a list of {name, pattern}");
    }
    List<Assistant> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      Settings a = Settings.of(file, item, "an assistant");
      a.requireOnly(Set.of("name", "pattern"), "an assistant");
      String name = a.string("name", "");
      String re = a.string("pattern", "");
      if (name.isBlank() || re.isBlank()) {
        throw Settings.error(file, item, "an assistant needs a 'name' and a 'pattern'");
      }
      try {
        out.add(new Assistant(name, Pattern.compile(re)));
      } catch (PatternSyntaxException e) {
        throw a.errorAt("pattern", "bad pattern '" + re + "' (RE2 syntax): " + e.getDescription());
      }
    }
    return out;
  }

  private static List<String> identityList(Settings s, String key, String what) throws PolicyException {
    List<String> out = new ArrayList<>();
    for (String id : s.strings(key)) {
      if (!IDENTITY.matcher(id).matches() && !id.contains("@")) {
        throw s.errorAt(key, what + " '" + id + "' must be a person (@alice), a team (@org/team) or an e-mail address");
      }
      out.add(id);
    }
    return List.copyOf(out);
  }

  private static Map<String, List<String>> identityMap(Settings s, String key, boolean team) throws PolicyException {
    Settings m = s.section(key);
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String id : m.keys()) {
      if (!IDENTITY.matcher(id).matches() || team != id.contains("/")) {
        throw m.errorAtKey(id, (team ? "team names look like @org/team" : "identities look like @alice") + ", not '" + id + "'");
      }
      out.put(id, team ? identityList(m, id, "team member") : m.strings(id));
    }
    return Map.copyOf(out);
  }

  private static Settings loadDefaults() {
    try (InputStream in = ChangePolicy.class.getResourceAsStream("defaults.yml")) {
      if (in == null) {
        throw new IllegalStateException("defaults.yml is missing from the change family's jar");
      }
      return PolicyFiles.parse("defaults.yml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (PolicyException e) {
      throw new IllegalStateException("the built-in defaults.yml is broken: " + e.getMessage(), e);
    }
  }
}
