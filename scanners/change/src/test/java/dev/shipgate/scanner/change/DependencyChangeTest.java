package dev.shipgate.scanner.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.testing.RecordingContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dependency changes with --base: one decision of the dependencies tier, listing the packages it changes. */
class DependencyChangeTest {

  @TempDir
  Path dir;

  private static String lock(String... entries) {
    StringBuilder deps = new StringBuilder();
    StringBuilder nodes = new StringBuilder();
    for (String e : entries) {
      String[] p = e.split(" ");
      if (p.length > 2) {
        deps.append(deps.length() == 0 ? "" : ", ").append('"').append(p[0]).append("\": \"^").append(p[1]).append('"');
      }
      nodes.append(",\n    \"node_modules/").append(p[0]).append("\": {\"version\": \"").append(p[1])
          .append("\", \"resolved\": \"https://registry.npmjs.org/").append(p[0]).append("/-/").append(p[0]).append('-')
          .append(p[1]).append(".tgz\", \"integrity\": \"sha512-x\"}");
    }
    return "{\n  \"lockfileVersion\": 3,\n  \"packages\": {\n    \"\": {\"name\": \"app\", \"dependencies\": {" + deps + "}}"
        + nodes + "\n  }\n}\n";
  }

  /** The base of the change: the feature branch with a lockfile committed; the change is on branch "more". */
  private static void baseWithLockfile(Scenario s, String path, String content) throws Exception {
    s.repo.write(path, content);
    s.repo.commit("dependencies as they are");
    s.repo.branch("more");
  }

  @Test
  void aNewDirectDependencyNeedsTheDependencyOwnersAndTheFindingListsEveryPackageChange() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      baseWithLockfile(s, "web/package-lock.json", lock("express 4.17.1 direct", "qs 6.7.0", "debug 2.6.9"));
      s.repo.write("web/package-lock.json", lock("express 4.17.1 direct", "qs 6.11.0", "left-pad 1.3.0 direct"));
      s.repo.commit("add left-pad");
      RecordingContext c = s.scan("base", "feature");
      assertThat(c.errors()).isEmpty();
      List<Finding> missing = Scenario.of(c, "change/review/missing-approval");
      assertThat(missing).singleElement().satisfies(f -> {
        assertThat(f.properties()).containsEntry("tier", "dependencies").containsEntry("new_direct_dependencies", "npm:left-pad");
        assertThat(f.message()).contains("@general-owner (owners from .github/CODEOWNERS)")
            .contains("Dependency changes: added: npm:left-pad 1.3.0 (direct); removed: npm:debug 2.6.9; "
                + "upgraded: npm:qs 6.7.0 -> 6.11.0.");
      });
      assertThat(c.notes()).containsEntry(ChangeScanner.DEPENDENCIES_NOTE,
          "added: npm:left-pad 1.3.0 (direct); removed: npm:debug 2.6.9; upgraded: npm:qs 6.7.0 -> 6.11.0");
    }
  }

  @Test
  void theDependencyOwnersApprovalSettlesItAndTheNoteStillRecordsTheChange() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      baseWithLockfile(s, "package-lock.json", lock("express 4.17.1 direct"));
      s.repo.write("package-lock.json", lock("express 4.17.1 direct", "left-pad 1.3.0 direct"));
      s.repo.commit("add left-pad");
      RecordingContext c = s.scan("base", "feature", "reviews",
          ReviewPolicyTest.reviews(s, "general-owner", s.repo.head()).toString());
      assertThat(c.errors()).isEmpty();
      assertThat(c.findings()).isEmpty();
      assertThat(c.notes()).containsEntry(ChangeScanner.DEPENDENCIES_NOTE, "added: npm:left-pad 1.3.0 (direct)");
    }
  }

  @Test
  void aLockfileTheTierDoesNotListStillBringsANewDirectDependencyToItsOwners() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      String bun = """
          {
            "lockfileVersion": 1,
            "workspaces": {"": {"name": "app", "dependencies": {%s}}},
            "packages": {%s}
          }
          """;
      baseWithLockfile(s, "bun.lock", bun.formatted("\"ms\": \"^2.1.3\"", "\"ms\": [\"ms@2.1.3\", \"\", {}, \"sha512-a\"]"));
      s.repo.write("bun.lock", bun.formatted("\"ms\": \"^2.1.3\", \"chalk\": \"^5.3.0\"",
          "\"ms\": [\"ms@2.1.3\", \"\", {}, \"sha512-a\"],\n    \"chalk\": [\"chalk@5.3.0\", \"\", {}, \"sha512-b\"]"));
      s.repo.commit("add chalk");
      RecordingContext c = s.scan("base", "feature");
      assertThat(c.errors()).isEmpty();
      assertThat(Scenario.of(c, "change/review/missing-approval")).singleElement().satisfies(f -> {
        assertThat(f.location().path()).isEqualTo("bun.lock");
        assertThat(f.properties()).containsEntry("tier", "dependencies");
        assertThat(f.message()).contains("adds the direct dependency npm:chalk 5.3.0 (direct)");
      });
    }
  }

  @Test
  void changesOutsideDependencyFilesAddNoNote() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      baseWithLockfile(s, "package-lock.json", lock("express 4.17.1 direct"));
      s.repo.write("README.md", "# demo, reworded\n");
      s.repo.commit("docs");
      RecordingContext c = s.scan("base", "feature");
      assertThat(c.notes()).doesNotContainKey(ChangeScanner.DEPENDENCIES_NOTE);
      assertThat(c.findings()).isEmpty();
    }
  }
}
