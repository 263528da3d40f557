package dev.shipgate.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shipgate.scanner.deps.Package;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpdxWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode pkg(JsonNode doc, String name) {
    for (JsonNode p : doc.path("packages")) {
      if (p.path("name").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no package " + name);
  }

  @Test
  void validAgainstTheOfficialSpdx23Schema() {
    assertThat(Schemas.spdxErrors(SpdxWriter.write(Samples.sbom()))).isEmpty();
    assertThat(Schemas.spdxErrors(SpdxWriter.write(Samples.withLicenses("MIT", "Apache 2", "MIT OR Apache-2.0")))).isEmpty();
  }

  @Test
  void theSchemaCheckCatchesAMissingRequiredField() throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(SpdxWriter.write(Samples.sbom()));
    doc.remove("documentNamespace");
    ((com.fasterxml.jackson.databind.node.ObjectNode) doc.path("packages").get(1)).remove("downloadLocation");
    assertThat(Schemas.spdxErrors(doc.toString())).hasSizeGreaterThanOrEqualTo(2);
  }

  /**
   * What the schema cannot say: SPDX ids are unique and well formed, relationships point at elements of the
   * document, and every package states the fields SPDX 2.3 requires of it (clauses 7.1, 7.2, 7.5, 7.7).
   */
  @Test
  void idsAreUniqueAndEveryRelationshipPointsIntoTheDocument() throws Exception {
    JsonNode doc = JSON.readTree(SpdxWriter.write(Samples.sbom()));
    Set<String> ids = new HashSet<>(Set.of(doc.path("SPDXID").asText()));
    for (JsonNode p : doc.path("packages")) {
      String id = p.path("SPDXID").asText();
      assertThat(id).matches("SPDXRef-[A-Za-z0-9.-]+");
      assertThat(ids.add(id)).as("duplicate %s", id).isTrue();
      assertThat(p.path("name").asText()).isNotEmpty();
      assertThat(p.path("downloadLocation").asText()).isNotEmpty();
      assertThat(p.path("filesAnalyzed").asBoolean(true)).isFalse();
    }
    assertThat(doc.path("packages")).hasSize(Samples.components().size() + 1);
    for (JsonNode r : doc.path("relationships")) {
      assertThat(ids).contains(r.path("spdxElementId").asText(), r.path("relatedSpdxElement").asText());
    }
  }

  @Test
  void documentFields() throws Exception {
    JsonNode doc = JSON.readTree(SpdxWriter.write(Samples.sbom()));
    assertThat(doc.path("spdxVersion").asText()).isEqualTo("SPDX-2.3");
    assertThat(doc.path("dataLicense").asText()).isEqualTo("CC0-1.0");
    assertThat(doc.path("SPDXID").asText()).isEqualTo("SPDXRef-DOCUMENT");
    assertThat(doc.path("name").asText()).isEqualTo("com.example:shop");
    assertThat(doc.path("documentNamespace").asText())
        .isEqualTo("https://shipgate.dev/spdxdocs/com.example%3Ashop-" + Samples.sbom().id());
    assertThat(doc.at("/creationInfo/created").asText()).isEqualTo("2026-11-22T04:00:00Z");
    assertThat(doc.at("/creationInfo/creators/0").asText()).isEqualTo("Tool: shipgate-9.9.9");
  }

  @Test
  void packageFields() throws Exception {
    JsonNode lodash = pkg(JSON.readTree(SpdxWriter.write(Samples.sbom())), "lodash");
    assertThat(lodash.path("versionInfo").asText()).isEqualTo("4.17.21");
    assertThat(lodash.path("downloadLocation").asText()).isEqualTo("https://npm.example.com/lodash/-/lodash-4.17.21.tgz");
    assertThat(lodash.at("/externalRefs/0/referenceCategory").asText()).isEqualTo("PACKAGE-MANAGER");
    assertThat(lodash.at("/externalRefs/0/referenceType").asText()).isEqualTo("purl");
    assertThat(lodash.at("/externalRefs/0/referenceLocator").asText()).isEqualTo("pkg:npm/lodash@4.17.21");
    assertThat(lodash.at("/checksums/0/algorithm").asText()).isEqualTo("SHA512");
    assertThat(lodash.at("/checksums/0/checksumValue").asText()).isEqualTo(Samples.LODASH_SHA512);
    assertThat(lodash.path("licenseConcluded").asText()).isEqualTo("NOASSERTION");
    assertThat(lodash.path("licenseDeclared").asText()).isEqualTo("NOASSERTION");
    assertThat(lodash.path("sourceInfo").asText()).isEqualTo("declared in api/package-lock.json:12, web/package-lock.json:40");
  }

  @Test
  void unknownDownloadLocationAndRangesAreStatedAsSuch() throws Exception {
    JsonNode doc = JSON.readTree(SpdxWriter.write(Samples.sbom()));
    assertThat(pkg(doc, "mocha").path("downloadLocation").asText()).isEqualTo("NOASSERTION");
    JsonNode core = pkg(doc, "org.example:core");
    assertThat(core.has("versionInfo")).isFalse();
    assertThat(core.path("sourceInfo").asText()).contains("version requirement [1.0,2.0)");
    assertThat(pkg(doc, "no-group").has("externalRefs")).isFalse();
  }

  @Test
  void declaredLicenceOnlyWhenItIsAValidExpression() throws Exception {
    JsonNode packages = JSON.readTree(SpdxWriter.write(Samples.withLicenses("MIT", "Apache 2", "MIT OR Apache-2.0"))).path("packages");
    assertThat(packages.get(1).path("licenseDeclared").asText()).isEqualTo("MIT");
    assertThat(packages.get(2).path("licenseDeclared").asText()).isEqualTo("NOASSERTION");
    assertThat(packages.get(2).path("licenseComments").asText()).isEqualTo("declared as: Apache 2");
    assertThat(packages.get(3).path("licenseDeclared").asText()).isEqualTo("MIT OR Apache-2.0");
  }

  @Test
  void relationshipsDescribeTheProjectAndItsDirectDependenciesByKind() throws Exception {
    JsonNode doc = JSON.readTree(SpdxWriter.write(Samples.sbom()));
    List<String> rels = new ArrayList<>();
    for (JsonNode r : doc.path("relationships")) {
      String from = r.path("spdxElementId").asText();
      String to = r.path("relatedSpdxElement").asText();
      rels.add(name(doc, from) + " " + r.path("relationshipType").asText() + " " + name(doc, to));
    }
    assertThat(rels).containsExactly(
        "SPDXRef-DOCUMENT DESCRIBES com.example:shop",
        "com.example:shop DEPENDS_ON github.com/Foo/Bar/v2",
        "no-group TEST_DEPENDENCY_OF com.example:shop",
        "com.example:shop DEPENDS_ON org.example:core",
        "com.example:shop DEPENDS_ON lodash",
        "mocha DEV_DEPENDENCY_OF com.example:shop",
        "com.example:shop DEPENDS_ON Weird.Name_x");
  }

  private static String name(JsonNode doc, String id) {
    for (JsonNode p : doc.path("packages")) {
      if (p.path("SPDXID").asText().equals(id)) {
        return p.path("name").asText();
      }
    }
    return id;
  }

  @Test
  void sameInputSameDocument() {
    assertThat(SpdxWriter.write(Samples.sbom())).isEqualTo(SpdxWriter.write(Samples.sbom()));
    assertThat(SpdxWriter.write(Samples.sbom())).doesNotContain(Samples.SECRET);
  }

  @Test
  void idsStayUniqueWhenNamesCollapseToTheSameCharacters() {
    Set<String> used = new HashSet<>();
    List<SbomComponent> cs = Components.of(List.of(Packages.npm("a b", "1.0.0", "package-lock.json", 1),
        Packages.npm("a+b", "1.0.0", "package-lock.json", 2), Packages.npm("a_b", "1.0.0", "package-lock.json", 3)));
    for (SbomComponent c : cs) {
      assertThat(used.add(SpdxWriter.spdxId(c, used))).isFalse();
    }
    assertThat(used).hasSize(3).allMatch(id -> id.startsWith("SPDXRef-Package-npm-a-b-1.0.0-"));
  }

  @Test
  void aGitRevisionIsWrittenTheSpdxWay() throws Exception {
    JsonNode leftPad = pkg(JSON.readTree(SpdxWriter.write(Samples.sbom())), "left-pad");
    assertThat(leftPad.path("downloadLocation").asText()).isEqualTo("git+https://github.com/o/left-pad.git@2fca615");
    assertThat(SpdxWriter.location(Package.Source.URL, "https://host.example/a.tgz#sha1=ab")).isEqualTo("https://host.example/a.tgz#sha1=ab");
    assertThat(SpdxWriter.location(Package.Source.GIT, "https://codeload.github.com/o/r/tar.gz/abc")).isEqualTo("https://codeload.github.com/o/r/tar.gz/abc");
  }
}
