package dev.shipgate.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Package-to-package edges from lockfiles with a dependency graph, and root-to-direct edges only from one without. */
class DependencyGraphTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path repo;
  private static Sbom sbom;

  @BeforeAll
  static void collect() throws Exception {
    Files.createDirectories(repo.resolve("web"));
    Files.writeString(repo.resolve("web/package.json"), "{\"name\": \"web\", \"dependencies\": {\"express\": \"^4\"}}");
    Files.writeString(repo.resolve("web/package-lock.json"), """
        {"name": "web", "lockfileVersion": 3, "packages": {
          "": {"name": "web", "dependencies": {"express": "^4"}},
          "node_modules/express": {"version": "4.17.1", "integrity": "sha512-AAAA", "dependencies": {"qs": "6.7.0", "debug": "2.6.9"}},
          "node_modules/express/node_modules/qs": {"version": "6.7.0", "integrity": "sha512-BBBB"},
          "node_modules/qs": {"version": "6.11.0", "integrity": "sha512-CCCC"},
          "node_modules/debug": {"version": "2.6.9", "integrity": "sha512-DDDD", "dependencies": {"qs": "^6"}}
        }}""");
    Files.createDirectories(repo.resolve("py"));
    Files.writeString(repo.resolve("py/requirements.txt"), "requests==2.31.0\n");
    sbom = Samples.sbomOf(repo);
  }

  @Test
  void cycloneDxListsEachPackagesDependenciesAsNodeResolvesThem() throws Exception {
    JsonNode bom = JSON.readTree(CycloneDxWriter.write(sbom));
    Map<String, List<String>> edges = new HashMap<>();
    for (JsonNode d : bom.path("dependencies")) {
      List<String> to = new ArrayList<>();
      d.path("dependsOn").forEach(t -> to.add(t.asText()));
      edges.put(d.path("ref").asText(), to);
    }
    // express gets its nested qs 6.7.0; debug, hoisted beside it, the top-level qs 6.11.0.
    assertThat(edges).containsEntry("pkg:npm/express@4.17.1", List.of("pkg:npm/debug@2.6.9", "pkg:npm/qs@6.7.0"))
        .containsEntry("pkg:npm/debug@2.6.9", List.of("pkg:npm/qs@6.11.0"))
        .doesNotContainKeys("pkg:pypi/requests@2.31.0", "pkg:npm/qs@6.7.0");
    // The project to its direct packages, whichever format declared them (requirements.txt has no graph).
    assertThat(bom.path("dependencies").get(0).path("ref").asText()).startsWith(CycloneDxWriter.ROOT_REF_PREFIX);
    assertThat(edges.get(bom.path("dependencies").get(0).path("ref").asText())).containsExactly("pkg:npm/express@4.17.1",
        "pkg:pypi/requests@2.31.0");
    assertThat(Schemas.cycloneDxErrors(CycloneDxWriter.write(sbom))).isEmpty();
  }

  @Test
  void spdxRelatesPackagesWithDependsOn() throws Exception {
    String spdx = SpdxWriter.write(sbom);
    JsonNode doc = JSON.readTree(spdx);
    Map<String, String> names = new HashMap<>();
    doc.path("packages").forEach(p -> names.put(p.path("SPDXID").asText(), p.path("name").asText() + "@" + p.path("versionInfo").asText()));
    List<String> rows = new ArrayList<>();
    for (JsonNode rel : doc.path("relationships")) {
      if (rel.path("relationshipType").asText().equals("DEPENDS_ON") && !rel.path("spdxElementId").asText().equals(SpdxWriter.ROOT_ID)) {
        rows.add(names.get(rel.path("spdxElementId").asText()) + " -> " + names.get(rel.path("relatedSpdxElement").asText()));
      }
    }
    assertThat(rows).containsExactlyInAnyOrder("debug@2.6.9 -> qs@6.11.0", "express@4.17.1 -> debug@2.6.9", "express@4.17.1 -> qs@6.7.0");
    assertThat(Schemas.spdxErrors(spdx)).isEmpty();
  }
}
