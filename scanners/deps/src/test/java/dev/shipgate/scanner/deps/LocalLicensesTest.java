package dev.shipgate.scanner.deps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.extract.LocalLicenses;
import dev.shipgate.testing.RecordingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;

/** Licences from a local Maven repository and a repository-local virtualenv ({@code testdata/local-licences}). */
class LocalLicensesTest {

  private static final Path DIR = Path.of("src/test/resources/testdata/local-licences");
  private static final Path M2 = DIR.resolve("m2");
  private static final Path PROJECT = DIR.resolve("project");

  private static List<SourceFile> files() throws Exception {
    return List.of(SourceFile.of("pom.xml", Files.readAllBytes(PROJECT.resolve("pom.xml"))),
        SourceFile.of("requirements.txt", Files.readAllBytes(PROJECT.resolve("requirements.txt"))));
  }

  @Test
  void pomsWithTheirParentsAndVirtualenvMetadataGiveLicences() throws Exception {
    Inventory.Result r = Inventory.of(files(), PROJECT, LocalLicenses.of(M2, PROJECT));
    List<String> expected = Files.readAllLines(DIR.resolve("expected.txt")).stream().filter(l -> !l.startsWith("#"))
        .map(String::strip).toList();
    assertThat(r.packages()).extracting(p -> (p.name() + " | " + p.license()).strip()).containsExactlyElementsOf(
        expected.stream().map(l -> l.endsWith("|") ? l.substring(0, l.length() - 1).strip() + " |" : l).toList());
  }

  @Test
  void withoutLocalMetadataNothingIsAdded() throws Exception {
    assertThat(Inventory.of(files(), PROJECT).packages()).allMatch(p -> p.license().isEmpty());
    assertThat(Inventory.of(files(), PROJECT, LocalLicenses.of(Path.of("does-not-exist"), null)).packages())
        .allMatch(p -> p.license().isEmpty());
  }

  @Test
  void licencePolicyJudgesLocalLicencesAndNotesWhatItCouldNotJudge(@TempDir Path db) throws Exception {
    Settings settings = Settings.of("shipgate.yml", new Compose(LoadSettings.builder().build()).composeString("""
        require_database: false
        licenses: {allow: [Apache-2.0, MIT, BSD-3-Clause], deny: ["GPL-*"]}
        """).orElseThrow(), "scanners.deps");
    RecordingContext ctx = new RecordingContext(PROJECT, settings);
    new DepsScanner(db, TestDatabase.daysLater(1), M2).scan(files(), ctx);
    assertThat(ctx.findings()).filteredOn(f -> f.ruleId().startsWith("deps/license/"))
        .extracting(f -> f.ruleId() + " " + f.properties().get("package"))
        .containsExactly("deps/license/not-allowed org.acme:dual", "deps/license/not-allowed org.acme:custom");
    assertThat(ctx.skippedFiles()).extracting(s -> s.path() + ": " + s.reason().substring(0, s.reason().indexOf(':')))
        .contains("pom.xml: licence policy not applied to 3 packages", "requirements.txt: licence policy not applied to 2 packages");
  }
}
