package dev.shipgate.scanner.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.testing.RecordingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed and oversized inputs end in an error naming file and line, or a finding; never an exception. */
class HostileInputTest {

  @TempDir Path dir;

  private static void someChange(Scenario s) throws Exception {
    s.repo.write("src/App.java", "class App { void run() { stop(); } }\n");
    s.repo.commit("stop");
  }

  @Test
  void malformedReviewJsonIsAnErrorWithItsLine() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      someChange(s);
      Path file = dir.resolve("reviews.json");
      Files.writeString(file, "[\n  {\"user\": {\"login\": \"alice\"}, \"state\": \"APPROVED\"},\n  {\"user\": \n");
      RecordingContext c = s.scanBase("reviews", file.toString());
      assertThat(c.findings()).isEmpty();
      assertThat(c.errors()).singleElement().satisfies(e -> {
        assertThat(e.path()).isEqualTo(file.toString());
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.message()).startsWith("not valid JSON");
      });
    }
  }

  @Test
  void reviewWithoutLoginNamesTheEntry() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      someChange(s);
      Path file = dir.resolve("reviews.json");
      Files.writeString(file, "[\n{\"state\": \"APPROVED\"}\n]\n");
      RecordingContext c = s.scanBase("reviews", file.toString());
      assertThat(c.errors()).singleElement().satisfies(e -> {
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.message()).contains("review #1 has no user.login");
      });
      Files.writeString(file, "\"approved\"");
      assertThat(s.scanBase("reviews", file.toString()).errors()).singleElement()
          .satisfies(e -> assertThat(e.message()).contains("expected a GitHub reviews array"));
      assertThat(s.scanBase("reviews", dir.resolve("missing.json").toString()).errors()).singleElement()
          .satisfies(e -> assertThat(e.message()).contains("does not exist"));
    }
  }

  @Test
  void recordWithBadJsonOrBase64IsAnError() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      someChange(s);
      s.repo.write(".shipgate/approvals/approval-0123456789abcdef.json", "{\n  \"payloadType\": \"x\",\n  \"payload\": \n");
      s.repo.write(".shipgate/approvals/waiver-0123456789abcdef.json",
          "{\"payloadType\": \"" + ApprovalRecord.PAYLOAD_TYPE + "\", \"payload\": \"%%%not base64%%%\", \"signatures\": [{\"keyid\": \"\", \"sig\": \"AAAA\"}]}");
      RecordingContext c = s.scanBase();
      assertThat(c.errors()).hasSize(2);
      assertThat(c.errors()).anySatisfy(e -> {
        assertThat(e.path()).isEqualTo(".shipgate/approvals/approval-0123456789abcdef.json");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.message()).startsWith("not valid JSON");
      });
      assertThat(c.errors()).anySatisfy(e -> {
        assertThat(e.path()).isEqualTo(".shipgate/approvals/waiver-0123456789abcdef.json");
        assertThat(e.message()).contains("base64");
      });
    }
  }

  @Test
  void hugeRecordIsRefusedUnread() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      someChange(s);
      s.repo.write(".shipgate/approvals/approval-0123456789abcdef.json", "{\"payload\": \"" + "A".repeat(200_000) + "\"}");
      assertThat(s.scanBase().errors()).singleElement()
          .satisfies(e -> assertThat(e.message()).contains("more than the 65536 bytes"));
    }
  }

  @Test
  void recordWithAnotherPayloadTypeOrBadPayloadIsInvalid() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      someChange(s);
      var key = dev.shipgate.evidence.SigningKey.read(s.alice);
      byte[] payload = "{\"version\": 1, \"kind\": \"approval\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      Files.createDirectories(s.repo.dir.resolve(".shipgate/approvals"));
      dev.shipgate.evidence.Dsse.sign("application/vnd.in-toto+json", payload, key)
          .write(s.repo.dir.resolve(".shipgate/approvals/approval-1111111111111111.json"));
      dev.shipgate.evidence.Dsse.sign(ApprovalRecord.PAYLOAD_TYPE, payload, key)
          .write(s.repo.dir.resolve(".shipgate/approvals/approval-2222222222222222.json"));
      RecordingContext c = s.scanBase();
      assertThat(Scenario.of(c, "change/approval/invalid-record")).extracting(f -> f.message())
          .anySatisfy(m -> assertThat(m).contains("payloadType is 'application/vnd.in-toto+json'"))
          .anySatisfy(m -> assertThat(m).contains("names exactly one of 'tier', 'fingerprint' or 'rule'"));
    }
  }

  @Test
  void malformedCodeownersLinesAreFindingsWithTheirLines() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write(".github/CODEOWNERS", Scenario.CODEOWNERS + "!/src/legacy/ @general-owner\n/src/[ab]/ @x\n/docs/ not-an-owner\n");
      s.repo.commit("more owners");
      RecordingContext c = s.scanBase();
      assertThat(Scenario.of(c, "change/review/codeowners-malformed")).extracting(f -> f.properties().get("line"))
          .containsExactly("4", "5", "6");
      assertThat(Scenario.of(c, "change/review/codeowners-malformed").get(2).message())
          .contains(".github/CODEOWNERS line 6").contains("'not-an-owner' is not an owner");
      assertThat(c.errors()).isEmpty();
    }
  }

  @Test
  void oversizedNoteIsAnError() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write(".shipgate/notes/feature.md", "# note\n" + "x".repeat(ChangeNote.MAX_BYTES + 10));
      s.repo.write("src/App.java", "class App {}\n");
      s.repo.commit("a\n\nAssisted-by: Gemini");
      RecordingContext c = s.scanBase();
      assertThat(c.errors()).singleElement().satisfies(e -> {
        assertThat(e.path()).isEqualTo(".shipgate/notes/feature.md");
        assertThat(e.message()).contains("was not read");
      });
    }
  }

  @Test
  void policyMistakesAreErrorsAtTheirLine() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      someChange(s);
      s.repo.write("shipgate.yml", Scenario.POLICY + "    tiers:\n      auth: {approvals: 0}\n");
      assertThat(s.scanBase().errors()).singleElement().satisfies(e -> {
        assertThat(e.line()).isEqualTo(19);
        assertThat(e.message()).contains("tier 'auth' with 0 approvals").contains("reason");
      });
      s.repo.write("shipgate.yml", Scenario.POLICY + "    tiers:\n      gate-policy: {enabled: false, reason: \"trust me\"}\n");
      assertThat(s.scanBase().errors()).singleElement()
          .satisfies(e -> assertThat(e.message()).contains("cannot be relaxed"));
      s.repo.write("shipgate.yml", Scenario.POLICY + "    tiers:\n      exports:\n        content: ['(unclosed']\n");
      assertThat(s.scanBase().errors()).singleElement()
          .satisfies(e -> assertThat(e.message()).contains("bad content pattern '(unclosed'"));
      s.repo.write("shipgate.yml", Scenario.POLICY + "    reviewers: []\n");
      assertThat(s.scanBase().errors()).singleElement()
          .satisfies(e -> assertThat(e.message()).contains("unknown key 'reviewers'"));
    }
  }

  @Test
  void unknownBaseRefIsAnErrorNotAnException() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      someChange(s);
      RecordingContext c = s.scan("base", "origin/nope");
      assertThat(c.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("unknown git ref 'origin/nope'"));
    }
  }
}
