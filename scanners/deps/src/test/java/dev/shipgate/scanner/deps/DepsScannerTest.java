package dev.shipgate.scanner.deps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;

class DepsScannerTest {

  private static Path database;

  @TempDir
  Path tmp;

  @BeforeAll
  static void database(@TempDir Path dir) throws Exception {
    database = TestDatabase.build(dir);
  }

  private static List<Finding> scan(DepsScanner scanner, RecordingContext ctx, SourceFile... files) throws Exception {
    scanner.scan(List.of(files), ctx);
    return ctx.findings();
  }

  private static DepsScanner scanner() {
    return new DepsScanner(database, TestDatabase.daysLater(1), null);
  }

  private static Settings settings(String yaml) {
    try {
      return Settings.of("shipgate.yml", new Compose(LoadSettings.builder().build()).composeString(yaml).orElseThrow(), "scanners.deps");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String NPM_LOCK = """
      {
        "name": "app",
        "lockfileVersion": 3,
        "packages": {
          "": {"name": "app", "dependencies": {"lodash": "^4.17.0", "minimist": "^1.2.5"}},
          "node_modules/lodash": {
            "version": "4.17.20",
            "resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.20.tgz",
            "integrity": "sha512-PlhdFcillOINfeV7Ni6oF1TAEayyZBoZ8bcshTHqOYJYlrqzRK5hagpagky5o4HfCzzd1TRkXPMFq6cKk9rGmA=="
          },
          "node_modules/minimist": {
            "version": "1.2.5",
            "resolved": "https://registry.npmjs.org/minimist/-/minimist-1.2.5.tgz"
          },
          "node_modules/mkdirp/node_modules/minimist": {
            "version": "0.0.8",
            "resolved": "https://registry.npmjs.org/minimist/-/minimist-0.0.8.tgz",
            "integrity": "sha1-hX/Kv8M5fSYluCKCYuhqp6ARsF0=",
            "dev": true
          },
          "node_modules/helper": {
            "version": "1.0.0",
            "resolved": "git+ssh://git@github.com/acme/helper.git#0b5f8a1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a"
          }
        }
      }
      """;

  /** Table-driven: JSON lockfiles have no comments, so expected (line, rule) pairs are listed here. */
  @Test
  void npmLockfileFindingsAtTheirEntries() throws Exception {
    List<Finding> findings = scan(scanner(), new RecordingContext(), SourceFile.of("web/package-lock.json", NPM_LOCK));
    assertThat(findings).extracting(f -> f.location().startLine() + " " + f.ruleId()).containsExactlyInAnyOrder(
        "6 deps/vulnerable/known-advisory", // lodash 4.17.20: GHSA-35jh-r3h4-6jhm
        "11 deps/integrity/missing-hash", // minimist 1.2.5 without integrity (and not vulnerable)
        "15 deps/vulnerable/known-advisory", // nested minimist 0.0.8: GHSA-vh95-rmgr-6w4m, fixed in 0.2.1
        "21 deps/source/non-registry");
    Finding nested = findings.stream().filter(f -> f.location().startLine() == 15).findFirst().orElseThrow();
    assertThat(nested.message()).contains("minimist 0.0.8", "GHSA-vh95-rmgr-6w4m", "CVE-2020-7598", "fixed in 0.2.1");
    assertThat(nested.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(nested.properties()).containsEntry("scope", "dev").containsEntry("direct", "false");
  }

  @Test
  void composerAndGemfileLockfilesAreMatchedInTheirEcosystems() throws Exception {
    String composer = """
        {
          "packages": [
            {"name": "guzzlehttp/guzzle", "version": "7.4.1",
             "dist": {"type": "zip", "url": "https://api.github.com/repos/guzzle/guzzle/zipball/ee0a041b", "shasum": ""}},
            {"name": "guzzlehttp/psr7", "version": "2.4.5"}
          ]
        }
        """;
    String gemfile = """
        GEM
          remote: https://rubygems.org/
          specs:
            rack (2.2.3)
            rack-test (2.1.0)
              rack (>= 1.3)

        DEPENDENCIES
          rack-test
        """;
    RecordingContext ctx = new RecordingContext();
    List<Finding> findings = scan(scanner(), ctx, SourceFile.of("composer.lock", composer), SourceFile.of("Gemfile.lock", gemfile));
    assertThat(findings).extracting(f -> f.location() + " " + f.ruleId() + " " + f.severity()).containsExactlyInAnyOrder(
        "composer.lock:3 deps/vulnerable/known-advisory HIGH", "Gemfile.lock:4 deps/vulnerable/known-advisory CRITICAL");
    assertThat(findings).anyMatch(f -> f.message().contains("fixed in 7.4.3")).anyMatch(f -> f.message().contains("fixed in 2.2.3.1"));
  }

  @Test
  void aliasesOfOneVulnerabilityAreOneFindingNamedByTheGhsaId() throws Exception {
    List<Finding> findings = scan(scanner(), new RecordingContext(), SourceFile.of("requirements.txt", "requests==2.19.1\n"));
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.properties()).containsEntry("advisory", "GHSA-x84v-xcm2-53pg").containsEntry("aliases", "PYSEC-2018-28,CVE-2018-18074")
        .containsEntry("fixed_version", "2.20.0").containsEntry("cvss_score", "7.5").containsEntry("database_imported_at", "2026-11-20T00:00:00Z");
    assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
  }

  @Test
  void distinctVulnerabilitiesOnOnePackageAreSeparateFindingsEachWithItsOwnFix() throws Exception {
    String pom = """
        <project><dependencies>
          <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>2.14.1</version></dependency>
        </dependencies></project>
        """;
    List<Finding> findings = scan(scanner(), new RecordingContext(), SourceFile.of("pom.xml", pom));
    assertThat(findings).extracting(f -> f.properties().get("advisory") + " " + f.properties().get("fixed_version") + " " + f.severity())
        .containsExactlyInAnyOrder("GHSA-jfh8-c2jp-5v3q 2.15.0 CRITICAL", "GHSA-7rjr-3q55-vv33 2.16.0 CRITICAL");
    // A direct dependency's own version is what Maven resolves: nearest wins, and an explicit version beats a BOM.
    assertThat(findings).allMatch(f -> f.confidence() == Confidence.HIGH);
    assertThat(findings.get(0).contextKey()).doesNotContain("2.14.1");
  }

  @Test
  void withoutADatabaseTheGateFailsClosedWithAnInstruction() throws Exception {
    RecordingContext ctx = new RecordingContext();
    DepsScanner scanner = new DepsScanner(tmp.resolve("no-db"), TestDatabase.daysLater(1), null);
    scan(scanner, ctx, SourceFile.of("requirements.txt", "requests==2.19.1\n"));
    assertThat(ctx.errors()).extracting(Coverage.ScanError::message).singleElement().asString()
        .startsWith("advisory database missing: run `shipgate db import`").contains(tmp.resolve("no-db").toString());
  }

  @Test
  void requireDatabaseFalseTurnsTheMissingDatabaseIntoASkipReason() throws Exception {
    RecordingContext ctx = new RecordingContext(tmp, settings("require_database: false\n"));
    scan(new DepsScanner(tmp.resolve("no-db"), TestDatabase.daysLater(1), null), ctx, SourceFile.of("requirements.txt", "requests==2.19.1\n"));
    assertThat(ctx.errors()).isEmpty();
    assertThat(ctx.skippedFiles()).extracting(Coverage.Skipped::reason).anyMatch(r -> r.startsWith("advisory database missing"));
  }

  @Test
  void anEcosystemTheDatabaseLacksIsReportedNotPassed() throws Exception {
    Path db = tmp.resolve("npm-only");
    new dev.shipgate.scanner.deps.osv.OsvImporter().importInto(db, List.of(TestDatabase.RECORDS.resolve("npm")));
    RecordingContext ctx = new RecordingContext();
    scan(new DepsScanner(db, TestDatabase.daysLater(1), null), ctx, SourceFile.of("requirements.txt", "requests==2.19.1\n"));
    assertThat(ctx.errors()).extracting(Coverage.ScanError::message).singleElement().asString().contains("has no PyPI advisories");
  }

  @Test
  void aDatabaseOlderThanTheLimitIsAnError() throws Exception {
    RecordingContext ctx = new RecordingContext(tmp, settings("max_db_age_days: 7\n"));
    scan(new DepsScanner(database, TestDatabase.daysLater(8), null), ctx, SourceFile.of("requirements.txt", "flask==2.0.1\n"));
    assertThat(ctx.errors()).extracting(Coverage.ScanError::message).singleElement().asString()
        .contains("8 days old", "max_db_age_days = 7", "shipgate db update");
    RecordingContext fresh = new RecordingContext(tmp, settings("max_db_age_days: 7\n"));
    scan(new DepsScanner(database, TestDatabase.daysLater(6), null), fresh, SourceFile.of("requirements.txt", "flask==2.0.1\n"));
    assertThat(fresh.errors()).isEmpty();
  }

  @Test
  void theDatabaseSettingIsResolvedAgainstTheScannedRoot() throws Exception {
    Path root = tmp.resolve("repo");
    Files.createDirectories(root);
    TestDatabase.build(root.resolve(".osv"));
    RecordingContext ctx = new RecordingContext(root, settings("database: .osv\n"));
    List<Finding> findings = scan(new DepsScanner(), ctx, SourceFile.of("requirements.txt", "requests==2.19.1\n"));
    assertThat(ctx.errors()).isEmpty();
    assertThat(findings).hasSize(1);
  }

  @Test
  void malformedLockfilesAreErrorsNamingFileAndLine() throws Exception {
    RecordingContext ctx = new RecordingContext();
    scan(scanner(), ctx, SourceFile.of("a/package-lock.json", "{\n  \"packages\": {\n    \"node_modules/x\": {\"version\": \"1\",}\n  }\n}\n"),
        SourceFile.of("requirements.txt", "flask==2.0.1\n"));
    assertThat(ctx.errors()).singleElement().satisfies(e -> {
      assertThat(e.path()).isEqualTo("a/package-lock.json");
      assertThat(e.line()).isEqualTo(3);
      assertThat(e.message()).startsWith("npm/package-lock: malformed JSON");
    });
  }

  @Test
  void mavenFilesCarryTheDirectDependenciesOnlyCoverageNote() throws Exception {
    RecordingContext ctx = new RecordingContext();
    scan(scanner(), ctx, SourceFile.of("pom.xml", "<project><dependencies/></project>"));
    assertThat(ctx.skippedFiles()).containsExactly(new Coverage.Skipped("pom.xml", "direct dependencies only: transitive Maven dependencies need their POMs in a local Maven repository (~/.m2), "
        + "and none was found"));
  }

  @Test
  void includedRequirementsAreReadFromDiskBelowTheRootButNeverOutsideIt() throws Exception {
    Path root = tmp.resolve("repo");
    Files.createDirectories(root.resolve("reqs"));
    Files.writeString(root.resolve("reqs/base.in"), "requests==2.19.1\n");
    Files.writeString(tmp.resolve("outside.txt"), "requests==2.19.1\n");
    RecordingContext ctx = new RecordingContext(root, Settings.empty("<test>"));
    List<Finding> findings = scan(scanner(), ctx, SourceFile.of("requirements.txt", "-r reqs/base.in\n-r ../outside.txt\n"));
    assertThat(findings).extracting(f -> f.location().toString()).containsExactly("reqs/base.in:1");
    assertThat(ctx.skippedFiles()).extracting(Coverage.Skipped::reason).anyMatch(r -> r.contains("../outside.txt") && r.contains("not found"));
  }

  @Test
  void acceptsManifestsLockfilesAndTheirDeclarationFilesOnly() {
    DepsScanner s = new DepsScanner();
    assertThat(List.of("pom.xml", "a/b/package-lock.json", "yarn.lock", "requirements-dev.txt", "go.mod", "go.sum", "Cargo.lock", "package.json", "x/composer.json",
        "pyproject.toml", "Pipfile", "LICENSE", "Cargo.toml", "src/Main.java", "web/app.ts"))
        .allMatch(s::accepts);
    assertThat(List.of("node_modules/a/package.json", "README.md", "a/Cargo.toml", "vendor/a/composer.json", "node_modules/x/index.js",
        "docs/LICENSE")).noneMatch(s::accepts);
    assertThat(s.settingKeys()).containsExactlyInAnyOrder("database", "max_db_age_days", "require_database", "maven_repository", "maven_build", "registries",
        "install_scripts", "typosquat", "licenses");
  }

  @Test
  void goFindingsNameTheFixAsGoModWritesIt() throws Exception {
    List<Finding> findings = scan(scanner(), new RecordingContext(), SourceFile.of("go.mod", "module m\n\nrequire golang.org/x/net v0.6.0\n"));
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.properties()).containsEntry("advisory", "GO-2023-1571").containsEntry("fixed_version", "v0.7.0");
      assertThat(f.message()).endsWith("fixed in v0.7.0");
      // No CVSS vector and no database rating: the severity is unknown and reported as medium.
      assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
    });
  }

  @Test
  void nugetPackageIdsMatchAdvisoriesWhateverTheirCase() throws Exception {
    String lock = """
        {
          "version": 1,
          "dependencies": {
            "net8.0": {
              "newtonsoft.json": {"type": "Direct", "requested": "[12.0.3, )", "resolved": "12.0.3", "contentHash": "x"},
              "Serilog": {"type": "Transitive", "resolved": "3.1.1", "contentHash": "y"}
            }
          }
        }
        """;
    List<Finding> findings = scan(scanner(), new RecordingContext(), SourceFile.of("src/App/packages.lock.json", lock));
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.location().toString()).isEqualTo("src/App/packages.lock.json:5");
      assertThat(f.properties()).containsEntry("advisory", "GHSA-5crp-9r3c-p9vr").containsEntry("fixed_version", "13.0.1");
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
    });
  }

  @Test
  void aRangeIsReportedOnlyWhenEveryVersionItAllowsIsAffected() throws Exception {
    String requirements = String.join("\n",
        "urllib3>=1.25.4,<1.26",   // all of 1.25.x from 1.25.4: inside GHSA-q2q7-5pp4-w6pg
        "requests<=2.19.1",        // everything up to 2.19.1: inside GHSA-x84v-xcm2-53pg
        "urllib3~=1.25.4",         // >=1.25.4, ==1.25.*
        "urllib3>=1.26,<2",        // 1.26.5 fixes it inside the range: may be safe
        "requests>=2.0",           // no upper bound: resolves to the newest release
        "");
    List<Finding> findings = scan(scanner(), new RecordingContext(), SourceFile.of("requirements.txt", requirements));
    List<Finding> advisories = findings.stream().filter(f -> f.ruleId().equals(DepsRules.KNOWN_ADVISORY.id())).toList();
    assertThat(advisories).extracting(f -> f.location().startLine()).containsExactly(1, 2, 3);
    assertThat(advisories).allMatch(f -> f.confidence() == Confidence.MEDIUM);
    assertThat(advisories.get(0).message()).startsWith("every version of urllib3 that >=1.25.4,<1.26 allows is affected by GHSA-q2q7-5pp4-w6pg")
        .endsWith("fixed in 1.26.5");
    assertThat(findings).filteredOn(f -> f.ruleId().equals(DepsRules.UNPINNED_VERSION.id())).hasSize(5);
  }

  @Test
  void aMavenRangeInsideAnAdvisoryIsReported() throws Exception {
    String pom = "<project><dependencies>\n"
        + "<dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>[2.13.0,2.14.1]</version></dependency>\n"
        + "<dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>[2.13.0,2.17.0)</version></dependency>\n"
        + "</dependencies></project>";
    List<Finding> findings = scan(scanner(), new RecordingContext(), SourceFile.of("pom.xml", pom));
    assertThat(findings).filteredOn(f -> f.ruleId().equals(DepsRules.KNOWN_ADVISORY.id()))
        .extracting(f -> f.location().startLine() + " " + f.properties().get("advisory") + " " + f.properties().get("fixed_version"))
        .containsExactlyInAnyOrder("2 GHSA-jfh8-c2jp-5v3q 2.15.0", "2 GHSA-7rjr-3q55-vv33 2.16.0");
  }

  private static final Path PROFILES = Path.of("src/test/resources/testdata/maven-pom/profile-activation");

  private static List<SourceFile> profilePoms() throws Exception {
    return List.of(SourceFile.of("pom.xml", Files.readAllBytes(PROFILES.resolve("pom.xml"))),
        SourceFile.of("module/pom.xml", Files.readAllBytes(PROFILES.resolve("module/pom.xml"))));
  }

  private static List<String> versioned(Inventory.Result r) {
    return r.packages().stream().map(p -> p.manifest() + " " + p.name() + ":" + p.version()).toList();
  }

  @Test
  void theMavenBuildThePolicyStatesChoosesTheProfilesThatBuildChooses() throws Exception {
    Inventory.Result plain = Inventory.of(profilePoms(), PROFILES, dev.shipgate.scanner.deps.extract.LocalLicenses.NONE, null);
    Inventory.Result linux = Inventory.of(profilePoms(), PROFILES, dev.shipgate.scanner.deps.extract.LocalLicenses.NONE, null,
        dev.shipgate.scanner.deps.policy.MavenBuild.from(settings("""
            maven_build:
              jdk: 17.0.9
              os: {name: Linux, arch: amd64}
              properties: {env.CI: "true"}
              profiles: [release, "!extras"]
            """)));
    // JDK 17.0.9 turns exactly-17 on, the OS unix, env.CI ci; -P release and -P !extras as on CI's command line.
    assertThat(versioned(linux)).containsAll(versioned(plain).stream().filter(p -> !p.contains("guava")).toList())
        .contains("pom.xml org.acme:jdk17-shim:1", "pom.xml io.netty:netty-transport-native-epoll:4.1.100.Final", "pom.xml org.acme:signer:1",
            "pom.xml org.acme:ci-reporter:1", "module/pom.xml org.acme:managed-by-profile:")
        .doesNotContain("pom.xml com.google.guava:guava:32.1.2-jre").hasSize(versioned(plain).size() + 3);
    assertThat(plain.notes()).extracting(Inventory.Note::message)
        .anyMatch(n -> n.contains("'exactly-17'")).anyMatch(n -> n.contains("'unix'")).anyMatch(n -> n.contains("'windows'"));
    // Only the profile the build machine cannot settle stays a note (on the parent and on the module that inherits it).
    assertThat(linux.notes()).extracting(Inventory.Note::message).filteredOn(n -> n.contains("profile '")).hasSize(2)
        .allMatch(n -> n.startsWith("profile 'outside'"));
    Inventory.Result windows = Inventory.of(profilePoms(), PROFILES, dev.shipgate.scanner.deps.extract.LocalLicenses.NONE, null,
        dev.shipgate.scanner.deps.policy.MavenBuild.from(settings("maven_build: {jdk: 21, os: {family: windows}}\n")));
    assertThat(versioned(windows)).contains("module/pom.xml org.acme:managed-by-profile:9")
        .doesNotContain("pom.xml io.netty:netty-transport-native-epoll:4.1.100.Final");
  }

  @Test
  void aBuildMatrixInventoriesWhatAnyOfItsBuildsPullsIn() throws Exception {
    String linuxBuild = "{jdk: 17.0.9, os: {name: Linux, arch: amd64}}";
    String windowsBuild = "{jdk: 21.0.1, os: {name: Windows 11, arch: amd64}}";
    List<String> linux = versioned(Inventory.of(profilePoms(), PROFILES, dev.shipgate.scanner.deps.extract.LocalLicenses.NONE, null,
        dev.shipgate.scanner.deps.policy.MavenBuild.from(settings("maven_build: " + linuxBuild + "\n"))));
    List<String> windows = versioned(Inventory.of(profilePoms(), PROFILES, dev.shipgate.scanner.deps.extract.LocalLicenses.NONE, null,
        dev.shipgate.scanner.deps.policy.MavenBuild.from(settings("maven_build: " + windowsBuild + "\n"))));
    Inventory.Result matrix = Inventory.of(profilePoms(), PROFILES, dev.shipgate.scanner.deps.extract.LocalLicenses.NONE, null,
        dev.shipgate.scanner.deps.policy.MavenBuild.from(settings("maven_build:\n  - " + linuxBuild + "\n  - " + windowsBuild + "\n")));
    // The JDK 17 shim and epoll come from the Linux build, the managed version 9 from the Windows build's profile.
    assertThat(linux).contains("pom.xml org.acme:jdk17-shim:1", "pom.xml io.netty:netty-transport-native-epoll:4.1.100.Final")
        .doesNotContain("module/pom.xml org.acme:managed-by-profile:9");
    assertThat(windows).doesNotContain("pom.xml org.acme:jdk17-shim:1", "pom.xml io.netty:netty-transport-native-epoll:4.1.100.Final")
        .contains("module/pom.xml org.acme:managed-by-profile:9");
    assertThat(versioned(matrix)).contains("pom.xml org.acme:jdk17-shim:1", "pom.xml io.netty:netty-transport-native-epoll:4.1.100.Final",
        "module/pom.xml org.acme:managed-by-profile:9");
    List<String> names = versioned(matrix).stream().map(v -> v.substring(0, v.lastIndexOf(':'))).toList();
    assertThat(names).containsAll(linux.stream().map(v -> v.substring(0, v.lastIndexOf(':'))).toList())
        .containsAll(windows.stream().map(v -> v.substring(0, v.lastIndexOf(':'))).toList());
    // A one-item list is that build.
    assertThat(versioned(Inventory.of(profilePoms(), PROFILES, dev.shipgate.scanner.deps.extract.LocalLicenses.NONE, null,
        dev.shipgate.scanner.deps.policy.MavenBuild.from(settings("maven_build: [" + linuxBuild + "]\n"))))).isEqualTo(linux);
  }

  @Test
  void theScannerReadsTheMavenBuildFromItsPolicySection() throws Exception {
    RecordingContext plain = new RecordingContext(PROFILES, settings("require_database: false\nmaven_repository: none\n"));
    scanner().scan(profilePoms(), plain);
    RecordingContext ci = new RecordingContext(PROFILES, settings("require_database: false\nmaven_repository: none\n"
        + "maven_build: {jdk: 17, os: {family: unix, arch: amd64}, properties: {env.CI: 'true'}}\n"));
    scanner().scan(profilePoms(), ci);
    assertThat(plain.skippedFiles()).extracting(Coverage.Skipped::reason).anyMatch(r -> r.contains("profile 'unix'"));
    // <jdk>17</jdk> holds on any JDK 17 update; the OS (the module's windows profile is off on unix) and env.CI are stated.
    assertThat(ci.skippedFiles()).extracting(Coverage.Skipped::reason).filteredOn(r -> r.contains("profile '"))
        .hasSize(2).allMatch(r -> r.startsWith("profile 'outside'"));
    assertThat(ci.errors()).isEmpty();
  }

  @Test
  void perConfigurationGradleLockfilesTakeTheirScopeFromTheLockfilesOfTheirOwnDirectoryOnly() {
    String header = "# This is a Gradle generated file for dependency locking.\n";
    List<SourceFile> files = List.of(
        SourceFile.of("gradle/dependency-locks/compileClasspath.lockfile", header + "org.projectlombok:lombok:1.18.10\ncom.google.guava:guava:28.1-jre\n"),
        SourceFile.of("gradle/dependency-locks/runtimeClasspath.lockfile", header + "com.google.guava:guava:28.1-jre\n"),
        // Another project's directory: its runtime classpath has lombok, which must not make the root's lombok runtime.
        SourceFile.of("tools/gradle/dependency-locks/runtimeClasspath.lockfile", header + "org.projectlombok:lombok:1.18.10\n"));
    Inventory.Result r = Inventory.of(files, null);
    assertThat(r.problems()).isEmpty();
    assertThat(r.packages()).extracting(p -> p.manifest() + " " + p.name() + " " + p.scope()).containsExactly(
        "gradle/dependency-locks/compileClasspath.lockfile org.projectlombok:lombok PROVIDED",
        "gradle/dependency-locks/compileClasspath.lockfile com.google.guava:guava RUNTIME",
        "gradle/dependency-locks/runtimeClasspath.lockfile com.google.guava:guava RUNTIME",
        "tools/gradle/dependency-locks/runtimeClasspath.lockfile org.projectlombok:lombok RUNTIME");
  }
}
