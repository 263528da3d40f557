package dev.shipgate.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T01:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private Path logWith(int entries) throws Exception {
    Path log = dir.resolve(".shipgate/audit.jsonl");
    for (int i = 1; i <= entries; i++) {
      AuditLog.append(log, new AuditLog.Event(i % 2 == 0 ? "approval" : "gate", "@user" + i, "c" + i,
          i % 2 == 0 ? "approved" : "pass", "entry " + i, Map.of("n", Integer.toString(i))), CLOCK);
    }
    return log;
  }

  private static List<String> lines(Path log) throws Exception {
    return new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
  }

  private static void write(Path log, List<String> lines) throws Exception {
    Files.writeString(log, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  @Test
  void intactLogVerifiesAndEntriesChain() throws Exception {
    Path log = logWith(4);
    AuditLog.Result r = AuditLog.verify(log);
    assertThat(r.ok()).as(r.problem()).isTrue();
    assertThat(r.entries()).isEqualTo(4);
    JsonNode first = new ObjectMapper().readTree(lines(log).get(0));
    JsonNode second = new ObjectMapper().readTree(lines(log).get(1));
    assertThat(first.get("seq").asInt()).isEqualTo(1);
    assertThat(first.get("prev").asText()).isEqualTo(AuditLog.GENESIS);
    assertThat(first.get("time").asText()).isEqualTo("2026-11-22T01:00:00Z");
    assertThat(first.get("actor").asText()).isEqualTo("@user1");
    assertThat(second.get("prev").asText()).isEqualTo(first.get("digest").asText());
    assertThat(r.head()).contains(new AuditLog.Head(4, new ObjectMapper().readTree(lines(log).get(3)).get("digest").asText()));
    assertThat(AuditLog.head(log)).isEqualTo(r.head());
  }

  @Test
  void editedEntryIsNamed() throws Exception {
    Path log = logWith(4);
    List<String> l = lines(log);
    l.set(2, l.get(2).replace("\"verdict\":\"pass\"", "\"verdict\":\"fail\""));
    write(log, l);
    AuditLog.Result r = AuditLog.verify(log);
    assertThat(r.badLine()).isEqualTo(3);
    assertThat(r.problem()).contains("altered after it was written");
    assertThat(r.entries()).isEqualTo(2);
  }

  @Test
  void editWithRecomputedDigestIsCaughtByTheNextEntry() throws Exception {
    Path log = logWith(3);
    List<String> l = lines(log);
    String body = l.get(0).replace("entry 1", "entry one").replaceFirst(",\"digest\":\"sha256:[0-9a-f]{64}\"}$", "}");
    l.set(0, body.substring(0, body.length() - 1) + ",\"digest\":\"" + AuditLog.digest(body) + "\"}");
    write(log, l);
    AuditLog.Result r = AuditLog.verify(log);
    assertThat(r.badLine()).isEqualTo(2);
    assertThat(r.problem()).startsWith("does not follow the entry before it");
  }

  @Test
  void deletedEntryIsNamed() throws Exception {
    Path log = logWith(4);
    List<String> l = lines(log);
    l.remove(1);
    write(log, l);
    AuditLog.Result r = AuditLog.verify(log);
    assertThat(r.badLine()).isEqualTo(2);
    assertThat(r.problem()).contains("sequence number 3 where 2 belongs");
  }

  @Test
  void insertedEntryIsNamed() throws Exception {
    Path log = logWith(3);
    // An entry forged with a valid digest and the right sequence number, spliced in after line 1.
    Path other = dir.resolve("other.jsonl");
    AuditLog.append(other, new AuditLog.Event("waiver", "@mallory", "c", "waived", "forged", Map.of()), CLOCK);
    AuditLog.append(other, new AuditLog.Event("waiver", "@mallory", "c", "waived", "forged", Map.of()), CLOCK);
    List<String> l = lines(log);
    l.add(1, lines(other).get(1));
    write(log, l);
    AuditLog.Result r = AuditLog.verify(log);
    assertThat(r.badLine()).isEqualTo(2);
    assertThat(r.problem()).startsWith("does not follow the entry before it");
  }

  @Test
  void reorderedEntriesAreNamed() throws Exception {
    Path log = logWith(4);
    List<String> l = lines(log);
    String second = l.get(1);
    l.set(1, l.get(2));
    l.set(2, second);
    write(log, l);
    AuditLog.Result r = AuditLog.verify(log);
    assertThat(r.badLine()).isEqualTo(2);
    assertThat(r.problem()).contains("sequence number 3 where 2 belongs");
  }

  @Test
  void truncationMidEntryAndAtTheEnd() throws Exception {
    Path log = logWith(3);
    String text = Fixtures.read(log);
    String headDigest = AuditLog.head(log).orElseThrow().digest();
    Files.writeString(log, text.substring(0, text.length() - 20));
    AuditLog.Result cut = AuditLog.verify(log);
    assertThat(cut.badLine()).isEqualTo(3);
    assertThat(cut.problem()).startsWith("incomplete last entry");
    assertThatThrownBy(() -> AuditLog.append(log, new AuditLog.Event("gate", "", "", "pass", "x", Map.of()), CLOCK))
        .isInstanceOf(EvidenceException.class).hasMessageContaining("the last entry is incomplete");

    // Whole entries removed from the end leave a valid chain; the recorded head catches it.
    List<String> l = lines(dir.resolve(".shipgate/audit.jsonl"));
    write(log, l.subList(0, 2));
    assertThat(AuditLog.verify(log).ok()).isTrue();
    AuditLog.Result r = AuditLog.verify(log, Optional.of(headDigest));
    assertThat(r.ok()).isFalse();
    assertThat(r.problem()).contains("does not end with the expected entry " + headDigest)
        .contains("ends with entry 2");
  }

  @Test
  void concurrentAppendsKeepOneChain() throws Exception {
    Path log = dir.resolve(".shipgate/audit.jsonl");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<AuditLog.Head>> futures = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      int n = i;
      futures.add(pool.submit(() -> AuditLog.append(log,
          new AuditLog.Event("gate", "@t" + n, "c", "pass", "run " + n, Map.of()), Clock.systemUTC())));
    }
    for (Future<AuditLog.Head> f : futures) {
      f.get();
    }
    pool.shutdown();
    AuditLog.Result r = AuditLog.verify(log);
    assertThat(r.ok()).as(r.problem()).isTrue();
    assertThat(r.entries()).isEqualTo(120);
  }

  @Test
  void appendsFromSeveralProcessesKeepOneChain() throws Exception {
    Path log = dir.resolve(".shipgate/audit.jsonl");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> processes = new ArrayList<>();
    for (int p = 0; p < 2; p++) {
      processes.add(new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
          System.getProperty("java.class.path"), AppendProcess.class.getName(), log.toString(), "15", "@proc" + p)
          .redirectErrorStream(true).start());
    }
    for (int i = 0; i < 15; i++) {
      AuditLog.append(log, new AuditLog.Event("gate", "@here", "c", "pass", "here " + i, Map.of()), Clock.systemUTC());
    }
    for (Process p : processes) {
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor()).as(output).isZero();
    }
    AuditLog.Result r = AuditLog.verify(log);
    assertThat(r.ok()).as(r.problem()).isTrue();
    assertThat(r.entries()).isEqualTo(45);
  }

  @Test
  void recordScanWritesAtTheRepositoryTop() throws Exception {
    Git git = Fixtures.repo(dir);
    RevCommit c = Fixtures.commit(git, "sub/dir/A.java", "class A {}\n");
    AuditLog.Head h = AuditLog.recordScan(dir.resolve("sub/dir"), Fixtures.report(false));
    assertThat(h.seq()).isEqualTo(1);
    JsonNode entry = new ObjectMapper().readTree(lines(dir.resolve(AuditLog.FILE)).get(0));
    assertThat(entry.get("kind").asText()).isEqualTo("gate");
    assertThat(entry.get("commit").asText()).isEqualTo(c.name());
    assertThat(entry.get("verdict").asText()).isEqualTo("fail");
    assertThat(entry.at("/details/blocking").asText()).isEqualTo("1");
    assertThat(entry.at("/details/reasons").asText()).isEqualTo("1 blocking finding");
    AuditLog.recordApproval(dir, new Approval("@alice", "tier auth", "abc"), c.name());
    AuditLog.recordWaiver(dir, "@bob", "secrets/aws/access-key-id", "test key", "2027-01-01", c.name());
    AuditLog.Result r = AuditLog.verify(dir.resolve(AuditLog.FILE));
    assertThat(r.ok()).isTrue();
    assertThat(r.entries()).isEqualTo(3);
    assertThat(lines(dir.resolve(AuditLog.FILE)).get(2)).contains("\"actor\":\"@bob\"").contains("\"kind\":\"waiver\"");
  }

  @Test
  void garbageAndMissingLogs() throws Exception {
    Path log = Files.writeString(dir.resolve("x.jsonl"), "hello\n");
    AuditLog.Result r = AuditLog.verify(log);
    assertThat(r.badLine()).isEqualTo(1);
    assertThat(r.problem()).contains("is not an audit entry");
    assertThatThrownBy(() -> AuditLog.verify(dir.resolve("none.jsonl"))).hasMessageContaining("does not exist");
    assertThat(AuditLog.head(dir.resolve("none.jsonl"))).isEmpty();
  }
}
