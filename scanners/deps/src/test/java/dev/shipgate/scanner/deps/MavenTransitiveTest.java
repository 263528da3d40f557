package dev.shipgate.scanner.deps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.extract.ExtractorGoldenTest;
import dev.shipgate.scanner.deps.extract.LocalLicenses;
import dev.shipgate.scanner.deps.extract.MavenTransitive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Transitive Maven dependencies collected offline from a local repository ({@code testdata/maven-transitive/m2}). */
class MavenTransitiveTest {

  private static final Path DIR = Path.of("src/test/resources/testdata/maven-transitive");

  private static Inventory.Result inventory(Path repository) throws Exception {
    List<SourceFile> files = List.of(SourceFile.of("pom.xml", Files.readAllBytes(DIR.resolve("pom.xml"))));
    return Inventory.of(files, null, LocalLicenses.NONE, MavenTransitive.of(repository));
  }

  @Test
  void mavenMediatesScopesAndNamesTheMissingPoms() throws Exception {
    Inventory.Result r = inventory(DIR.resolve("m2"));
    List<String> expected = Files.readAllLines(DIR.resolve("expected.txt")).stream().filter(l -> !l.startsWith("#")).toList();
    assertThat(r.packages()).extracting(ExtractorGoldenTest::render).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(r.notes()).extracting(Inventory.Note::message).containsExactly("transitive dependencies incomplete: the local "
        + "Maven repository has no POM for org.acme:missing:9.9, so what they depend on is not known");
  }

  @Test
  void thePomsDependencyManagementDecidesTransitiveVersions() throws Exception {
    // Mediation alone picks core 2.5 (nearer); a managed version wins over mediation, as in Maven.
    String pom = Files.readString(DIR.resolve("pom.xml")).replace("  <dependencies>", """
          <properties><core.version>3.0</core.version></properties>
          <dependencyManagement><dependencies>
            <dependency><groupId>org.acme</groupId><artifactId>core</artifactId><version>${core.version}</version></dependency>
          </dependencies></dependencyManagement>
          <dependencies>""");
    Inventory.Result r = Inventory.of(List.of(SourceFile.of("pom.xml", pom)), null, LocalLicenses.NONE, MavenTransitive.of(DIR.resolve("m2")));
    assertThat(r.packages()).filteredOn(p -> p.name().equals("org.acme:core")).extracting(Package::version).containsExactly("3.0");
  }

  @Test
  void thePolicyNamesTheLocalRepositoryOrTurnsItOff(@org.junit.jupiter.api.io.TempDir Path db) throws Exception {
    SourceFile pom = SourceFile.of("pom.xml", Files.readAllBytes(DIR.resolve("pom.xml")));
    for (String setting : List.of("maven_repository: m2\n", "maven_repository: none\n")) {
      dev.shipgate.core.policy.Settings settings = dev.shipgate.core.policy.Settings.of("shipgate.yml",
          new org.snakeyaml.engine.v2.api.lowlevel.Compose(org.snakeyaml.engine.v2.api.LoadSettings.builder().build())
              .composeString("require_database: false\n" + setting).orElseThrow(), "scanners.deps");
      dev.shipgate.testing.RecordingContext ctx = new dev.shipgate.testing.RecordingContext(DIR, settings);
      new DepsScanner(db, TestDatabase.daysLater(1), null).scan(List.of(pom), ctx);
      assertThat(ctx.skippedFiles()).extracting(s -> s.reason()).as(setting)
          .anyMatch(r -> r.startsWith(setting.contains("none") ? "direct dependencies only" : "transitive dependencies incomplete"));
    }
  }

  @Test
  void withoutALocalRepositoryTheDirectDependenciesAndTheNoteStay() throws Exception {
    assertThat(MavenTransitive.of(DIR.resolve("no-such-repository"))).isNull();
    Inventory.Result r = inventory(DIR.resolve("no-such-repository"));
    assertThat(r.packages()).hasSize(4).allMatch(Package::direct);
    assertThat(r.notes()).extracting(Inventory.Note::message).singleElement().asString().startsWith("direct dependencies only");
  }
}
