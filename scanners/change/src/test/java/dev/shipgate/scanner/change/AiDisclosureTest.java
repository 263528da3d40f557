package dev.shipgate.scanner.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.testing.RecordingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AI-assisted changes: detection from commits, the change note, and the extra review they need. */
class AiDisclosureTest {

  @TempDir Path dir;

  @Test
  void assistedByTrailerWithoutANoteIsReportedWithWhereTheNoteGoes() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/App.java", "class App {\n  void run() { System.out.println(1); }\n}\n");
      s.repo.commit("print\n\nAssisted-by: Cursor (claude-sonnet)");
      RecordingContext c = s.scanBase();
      Finding f = Scenario.of(c, "change/ai/note-missing").get(0);
      assertThat(f.location().path()).isEqualTo("src/App.java");
      assertThat(f.message()).contains("Assisted-by: Cursor (claude-sonnet)").contains("add .shipgate/notes/feature.md or .shipgate/notes/")
          .contains("--note-file").contains("Security assumptions");
      assertThat(f.message().split("\\.shipgate/notes/feature\\.md", -1)).hasSize(2);
    }
  }

  @Test
  void assistantAuthorAndCoAuthorTrailersMarkTheChange() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/App.java", "class App { void a() {} }\n");
      s.repo.commit("a", TestRepo.person("Copilot", "198982749+Copilot@users.noreply.github.com"));
      s.repo.write("src/App.java", "class App { void b() {} }\n");
      s.repo.commit("b\n\nCo-authored-by: Claude <noreply@anthropic.com>");
      Finding f = Scenario.of(s.scanBase(), "change/ai/note-missing").get(0);
      assertThat(f.message()).contains("authored by Copilot").contains("(Claude)");
    }
  }

  @Test
  void peopleNamedLikeAssistantsAreNotAssistants() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/App.java", "class App { void a() {} }\n");
      s.repo.commit("a\n\nCo-authored-by: Claude Dubois <claude@example.com>\nCo-authored-by: Devin Lee <devin@example.com>",
          TestRepo.person("Cody Smith", "cody@example.com"));
      assertThat(s.scanBase().findings()).isEmpty();
    }
  }

  @Test
  void aCompleteNoteSatisfiesTheRequirementAndRaisesSensitiveReview() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/auth/Login.java", "class Login { boolean check(String user) { return user != null && !user.isBlank(); } }\n");
      s.repo.write(".shipgate/notes/feature.md", CompleteNote.text("src/auth/Login.java"));
      s.repo.commit("stricter login\n\nGenerated-by: Claude Code");
      RecordingContext c = s.scanBase("reviews", ReviewPolicyTest.reviews(s, "alice", s.repo.head()).toString());
      assertThat(Scenario.rules(c)).containsExactly("change/review/missing-approval");
      assertThat(Scenario.of(c, "change/review/missing-approval").get(0).message())
          .contains("needs 2 approvals (1 + 1 because the change is AI-assisted)").contains("Counted: @alice.");
    }
  }

  @Test
  void templateTextIsNotANote() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/App.java", "class App { void a() {} }\n");
      s.repo.write(".shipgate/notes/feature.md", ChangeNote.template().replace("<assistant and model, e.g. Claude Code (Sonnet 4.5)>", "Aider with GPT-5"));
      s.repo.commit("a\n\nAssisted-by: Aider");
      Finding f = Scenario.of(s.scanBase(), "change/ai/note-incomplete").get(0);
      assertThat(f.location().path()).isEqualTo(".shipgate/notes/feature.md");
      assertThat(f.properties()).containsEntry("line", "7");
      assertThat(f.message()).contains("'Files generated or heavily modified' (line 7")
          .contains("'Security assumptions'").contains("'Data handling'").doesNotContain("'Tools used'");
    }
  }

  @Test
  void noteNamingAFileOutsideTheDiffIsReportedAtItsLine() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/App.java", "class App { void a() {} }\n");
      s.repo.write(".shipgate/notes/feature.md", CompleteNote.text("src/App.java", "src/auth/Login.java"));
      s.repo.commit("a\n\nAssisted-by: Codex");
      RecordingContext c = s.scanBase();
      Finding f = Scenario.of(c, "change/ai/note-names-unchanged-file").get(0);
      assertThat(f.location().path()).isEqualTo(".shipgate/notes/feature.md");
      assertThat(f.properties()).containsEntry("line", "10");
      assertThat(f.message()).contains("names src/auth/Login.java, which this change does not touch");
      assertThat(Scenario.of(c, "change/ai/note-names-unchanged-file")).hasSize(1);
    }
  }

  @Test
  void pullRequestDescriptionPassedWithNoteFile() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/App.java", "class App { void a() {} }\n");
      s.repo.commit("a\n\nAssisted-by: Gemini");
      Path description = dir.resolve("pr-body.md");
      Files.writeString(description, CompleteNote.text("src/App.java"));
      assertThat(s.scanBase("note-file", description.toString()).findings()).isEmpty();
      Files.writeString(description, "Fixes the thing.\n");
      Finding f = Scenario.of(s.scanBase("note-file", description.toString()), "change/ai/note-incomplete").get(0);
      assertThat(f.location().path()).isEqualTo("src/App.java");
      assertThat(f.message()).contains(description.toString()).contains("'Tools used' (no such heading)");
    }
  }

  @Test
  void noteNamedByTheBranchOptionForDetachedCheckouts() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/App.java", "class App { void a() {} }\n");
      s.repo.write(".shipgate/notes/feat-x.md", CompleteNote.text("src/App.java"));
      s.repo.commit("a\n\nAssisted-by: Gemini");
      s.repo.git.checkout().setName(s.repo.head()).call(); // detached, as CI checks out pull requests
      assertThat(s.scanBase("branch", "feat/x").findings()).isEmpty();
    }
  }

  @Test
  void policyMayDropTheNoteOnlyWithAReason() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("shipgate.yml", Scenario.POLICY + "    ai: {require_note: false}\n");
      s.repo.write("src/App.java", "class App { void a() {} }\n");
      s.repo.commit("a\n\nAssisted-by: Gemini");
      RecordingContext c = s.scanBase();
      assertThat(c.findings()).isEmpty();
      assertThat(c.errors()).singleElement().satisfies(e -> {
        assertThat(e.path()).isEqualTo("shipgate.yml");
        assertThat(e.line()).isEqualTo(18);
        assertThat(e.message()).contains("may relax this only with a written 'reason'");
      });
      s.repo.write("shipgate.yml", Scenario.POLICY + "    ai: {require_note: false, reason: \"notes live in the PR template\"}\n");
      c = s.scanBase();
      assertThat(Scenario.of(c, "change/ai/note-missing")).isEmpty();
      assertThat(c.errors()).isEmpty();
    }
  }

  @Test
  void stagedModeChecksTheStagedNote() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/auth/Login.java", "class Login { boolean check(String user) { return true; } }\n");
      s.repo.write(".shipgate/notes/feature.md", "## Tools used\n\nCopilot\n");
      s.repo.stage(".");
      RecordingContext c = s.scan("staged", "true");
      // Nothing staged can be approved yet: owner review is judged when the branch is checked with --base.
      assertThat(Scenario.rules(c)).containsExactly("change/ai/note-incomplete");
      assertThat(c.errors()).isEmpty();
    }
  }
}
