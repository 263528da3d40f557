package dev.shipgate.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttestationsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POLICY = "sha256:" + "ab".repeat(32);

  @TempDir Path dir;
  Git git;
  RevCommit head;

  @BeforeEach
  void repo() throws Exception {
    git = Fixtures.repo(dir);
    head = Fixtures.commit(git, "src/App.java", "class App {}\n");
  }

  private TrustedKeys repoKey() throws Exception {
    return TrustedKeys.of(Map.of("@ci", Keys.readPublicKey(dir.resolve(".shipgate/keys/attestation.pub"))));
  }

  @Test
  void firstAttestationGeneratesAPerRepositoryKeyAndVerifies() throws Exception {
    Path out = dir.resolve("out/gate.att.json");
    Attestations.Attested a = Attestations.attestScan(Fixtures.report(true), dir, Optional.empty(), out);
    assertThat(a.generated()).isTrue();
    assertThat(a.keyFile()).isEqualTo(dir.resolve(".shipgate/keys/attestation.key"));
    assertThat(a.publicKeyFile()).exists();
    assertThat(String.join("\n", a.messages())).contains("generated a per-repository signing key")
        .contains("trusted_keys").contains(".shipgate/keys/attestation.pub");
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(a.keyFile()))
          .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
    assertThat(Fixtures.read(dir.resolve(".shipgate/keys/.gitignore"))).contains("*.key");
    assertThat(git.status().call().getUntracked()).as("git never sees the private key")
        .contains(".shipgate/keys/attestation.pub", ".shipgate/keys/.gitignore")
        .doesNotContain(".shipgate/keys/attestation.key");

    Attestations.Verified v = Attestations.verify(out, repoKey(), dir, POLICY);
    assertThat(v.problems()).isEmpty();
    assertThat(v.signer()).isEqualTo("@ci");
    assertThat(v.commit()).isEqualTo(head.name());
    assertThat(v.tree()).isEqualTo(head.getTree().name());
    assertThat(v.verdictPassed()).isTrue();
    assertThat(v.problems(true)).isEmpty();

    Attestations.Attested again = Attestations.attestScan(Fixtures.report(true), dir, Optional.empty(), out);
    assertThat(again.generated()).isFalse();
    assertThat(again.keyId()).isEqualTo(a.keyId());
    assertThat(String.join("\n", again.messages())).contains("signed with the per-repository key");
  }

  @Test
  void repositoryKeyStaysIgnoredAndMatchesItsPublicFile() throws Exception {
    Files.createDirectories(dir.resolve(".shipgate/keys"));
    Files.writeString(dir.resolve(".shipgate/keys/.gitignore"), "notes.txt\n");
    Path out = dir.resolve("a.json");
    Attestations.attestScan(Fixtures.report(true), dir, Optional.empty(), out);
    assertThat(Files.readAllLines(dir.resolve(".shipgate/keys/.gitignore"))).contains("notes.txt", "*.key");
    assertThat(git.status().call().getUntracked()).doesNotContain(".shipgate/keys/attestation.key");

    Keys.writePublicKey(dir.resolve("other.pub"), Keys.generate(Keys.Algorithm.P256).getPublic());
    Files.move(dir.resolve("other.pub"), dir.resolve(".shipgate/keys/attestation.pub"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThatThrownBy(() -> Attestations.attestScan(Fixtures.report(true), dir, Optional.empty(), out))
        .isInstanceOf(EvidenceException.class).hasMessageContaining("is not the public half of");
  }

  @Test
  void statementCarriesTheRunsFacts() throws Exception {
    AuditLog.recordScan(dir, Fixtures.report(false));
    Path out = dir.resolve("a.json");
    Attestations.attestScan(Fixtures.report(false), dir, Optional.empty(), out,
        List.of(new Approval("@acme/security", "tier auth", "k1")));
    JsonNode envelope = JSON.readTree(out.toFile());
    assertThat(envelope.get("payloadType").asText()).isEqualTo("application/vnd.in-toto+json");
    JsonNode st = JSON.readTree(Base64.getDecoder().decode(envelope.get("payload").asText()));
    assertThat(st.get("_type").asText()).isEqualTo("https://in-toto.io/Statement/v1");
    assertThat(st.get("predicateType").asText()).isEqualTo(Attestations.PREDICATE_TYPE);
    assertThat(st.at("/subject/0/digest/gitCommit").asText()).isEqualTo(head.name());
    assertThat(st.at("/subject/1/digest/gitTree").asText()).isEqualTo(head.getTree().name());
    JsonNode p = st.get("predicate");
    assertThat(p.at("/tool/version").asText()).isEqualTo("0.1.0-test");
    assertThat(p.at("/policy/digest").asText()).isEqualTo(POLICY);
    assertThat(p.get("advisoryDatabase").asText()).isEqualTo("imported 2026-11-20 (2 days old)");
    assertThat(p.at("/findings/bySeverity/high").asInt()).isEqualTo(2);
    assertThat(p.at("/findings/byStatus/waived").asInt()).isEqualTo(1);
    assertThat(p.at("/findings/blocking").asInt()).isEqualTo(1);
    assertThat(p.at("/scanners/2/family").asText()).isEqualTo("secrets");
    assertThat(p.at("/scanners/2/skipped").asInt()).isEqualTo(1);
    assertThat(p.at("/waivers/0/decision").asText()).startsWith("waived by @alice");
    assertThat(p.at("/approvals/0/approver").asText()).isEqualTo("@acme/security");
    assertThat(p.at("/auditLog/seq").asInt()).isEqualTo(1);
    assertThat(p.at("/auditLog/digest").asText()).isEqualTo(AuditLog.head(dir.resolve(AuditLog.FILE)).orElseThrow().digest());
    assertThat(p.at("/verdict/passed").asBoolean()).isFalse();
    assertThat(p.at("/verdict/reasons/0").asText()).isEqualTo("1 blocking finding");
    assertThat(p.at("/workTree/clean").asBoolean()).as(".shipgate/ is shipgate's own state").isTrue();
    Map<String, String> statuses = new java.util.TreeMap<>();
    p.get("checks").forEach(c -> statuses.put(c.get("id").asText(), c.get("status").asText()));
    assertThat(statuses).containsEntry("java/injection/sql", "failed").containsEntry("secrets/aws/access-key-id", "waived")
        .containsEntry("config/spring/debug-enabled", "passed").containsEntry("gate/verdict", "failed");
    // No source text reaches the statement: findings are counted, never quoted.
    assertThat(new String(Base64.getDecoder().decode(envelope.get("payload").asText()), StandardCharsets.UTF_8))
        .doesNotContain("snippet");
  }

  @Test
  void attestationVerifiesWithPlainJcaAsCosignWould() throws Exception {
    Path out = dir.resolve("a.json");
    Attestations.attestScan(Fixtures.report(true), dir, Optional.empty(), out);
    JsonNode envelope = JSON.readTree(out.toFile());
    String pem = Fixtures.read(dir.resolve(".shipgate/keys/attestation.pub"));
    String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "").replaceAll("\\s", "");
    PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    String type = envelope.get("payloadType").asText();
    byte[] payload = Base64.getDecoder().decode(envelope.get("payload").asText());
    byte[] pae = ("DSSEv1 " + type.length() + " " + type + " " + payload.length + " ").getBytes(StandardCharsets.UTF_8);
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initVerify(key);
    s.update(pae);
    s.update(payload);
    assertThat(s.verify(Base64.getDecoder().decode(envelope.at("/signatures/0/sig").asText()))).isTrue();
    assertThat(envelope.at("/signatures/0/keyid").asText()).as("cosign rejects keyids it did not derive").isEmpty();
  }

  @Test
  void configuredKeyIsUsedAndNoRepositoryKeyIsCreated(@TempDir Path secrets) throws Exception {
    Path keyFile = secrets.resolve("alice.key");
    SigningKey key = SigningKey.of(Keys.generate(Keys.Algorithm.ED25519));
    Keys.writePrivateKey(keyFile, key.privateKey());
    Path out = dir.resolve("a.json");
    Attestations.Attested a = Attestations.attestScan(Fixtures.report(true), dir, Optional.of(keyFile), out);
    assertThat(a.generated()).isFalse();
    assertThat(a.publicKeyFile()).isNull();
    assertThat(a.keyId()).isEqualTo(key.keyId());
    assertThat(dir.resolve(".shipgate/keys")).doesNotExist();
    Attestations.Verified v = Attestations.verify(out, TrustedKeys.of(Map.of("@alice", key.publicKey())), dir, POLICY);
    assertThat(v.problems()).isEmpty();
    assertThat(v.signer()).isEqualTo("@alice");
    assertThatThrownBy(() -> Attestations.attestScan(Fixtures.report(true), dir, Optional.of(dir.resolve("nope.key")), out))
        .isInstanceOf(EvidenceException.class).hasMessageContaining("nope.key does not exist");
  }

  @Test
  void wrongSubjectAfterANewCommit() throws Exception {
    Path out = dir.resolve("a.json");
    Attestations.attestScan(Fixtures.report(true), dir, Optional.empty(), out);
    RevCommit next = Fixtures.commit(git, "src/App.java", "class App { int x; }\n");
    Attestations.Verified v = Attestations.verify(out, repoKey(), dir, POLICY);
    assertThat(v.problems()).anySatisfy(p -> assertThat(p).startsWith("subject: the attestation names commit " + head.name())
        .endsWith("but HEAD is " + next.name()));
    assertThat(v.problems()).anySatisfy(p -> assertThat(p).contains("names tree " + head.getTree().name()));
  }

  @Test
  void wrongPolicyDigest() throws Exception {
    Path out = dir.resolve("a.json");
    Attestations.attestScan(Fixtures.report(true), dir, Optional.empty(), out);
    Attestations.Verified v = Attestations.verify(out, repoKey(), dir, "sha256:" + "cd".repeat(32));
    assertThat(v.problems()).containsExactly("policy: the run used policy " + POLICY + " (shipgate.yml) but the "
        + "expected policy is sha256:" + "cd".repeat(32));
  }

  @Test
  void failingVerdictFailsOnlyWithRequirePass() throws Exception {
    Path out = dir.resolve("a.json");
    Attestations.attestScan(Fixtures.report(false), dir, Optional.empty(), out);
    Attestations.Verified v = Attestations.verify(out, repoKey(), dir, POLICY);
    assertThat(v.ok()).isTrue();
    assertThat(v.problems(false)).isEmpty();
    assertThat(v.problems(true)).containsExactly("the attested gate verdict is not a pass (--require-pass): "
        + "1 blocking finding");
  }

  @Test
  void keyNotTrustedAndTamperedPayloadFail() throws Exception {
    Path out = dir.resolve("a.json");
    Attestations.attestScan(Fixtures.report(false), dir, Optional.empty(), out);
    PublicKey other = Keys.generate(Keys.Algorithm.P256).getPublic();
    Attestations.Verified untrusted = Attestations.verify(out, TrustedKeys.of(Map.of("@bob", other)), dir, POLICY);
    assertThat(untrusted.problems()).singleElement().asString()
        .isEqualTo("signature: the signature (without keyid) matches none of the trusted keys (@bob): the envelope was "
            + "altered after signing, or signed with a key that is not trusted");
    assertThat(untrusted.signer()).isEmpty();

    // Flip the recorded verdict to a pass: the signature no longer matches.
    ObjectNode envelope = (ObjectNode) JSON.readTree(out.toFile());
    ObjectNode st = (ObjectNode) JSON.readTree(Base64.getDecoder().decode(envelope.get("payload").asText()));
    ((ObjectNode) st.at("/predicate/verdict")).put("passed", true);
    envelope.put("payload", Base64.getEncoder().encodeToString(st.toString().getBytes(StandardCharsets.UTF_8)));
    Files.writeString(out, envelope.toString());
    Attestations.Verified tampered = Attestations.verify(out, repoKey(), dir, POLICY);
    assertThat(tampered.problems()).singleElement().asString().contains("(@ci)").contains("altered after signing");
  }

  @Test
  void malformedFilesAreProblemsWithClearMessages() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"payloadType\": 3");
    Attestations.Verified v = Attestations.verify(bad, TrustedKeys.none(), dir, POLICY);
    assertThat(v.problems()).singleElement().asString().startsWith(bad + ": not a DSSE envelope: invalid JSON");
    Path notStatement = dir.resolve("plain.json");
    SigningKey key = SigningKey.of(Keys.generate(Keys.Algorithm.ED25519));
    Dsse.sign("text/plain", "hello".getBytes(StandardCharsets.UTF_8), key).write(notStatement);
    Attestations.Verified w = Attestations.verify(notStatement, TrustedKeys.of(Map.of("@k", key.publicKey())), dir, POLICY);
    assertThat(w.problems()).contains("payloadType is 'text/plain', not application/vnd.in-toto+json",
        "the payload is not a JSON in-toto statement");
    assertThatThrownBy(() -> Attestations.verify(dir.resolve("missing.json"), TrustedKeys.none(), dir, POLICY))
        .hasMessageContaining("missing.json does not exist");
  }

  @Test
  void outsideARepositoryAttestingFailsAndVerifyingSkipsTheSubject(@TempDir Path plain) throws Exception {
    assertThatThrownBy(() -> Attestations.attestScan(Fixtures.report(true), plain, Optional.empty(), plain.resolve("a")))
        .hasMessageContaining("is not inside a git work tree");
    Path out = dir.resolve("a.json");
    Attestations.attestScan(Fixtures.report(true), dir, Optional.empty(), out);
    Attestations.Verified v = Attestations.verify(out, repoKey(), plain, POLICY);
    assertThat(v.ok()).isTrue();
    assertThat(v.notes()).singleElement().asString().startsWith("subject not checked");
  }

  @Test
  void uncommittedChangesAreRecorded() throws Exception {
    Fixtures.commit(git, "src/Gone.java", "class Gone {}\n");
    Files.writeString(dir.resolve("src/App.java"), "class App { /* edited */ }\n");
    Files.delete(dir.resolve("src/Gone.java"));
    Path out = dir.resolve("out/a.json");
    Attestations.Attested a = Attestations.attestScan(Fixtures.report(true), dir, Optional.empty(), out);
    assertThat(a.subject().uncommitted()).containsExactly("src/App.java", "src/Gone.java");
    assertThat(String.join("\n", a.messages())).contains("uncommitted change");
    Attestations.Verified v = Attestations.verify(out, repoKey(), dir, POLICY);
    assertThat(v.notes()).anySatisfy(n -> assertThat(n).contains("uncommitted change(s) not in the attested commit"));
  }
}
