package dev.shipgate.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.packageurl.PackageURL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CycloneDxWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode component(JsonNode bom, String name) {
    for (JsonNode c : bom.path("components")) {
      if (c.path("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no component " + name);
  }

  @Test
  void validAgainstTheCycloneDx16Schema() {
    String json = CycloneDxWriter.write(Samples.sbom());
    assertThat(Schemas.cycloneDxErrors(json)).isEmpty();
  }

  @Test
  void theSchemaCheckCatchesAnInvalidDocument() {
    String broken = CycloneDxWriter.write(Samples.sbom()).replace("\"scope\" : \"required\"", "\"scope\" : \"sometimes\"");
    assertThat(Schemas.cycloneDxErrors(broken)).isNotEmpty();
  }

  @Test
  void metadataNamesToolTimeAndProject() throws Exception {
    JsonNode bom = JSON.readTree(CycloneDxWriter.write(Samples.sbom()));
    assertThat(bom.path("specVersion").asText()).isEqualTo("1.6");
    JsonNode meta = bom.path("metadata");
    assertThat(meta.at("/tools/components/0/name").asText()).isEqualTo("shipgate");
    assertThat(meta.at("/tools/components/0/version").asText()).isEqualTo("9.9.9");
    assertThat(meta.path("timestamp").asText()).isEqualTo("2026-11-22T04:00:00Z");
    assertThat(meta.at("/component/type").asText()).isEqualTo("application");
    assertThat(meta.at("/component/group").asText()).isEqualTo("com.example");
    assertThat(meta.at("/component/name").asText()).isEqualTo("shop");
    assertThat(meta.at("/component/version").asText()).isEqualTo("1.2.0");
    assertThat(meta.at("/component/purl").asText()).isEqualTo("pkg:maven/com.example/shop@1.2.0");
  }

  @Test
  void aComponentCarriesPurlRefScopeHashesAndEveryOccurrenceWithItsLine() throws Exception {
    JsonNode lodash = component(JSON.readTree(CycloneDxWriter.write(Samples.sbom())), "lodash");
    assertThat(lodash.path("purl").asText()).isEqualTo("pkg:npm/lodash@4.17.21");
    assertThat(lodash.path("bom-ref").asText()).isEqualTo("pkg:npm/lodash@4.17.21");
    assertThat(lodash.path("version").asText()).isEqualTo("4.17.21");
    assertThat(lodash.path("scope").asText()).isEqualTo("required");
    assertThat(lodash.at("/hashes/0/alg").asText()).isEqualTo("SHA-512");
    assertThat(lodash.at("/hashes/0/content").asText()).isEqualTo(Samples.LODASH_SHA512);
    assertThat(lodash.at("/evidence/occurrences").toString())
        .isEqualTo("[{\"location\":\"api/package-lock.json\",\"line\":12},{\"location\":\"web/package-lock.json\",\"line\":40}]");
    assertThat(lodash.at("/externalReferences/0/type").asText()).isEqualTo("distribution");
    assertThat(lodash.at("/externalReferences/0/url").asText()).isEqualTo("https://npm.example.com/lodash/-/lodash-4.17.21.tgz");
  }

  @Test
  void scopesMapToRequiredOptionalExcluded() throws Exception {
    JsonNode bom = JSON.readTree(CycloneDxWriter.write(Samples.sbom()));
    assertThat(component(bom, "mocha").path("scope").asText()).isEqualTo("excluded");
    assertThat(component(bom, "no-group").path("scope").asText()).isEqualTo("excluded");
    assertThat(component(bom, "fsevents").path("scope").asText()).isEqualTo("optional");
    assertThat(component(bom, "serde").path("scope").asText()).isEqualTo("required");
  }

  @Test
  void gitSourcesAreVcsReferencesWithoutCredentials() throws Exception {
    String json = CycloneDxWriter.write(Samples.sbom());
    JsonNode leftPad = component(JSON.readTree(json), "left-pad");
    assertThat(leftPad.at("/externalReferences/0/type").asText()).isEqualTo("vcs");
    assertThat(leftPad.at("/externalReferences/0/url").asText()).isEqualTo("git+https://github.com/o/left-pad.git#2fca615");
    assertThat(json).doesNotContain(Samples.SECRET);
  }

  @Test
  void onlyTheProjectToDirectDependencyEdgesAreStated() throws Exception {
    JsonNode bom = JSON.readTree(CycloneDxWriter.write(Samples.sbom()));
    assertThat(bom.path("dependencies")).hasSize(1);
    JsonNode root = bom.path("dependencies").get(0);
    assertThat(root.path("ref").asText()).isEqualTo(bom.at("/metadata/component/bom-ref").asText());
    List<String> refs = new ArrayList<>();
    root.path("dependsOn").forEach(r -> refs.add(r.asText()));
    assertThat(refs).containsExactlyInAnyOrder("pkg:npm/lodash@4.17.21", "pkg:npm/mocha@10.2.0",
        "pkg:golang/github.com/foo/bar/v2@v2.0.0%2Bincompatible", "pkg:pypi/weird.name-x@1.0",
        "shipgate:maven/org.example%3Acore@%5B1.0%2C2.0%29", "shipgate:maven/no-group@1.0");
  }

  @Test
  void noDependencyEntryWhenNoPackageIsKnownToBeDirect() throws Exception {
    List<SbomComponent> transitiveOnly = Samples.components().stream().filter(c -> !c.direct()).toList();
    Sbom sbom = Sbom.of(Samples.sbom().root(), transitiveOnly, "9.9.9", Samples.CREATED, false);
    String json = CycloneDxWriter.write(sbom);
    assertThat(JSON.readTree(json).has("dependencies")).isFalse();
    assertThat(Schemas.cycloneDxErrors(json)).isEmpty();
  }

  @Test
  void namesNeedingEscapesKeepAPurlThatParsesBackToTheName() throws Exception {
    JsonNode bom = JSON.readTree(CycloneDxWriter.write(Samples.sbom()));
    JsonNode scoped = component(bom, "pkg+plus");
    assertThat(scoped.path("group").asText()).isEqualTo("@my org");
    PackageURL purl = new PackageURL(scoped.path("purl").asText());
    assertThat(purl.getNamespace()).isEqualTo("@my org");
    assertThat(purl.getName()).isEqualTo("pkg+plus");
    assertThat(purl.getVersion()).isEqualTo("1.0.0-rc.1+build.5");
    JsonNode composer = component(bom, "ünïcode?#");
    assertThat(composer.path("group").asText()).isEqualTo("vendor");
    // UTF-8 percent-encoded, and the PURL's own delimiters escaped.
    assertThat(composer.path("purl").asText()).isEqualTo("pkg:composer/vendor/%C3%BCn%C3%AFcode%3F%23@1.0.0");
    JsonNode go = component(bom, "github.com/Foo/Bar/v2");
    assertThat(go.has("group")).isFalse();
  }

  @Test
  void aRangeHasNoVersionButStatesItsRequirement() throws Exception {
    JsonNode core = component(JSON.readTree(CycloneDxWriter.write(Samples.sbom())), "core");
    assertThat(core.has("version")).isFalse();
    assertThat(core.path("purl").asText()).isEqualTo("pkg:maven/org.example/core");
    assertThat(core.at("/properties/0/name").asText()).isEqualTo("shipgate:version-requirement");
    assertThat(core.at("/properties/0/value").asText()).isEqualTo("[1.0,2.0)");
  }

  @Test
  void licencesAsIdExpressionOrFreeText() throws Exception {
    Sbom sbom = Samples.withLicenses("MIT", "(MIT OR GPL-3.0-or-later)", "SEE LICENSE IN LICENSE.md", "GPL-2.0-only WITH Classpath-exception-2.0");
    String json = CycloneDxWriter.write(sbom);
    assertThat(Schemas.cycloneDxErrors(json)).isEmpty();
    JsonNode components = JSON.readTree(json).path("components");
    assertThat(components.get(0).at("/licenses/0/license/id").asText()).isEqualTo("MIT");
    assertThat(components.get(1).at("/licenses/0/expression").asText()).isEqualTo("(MIT OR GPL-3.0-or-later)");
    assertThat(components.get(2).at("/licenses/0/license/name").asText()).isEqualTo("SEE LICENSE IN LICENSE.md");
    assertThat(components.get(3).at("/licenses/0/expression").asText()).isEqualTo("GPL-2.0-only WITH Classpath-exception-2.0");
    assertThat(components.get(4).has("licenses")).isFalse();
  }

  @Test
  void sameInputSameDocumentUnlessAUniqueIdIsAsked() {
    assertThat(CycloneDxWriter.write(Samples.sbom())).isEqualTo(CycloneDxWriter.write(Samples.sbom()));
    Sbom unique = Sbom.of(Samples.sbom().root(), Samples.components(), "9.9.9", Samples.CREATED, true);
    assertThat(unique.id()).isNotEqualTo(Samples.sbom().id());
    Sbom changed = Sbom.of(Samples.sbom().root(), Samples.components().subList(1, 3), "9.9.9", Samples.CREATED, false);
    assertThat(changed.id()).isNotEqualTo(Samples.sbom().id());
  }

  @Test
  void emptyInventoryIsAValidDocumentWithNoComponents() throws Exception {
    Sbom empty = Sbom.of(RootProject.of(java.nio.file.Path.of("/tmp/empty-project")), List.of(), "9.9.9", Samples.CREATED, false);
    String json = CycloneDxWriter.write(empty);
    assertThat(Schemas.cycloneDxErrors(json)).isEmpty();
    JsonNode bom = JSON.readTree(json);
    assertThat(bom.path("components")).isEmpty();
    assertThat(bom.at("/metadata/component/name").asText()).isEqualTo("empty-project");
  }
}
