package dev.shipgate.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.gate.ScanReport;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.FindingStatus;
import dev.shipgate.core.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Signed records of gate runs: an in-toto Statement v1 whose subject is the git commit and tree, with a shipgate
 * predicate, in a DSSE envelope. The envelope and key formats are those {@code cosign verify-blob-attestation} reads.
 */
public final class Attestations {

  public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
  public static final String PREDICATE_TYPE = "https://shipgate.dev/attestation/gate/v1";
  /** Where the per-repository key lives when no key is configured (relative to the work tree's top). */
  public static final String REPO_KEY_DIR = ".shipgate/keys";
  public static final String REPO_KEY = "attestation.key";
  public static final String REPO_PUBLIC_KEY = "attestation.pub";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_UNCOMMITTED_LISTED = 50;

  private Attestations() {}

  /**
   * What {@link #attestScan} did.
   *
   * @param keyFile the private key used
   * @param publicKeyFile the public key to add to {@code scanners.change.trusted_keys} for a per-repository key, or
   *     null for a configured key
   * @param generated whether the per-repository key was created by this call
   * @param messages what to tell the user (which key signed, how to trust it, uncommitted changes)
   */
  public record Attested(Path out, String keyId, Path keyFile, Path publicKeyFile, boolean generated, Subject subject,
      List<String> messages) {
    public Attested {
      messages = List.copyOf(messages);
    }
  }

  /**
   * The result of {@link #verify}: who signed, what it names, and every problem found.
   *
   * @param signer the trusted identity whose key verified the signature, or "" when none did
   * @param problems why the attestation must not be trusted; empty when signature, subject and policy digest hold
   * @param notes checks that could not be made (e.g. the subject outside a repository), for the user to know
   * @param predicate the shipgate predicate, or null when the payload is not a shipgate statement
   */
  public record Verified(String signer, String keyId, String commit, String tree, boolean verdictPassed,
      List<String> problems, List<String> notes, JsonNode predicate) {
    public Verified {
      problems = List.copyOf(problems);
      notes = List.copyOf(notes);
    }

    public boolean ok() {
      return problems.isEmpty();
    }

    /** With {@code --require-pass} the recorded verdict must also be a pass. */
    public List<String> problems(boolean requirePass) {
      if (!requirePass || verdictPassed || predicate == null) {
        return problems;
      }
      List<String> all = new ArrayList<>(problems);
      all.add("the attested gate verdict is not a pass (--require-pass): " + reasons(predicate));
      return List.copyOf(all);
    }
  }

  /** {@link #attestScan(ScanReport, Path, Optional, Path, List)} without approvals. */
  public static Attested attestScan(ScanReport report, Path repoRoot, Optional<Path> keyFile, Path out)
      throws EvidenceException {
    return attestScan(report, repoRoot, keyFile, out, List.of());
  }

  /**
   * Writes a signed attestation of one gate run to {@code out}.
   *
   * @param repoRoot any directory in the scanned repository
   * @param keyFile a PKCS#8 PEM private key; when empty, the per-repository key under {@code .shipgate/keys/} is used
   *     and generated (ECDSA P-256, mode 600, ignored by git) on first use
   * @param approvals verified approvals the gate applied to this change
   */
  public static Attested attestScan(ScanReport report, Path repoRoot, Optional<Path> keyFile, Path out,
      List<Approval> approvals) throws EvidenceException {
    Subject subject = Subject.of(repoRoot);
    List<String> messages = new ArrayList<>();
    SigningKey key;
    Path keyPath;
    Path publicPath = null;
    boolean generated = false;
    if (keyFile.isPresent()) {
      keyPath = keyFile.get();
      if (!Files.isRegularFile(keyPath)) {
        throw new EvidenceException("the signing key " + keyPath + " does not exist");
      }
      key = SigningKey.read(keyPath);
      messages.add("attestation signed with " + keyPath + " (key " + key.keyId() + ")");
    } else {
      Path dir = subject.topLevel().resolve(REPO_KEY_DIR);
      keyPath = dir.resolve(REPO_KEY);
      publicPath = dir.resolve(REPO_PUBLIC_KEY);
      generated = !Files.exists(keyPath);
      key = repositoryKey(dir, keyPath, publicPath);
      String pub = REPO_KEY_DIR + "/" + REPO_PUBLIC_KEY;
      messages.add((generated ? "generated a per-repository signing key " : "attestation signed with the per-repository key ")
          + REPO_KEY_DIR + "/" + REPO_KEY + " (key " + key.keyId() + "; kept out of git by " + REPO_KEY_DIR
          + "/.gitignore), because no key was configured");
      messages.add("to trust it, add its public key to shipgate.yml: scanners: {change: {trusted_keys: {\"@ci\": " + pub
          + "}}}; for CI, pass a key kept in a secret store instead");
    }
    if (!subject.clean()) {
      messages.add("the work tree has " + subject.uncommitted().size() + " uncommitted change(s); the attestation names "
          + "commit " + subject.commit() + " and records them");
    }
    Optional<AuditLog.Head> audit = AuditLog.head(subject.topLevel().resolve(AuditLog.FILE));
    byte[] statement = statement(report, subject, approvals, audit);
    // An empty keyid, as cosign writes: cosign skips a signature whose keyid differs from the id it derives itself
    // (an SSH-style fingerprint), so any other value would fail `cosign verify-blob-attestation`.
    Envelope envelope = Dsse.sign(Dsse.IN_TOTO, statement, key.privateKey(), "");
    try {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      envelope.write(out);
    } catch (IOException e) {
      throw new EvidenceException("cannot write the attestation " + out + ": " + e.getMessage(), e);
    }
    return new Attested(out, key.keyId(), keyPath, publicPath, generated, subject, messages);
  }

