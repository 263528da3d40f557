package dev.shipgate.scanner.change;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.ProjectScanner;
import dev.shipgate.core.scan.ScanContext;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.evidence.TrustedKeys;
import dev.shipgate.git.ChangeSet;
import dev.shipgate.git.GitException;
import dev.shipgate.git.GitWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code change} family: governance of the change itself rather than its code. Runs only in diff mode (run
 * options {@code base} or {@code staged}); classifies the change into risk tiers, checks AI-assistance disclosure,
 * verifies signed approval records and code-host approvals against the owners each tier needs, and checks the
 * assistants' ignore files. Approvals are judged in base mode only: a staged change has no commits to approve yet.
 */
public final class ChangeScanner implements ProjectScanner {

  /** Bump when the findings for the same input change. */
  public static final String VERSION = "1.0.0";
  static final String NOTES_DIR = ".shipgate/notes";
  /** Longer branches are judged on their newest commits; the limit keeps a mistaken base from walking all history. */
  static final int MAX_COMMITS = 10_000;

  static final List<ChangeRule> RULES = List.of(
      new MissingApprovalRule(), new GatePolicyChangeRule(), new CodeOwnersMalformedRule(),
      new NoteMissingRule(), new NoteIncompleteRule(), new NoteNamesUnchangedFileRule(),
      new InvalidRecordRule(), new ExpiredRecordRule(), new SelfApprovalRule(), new NotAuthorizedRule(),
      new StaleApprovalRule(), new AiIgnoreMissingRule(), new AiIgnoreStaleRule());

  private final Clock clock;

  public ChangeScanner() {
    this(Clock.systemUTC());
  }

