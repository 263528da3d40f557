package dev.shipgate.scanner.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.scanner.change.command.Commands;
import dev.shipgate.testing.RecordingContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assistants' ignore files: written by `shipgate ai-ignore`, checked by the gate. */
class AiIgnoreHygieneTest {

  @TempDir Path dir;

  private static final String CHECKED = Scenario.POLICY.replace(
      "    ai_ignore: {check: false, reason: \"the ignore-file tests configure this themselves\"}\n",
      "    ai_ignore: {paths: [\"customers/**\"], tools: [aiexclude, cursorignore, aiderignore]}\n");

  @Test
  void missingFilesAreOneFindingAndTheCommandWritesThem() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("shipgate.yml", CHECKED);
      s.repo.write(".cursorignore", "node_modules/\n");
      s.repo.commit("policy");
      RecordingContext c = s.scanBase();
      assertThat(Scenario.of(c, "change/hygiene/ai-ignore-missing")).singleElement()
          .satisfies(f -> assertThat(f.message()).contains(".aiderignore, .aiexclude do not exist"));
      assertThat(Scenario.of(c, "change/hygiene/ai-ignore-stale")).singleElement()
          .satisfies(f -> assertThat(f.message()).contains(".cursorignore: has no section managed by shipgate"));

      assertThat(Commands.aiIgnore(s.repo.dir, "--check").exit()).isEqualTo(1);
      var run = Commands.aiIgnore(s.repo.dir);
      assertThat(run.exit()).isZero();
      assertThat(run.out()).contains("wrote .aiexclude").contains("updated .cursorignore");
      assertThat(s.repo.read(".cursorignore")).startsWith("node_modules/\n\n# >>> shipgate ai-ignore").contains("\ncustomers/**\n");
      assertThat(Commands.aiIgnore(s.repo.dir, "--check").exit()).isZero();
      c = s.scanBase();
      assertThat(Scenario.of(c, "change/hygiene/ai-ignore-missing")).isEmpty();
      assertThat(Scenario.of(c, "change/hygiene/ai-ignore-stale")).isEmpty();
    }
  }

  @Test
  void policyAddingASensitivePathMakesTheFilesStale() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("shipgate.yml", CHECKED);
      assertThat(Commands.aiIgnore(s.repo.dir).exit()).isZero();
      s.repo.write("shipgate.yml", CHECKED.replace("\"customers/**\"", "\"customers/**\", \"exports/\""));
      RecordingContext c = s.scanBase();
      assertThat(Scenario.of(c, "change/hygiene/ai-ignore-stale")).hasSize(3)
          .allSatisfy(f -> assertThat(f.message()).contains("different ones"));
    }
  }

  @Test
  void brokenMarkersAreReportedAndTheCommandRefusesToGuess() throws Exception {
    try (Scenario s = Scenario.create(dir)) {
      s.repo.write("shipgate.yml", CHECKED);
      assertThat(Commands.aiIgnore(s.repo.dir).exit()).isZero();
      s.repo.write(".aiexclude", s.repo.read(".aiexclude").replace(AiIgnore.END + "\n", ""));
      assertThat(Scenario.of(s.scanBase(), "change/hygiene/ai-ignore-stale")).singleElement()
          .satisfies(f -> assertThat(f.message()).contains(".aiexclude: line 1").contains("no end marker"));
      var run = Commands.aiIgnore(s.repo.dir);
      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err()).contains(".aiexclude:1").contains("fix the markers by hand");
    }
  }
}