  /** Reads the per-repository key, creating it (and the ignore rule keeping it out of git) on first use. */
  private static SigningKey repositoryKey(Path dir, Path keyPath, Path publicPath) throws EvidenceException {
    try {
      Files.createDirectories(dir);
      Path ignore = dir.resolve(".gitignore");
      if (!Files.exists(ignore)) {
        Files.writeString(ignore, "# Private signing keys never belong in git.\n*.key\n", StandardCharsets.UTF_8);
      } else if (Files.readAllLines(ignore, StandardCharsets.UTF_8).stream().map(String::strip)
          .noneMatch(l -> l.equals("*.key") || l.equals(REPO_KEY) || l.equals("/" + REPO_KEY))) {
        Files.writeString(ignore, "\n*.key\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      }
      if (!Files.exists(keyPath)) {
        KeyPair pair = Keys.generate(Keys.Algorithm.P256); // the algorithm cosign defaults to
        try {
          Keys.writePrivateKey(keyPath, pair.getPrivate());
        } catch (FileAlreadyExistsException e) {
          // A concurrent run created it first: use that one.
        }
      }
      SigningKey key = SigningKey.read(keyPath);
      if (!Files.exists(publicPath)) {
        Keys.writePublicKey(publicPath, key.publicKey());
      } else if (!Keys.keyId(Keys.readPublicKey(publicPath)).equals(key.keyId())) {
        throw new EvidenceException(publicPath + " is not the public half of " + keyPath + ": delete the stale file "
            + "(it is written again from the private key) and update scanners.change.trusted_keys");
      }
      return key;
    } catch (IOException e) {
      throw new EvidenceException("cannot create the per-repository signing key in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The in-toto statement of a run, as UTF-8 JSON. */
  public static byte[] statement(ScanReport report, Subject subject, List<Approval> approvals,
      Optional<AuditLog.Head> audit) {
    ObjectNode root = JSON.createObjectNode();
    root.put("_type", STATEMENT_TYPE);
    ArrayNode subjects = root.putArray("subject");
    subjects.addObject().put("name", "commit").putObject("digest").put("gitCommit", subject.commit());
    subjects.addObject().put("name", "tree").putObject("digest").put("gitTree", subject.tree());
    root.put("predicateType", PREDICATE_TYPE);
    ObjectNode p = root.putObject("predicate");
    p.putObject("tool").put("name", "shipgate").put("version", report.toolVersion());
    ArrayNode packs = p.putArray("rulePacks");
    report.rulePacks().forEach(r -> packs.addObject().put("family", r.family()).put("version", r.version())
        .put("rules", r.rules()));
    p.putObject("policy").put("source", report.policySource()).put("digest", report.policyDigest());
    advisoryDatabase(report.notes()).ifPresentOrElse(d -> p.put("advisoryDatabase", d), () -> p.putNull("advisoryDatabase"));

    ObjectNode run = p.putObject("run");
    run.put("startedAt", report.startedAt().toString());
    run.put("durationMillis", report.millis());
    run.put("summary", report.summaryLine());
    if (report.diff() == null) {
      run.putNull("diff");
    } else {
      run.putObject("diff").put("mode", report.diff().mode()).put("ref", report.diff().ref())
          .put("commit", report.diff().commit()).put("changedFiles", report.diff().changedFiles());
    }
    ObjectNode wt = p.putObject("workTree");
    wt.put("clean", subject.clean());
    wt.put("uncommittedCount", subject.uncommitted().size());
    ArrayNode listed = wt.putArray("uncommitted");
    subject.uncommitted().stream().limit(MAX_UNCOMMITTED_LISTED).forEach(listed::add);

    ArrayNode scanners = p.putArray("scanners");
    for (Coverage c : report.coverage()) {
      ObjectNode s = scanners.addObject();
      s.put("family", c.family()).put("version", c.version()).put("rules", c.rules())
          .put("filesScanned", c.filesScanned()).put("skipped", c.skipped().size());
      ArrayNode errors = s.putArray("errors");
      c.errors().forEach(e -> errors.add(e.toString()));
    }

    ObjectNode findings = p.putObject("findings");
    findings.put("total", report.findings().size());
    findings.put("blocking", report.blocking());
    findings.put("warnings", report.warnings());
    ObjectNode bySeverity = findings.putObject("bySeverity");
    List<Severity> worstFirst = new ArrayList<>(List.of(Severity.values()));
    java.util.Collections.reverse(worstFirst);
    for (Severity s : worstFirst) {
      bySeverity.put(s.label(), report.findings().stream().filter(f -> f.severity() == s).count());
    }
    ObjectNode byStatus = findings.putObject("byStatus");
    for (FindingStatus s : FindingStatus.values()) {
      byStatus.put(s.name().toLowerCase(Locale.ROOT), report.count(s));
    }

    ArrayNode checks = p.putArray("checks");
    for (CheckResult c : CheckResult.of(report)) {
      ObjectNode n = checks.addObject();
      n.put("id", c.id()).put("family", c.family()).put("severity", c.severity()).put("status", c.status().label());
      c.cwe().forEach(n.withArray("cwe")::add);
      c.tags().forEach(n.withArray("tags")::add);
      n.put("open", c.open()).put("blocking", c.blocking()).put("waived", c.waived()).put("preexisting", c.preexisting());
      c.waivedBy().forEach(n.withArray("waivedBy")::add);
    }

    ArrayNode waivers = p.putArray("waivers");
    for (Finding f : report.findings()) {
      if (f.status() == FindingStatus.WAIVED) {
        waivers.addObject().put("rule", f.ruleId()).put("path", f.location().path()).put("line", f.location().startLine())
            .put("fingerprint", f.fingerprint()).put("decision", f.statusReason());
      }
    }
    ArrayNode approved = p.putArray("approvals");
    approvals.forEach(a -> approved.addObject().put("approver", a.approver()).put("scope", a.scope())
        .put("keyId", a.keyId()));
    audit.ifPresentOrElse(h -> p.putObject("auditLog").put("seq", h.seq()).put("digest", h.digest()),
        () -> p.putNull("auditLog"));
    ObjectNode notes = p.putObject("notes");
    new java.util.TreeMap<>(report.notes()).forEach(notes::put);

    ObjectNode verdict = p.putObject("verdict");
    verdict.put("passed", report.verdict().passed());
    verdict.put("exitCode", report.verdict().exitCode());
    ArrayNode reasons = verdict.putArray("reasons");
    report.verdict().reasons().forEach(reasons::add);
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The advisory database's age as the run's notes state it: the note {@code advisory-database}, or else the first
   * note whose key mentions the database. Empty when the run made no such note (e.g. the deps family did not run).
   */
  static Optional<String> advisoryDatabase(Map<String, String> notes) {
    String exact = notes.get("advisory-database");
    if (exact != null) {
      return Optional.of(exact);
    }
    return notes.entrySet().stream()
        .filter(e -> e.getKey().toLowerCase(Locale.ROOT).contains("database") || e.getKey().equalsIgnoreCase("db"))
        .map(Map.Entry::getValue).sorted().findFirst();
  }

  /**
   * Verifies an attestation file: a DSSE envelope of an in-toto statement, signed by a trusted key, whose subject is
   * the repository's HEAD commit and tree (checked when {@code repoRoot} is in a repository with commits) and whose
   * policy digest is {@code expectedPolicyDigest} (checked unless null). A malformed file is a problem in the result;
   * only a missing file is an exception.
   */
  public static Verified verify(Path file, TrustedKeys trusted, Path repoRoot, String expectedPolicyDigest)
      throws EvidenceException {
    return check(file, trusted, Optional.of(repoRoot), expectedPolicyDigest);
  }

  /**
   * Verifies only that the file is a shipgate statement signed by a trusted key, for reading a past run's results
   * (a compliance report): its subject need not be today's HEAD.
   */
  public static Verified verifySignature(Path file, TrustedKeys trusted) throws EvidenceException {
    return check(file, trusted, Optional.empty(), null);
  }

  private static Verified check(Path file, TrustedKeys trusted, Optional<Path> repoRoot, String expectedPolicyDigest)
      throws EvidenceException {
    if (!Files.isRegularFile(file)) {
      throw new EvidenceException("the attestation " + file + " does not exist");
    }
    Envelope envelope;
    try {
      envelope = Envelope.read(file);
    } catch (EvidenceException e) {
      return new Verified("", "", "", "", false, List.of(e.getMessage()), List.of(), null);
    }
    List<String> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (!envelope.payloadType().equals(Dsse.IN_TOTO)) {
      problems.add("payloadType is '" + envelope.payloadType() + "', not " + Dsse.IN_TOTO);
    }
    Dsse.Verification v = Dsse.verify(envelope, trusted);
    if (!v.verified()) {
      problems.add("signature: " + v.failure());
    }
    JsonNode statement;
    try {
      statement = JSON.readTree(envelope.payload());
    } catch (JsonProcessingException e) {
      statement = null;
    } catch (IOException e) {
      throw new EvidenceException("cannot read the payload of " + file + ": " + e.getMessage(), e);
    }
    if (statement == null || !statement.isObject()) {
      problems.add("the payload is not a JSON in-toto statement");
      return new Verified(v.identity(), v.keyId(), "", "", false, problems, notes, null);
    }
    if (!STATEMENT_TYPE.equals(statement.path("_type").asText())) {
      problems.add("_type is '" + statement.path("_type").asText() + "', not " + STATEMENT_TYPE);
    }
    if (!PREDICATE_TYPE.equals(statement.path("predicateType").asText())) {
      problems.add("predicateType is '" + statement.path("predicateType").asText() + "', not " + PREDICATE_TYPE);
    }
    String commit = subjectDigest(statement, "gitCommit");
    String tree = subjectDigest(statement, "gitTree");
    Optional<Subject.Head> head = repoRoot.isPresent() ? Subject.head(repoRoot.get()) : Optional.empty();
    if (repoRoot.isPresent() && head.isEmpty()) {
      notes.add("subject not checked: " + repoRoot.get() + " is not in a git repository with commits");
    } else if (head.isPresent()) {
      if (!head.get().commit().equals(commit)) {
        problems.add("subject: the attestation names commit " + (commit.isEmpty() ? "(none)" : commit)
            + " but HEAD is " + head.get().commit());
      }
      if (!head.get().tree().equals(tree)) {
        problems.add("subject: the attestation names tree " + (tree.isEmpty() ? "(none)" : tree) + " but HEAD's tree is "
            + head.get().tree());
      }
    }
    JsonNode predicate = statement.path("predicate");
    if (!predicate.isObject()) {
      problems.add("the statement has no predicate");
      return new Verified(v.identity(), v.keyId(), commit, tree, false, problems, notes, null);
    }
    String digest = predicate.path("policy").path("digest").asText();
    if (expectedPolicyDigest != null && !expectedPolicyDigest.equals(digest)) {
      problems.add("policy: the run used policy " + (digest.isEmpty() ? "(none recorded)" : digest) + " ("
          + predicate.path("policy").path("source").asText() + ") but the expected policy is " + expectedPolicyDigest);
    }
    if (!predicate.path("workTree").path("clean").asBoolean(true)) {
      notes.add("the run also judged " + predicate.path("workTree").path("uncommittedCount").asInt()
          + " uncommitted change(s) not in the attested commit");
    }
    boolean passed = predicate.path("verdict").path("passed").asBoolean(false);
    return new Verified(v.identity(), v.keyId(), commit, tree, passed, problems, notes, predicate);
  }

  private static String subjectDigest(JsonNode statement, String algorithm) {
    for (JsonNode s : statement.path("subject")) {
      JsonNode d = s.path("digest").path(algorithm);
      if (d.isTextual()) {
        return d.asText();
      }
    }
    return "";
  }

  private static String reasons(JsonNode predicate) {
    List<String> out = new ArrayList<>();
    predicate.path("verdict").path("reasons").forEach(r -> out.add(r.asText()));
    return out.isEmpty() ? "exit code " + predicate.path("verdict").path("exitCode").asText("?") : String.join("; ", out);
  }
}
