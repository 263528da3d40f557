package dev.shipgate.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lockfile of every ecosystem, through the real extractors, into both formats. */
class PolyglotTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path repo;
  private static Sbom sbom;

  @BeforeAll
  static void collect() throws IOException, URISyntaxException {
    // Copied out of the source tree so that paths are relative to the fixture, not to this repository.
    Path source = Path.of(PolyglotTest.class.getClassLoader().getResource("fixtures/polyglot").toURI());
    try (Stream<Path> files = Files.walk(source)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path target = repo.resolve(source.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target);
      }
    }
    sbom = Samples.sbomOf(repo);
  }

  @Test
  void everyEcosystemMapsToPurlScopeHashesAndOccurrence() throws Exception {
    JsonNode bom = JSON.readTree(CycloneDxWriter.write(sbom));
    List<String> rows = new ArrayList<>();
    for (JsonNode c : bom.path("components")) {
      List<String> algs = new ArrayList<>();
      c.path("hashes").forEach(h -> algs.add(h.path("alg").asText()));
      JsonNode o = c.at("/evidence/occurrences/0");
      rows.add(c.path("purl").asText() + " " + c.path("scope").asText() + " " + algs + " " + o.path("location").asText() + ":"
          + o.path("line").asInt());
    }
    assertThat(rows).containsExactly(
        "pkg:cargo/serde@1.0.197 required [SHA-256] crates/Cargo.lock:12",
        "pkg:composer/monolog/monolog@3.5.0 required [SHA-1] php/composer.lock:4",
        "pkg:gem/rack@3.0.9 required [] rb/Gemfile.lock:4",
        "pkg:golang/github.com/google/uuid@v1.6.0 required [] svc/go.mod:7",
        "pkg:golang/golang.org/x/text@v0.14.0 required [] svc/go.mod:6",
        "pkg:maven/com.google.guava/guava@33.0.0-jre required [] jvm/gradle.lockfile:4",
        "pkg:maven/junit/junit@4.13.2 excluded [] jvm/gradle.lockfile:5",
        "pkg:npm/%40types/node@20.11.5 required [SHA-512] web/yarn.lock:5",
        "pkg:npm/left-pad@1.3.0 excluded [SHA-1] web/yarn.lock:10",
        "pkg:npm/lodash@4.17.21 required [SHA-512] web/yarn.lock:14",
        "pkg:nuget/Serilog@3.1.1 required [SHA-512] dotnet/packages.lock.json:5",
        "pkg:pypi/idna@3.6 required [SHA-256] py/poetry.lock:3",
        "pkg:pypi/pytest@8.0.0 excluded [SHA-256] py/poetry.lock:14");
    JsonNode monolog = bom.path("components").get(1);
    assertThat(monolog.path("group").asText()).isEqualTo("monolog");
    assertThat(monolog.at("/licenses/0/license/id").asText()).isEqualTo("MIT");
    // Go's h1: hashes are over the module tree, not a downloadable file: none is claimed.
    assertThat(bom.path("components").get(3).has("hashes")).isFalse();
  }

  @Test
  void directDependenciesOfEveryFormatThatKnowsThem() throws Exception {
    JsonNode bom = JSON.readTree(CycloneDxWriter.write(sbom));
    List<String> direct = new ArrayList<>();
    bom.at("/dependencies/0/dependsOn").forEach(d -> direct.add(d.asText()));
    // go.mod's // indirect and gradle.lockfile (which does not say) are not direct.
    assertThat(direct).doesNotContain("pkg:golang/github.com/google/uuid@v1.6.0", "pkg:maven/com.google.guava/guava@33.0.0-jre")
        .contains("pkg:golang/golang.org/x/text@v0.14.0", "pkg:npm/lodash@4.17.21", "pkg:nuget/Serilog@3.1.1", "pkg:gem/rack@3.0.9");
  }

  @Test
  void bothDocumentsAreSchemaValid() {
    assertThat(Schemas.cycloneDxErrors(CycloneDxWriter.write(sbom))).isEmpty();
    assertThat(Schemas.spdxErrors(SpdxWriter.write(sbom))).isEmpty();
  }
}
