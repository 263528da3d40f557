package dev.shipgate.scanner.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.testing.RecordingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classification into tiers and the owner approvals each tier needs, from CODEOWNERS, the policy and code-host reviews. */
class ReviewPolicyTest {

  @TempDir Path dir;

  @Test
  void withoutBaseOrStagedTheFamilyReportsNothing() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/auth/Login.java", "class Login { boolean check() { return true; } }\n");
      s.repo.commit("weaken login");
      RecordingContext c = s.scan();
      assertThat(c.findings()).isEmpty();
      assertThat(c.errors()).isEmpty();
    }
  }

  @Test
  void authChangeWithoutApprovalNamesOwnersFromCodeownersAndHowToApprove() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/auth/Login.java", "class Login {\n  boolean check(String user) {\n    return true;\n  }\n}\n");
      s.repo.commit("weaken login");
      RecordingContext c = s.scanBase();
      assertThat(c.errors()).isEmpty();
      List<Finding> missing = Scenario.of(c, "change/review/missing-approval");
      assertThat(missing).hasSize(1);
      Finding f = missing.get(0);
      assertThat(f.location().path()).isEqualTo("src/auth/Login.java");
      assertThat(f.properties()).containsEntry("tier", "auth").containsEntry("required", "1").containsEntry("approved", "0");
      assertThat(f.message()).contains("@acme/auth, @alice (owners from .github/CODEOWNERS)")
          .contains("shipgate approve --tier auth").contains("--reviews");
    }
  }

  @Test
  void addedPermissionCheckClassifiesByContentAtItsLine() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/App.java", "class App {\n  @PreAuthorize(\"hasRole('ADMIN')\")\n  void run() {}\n}\n");
      s.repo.commit("restrict run");
      Finding f = Scenario.of(s.scanBase(), "change/review/missing-approval").get(0);
      assertThat(f.properties()).containsEntry("tier", "access-control");
      assertThat(f.properties()).containsEntry("line", "2");
      assertThat(f.location().hasLine()).as("never on a line, where an inline suppression could hide it").isFalse();
      assertThat(f.message()).contains("src/App.java:2");
      assertThat(f.message()).contains("added line matches").contains("@general-owner");
    }
  }

  @Test
  void removingAPermissionCheckIsAsSensitiveAsAddingOne() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/Admin.java", "class Admin {\n  void wipe(User u) {\n    if (!u.hasRole(\"ADMIN\")) throw new Forbidden();\n    db.wipe();\n  }\n}\n");
      s.repo.commit("admin", TestRepo.person("Other", "other@example.com"));
      s.repo.git.checkout().setName("main").call();
      s.repo.git.merge().include(s.repo.git.getRepository().resolve("feature")).call();
      s.repo.branch("feature2");
      s.repo.write("src/Admin.java", "class Admin {\n  void wipe(User u) {\n    db.wipe();\n  }\n}\n");
      s.repo.commit("simplify");
      Finding f = Scenario.of(s.scanBase(), "change/review/missing-approval").get(0);
      assertThat(f.properties()).containsEntry("tier", "access-control");
      assertThat(f.message()).contains("removed line matches");
    }
  }

  @Test
  void deletingASensitiveFileIsReportedOnAFileTheChangeKeeps() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.delete("src/auth/Login.java");
      s.repo.write("src/App.java", "class App {\n  void run() { open(); }\n}\n");
      s.repo.commit("drop the login check");
      Finding f = Scenario.of(s.scanBase(), "change/review/missing-approval").get(0);
      // A finding on a deleted file would count as pre-existing in diff mode and never block.
      assertThat(f.location().path()).isEqualTo("src/App.java");
      assertThat(f.message()).contains("tier 'auth'").contains("the change deletes src/auth/Login.java");
    }
  }

  @Test
  void proseMentioningSessionsIsNotSensitive() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("README.md", "# demo\n\nSessions expire after an hour; the login page explains passwords.\n");
      s.repo.commit("docs");
      RecordingContext c = s.scanBase();
      assertThat(c.findings()).isEmpty();
      assertThat(c.errors()).isEmpty();
    }
  }

  @Test
  void codeownersLastMatchingPatternWins() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/auth/Login.java", "class Login { boolean check(String user) { return true; } }\n");
      s.repo.commit("weaken login");
      // @general-owner owns everything by the first line, but the later /src/auth/ line wins for this file.
      RecordingContext c = s.scanBase("reviews", reviews(s, "general-owner", s.repo.head()).toString());
      Finding f = Scenario.of(c, "change/review/missing-approval").get(0);
      assertThat(f.message()).contains("Counted: none").contains("@general-owner (not an owner of tier 'auth')");
      // A member of the team named by the winning line counts.
      c = s.scanBase("reviews", reviews(s, "carol", s.repo.head()).toString());
      assertThat(Scenario.of(c, "change/review/missing-approval")).isEmpty();
    }
  }

  @Test
  void everyFileNeedsOneOfItsOwnCodeOwners() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/auth/Login.java", "class Login { boolean check(String user) { return true; } }\n");
      s.repo.write("src/session/Store.java", "class Store { void put() {} }\n");
      s.repo.commit("login and session");
      RecordingContext c = s.scanBase("reviews", reviews(s, "alice", s.repo.head()).toString());
      assertThat(Scenario.of(c, "change/review/missing-approval")).singleElement().satisfies(f -> assertThat(f.message())
          .contains("Counted: @alice.").contains("Files without an approval by one of their own CODEOWNERS: src/session/Store.java"));
      Path both = dir.resolve("both.json");
      String head = s.repo.head();
      Files.writeString(both, "[" + review("alice", "APPROVED", head) + "," + review("general-owner", "APPROVED", head) + "]");
      assertThat(s.scanBase("reviews", both.toString()).findings()).isEmpty();
    }
  }

  @Test
  void policyOwnersAndApprovalCountsReplaceCodeowners() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("shipgate.yml", Scenario.POLICY + "    tiers:\n      payments: {owners: [\"@acme/security\", \"@carol\"], approvals: 2}\n");
      s.repo.commit("payments owners");
      s.repo.git.checkout().setName("main").call();
      s.repo.git.merge().include(s.repo.git.getRepository().resolve("feature")).call();
      s.repo.branch("feature2");
      s.repo.write("src/billing/Invoice.java", "class Invoice { long total; }\n");
      s.repo.commit("billing");
      String head = s.repo.head();
      RecordingContext c = s.scanBase("reviews", reviews(s, "carol", head).toString());
      assertThat(Scenario.of(c, "change/review/missing-approval")).singleElement().satisfies(f -> assertThat(f.message())
          .contains("needs 2 approvals").contains("from @acme/security, @carol (owners from scanners.change.tiers.payments.owners)")
          .contains("Counted: @carol."));
      Path both = dir.resolve("both.json");
      Files.writeString(both, "[" + review("alice", "APPROVED", head) + "," + review("carol", "APPROVED", head) + "]");
      assertThat(s.scanBase("reviews", both.toString()).findings()).isEmpty();
    }
  }

  @Test
  void codeHostApprovalOnTheHeadCommitCounts() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/auth/Login.java", "class Login { boolean check(String user) { return true; } }\n");
      s.repo.commit("weaken login");
      RecordingContext c = s.scanBase("reviews", reviews(s, "alice-gh", s.repo.head()).toString());
      assertThat(c.findings()).isEmpty();
      assertThat(c.errors()).isEmpty();
    }
  }

  @Test
  void staleCodeHostApprovalDoesNotCount() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/auth/Login.java", "class Login { boolean check(String user) { return user != null; } }\n");
      s.repo.commit("tidy login");
      String approvedAt = s.repo.head();
      s.repo.write("src/auth/Login.java", "class Login { boolean check(String user) { return true; } }\n");
      s.repo.commit("weaken login after the review");
      RecordingContext c = s.scanBase("reviews", reviews(s, "alice", approvedAt).toString());
      assertThat(Scenario.of(c, "change/approval/stale")).singleElement()
          .satisfies(f -> assertThat(f.message()).contains(approvedAt.substring(0, 12)).contains("new commits"));
      assertThat(Scenario.of(c, "change/review/missing-approval")).singleElement()
          .satisfies(f -> assertThat(f.message()).contains("@alice (it was given on commit"));
    }
  }

  @Test
  void laterChangesRequestedCancelsAnApproval() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/auth/Login.java", "class Login { boolean check(String user) { return true; } }\n");
      s.repo.commit("weaken login");
      String head = s.repo.head();
      Path file = dir.resolve("reviews.json");
      Files.writeString(file, "[" + review("alice", "APPROVED", head) + "," + review("alice", "COMMENTED", head) + ","
          + review("alice", "CHANGES_REQUESTED", head) + "]");
      assertThat(Scenario.of(s.scanBase("reviews", file.toString()), "change/review/missing-approval")).hasSize(1);
    }
  }

  @Test
  void authorApprovingTheirOwnChangeOnTheCodeHostIsSelfApproval() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/auth/Login.java", "class Login { boolean check(String user) { return true; } }\n");
      s.repo.commit("weaken login", TestRepo.person("Alice", "alice@example.com"));
      RecordingContext c = s.scanBase("reviews", reviews(s, "alice-gh", s.repo.head()).toString());
      assertThat(Scenario.of(c, "change/approval/self-approval")).singleElement()
          .satisfies(f -> assertThat(f.message()).contains("@alice approves a change they wrote themselves"));
      assertThat(Scenario.of(c, "change/review/missing-approval")).singleElement()
          .satisfies(f -> assertThat(f.message()).contains("@alice (an author of this change)"));
    }
  }

  @Test
  void humanCoAuthorIsAnAuthorButAnAssistantCoAuthorIsNot() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/auth/Login.java", "class Login { boolean check(String user) { return true; } }\n");
      s.repo.commit("weaken login\n\nCo-authored-by: Carol <carol@example.com>\nCo-authored-by: Claude <noreply@anthropic.com>");
      s.repo.write(".shipgate/notes/feature.md", CompleteNote.text("src/auth/Login.java"));
      s.repo.commit("note");
      RecordingContext c = s.scanBase("reviews", reviews(s, "carol", s.repo.head()).toString());
      assertThat(Scenario.of(c, "change/approval/self-approval")).hasSize(1);
      Finding missing = Scenario.of(c, "change/review/missing-approval").get(0);
      assertThat(missing.message()).contains("needs 2 approvals (1 + 1 because the change is AI-assisted)");
    }
  }

  @Test
  void gatePolicyChangeNeedsASecurityOwner() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write(".shipgate/waivers.yml", "version: 1\nwaivers: []\n");
      s.repo.commit("waiver file");
      RecordingContext c = s.scanBase("reviews", reviews(s, "carol", s.repo.head()).toString());
      Finding f = Scenario.of(c, "change/review/gate-policy-change").get(0);
      assertThat(f.location().path()).isEqualTo(".shipgate/waivers.yml");
      assertThat(f.message()).contains("from @acme/security (owners from scanners.change.security_owners)")
          .contains("@carol (not an owner of tier 'gate-policy')");
      c = s.scanBase("reviews", reviews(s, "alice", s.repo.head()).toString());
      assertThat(c.findings()).isEmpty();
    }
  }

  @Test
  void deletingCodeownersInTheChangeDoesNotRemoveItsOwners() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("shipgate.yml", "version: 1\n");
      s.repo.delete(".github/CODEOWNERS");
      s.repo.commit("drop the change policy and CODEOWNERS");
      RecordingContext c = s.scanBase("reviews", reviews(s, "alice", s.repo.head()).toString());
      // CODEOWNERS is read at the base, so deleting it does not remove the owners of this change.
      assertThat(Scenario.of(c, "change/review/gate-policy-change")).singleElement()
          .satisfies(f -> assertThat(f.message()).contains("@general-owner"));
    }
  }

  @Test
  void withoutAnyOwnersSensitiveTiersNeedAnotherReviewerAndTheGatePolicyCannotBeApproved() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write(".github/CODEOWNERS", "");
      s.repo.write("shipgate.yml", "version: 1\n");
      s.repo.commit("no owners", TestRepo.person("Alice", "alice@example.com"));
      s.repo.git.checkout().setName("main").call();
      s.repo.git.merge().include(s.repo.git.getRepository().resolve("feature")).call();
      s.repo.branch("feature2");
      s.repo.write("src/billing/Invoice.java", "class Invoice { long total; }\n");
      s.repo.write(".shipgate/waivers.yml", "version: 1\nwaivers: []\n");
      s.repo.commit("billing");
      RecordingContext c = s.scanBase("reviews", reviews(s, "bob", s.repo.head()).toString());
      // bob is not an author, and nobody owns billing: his approval is enough there.
      assertThat(Scenario.of(c, "change/review/missing-approval")).isEmpty();
      assertThat(Scenario.of(c, "change/review/gate-policy-change")).singleElement()
          .satisfies(f -> assertThat(f.message()).contains("none is configured: add scanners.change.security_owners"));
      c = s.scanBase();
      assertThat(Scenario.of(c, "change/review/missing-approval")).singleElement()
          .satisfies(f -> assertThat(f.message()).contains("tier 'payments'").contains("any reviewer other than its authors"));
    }
  }

  @Test
  void gitlabApprovalsCount() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("src/auth/Login.java", "class Login { boolean check(String user) { return true; } }\n");
      s.repo.commit("weaken login");
      Path file = dir.resolve("approvals.json");
      Files.writeString(file, "{\"approved\": true, \"approved_by\": [{\"user\": {\"username\": \"alice-gh\", \"id\": 7}}]}");
      assertThat(s.scanBase("reviews", file.toString()).findings()).isEmpty();
    }
  }

  static Path reviews(Scenario s, String login, String commit) throws Exception {
    Path file = s.keys.resolveSibling("reviews-" + login + ".json");
    Files.writeString(file, "[" + review(login, "APPROVED", commit) + "]");
    return file;
  }

  static String review(String login, String state, String commit) {
    return "{\"id\": 1, \"user\": {\"login\": \"" + login + "\", \"type\": \"User\"}, \"body\": \"\", \"state\": \""
        + state + "\", \"commit_id\": \"" + commit + "\", \"submitted_at\": \"2026-11-21T10:00:00Z\"}";
  }
}