  ChangeScanner(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String family() {
    return ChangeRule.FAMILY;
  }

  @Override
  public String version() {
    return VERSION;
  }

  @Override
  public List<Rule> rules() {
    return RULES.stream().map(ChangeRule::rule).toList();
  }

  @Override
  public Set<String> settingKeys() {
    return ChangePolicy.KEYS;
  }

  /** The section is read as a scan in diff mode reads it, so a bad value fails at policy load (exit 2) in every mode. */
  @Override
  public void validate(Settings section) throws PolicyException {
    ChangePolicy.from(section);
  }

  /** Only what the family reads from the tree; everything else about the change comes from git. */
  @Override
  public boolean accepts(String path) {
    return CodeOwners.LOCATIONS.contains(path) || path.startsWith(NOTES_DIR + "/") || path.startsWith(Records.DIR + "/");
  }

  @Override
  public void scan(List<SourceFile> files, ScanContext context) throws IOException {
    Optional<String> base = context.option("base");
    boolean staged = context.option("staged").map("true"::equals).orElse(false);
    if (base.isEmpty() && !staged) {
      return;
    }
    ChangePolicy policy;
    try {
      policy = ChangePolicy.from(context.settings());
    } catch (PolicyException e) {
      context.error(displayName(e.file()), e.line(), e.getMessage());
      return;
    }
    try {
      Optional<GitWorkspace> found = GitWorkspace.find(context.root());
      if (found.isEmpty()) {
        context.error("", 0, "the change family needs a git repository, and " + context.root() + " is not inside one");
        return;
      }
      try (GitWorkspace ws = found.get()) {
        ChangeSet cs = staged ? ws.staged() : ws.diffAgainst(base.get());
        Map<String, SourceFile> offered = new HashMap<>();
        files.forEach(f -> offered.put(f.path(), f));
        Governance g = gather(ws, cs, staged ? "HEAD" : base.get(), policy, new Tree(ws.topLevel(), offered), context);
        if (g == null || context.cancelled()) {
          return;
        }
        for (ChangeRule r : RULES) {
          r.check(g, context::report);
        }
        approvalsNote(g).ifPresent(n -> context.note(APPROVALS_NOTE, n));
      }
    } catch (GitException e) {
      context.error("", 0, e.getMessage());
    }
  }

  /** The run note listing whose approvals counted, per tier; the attestation carries it (`scan --attest`). */
  public static final String APPROVALS_NOTE = "change-approvals";

  /**
   * "{@code @alice for tier 'auth'; @bob for tier 'payments'}": every identity whose approval counted for a tier the
   * change touches, or empty when none did.
   */
  private static Optional<String> approvalsNote(Governance g) {
    if (g.staged()) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    for (Tier tier : g.policy.tiers().values()) {
      if (g.tiers.containsKey(tier.name())) {
        for (String identity : g.counted(g.requirement(tier))) {
          parts.add(identity + " for tier '" + tier.name() + "'");
        }
      }
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
  }

  /** Everything the rules judge; null when an input was unusable (already reported as an error). */
  private Governance gather(GitWorkspace ws, ChangeSet cs, String baseRef, ChangePolicy policy, Tree tree,
      ScanContext context) throws IOException, GitException {
    Change change = Change.of(cs);
    boolean staged = cs.mode().equals("staged");
    String head = ws.head().orElse("");
    List<GitWorkspace.Commit> commits = staged ? List.of() : ws.commitsSince(cs.baseCommit(), MAX_COMMITS);
    CodeOwners owners = baseCodeOwners(cs, context);
    CodeOwners currentOwners = currentCodeOwners(tree, context);
    Map<String, List<Classifier.Hit>> tiers = new Classifier(policy).classify(change.files());
    Optional<DependencyReview.Result> dependencies = DependencyReview.of(cs);
    dependencies.ifPresent(d -> {
      if (!d.diff().isEmpty()) {
        context.note(DEPENDENCIES_NOTE, DependencyReview.describe(d));
      }
    });
    tiers = DependencyReview.withNewDirect(policy, tiers, dependencies);
    List<AiAssistance.Evidence> ai = new AiAssistance(policy.assistants()).detect(commits);

    String branch = context.option("branch").orElseGet(() -> ws.branch().orElse(""));
    Set<String> named = new LinkedHashSet<>();
    if (!branch.isEmpty()) {
      named.add(NOTES_DIR + "/" + branch + ".md");
      named.add(NOTES_DIR + "/" + branch.replace('/', '-') + ".md");
    }
    named.add(NOTES_DIR + "/" + change.shortId() + ".md");
    List<String> candidates = List.copyOf(named);
    Optional<Governance.Note> note = note(ws, change, candidates, tree, context);
    if (note == null) {
      return null;
    }

    List<Governance.Grant> grants = new ArrayList<>();
    List<Records.Verified> acceptances = new ArrayList<>();
    Records.Result records = new Records.Result(List.of(), List.of(), List.of());
    if (!staged) {
      Optional<String> reviewsFile = context.option("reviews");
      if (reviewsFile.isPresent() && !reviews(reviewsFile.get(), head, Identities.of(policy), grants, context)) {
        return null;
      }
      TrustedKeys trusted = trustedKeys(context.settings(), cs, ws.topLevel(), context);
      if (trusted == null) {
        return null;
      }
      records = Records.load(tree, trusted, Instant.now(clock));
      for (Records.Unreadable u : records.unreadable()) {
        context.error(u.path(), u.line(), u.message());
      }
      Set<String> changed = new LinkedHashSet<>(change.paths());
      for (Records.Verified v : records.verified()) {
        ApprovalRecord r = v.record();
        if (r.kind().equals(ApprovalRecord.APPROVAL) && r.tier() != null) {
          boolean current = r.change().equals(change.id());
          if (current || changed.contains(v.path())) {
            grants.add(new Governance.Grant(r.approver(), Governance.Source.RECORD, r.tier(), v.path(), v.path(), 1,
                current ? null : "it approves change " + r.change() + ", and this change is " + change.id()
                    + " (files changed after it was signed)"));
          }
        } else if (r.kind().equals(ApprovalRecord.WAIVER) || r.change().equals(change.id())) {
          acceptances.add(v);
        }
      }
    }
    Map<String, Governance.AiIgnoreState> aiIgnore = policy.aiIgnoreCheck() ? aiIgnore(policy, tree) : Map.of();
    return new Governance(policy, change, baseRef, commits, owners, currentOwners, tiers, ai, note, candidates, grants,
        acceptances, records, aiIgnore, dependencies);
  }

  /** The run note with the change's dependency changes (added, removed, upgraded, downgraded, newly direct). */
  public static final String DEPENDENCIES_NOTE = "dependency-changes";


  /**
   * CODEOWNERS as of the base, so a change cannot make its author an owner of what it changes (GitHub also reads it
   * from the base branch); the first of GitHub's locations that exists is used.
   */
  private static CodeOwners baseCodeOwners(ChangeSet cs, ScanContext context) throws GitException, IOException {
    for (String loc : CodeOwners.LOCATIONS) {
      Optional<SourceFile> before = cs.before(loc);
      if (before.isPresent()) {
        if (before.get().size() > CodeOwners.MAX_BYTES) {
          context.error(loc, 0, "the base version is larger than " + CodeOwners.MAX_BYTES + " bytes; GitHub ignores such a CODEOWNERS file");
          return CodeOwners.none();
        }
        return CodeOwners.parse(loc, before.get().text());
      }
    }
    return CodeOwners.none();
  }

  /** CODEOWNERS as the change leaves it, for its malformed lines: the author can fix them in this change. */
  private static CodeOwners currentCodeOwners(Tree tree, ScanContext context) throws IOException {
    for (String loc : CodeOwners.LOCATIONS) {
      try {
        Optional<byte[]> after = tree.read(loc, CodeOwners.MAX_BYTES);
        if (after.isPresent()) {
          return CodeOwners.parse(loc, new String(after.get(), StandardCharsets.UTF_8));
        }
      } catch (Tree.TooLarge e) {
        context.error(loc, 0, e.getMessage() + "; GitHub ignores such a CODEOWNERS file");
        return CodeOwners.none();
      }
    }
    return CodeOwners.none();
  }

  /** The change's note, if any; null when the note given or found is unusable (reported as an error). */
  private static Optional<Governance.Note> note(GitWorkspace ws, Change change, List<String> candidates, Tree tree,
      ScanContext context) throws IOException {
    Optional<String> given = context.option("note-file");
    if (given.isPresent()) {
      Path file = Path.of(given.get()).toAbsolutePath().normalize();
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        context.error(given.get(), 0, "the note file given with --note-file does not exist or is not a regular file");
        return null;
      }
      if (Files.size(file) > ChangeNote.MAX_BYTES) {
        context.error(given.get(), 0, "larger than " + ChangeNote.MAX_BYTES + " bytes; not a change note");
        return null;
      }
      String repoPath = null;
      try {
        repoPath = ws.relativize(file);
      } catch (IllegalArgumentException outside) {
        // A pull-request description saved outside the work tree: findings point at the change instead.
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return Optional.of(new Governance.Note(ChangeNote.parse(given.get(), text), repoPath, given.get()));
    }
    List<String> paths = new ArrayList<>(candidates);
    for (String p : change.paths()) {
      if (p.startsWith(NOTES_DIR + "/") && p.endsWith(".md") && !paths.contains(p)) {
        paths.add(p);
      }
    }
    for (String p : paths) {
      Optional<byte[]> bytes;
      try {
        bytes = tree.read(p, ChangeNote.MAX_BYTES);
      } catch (Tree.TooLarge e) {
        context.error(p, 0, e.getMessage());
        return null;
      }
      if (bytes.isPresent()) {
        return Optional.of(new Governance.Note(ChangeNote.parse(p, new String(bytes.get(), StandardCharsets.UTF_8)), p, p));
      }
    }
    return Optional.empty();
  }

  /** Adds the code host's standing approvals; false when the file is unusable (reported as an error). */
  private static boolean reviews(String file, String head, Identities ids, List<Governance.Grant> grants, ScanContext context) {
    Path p = Path.of(file).toAbsolutePath().normalize();
    List<Reviews.Approval> approvals;
    try {
      if (!Files.isRegularFile(p) || Files.size(p) > Reviews.MAX_BYTES) {
        context.error(file, 0, Files.isRegularFile(p) ? "larger than " + Reviews.MAX_BYTES + " bytes; not a review list"
            : "the review list given with --reviews does not exist");
        return false;
      }
      approvals = Reviews.parse(Files.readAllBytes(p));
    } catch (Reviews.ReviewsException e) {
      context.error(file, e.line(), e.getMessage());
      return false;
    } catch (IOException e) {
      context.error(file, 0, "cannot read: " + e.getMessage());
      return false;
    }
    for (Reviews.Approval a : approvals) {
      String where = "review by " + a.login() + " in " + file + " (line " + a.line() + ")";
      String stale = a.commit() != null && !a.commit().equalsIgnoreCase(head)
          ? "it was given on commit " + abbreviate(a.commit()) + ", and the head is " + abbreviate(head) + "; new "
              + "commits since then are unreviewed" : null;
      grants.add(new Governance.Grant(ids.ofLogin(a.login()), Governance.Source.REVIEW, null, where, null, 0, stale));
    }
    return true;
  }

  private static TrustedKeys trustedKeys(Settings settings, ChangeSet cs, Path top, ScanContext context) throws GitException, IOException {
    try {
      return BaseKeys.forChange(settings, cs, top);
    } catch (PolicyException e) {
      context.error(displayName(e.file()), e.line(), e.getMessage());
      return null;
    }
  }

  private Map<String, Governance.AiIgnoreState> aiIgnore(ChangePolicy policy, Tree tree) throws IOException {
    Map<String, Governance.AiIgnoreState> out = new LinkedHashMap<>();
    for (String file : policy.aiIgnoreFiles().values()) {
      Optional<byte[]> bytes;
      try {
        bytes = tree.read(file, 1024 * 1024);
      } catch (Tree.TooLarge e) {
        out.put(file, new Governance.AiIgnoreState(file, true, e.getMessage()));
        continue;
      }
      if (bytes.isEmpty()) {
        out.put(file, new Governance.AiIgnoreState(file, false, null));
        continue;
      }
      String text = new String(bytes.get(), StandardCharsets.UTF_8);
      String stale;
      try {
        AiIgnore.Section s = AiIgnore.find(text);
        stale = s.begin() == 0 ? "has no section managed by shipgate, so the policy's sensitive paths are not in it"
            : s.lines().equals(AiIgnore.body(policy.sensitivePaths())) ? null
            : "the managed section (line " + s.begin() + ") lists " + s.lines().size() + " paths, and the policy now has "
                + policy.sensitivePaths().size() + " different ones";
      } catch (AiIgnore.MarkerException e) {
        stale = "line " + e.line() + ": " + e.getMessage();
      }
      out.put(file, new Governance.AiIgnoreState(file, true, stale));
    }
    return out;
  }

  private static String abbreviate(String commit) {
    return commit.length() > 12 ? commit.substring(0, 12) : commit;
  }

  /** Policy files are named as the policy loader named them; absolute paths are shortened to the file name. */
  static String displayName(String file) {
    String f = file == null ? "shipgate.yml" : file.replace('\\', '/');
    return f.startsWith("/") ? f.substring(f.lastIndexOf('/') + 1) : f;
  }
}
