package dev.shipgate.sbom;

import static dev.shipgate.sbom.Packages.locked;

import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** One inventory with every kind of entry the writers must handle. */
final class Samples {

  static final Instant CREATED = Instant.parse("2026-11-22T04:00:00Z");

  /** The document of every manifest under {@code repo} (no local Maven repository), which must read cleanly. */
  static Sbom sbomOf(java.nio.file.Path repo) throws java.io.IOException {
    ProjectInventory.Result r = ProjectInventory.collect(repo, List.of(), null, dev.shipgate.scanner.deps.extract.MavenProfiles.Build.PLAIN);
    org.assertj.core.api.Assertions.assertThat(r.problems()).isEmpty();
    return Sbom.of(RootProject.of(repo), r.components(), "9.9.9", CREATED, false);
  }
  static final String LODASH_SHA512 = "0123456789abcdef".repeat(8);
  static final String SECRET = "hunter2-s3cret";

  private Samples() {}

  static List<Package> packages() {
    String sri = "sha512-" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(LODASH_SHA512));
    return List.of(
        locked(Ecosystem.NPM, "lodash", "4.17.21", "web/package-lock.json", 40).direct(true).integrity(sri)
            .resolved("https://ci:" + SECRET + "@npm.example.com/lodash/-/lodash-4.17.21.tgz?token=" + SECRET).build(),
        locked(Ecosystem.NPM, "lodash", "4.17.21", "api/package-lock.json", 12).direct(false).integrity(sri).build(),
        locked(Ecosystem.NPM, "mocha", "10.2.0", "web/package-lock.json", 60).direct(true).scope(Package.Scope.DEV).build(),
        locked(Ecosystem.NPM, "fsevents", "2.3.3", "web/package-lock.json", 70).scope(Package.Scope.OPTIONAL).build(),
        locked(Ecosystem.NPM, "left-pad", "2fca6157ce8be8c4d1d2d3d6b4c8d5b7ff4a0e3c", "web/package-lock.json", 80)
            .source(Package.Source.GIT).resolved("git+https://" + SECRET + "@github.com/o/left-pad.git#2fca615").build(),
        // Names that need escaping in a PURL, and characters SPDX ids cannot carry.
        locked(Ecosystem.NPM, "@my org/pkg+plus", "1.0.0-rc.1+build.5", "web/package-lock.json", 90).build(),
        locked(Ecosystem.GO, "github.com/Foo/Bar/v2", "v2.0.0+incompatible", "go.mod", 5).direct(true).build(),
        locked(Ecosystem.PYPI, "Weird.Name_x", "1.0", "requirements.txt", 2).direct(true).build(),
        locked(Ecosystem.PACKAGIST, "vendor/ünïcode?#", "1.0.0", "composer.lock", 9).build(),
        Package.builder(Ecosystem.MAVEN, "org.example:core", "pom.xml").version("[1.0,2.0)", Package.Pin.RANGE).line(30).direct(true).build(),
        Package.builder(Ecosystem.MAVEN, "no-group", "pom.xml").version("1.0", Package.Pin.PINNED).line(35).direct(true)
            .scope(Package.Scope.TEST).build(),
        locked(Ecosystem.CRATES_IO, "serde", "1.0.200", "Cargo.lock", 100).integrity("b".repeat(64)).build());
  }

  static List<SbomComponent> components() {
    return Components.of(packages());
  }

  static Sbom sbom() {
    return Sbom.of(new RootProject("com.example", "shop", "1.2.0", "pkg:maven/com.example/shop@1.2.0"), components(), "9.9.9", CREATED, false);
  }

  /** The sample with licences as the deps inventory states them (an id, an expression, free text). */
  static Sbom withLicenses(String... licenses) {
    List<SbomComponent> in = components();
    List<SbomComponent> out = new ArrayList<>();
    for (int i = 0; i < in.size(); i++) {
      SbomComponent c = in.get(i);
      String license = i < licenses.length ? licenses[i] : "";
      out.add(new SbomComponent(c.ref(), c.ecosystem(), c.name(), c.version(), c.requirement(), c.purl(), c.scope(), c.directScope(),
          c.source(), c.hashes(), license, c.downloads(), c.occurrences(), c.dependsOn()));
    }
    return Sbom.of(sbom().root(), out, "9.9.9", CREATED, false);
  }
}
