package dev.shipgate.evidence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.shipgate.core.gate.ScanReport;
import dev.shipgate.core.gate.Verdict;
import dev.shipgate.git.GitException;
import dev.shipgate.git.GitWorkspace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An append-only JSON Lines log of gate decisions, approvals and waivers, chained by SHA-256: each entry carries a
 * sequence number, the previous entry's digest and its own digest over everything before the digest field. Editing,
 * deleting, inserting or reordering entries breaks the chain at the first affected line; removing entries from the
 * end is only visible against a head digest recorded elsewhere (attestations record it).
 *
 * <pre>
 * {"seq":1,"time":"2026-11-22T01:00:00Z","kind":"gate","actor":"@alice","commit":"9fceb02...","verdict":"pass",
 *  "summary":"scanned 10 files ...","details":{...},"prev":"sha256:000...","digest":"sha256:5d4..."}
 * </pre>
 */
public final class AuditLog {

  /** The log's place in a repository. */
  public static final String FILE = dev.shipgate.core.walk.FileWalker.AUDIT_LOG;
  static final String GENESIS = "sha256:" + "0".repeat(64);

  /** Streaming JSON only: every scan appends an entry, and Jackson's object mapper would add a third of a second cold. */
  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern LINE = Pattern.compile("(\\{.*),\"digest\":\"(sha256:[0-9a-f]{64})\"}");
  /** Appends in one process take turns here; other processes are kept out by the file lock. */
  private static final Object APPEND = new Object();

  private AuditLog() {}

  /** The last entry: its sequence number and digest. */
  public record Head(long seq, String digest) {}

  /**
   * One thing to record.
   *
   * @param kind {@code gate}, {@code approval}, {@code waiver}, or another word naming the decision
   * @param actor who made it, when known ({@code @alice}); "" otherwise
   * @param commit the commit it concerns, or ""
   * @param verdict {@code pass}, {@code fail}, {@code error} for gate decisions; what was decided otherwise
   * @param details further facts, sorted by key in the entry; never secrets
   */
  public record Event(String kind, String actor, String commit, String verdict, String summary,
      Map<String, String> details) {
    public Event {
      details = Map.copyOf(details);
    }
  }

  /** The outcome of {@link #verify}: entries read, the head, and the first problem (line 0 for whole-file problems). */
  public record Result(int entries, Optional<Head> head, int badLine, String problem) {
    public boolean ok() {
      return problem.isEmpty();
    }
  }

  /**
   * Records a gate decision in the repository's log ({@code .shipgate/audit.jsonl} at the work tree's top, or in
   * {@code dir} outside a repository).
   */
  public static Head recordScan(Path dir, ScanReport report) throws EvidenceException {
    try (GitWorkspace ws = GitWorkspace.find(dir).orElse(null)) {
      return ws == null ? recordScan(dir.toAbsolutePath().normalize(), "", report)
          : recordScan(ws.topLevel(), ws.head().orElse(""), report);
    } catch (GitException e) {
      throw new EvidenceException(e.getMessage(), e);
    }
  }

  /** Records a gate decision of the work tree {@code topLevel} at {@code commit} ("" before the first commit). */
  public static Head recordScan(Path topLevel, String commit, ScanReport report) throws EvidenceException {
    Verdict v = report.verdict();
    Map<String, String> details = new LinkedHashMap<>();
    details.put("tool", report.toolVersion());
    details.put("policy", report.policySource());
    details.put("policyDigest", report.policyDigest());
    details.put("blocking", Long.toString(report.blocking()));
    details.put("warnings", Long.toString(report.warnings()));
    details.put("errors", Integer.toString(report.errorCount()));
    if (report.diff() != null) {
      details.put("diff", report.diff().mode() + " " + report.diff().ref() + " " + report.diff().commit());
    }
    if (!v.reasons().isEmpty()) {
      details.put("reasons", String.join("; ", v.reasons()));
    }
    String verdict = v.passed() ? "pass" : v.exitCode() == Verdict.ERROR ? "error" : "fail";
    Event e = new Event("gate", currentActor(), commit, verdict, report.summaryLine(), details);
    return append(topLevel.resolve(FILE), e, Clock.systemUTC());
  }

  /** Records an approval the gate accepted. */
  public static Head recordApproval(Path repoRoot, Approval approval, String commit) throws EvidenceException {
    Event e = new Event("approval", approval.approver(), commit, "approved", approval.scope(),
        approval.keyId().isEmpty() ? Map.of() : Map.of("keyId", approval.keyId()));
    return append(Subject.root(repoRoot).resolve(FILE), e, Clock.systemUTC());
  }

