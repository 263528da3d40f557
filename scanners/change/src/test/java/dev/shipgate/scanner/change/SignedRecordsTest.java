package dev.shipgate.scanner.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shipgate.core.model.Finding;
import dev.shipgate.evidence.Dsse;
import dev.shipgate.evidence.Envelope;
import dev.shipgate.evidence.Keys;
import dev.shipgate.evidence.SigningKey;
import dev.shipgate.testing.RecordingContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Approval records: signed, bound to one change, by an owner who did not write it, before they expire. */
class SignedRecordsTest {

  @TempDir Path dir;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static void weakenLogin(Scenario s) throws Exception {
    s.repo.write("src/auth/Login.java", "class Login { boolean check(String user) { return true; } }\n");
    s.repo.commit("weaken login");
  }

  private static int approveAuth(Scenario s, Path key, String who) {
    return s.approve("--key", key.toString(), "--as", who, "--tier", "auth", "--reason", "reviewed the check", "--base", "main");
  }

  private static Path onlyRecord(Scenario s) throws Exception {
    try (Stream<Path> files = Files.list(s.repo.dir.resolve(ApprovalRecord.DIR))) {
      List<Path> all = files.toList();
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }

  private static String rel(Scenario s, Path p) {
    return s.repo.dir.relativize(p).toString().replace('\\', '/');
  }

  @Test
  void ownerApprovalRecordCountsAndCommittingItDoesNotChangeTheChange() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      weakenLogin(s);
      assertThat(Scenario.of(s.scanBase(), "change/review/missing-approval")).hasSize(1);
      assertThat(approveAuth(s, s.carol, "@carol")).isZero();
      assertThat(s.scanBase().findings()).isEmpty();
      // The approver commits the record: neither the change id nor the authors change.
      s.repo.commit("approval", TestRepo.person("Carol", "carol@example.com"));
      RecordingContext c = s.scanBase();
      assertThat(c.findings()).isEmpty();
      assertThat(c.errors()).isEmpty();
    }
  }

  @Test
  void recordsVerifyWithPlainJcaCode() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      weakenLogin(s);
      assertThat(approveAuth(s, s.alice, "@alice")).isZero();
      JsonNode envelope = JSON.readTree(Files.readAllBytes(onlyRecord(s)));
      byte[] payload = Base64.getDecoder().decode(envelope.get("payload").asText());
      String type = envelope.get("payloadType").asText();
      byte[] typeBytes = type.getBytes(StandardCharsets.UTF_8);
      // DSSE v1 pre-authentication encoding, written out independently of the evidence module.
      byte[] pae = concat(("DSSEv1 " + typeBytes.length + " " + type + " " + payload.length + " ").getBytes(StandardCharsets.UTF_8), payload);
      String pem = s.repo.read(".shipgate/keys/alice.pub.pem").replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
      PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
      Signature v = Signature.getInstance("Ed25519");
      v.initVerify(key);
      v.update(pae);
      assertThat(v.verify(Base64.getDecoder().decode(envelope.get("signatures").get(0).get("sig").asText()))).isTrue();
      assertThat(type).isEqualTo("application/vnd.shipgate.approval+json");
      JsonNode record = JSON.readTree(payload);
      assertThat(record.get("approver").asText()).isEqualTo("@alice");
      assertThat(record.get("tier").asText()).isEqualTo("auth");
      assertThat(record.get("change").asText()).startsWith("sha256:").hasSize(71);
    }
  }

  @Test
  void approvalForADifferentChangeIsStaleAndDoesNotCount() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      weakenLogin(s);
      assertThat(approveAuth(s, s.alice, "@alice")).isZero();
      s.repo.commit("approval", TestRepo.person("Alice", "alice@example.com"));
      s.repo.write("src/auth/Login.java", "class Login { boolean check(String user) { return user.isEmpty(); } }\n");
      s.repo.commit("one more edit after the approval");
      RecordingContext c = s.scanBase();
      Finding stale = Scenario.of(c, "change/approval/stale").get(0);
      assertThat(stale.location().path()).startsWith(".shipgate/approvals/approval-");
      assertThat(stale.message()).contains("it approves change sha256:").contains("files changed after it was signed");
      assertThat(Scenario.of(c, "change/review/missing-approval")).hasSize(1);
    }
  }

  @Test
  void expiredRecordFailsAndDoesNotCount() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      weakenLogin(s);
      Instant signed = Scenario.NOW.minus(Duration.ofDays(3));
      assertThat(s.approve(signed, "--key", s.alice.toString(), "--as", "@alice", "--tier", "auth", "--reason", "ok",
          "--base", "main", "--expires", "2d")).isZero();
      RecordingContext c = s.scanBase();
      assertThat(Scenario.of(c, "change/approval/expired")).singleElement()
          .satisfies(f -> assertThat(f.message()).contains("expired on 2026-11-21T12:00:00Z").contains("@alice"));
      assertThat(Scenario.of(c, "change/review/missing-approval")).hasSize(1);
    }
  }

  @Test
  void tamperedRecordIsRejected() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      weakenLogin(s);
      assertThat(approveAuth(s, s.carol, "@carol")).isZero();
      Path file = onlyRecord(s);
      ObjectNode envelope = (ObjectNode) JSON.readTree(Files.readAllBytes(file));
      String payload = new String(Base64.getDecoder().decode(envelope.get("payload").asText()), StandardCharsets.UTF_8);
      envelope.put("payload", Base64.getEncoder().encodeToString(payload.replace("2026-12-22", "2027-11-01").getBytes(StandardCharsets.UTF_8)));
      Files.writeString(file, envelope.toString());
      RecordingContext c = s.scanBase();
      assertThat(Scenario.of(c, "change/approval/invalid-record")).singleElement()
          .satisfies(f -> assertThat(f.message()).contains("does not match the payload: the envelope was altered after signing"));
      assertThat(Scenario.of(c, "change/review/missing-approval")).hasSize(1);
    }
  }

  @Test
  void recordSignedWithAKeyOutsideTheTrustedListIsRejected() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      weakenLogin(s);
      SigningKey mallory = SigningKey.of(Keys.generate(Keys.Algorithm.P256));
      String path = sign(s, mallory, approval(s, "@alice", "auth"));
      RecordingContext c = s.scanBase();
      assertThat(Scenario.of(c, "change/approval/invalid-record")).singleElement().satisfies(f -> {
        assertThat(f.location().path()).isEqualTo(path);
        assertThat(f.message()).contains("not a trusted key");
      });
    }
  }

  @Test
  void recordClaimingSomeoneElsesIdentityIsRejected() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      weakenLogin(s);
      sign(s, SigningKey.read(s.bob), approval(s, "@alice", "auth"));
      assertThat(Scenario.of(s.scanBase(), "change/approval/invalid-record")).singleElement()
          .satisfies(f -> assertThat(f.message()).contains("approved by @alice but is signed with the key of @bob"));
    }
  }

  @Test
  void unsignedRecordIsRejected() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      weakenLogin(s);
      ApprovalRecord r = approval(s, "@alice", "auth");
      byte[] payload = r.toJson();
      Path file = s.repo.dir.resolve(ApprovalRecord.DIR).resolve(ApprovalRecord.fileName(r.kind(), payload));
      Files.createDirectories(file.getParent());
      Files.writeString(file, "{\"payloadType\": \"" + ApprovalRecord.PAYLOAD_TYPE + "\", \"payload\": \""
          + Base64.getEncoder().encodeToString(payload) + "\", \"signatures\": []}");
      assertThat(Scenario.of(s.scanBase(), "change/approval/invalid-record")).singleElement()
          .satisfies(f -> assertThat(f.message()).contains("unsigned record"));
    }
  }

  @Test
  void copiedOrMisplacedRecordsAreRejected() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      weakenLogin(s);
      assertThat(approveAuth(s, s.carol, "@carol")).isZero();
      Path file = onlyRecord(s);
      Files.move(file, file.resolveSibling("approval-0000000000000000.json"));
      Files.createDirectories(s.repo.dir.resolve(".shipgate/approvals/old"));
      Files.copy(file.resolveSibling("approval-0000000000000000.json"), s.repo.dir.resolve(".shipgate/approvals/old/x.json"));
      RecordingContext c = s.scanBase();
      List<Finding> invalid = Scenario.of(c, "change/approval/invalid-record");
      assertThat(invalid).extracting(f -> f.location().path())
          .containsExactlyInAnyOrder(".shipgate/approvals/approval-0000000000000000.json", ".shipgate/approvals/old/x.json");
      assertThat(invalid).allSatisfy(f -> assertThat(f.message()).contains("misplaced record"));
      assertThat(Scenario.of(c, "change/review/missing-approval")).hasSize(1);
    }
  }

  @Test
  void selfApprovalRecordDoesNotCount() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      weakenLogin(s);
      // The command refuses outright ...
      assertThat(approveAuth(s, s.dev, "@dev")).isEqualTo(2);
      // ... and a record made by other means is reported.
      String path = sign(s, SigningKey.read(s.dev), approval(s, "@dev", "auth"));
      RecordingContext c = s.scanBase();
      assertThat(Scenario.of(c, "change/approval/self-approval")).singleElement().satisfies(f -> {
        assertThat(f.location().path()).isEqualTo(path);
        assertThat(f.message()).contains("@dev approves a change they wrote themselves");
      });
      assertThat(Scenario.of(c, "change/review/missing-approval")).hasSize(1);
    }
  }

  @Test
  void trustedSignerWhoIsNotAnOwnerIsNotAuthorized() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      weakenLogin(s);
      var refused = dev.shipgate.scanner.change.command.Commands.approveRun(s.repo.dir, Scenario.NOW, "--key", s.bob.toString(),
          "--as", "@bob", "--tier", "auth", "--reason", "lgtm", "--base", "main");
      assertThat(refused.exit()).isEqualTo(2);
      assertThat(refused.err()).contains("@bob is not an owner of tier 'auth' (owners: @acme/auth, @alice, from .github/CODEOWNERS)");
      sign(s, SigningKey.read(s.bob), approval(s, "@bob", "auth"));
      RecordingContext c = s.scanBase();
      assertThat(Scenario.of(c, "change/approval/not-authorized")).singleElement()
          .satisfies(f -> assertThat(f.message()).contains("whose owners are @acme/auth, @alice").contains("@bob is not one of them"));
      assertThat(Scenario.of(c, "change/review/missing-approval")).hasSize(1);
    }
  }

  @Test
  void keyAddedByTheChangeItselfCannotApproveIt() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      weakenLogin(s);
      Path mallory = s.repo.key("mallory", s.keys);
      s.repo.write("shipgate.yml", Scenario.POLICY.replace("\"@dev\": .shipgate/keys/dev.pub.pem",
          "\"@dev\": .shipgate/keys/dev.pub.pem\n      \"@alice-2\": .shipgate/keys/mallory.pub.pem")
          .replace("\"@acme/auth\": [\"@carol\"]", "\"@acme/auth\": [\"@carol\", \"@alice-2\"]"));
      s.repo.commit("trust another key");
      sign(s, SigningKey.read(mallory), approval(s, "@alice-2", "auth"));
      RecordingContext c = s.scanBase();
      assertThat(Scenario.of(c, "change/approval/invalid-record")).singleElement()
          .satisfies(f -> assertThat(f.message()).contains("not a trusted key"));
      assertThat(Scenario.rules(c)).contains("change/review/missing-approval", "change/review/gate-policy-change");
    }
  }

  @Test
  void signedWaiverBySecurityOwnerVerifiesAndOthersAreRefused() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/App.java", "class App { void run() { exec(); } }\n");
      s.repo.commit("exec");
      var refused = dev.shipgate.scanner.change.command.Commands.waive(s.repo.dir, Scenario.NOW, "--key", s.bob.toString(),
          "--as", "@bob", "--rule", "java/command/injection", "--reason", "sandboxed", "--expires", "10d");
      assertThat(refused.exit()).isEqualTo(2);
      assertThat(refused.err()).contains("only security owners may waive");
      var ok = dev.shipgate.scanner.change.command.Commands.waive(s.repo.dir, Scenario.NOW, "--key", s.alice.toString(),
          "--as", "@alice", "--rule", "java/command/injection", "--path", "src/App.java", "--reason", "sandboxed", "--expires", "10d");
      assertThat(ok.exit()).isZero();
      assertThat(ok.out()).contains("waives rule java/command/injection on src/App.java");
      RecordingContext c = s.scanBase();
      assertThat(c.findings()).isEmpty();
      assertThat(c.errors()).isEmpty();
      // A waiver bob signs by other means verifies, but he is no security owner: the gate does not apply it.
      sign(s, SigningKey.read(s.bob), new ApprovalRecord(ApprovalRecord.WAIVER, "@bob", null, null, "f".repeat(16), null,
          null, "mine", Scenario.NOW.minus(Duration.ofHours(1)), Scenario.NOW.plus(Duration.ofDays(3)), null));
      assertThat(Scenario.of(s.scanBase(), "change/approval/not-authorized")).singleElement()
          .satisfies(f -> assertThat(f.message()).contains("which only a security owner may do"));
      assertThat(SignedWaivers.load(s.repo.dir, s.settings(), Scenario.NOW)).singleElement().satisfies(w -> {
        assertThat(w.rule()).isEqualTo("java/command/injection");
        assertThat(w.path()).isEqualTo("src/App.java");
        assertThat(w.approver()).isEqualTo("@alice");
        assertThat(w.expires()).isEqualTo(Scenario.NOW.plus(Duration.ofDays(10)));
      });
    }
  }

  @Test
  void findingsAcceptedForThisChangeHoldOnlyForItAndNeverFromItsAuthors() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      weakenLogin(s);
      assertThat(s.approve("--key", s.alice.toString(), "--as", "@alice", "--rule", "java/crypto/weak-hash",
          "--reason", "legacy checksum, not security relevant", "--base", "main")).isZero();
      ApprovalRecord mine = approval(s, "@dev", "auth");
      sign(s, SigningKey.read(s.dev), new ApprovalRecord(ApprovalRecord.APPROVAL, "@dev", mine.change(), null, null,
          "java/sql/injection", null, "mine", mine.created(), mine.expires(), null));
      try (var ws = dev.shipgate.git.GitWorkspace.find(s.repo.dir).orElseThrow()) {
        List<SignedWaivers.Waiver> held = SignedWaivers.load(ws, ws.diffAgainst("main"), s.settings(), Scenario.NOW);
        assertThat(held).extracting(SignedWaivers.Waiver::rule, SignedWaivers.Waiver::approver)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("java/crypto/weak-hash", "@alice"));
      }
      // Alice now writes part of the change: her earlier acceptance is for another change, and a new one is self-signed.
      s.repo.write("src/App.java", "class App { void run() { go(); } }\n");
      s.repo.commit("alice helps", TestRepo.person("Alice", "alice@example.com"));
      ApprovalRecord now = approval(s, "@alice", "auth");
      sign(s, SigningKey.read(s.alice), new ApprovalRecord(ApprovalRecord.APPROVAL, "@alice", now.change(), null, null,
          "java/crypto/weak-hash", null, "fine", now.created(), now.expires(), null));
      try (var ws = dev.shipgate.git.GitWorkspace.find(s.repo.dir).orElseThrow()) {
        assertThat(SignedWaivers.load(ws, ws.diffAgainst("main"), s.settings(), Scenario.NOW)).isEmpty();
      }
      assertThat(Scenario.of(s.scanBase(), "change/approval/self-approval")).singleElement()
          .satisfies(f -> assertThat(f.message()).contains("@alice accepts rule java/crypto/weak-hash in a change they wrote"));
    }
  }

  private static ApprovalRecord approval(Scenario s, String who, String tier) throws Exception {
    Change change;
    try (var ws = dev.shipgate.git.GitWorkspace.find(s.repo.dir).orElseThrow()) {
      change = Change.of(ws.diffAgainst("main"));
    }
    return new ApprovalRecord(ApprovalRecord.APPROVAL, who, change.id(), tier, null, null, null, "looks fine",
        Scenario.NOW.minus(Duration.ofHours(1)), Scenario.NOW.plus(Duration.ofDays(5)), null);
  }

  /** Writes a record signed with any key, where `shipgate approve` would put it. */
  private static String sign(Scenario s, SigningKey key, ApprovalRecord r) throws Exception {
    byte[] payload = r.toJson();
    Envelope e = Dsse.sign(ApprovalRecord.PAYLOAD_TYPE, payload, key);
    Path file = s.repo.dir.resolve(ApprovalRecord.DIR).resolve(ApprovalRecord.fileName(r.kind(), payload));
    Files.createDirectories(file.getParent());
    e.write(file);
    return rel(s, file);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
