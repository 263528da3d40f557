package dev.shipgate.scanner.deps.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsvDatabaseTest {

  @TempDir
  Path tmp;

  @Test
  void importsDirectoriesOfRecordsPerEcosystemAndRecordsTheImportTime() throws Exception {
    OsvImporter.Result r = new OsvImporter(Clock.fixed(TestDatabase.IMPORTED_AT, ZoneOffset.UTC)).importInto(tmp, List.of(TestDatabase.RECORDS));
    assertThat(r.problems()).isEmpty();
    assertThat(r.records()).isEqualTo(17);
    assertThat(r.withdrawnOrForeign()).isEqualTo(2);
    assertThat(r.entries()).containsEntry(Ecosystem.MAVEN, 3).containsEntry(Ecosystem.NPM, 3).containsEntry(Ecosystem.PYPI, 3)
        .containsEntry(Ecosystem.GO, 2).containsEntry(Ecosystem.CRATES_IO, 1).containsEntry(Ecosystem.RUBYGEMS, 1)
        .containsEntry(Ecosystem.PACKAGIST, 1).containsEntry(Ecosystem.NUGET, 1);
    OsvDatabase db = OsvDatabase.open(tmp).orElseThrow();
    assertThat(db.importedAt()).isEqualTo(TestDatabase.IMPORTED_AT);
    assertThat(db.lookup(Ecosystem.MAVEN, "org.apache.logging.log4j:log4j-core")).extracting(OsvEntry::id)
        .containsExactlyInAnyOrder("GHSA-jfh8-c2jp-5v3q", "GHSA-7rjr-3q55-vv33");
    assertThat(db.lookup(Ecosystem.MAVEN, "org.apache.logging.log4j:log4j-api")).isEmpty();
    assertThat(db.lookup(Ecosystem.NPM, "")).isEmpty();
  }

  @Test
  void withdrawnRecordsAndForeignEcosystemsAreNotIndexed() throws Exception {
    OsvDatabase db = OsvDatabase.open(TestDatabase.build(tmp)).orElseThrow();
    assertThat(db.lookup(Ecosystem.NPM, "lodash")).extracting(OsvEntry::id).containsExactlyInAnyOrder("GHSA-35jh-r3h4-6jhm", "GHSA-p6mc-m468-83gw");
    assertThat(db.ecosystems()).doesNotContainKey(null).hasSize(8);
  }

  @Test
  void pypiNamesAreMatchedInTheirNormalisedForm() throws Exception {
    OsvDatabase db = OsvDatabase.open(TestDatabase.build(tmp)).orElseThrow();
    // PYSEC-2018-28 spells the project "Requests"; both records land under "requests".
    assertThat(db.lookup(Ecosystem.PYPI, OsvRecords.key(Ecosystem.PYPI, "Requests"))).extracting(OsvEntry::id)
        .containsExactlyInAnyOrder("GHSA-x84v-xcm2-53pg", "PYSEC-2018-28");
  }

  @Test
  void severityIsComputedFromTheCvssVectorElseTakenFromTheDatabaseLabel() throws Exception {
    OsvDatabase db = OsvDatabase.open(TestDatabase.build(tmp)).orElseThrow();
    OsvEntry log4shell = db.lookup(Ecosystem.MAVEN, "org.apache.logging.log4j:log4j-core").stream()
        .filter(e -> e.id().equals("GHSA-jfh8-c2jp-5v3q")).findFirst().orElseThrow();
    assertThat(log4shell.score()).isEqualTo(10.0);
    assertThat(log4shell.severity()).isEqualTo("critical");
    OsvEntry incomplete = db.lookup(Ecosystem.MAVEN, "org.apache.logging.log4j:log4j-core").stream()
        .filter(e -> e.id().equals("GHSA-7rjr-3q55-vv33")).findFirst().orElseThrow();
    assertThat(incomplete.score()).isEqualTo(9.0);
    assertThat(db.lookup(Ecosystem.NPM, "minimist").get(0).severity()).isEqualTo("medium"); // "MODERATE"
    assertThat(db.lookup(Ecosystem.NPM, "minimist").get(0).score()).isEqualTo(-1);
    assertThat(db.lookup(Ecosystem.GO, "golang.org/x/net").get(0).severity()).isEmpty();
    assertThat(db.lookup(Ecosystem.CRATES_IO, "hyper").get(0).severity()).isEqualTo("medium"); // 5.3
  }

  @Test
  void cvssVersionFourVectorsAreScored() throws Exception {
    Path rec = tmp.resolve("in/rec.json");
    Files.createDirectories(rec.getParent());
    // The CVSS v4.0 base vector with every impact high and no preconditions scores 9.3.
    Files.writeString(rec, """
        {"id": "SHIPGATE-TEST-CVSS4", "modified": "2025-01-01T00:00:00Z",
         "severity": [{"type": "CVSS_V4", "score": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"}],
         "affected": [{"package": {"ecosystem": "npm", "name": "x"}, "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}]}]}]}
        """);
    new OsvImporter().importInto(tmp.resolve("db"), List.of(rec));
    OsvEntry e = OsvDatabase.open(tmp.resolve("db")).orElseThrow().lookup(Ecosystem.NPM, "x").get(0);
    assertThat(e.score()).isEqualTo(9.3);
    assertThat(e.severity()).isEqualTo("critical");
  }

  @Test
  void importsTheAllZipExportAndKeepsEcosystemsItDoesNotContain() throws Exception {
    Path db = TestDatabase.build(tmp.resolve("db"));
    Path zip = tmp.resolve("all.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (Path p : List.of(TestDatabase.RECORDS.resolve("npm/GHSA-35jh-r3h4-6jhm.json"))) {
        out.putNextEntry(new ZipEntry(p.getFileName().toString()));
        out.write(Files.readAllBytes(p));
        out.closeEntry();
      }
    }
    Instant later = TestDatabase.IMPORTED_AT.plusSeconds(3600);
    OsvImporter.Result r = new OsvImporter(Clock.fixed(later, ZoneOffset.UTC)).importInto(db, List.of(zip));
    assertThat(r.entries()).containsOnlyKeys(Ecosystem.NPM);
    OsvDatabase opened = OsvDatabase.open(db).orElseThrow();
    assertThat(opened.importedAt()).isEqualTo(later);
    // npm was replaced by the zip's single record; Maven is untouched.
    assertThat(opened.lookup(Ecosystem.NPM, "lodash")).extracting(OsvEntry::id).containsExactly("GHSA-35jh-r3h4-6jhm");
    assertThat(opened.lookup(Ecosystem.NPM, "minimist")).isEmpty();
    assertThat(opened.lookup(Ecosystem.MAVEN, "com.fasterxml.jackson.core:jackson-databind")).hasSize(1);
  }

  @Test
  void unreadableRecordsAreListedAsProblemsAndSkipped() throws Exception {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    Files.writeString(in.resolve("broken.json"), "{\"id\": \"X\", ");
    Files.writeString(in.resolve("noid.json"), "{\"affected\": []}");
    Files.copy(TestDatabase.RECORDS.resolve("go/GO-2023-1571.json"), in.resolve("ok.json"));
    OsvImporter.Result r = new OsvImporter().importInto(tmp.resolve("db"), List.of(in));
    assertThat(r.problems()).hasSize(2).anyMatch(p -> p.contains("broken.json")).anyMatch(p -> p.contains("noid.json") && p.contains("no 'id'"));
    assertThat(r.entries()).containsEntry(Ecosystem.GO, 1);
  }

  @Test
  void aMissingDatabaseIsEmptyAndADamagedOneIsAnError() throws Exception {
    assertThat(OsvDatabase.open(tmp.resolve("none"))).isEmpty();
    Files.writeString(tmp.resolve("meta.json"), "{\"format\": 99}");
    assertThatThrownBy(() -> OsvDatabase.open(tmp)).isInstanceOf(IOException.class).hasMessageContaining("unknown format");
    Path db = TestDatabase.build(tmp.resolve("db"));
    try (OutputStream out = Files.newOutputStream(db.resolve("npm.idx"))) {
      out.write("garbage".getBytes(StandardCharsets.US_ASCII));
    }
    OsvDatabase opened = OsvDatabase.open(db).orElseThrow();
    assertThatThrownBy(() -> opened.lookup(Ecosystem.NPM, "lodash")).isInstanceOf(IOException.class).hasMessageContaining("npm.idx");
  }

  @Test
  void theLocationComesFromTheSettingThenTheEnvironmentThenTheCacheDirectory() {
    Path root = Path.of("/repo");
    assertThat(DatabaseLocation.resolve("db/osv", root, java.util.Map.of("SHIPGATE_DB", "/env"), "/home/u")).isEqualTo(Path.of("/repo/db/osv"));
    assertThat(DatabaseLocation.resolve("~/osv", root, java.util.Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/osv"));
    assertThat(DatabaseLocation.resolve(null, root, java.util.Map.of("SHIPGATE_DB", "/env", "XDG_CACHE_HOME", "/xdg"), "/home/u")).isEqualTo(Path.of("/env"));
    assertThat(DatabaseLocation.resolve("", root, java.util.Map.of("XDG_CACHE_HOME", "/xdg"), "/home/u")).isEqualTo(Path.of("/xdg/shipgate/osv"));
    assertThat(DatabaseLocation.resolve(null, root, java.util.Map.of("XDG_CACHE_HOME", "relative"), "/home/u")).isEqualTo(Path.of("/home/u/.cache/shipgate/osv"));
  }

  @Test
  void describesItsAgeAndCoverageInOneLine() throws Exception {
    OsvDatabase db = OsvDatabase.open(TestDatabase.build(tmp)).orElseThrow();
    assertThat(db.describe(TestDatabase.IMPORTED_AT.plusSeconds(3 * 86400 + 5)))
        .isEqualTo("OSV advisory database " + tmp + ", imported 2026-11-20T00:00:00Z (3 days old): npm 3, Maven 3, PyPI 3, Go 2, crates.io 1, RubyGems 1, Packagist 1, NuGet 1");
  }
}
