package dev.shipgate.sbom;

import static dev.shipgate.sbom.Packages.locked;
import static dev.shipgate.sbom.Packages.npm;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComponentsTest {

  @Test
  void onePackageInSeveralFilesIsOneComponentWithEveryOccurrence() {
    List<SbomComponent> out = Components.of(List.of(
        npm("lodash", "4.17.21", "web/package-lock.json", 40),
        npm("lodash", "4.17.21", "api/package-lock.json", 12),
        locked(Ecosystem.NPM, "lodash", "4.17.21", "api/package-lock.json", 80).build()));
    assertThat(out).hasSize(1);
    SbomComponent c = out.get(0);
    assertThat(c.ref()).isEqualTo("pkg:npm/lodash@4.17.21");
    assertThat(c.occurrences()).containsExactly(
        new Occurrence("api/package-lock.json", 12), new Occurrence("api/package-lock.json", 80), new Occurrence("web/package-lock.json", 40));
  }

  @Test
  void differentVersionsStayApart() {
    List<SbomComponent> out = Components.of(List.of(npm("lodash", "4.17.21", "a/package-lock.json", 1),
        npm("lodash", "4.17.20", "b/package-lock.json", 1)));
    assertThat(out).extracting(SbomComponent::version).containsExactly("4.17.20", "4.17.21");
  }

  @Test
  void pypiNamesThatNormaliseAlikeAreOnePackage() {
    List<SbomComponent> out = Components.of(List.of(
        locked(Ecosystem.PYPI, "Zope_Interface", "6.0", "requirements.txt", 3).build(),
        locked(Ecosystem.PYPI, "zope-interface", "6.0", "poetry.lock", 20).build()));
    assertThat(out).singleElement().satisfies(c -> {
      assertThat(c.purl()).isEqualTo("pkg:pypi/zope-interface@6.0");
      assertThat(c.occurrences()).hasSize(2);
    });
  }

  @Test
  void theWidestScopeWinsAndDirectComesFromDirectDeclarationsOnly() {
    List<SbomComponent> out = Components.of(List.of(
        locked(Ecosystem.NPM, "debug", "4.3.4", "a/package-lock.json", 5).scope(Package.Scope.DEV).direct(true).build(),
        locked(Ecosystem.NPM, "debug", "4.3.4", "b/package-lock.json", 9).scope(Package.Scope.RUNTIME).direct(false).build(),
        locked(Ecosystem.NPM, "mocha", "10.0.0", "a/package-lock.json", 7).scope(Package.Scope.TEST).direct(false).build(),
        locked(Ecosystem.NPM, "mocha", "10.0.0", "b/package-lock.json", 7).scope(Package.Scope.OPTIONAL).direct(false).build()));
    SbomComponent debug = out.get(0);
    assertThat(debug.scope()).isEqualTo(Package.Scope.RUNTIME);
    assertThat(debug.directScope()).isEqualTo(Package.Scope.DEV);
    SbomComponent mocha = out.get(1);
    assertThat(mocha.scope()).isEqualTo(Package.Scope.OPTIONAL);
    assertThat(mocha.direct()).isFalse();
  }

  @Test
  void providedRanksBelowRuntimeAndOptionalAndAboveDevAndTest() {
    // Maven's provided scope: on the compile class path, not shipped in the artifact.
    List<SbomComponent> out = Components.of(List.of(
        locked(Ecosystem.MAVEN, "javax.servlet:javax.servlet-api", "4.0.1", "a/pom.xml", 5).scope(Package.Scope.PROVIDED).build(),
        locked(Ecosystem.MAVEN, "javax.servlet:javax.servlet-api", "4.0.1", "b/pom.xml", 5).scope(Package.Scope.TEST).build(),
        locked(Ecosystem.MAVEN, "org.projectlombok:lombok", "1.18.30", "a/pom.xml", 9).scope(Package.Scope.PROVIDED).build(),
        locked(Ecosystem.MAVEN, "org.projectlombok:lombok", "1.18.30", "b/pom.xml", 9).scope(Package.Scope.OPTIONAL).build()));
    assertThat(out).extracting(SbomComponent::scope).containsExactly(Package.Scope.PROVIDED, Package.Scope.OPTIONAL);
  }

  @Test
  void rangesAreKeptAsRequirementsAndTwoDifferentRangesStayApart() {
    List<SbomComponent> out = Components.of(List.of(
        Package.builder(Ecosystem.PYPI, "requests", "requirements.txt").version(">=2.0", Package.Pin.RANGE).line(1).build(),
        Package.builder(Ecosystem.PYPI, "requests", "dev/requirements.txt").version("<3", Package.Pin.RANGE).line(1).build(),
        Package.builder(Ecosystem.PYPI, "requests", "other/requirements.txt").version(">=2.0", Package.Pin.RANGE).line(4).build()));
    assertThat(out).hasSize(2).allSatisfy(c -> {
      assertThat(c.version()).isEmpty();
      assertThat(c.purl()).isEqualTo("pkg:pypi/requests");
      assertThat(c.ref()).startsWith("shipgate:pypi/requests@");
    });
    assertThat(out).extracting(SbomComponent::requirement).containsExactlyInAnyOrder(">=2.0", "<3");
    assertThat(out).extracting(SbomComponent::ref).doesNotHaveDuplicates();
  }

  @Test
  void hashesAndDownloadsAreMergedRedactedAndSorted() {
    String hex = "a".repeat(64);
    List<SbomComponent> out = Components.of(List.of(
        locked(Ecosystem.CRATES_IO, "serde", "1.0.0", "Cargo.lock", 10).integrity(hex)
            .resolved("https://bot:hunter2@mirror.example/serde-1.0.0.crate").build(),
        locked(Ecosystem.CRATES_IO, "serde", "1.0.0", "tools/Cargo.lock", 3).integrity(hex)
            .resolved("https://mirror.example/serde-1.0.0.crate").build()));
    SbomComponent c = out.get(0);
    assertThat(c.hashes()).containsExactly(new Digest("SHA-256", hex));
    assertThat(c.downloads()).containsExactly("https://mirror.example/serde-1.0.0.crate");
  }

  @Test
  void orderIsByEcosystemThenNameWhateverTheInputOrder() {
    List<Package> in = List.of(npm("zeta", "1.0.0", "package-lock.json", 3), npm("Alpha", "1.0.0", "package-lock.json", 2),
        locked(Ecosystem.CRATES_IO, "serde", "1.0.0", "Cargo.lock", 1).build(), npm("beta", "1.0.0", "package-lock.json", 1));
    List<String> names = Components.of(in).stream().map(SbomComponent::name).toList();
    assertThat(names).containsExactly("serde", "Alpha", "beta", "zeta");
    List<Package> reversed = new ArrayList<>(in);
    Collections.reverse(reversed);
    assertThat(Components.of(reversed)).isEqualTo(Components.of(in));
  }

  @Test
  void purlsOfNonAsciiNamesAreValidPercentEncodedUtf8() {
    SbomComponent c = Components.of(List.of(npm("ünï", "1.0.0", "package-lock.json", 1))).get(0);
    assertThat(c.purl()).isEqualTo("pkg:npm/%C3%BCn%C3%AF@1.0.0");
  }

  @Test
  void controlCharactersInANameArePercentEncodedInThePurl() {
    SbomComponent c = Components.of(List.of(npm("evil\nname", "1.0.0", "package-lock.json", 1))).get(0);
    assertThat(c.purl()).isEqualTo("pkg:npm/evil%0Aname@1.0.0");
    assertThat(c.ref()).isEqualTo(c.purl());
  }

  @Test
  void edgesAreMergedAcrossFilesAndKeptOnlyToListedComponents() {
    Package a1 = npm("a", "1.0.0", "x/package-lock.json", 1).withDependencies(List.of("pkg:npm/b@1.0.0"));
    Package a2 = npm("a", "1.0.0", "y/package-lock.json", 1).withDependencies(List.of("pkg:npm/c@2.0.0", "pkg:npm/gone@9.9.9"));
    List<SbomComponent> out = Components.of(List.of(a1, a2, npm("b", "1.0.0", "x/package-lock.json", 2), npm("c", "2.0.0", "y/package-lock.json", 2)));
    assertThat(out).extracting(c -> c.name() + " -> " + c.dependsOn())
        .containsExactly("a -> [pkg:npm/b@1.0.0, pkg:npm/c@2.0.0]", "b -> []", "c -> []");
  }

  @Test
  void theLicenceOfTheFirstFileThatStatesOne() {
    List<SbomComponent> out = Components.of(List.of(
        locked(Ecosystem.NPM, "dual", "1.0.0", "b/package-lock.json", 1).license("MIT").build(),
        locked(Ecosystem.NPM, "dual", "1.0.0", "a/package-lock.json", 1).build(),
        locked(Ecosystem.NPM, "dual", "1.0.0", "c/package-lock.json", 1).license("(MIT OR Apache-2.0)").build(),
        locked(Ecosystem.NPM, "none", "1.0.0", "a/package-lock.json", 2).build()));
    assertThat(out).extracting(SbomComponent::license).containsExactly("MIT", "");
  }
}