  /** Records a waiver: who accepted which finding or rule, why, and until when. */
  public static Head recordWaiver(Path repoRoot, String approver, String scope, String reason, String expires,
      String commit) throws EvidenceException {
    Event e = new Event("waiver", approver, commit, "waived", scope, Map.of("reason", reason, "expires", expires));
    return append(Subject.root(repoRoot).resolve(FILE), e, Clock.systemUTC());
  }

  /**
   * Appends one entry, holding an exclusive lock on the file so that concurrent writers (threads or processes) never
   * interleave or fork the chain. Refuses to append to a log whose last line is incomplete or altered.
   */
  public static Head append(Path file, Event event, Clock clock) throws EvidenceException {
    synchronized (APPEND) {
      try {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE)) {
          ch.lock(); // exclusive across processes; released when the channel closes, after the entry is written
          Head last = lastEntry(ch, file);
          long seq = last == null ? 1 : last.seq() + 1;
          String prev = last == null ? GENESIS : last.digest();
          StringWriter text = new StringWriter();
          try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            g.writeNumberField("seq", seq);
            g.writeStringField("time", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
            g.writeStringField("kind", event.kind());
            g.writeStringField("actor", event.actor());
            g.writeStringField("commit", event.commit());
            g.writeStringField("verdict", event.verdict());
            g.writeStringField("summary", event.summary());
            g.writeObjectFieldStart("details");
            for (Map.Entry<String, String> d : new TreeMap<>(event.details()).entrySet()) {
              g.writeStringField(d.getKey(), d.getValue());
            }
            g.writeEndObject();
            g.writeStringField("prev", prev);
            g.writeEndObject();
          }
          String body = text.toString();
          String digest = digest(body);
          String line = body.substring(0, body.length() - 1) + ",\"digest\":\"" + digest + "\"}\n";
          ch.position(ch.size());
          ByteBuffer buf = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
          while (buf.hasRemaining()) {
            ch.write(buf);
          }
          ch.force(false);
          return new Head(seq, digest);
        }
      } catch (IOException e) {
        throw new EvidenceException("cannot append to the audit log " + file + ": " + e.getMessage(), e);
      }
    }
  }

  /** The log's last entry without verifying the whole chain, or empty when there is no log or it is empty. */
  public static Optional<Head> head(Path file) throws EvidenceException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return Optional.ofNullable(lastEntry(ch, file));
    } catch (IOException e) {
      throw new EvidenceException("cannot read the audit log " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads the last line from the end of the file (logs grow without bound; appends must not read them whole). */
  private static Head lastEntry(FileChannel ch, Path file) throws IOException, EvidenceException {
    long size = ch.size();
    if (size == 0) {
      return null;
    }
    ByteBuffer one = ByteBuffer.allocate(1);
    ch.read(one, size - 1);
    if (one.get(0) != '\n') {
      throw new EvidenceException(file + ": the last entry is incomplete (the file was truncated or a write was cut "
          + "off); run `shipgate audit verify` and restore the log before recording more");
    }
    long start = size - 1;
    int chunk = 8192;
    java.io.ByteArrayOutputStream tail = new java.io.ByteArrayOutputStream();
    while (start > 0) {
      int len = (int) Math.min(chunk, start);
      ByteBuffer b = ByteBuffer.allocate(len);
      ch.read(b, start - len);
      byte[] bytes = b.array();
      int nl = -1;
      for (int i = len - 1; i >= 0; i--) {
        if (bytes[i] == '\n') {
          nl = i;
          break;
        }
      }
      if (nl >= 0) {
        byte[] joined = new byte[len - nl - 1 + tail.size()];
        System.arraycopy(bytes, nl + 1, joined, 0, len - nl - 1);
        System.arraycopy(tail.toByteArray(), 0, joined, len - nl - 1, tail.size());
        return parseChecked(new String(joined, StandardCharsets.UTF_8), file);
      }
      byte[] old = tail.toByteArray();
      tail.reset();
      tail.write(bytes, 0, len);
      tail.write(old, 0, old.length);
      start -= len;
    }
    return parseChecked(tail.toString(StandardCharsets.UTF_8), file);
  }

  private static Head parseChecked(String line, Path file) throws EvidenceException {
    Entry e = Entry.parse(line);
    if (e.problem != null) {
      throw new EvidenceException(file + ": the last entry " + e.problem + "; run `shipgate audit verify`");
    }
    return new Head(e.seq, e.digest);
  }

  /** {@link #verify(Path, Optional)} without an expected head. */
  public static Result verify(Path file) throws EvidenceException {
    return verify(file, Optional.empty());
  }

  /**
   * Checks every entry: its digest, its sequence number and its link to the entry before; and, when given, that the
   * entry with the expected head digest is still the last one (catches entries removed from the end).
   */
  public static Result verify(Path file, Optional<String> expectedHead) throws EvidenceException {
    if (!Files.isRegularFile(file)) {
      throw new EvidenceException("the audit log " + file + " does not exist");
    }
    String prev = GENESIS;
    Head head = null;
    int lineNo = 0;
    boolean endsWithNewline;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer one = ByteBuffer.allocate(1);
      endsWithNewline = ch.size() == 0 || (ch.read(one, ch.size() - 1) == 1 && one.get(0) == '\n');
    } catch (IOException e) {
      throw new EvidenceException("cannot read the audit log " + file + ": " + e.getMessage(), e);
    }
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        Entry e = Entry.parse(line);
        if (e.problem != null) {
          boolean last = !endsWithNewline && r.readLine() == null;
          return new Result(lineNo - 1, Optional.ofNullable(head), lineNo, last
              ? "incomplete last entry: the file was truncated or a write was cut off (" + e.problem + ")"
              : e.problem);
        }
        if (e.seq != lineNo) {
          return new Result(lineNo - 1, Optional.ofNullable(head), lineNo, "sequence number " + e.seq + " where " + lineNo
              + " belongs: entries were deleted, inserted or reordered before this line");
        }
        if (!e.prev.equals(prev)) {
          return new Result(lineNo - 1, Optional.ofNullable(head), lineNo, "does not follow the entry before it (its "
              + "previous-entry digest differs): the entry before was altered, or entries were deleted, inserted or "
              + "reordered here");
        }
        prev = e.digest;
        head = new Head(e.seq, e.digest);
      }
    } catch (IOException e) {
      throw new EvidenceException("cannot read the audit log " + file + ": " + e.getMessage(), e);
    }
    if (!endsWithNewline) {
      return new Result(lineNo, Optional.ofNullable(head), lineNo, "incomplete last entry: the file was truncated or a "
          + "write was cut off");
    }
    if (expectedHead.isPresent() && (head == null || !head.digest().equals(expectedHead.get()))) {
      return new Result(lineNo, Optional.ofNullable(head), 0, "the log does not end with the expected entry "
          + expectedHead.get() + (head == null ? " (it is empty)" : " (it ends with entry " + head.seq() + ", "
          + head.digest() + ")") + ": entries were removed from the end, or the log was rewritten");
    }
    return new Result(lineNo, Optional.ofNullable(head), 0, "");
  }

  /** One parsed line; {@code problem} says what is wrong with the line on its own. */
  private static final class Entry {
    long seq;
    String prev;
    String digest;
    String problem;

    static Entry parse(String line) {
      Entry e = new Entry();
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        e.problem = "is not an audit entry (a JSON object ending with its digest)";
        return e;
      }
      Long seq = null;
      String prev = null;
      try (JsonParser p = JSON.createParser(line)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          e.problem = "is not valid JSON";
          return e;
        }
        // Top-level fields only; nested values are read through (and so checked) but not kept.
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
          String field = p.currentName();
          JsonToken value = p.nextToken();
          if (field.equals("seq") && value == JsonToken.VALUE_NUMBER_INT) {
            seq = p.getLongValue();
          } else if (field.equals("prev") && value == JsonToken.VALUE_STRING) {
            prev = p.getText();
          } else {
            p.skipChildren();
          }
        }
        if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
          e.problem = "is not valid JSON";
          return e;
        }
      } catch (IOException ex) { // Jackson reports malformed JSON as an IOException (JsonProcessingException)
        e.problem = "is not valid JSON";
        return e;
      }
      if (seq == null || prev == null) {
        e.problem = "lacks its sequence number or previous-entry digest";
        return e;
      }
      e.seq = seq;
      e.prev = prev;
      e.digest = m.group(2);
      if (!digest(m.group(1) + "}").equals(e.digest)) {
        e.problem = "was altered after it was written (its digest does not match its content)";
      }
      return e;
    }
  }

  static String digest(String body) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
          body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /** Who runs the gate: the CI user when a CI system names one, else the operating-system user. */
  static String currentActor() {
    for (String var : new String[] {"GITHUB_ACTOR", "GITLAB_USER_LOGIN", "BITBUCKET_STEP_TRIGGERER_UUID"}) {
      String v = System.getenv(var);
      if (v != null && !v.isBlank()) {
        return var.startsWith("BITBUCKET") ? v : "@" + v;
      }
    }
    return System.getProperty("user.name", "");
  }
}
