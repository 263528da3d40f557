package dev.shipgate.scanner.deps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;

/** Install scripts, registries, typosquats and licences, with and without policy settings. */
class PolicyRulesTest {

  private static Path database;

  @BeforeAll
  static void database(@TempDir Path dir) throws Exception {
    database = TestDatabase.build(dir);
  }

  private static Settings settings(String yaml) {
    try {
      return Settings.of("shipgate.yml", new Compose(LoadSettings.builder().build()).composeString(yaml).orElseThrow(), "scanners.deps");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static RecordingContext scan(String yaml, SourceFile... files) throws Exception {
    RecordingContext ctx = yaml == null ? new RecordingContext() : new RecordingContext(Path.of("."), settings(yaml));
    new DepsScanner(database, TestDatabase.daysLater(1), null).scan(List.of(files), ctx);
    return ctx;
  }

  private static List<String> found(RecordingContext ctx, String rulePrefix) {
    return ctx.findings().stream().filter(f -> f.ruleId().startsWith(rulePrefix))
        .map(f -> f.location().startLine() + " " + f.ruleId() + " " + f.properties().get("package")).toList();
  }

  /** One npm v3 lockfile: an install script, a foreign registry, a typosquat, and licences of every kind. */
  private static final String LOCK = """
      {
        "lockfileVersion": 3,
        "packages": {
          "": {"name": "app", "license": "MIT", "dependencies": {"esbuild": "1", "lodahs": "1", "private-lib": "1"}},
          "node_modules/esbuild": {
            "version": "0.19.12", "resolved": "https://registry.npmjs.org/esbuild/-/esbuild-0.19.12.tgz",
            "integrity": "sha512-a", "hasInstallScript": true, "license": "MIT"
          },
          "node_modules/lodahs": {
            "version": "1.0.0", "resolved": "https://registry.npmjs.org/lodahs/-/lodahs-1.0.0.tgz",
            "integrity": "sha512-b", "license": "GPL-3.0-only"
          },
          "node_modules/private-lib": {
            "version": "2.0.0", "resolved": "https://npm.acme.example/private-lib/-/private-lib-2.0.0.tgz",
            "integrity": "sha512-c", "license": "(MIT OR GPL-3.0-or-later)"
          },
          "node_modules/odd": {
            "version": "1.0.0", "resolved": "https://registry.npmjs.org/odd/-/odd-1.0.0.tgz",
            "integrity": "sha512-d", "license": "SEE LICENSE IN LICENSE.md"
          },
          "node_modules/bsd": {
            "version": "1.0.0", "resolved": "https://registry.npmjs.org/bsd/-/bsd-1.0.0.tgz",
            "integrity": "sha512-e", "license": "BSD-3-Clause AND Made-Up-1.0"
          },
          "node_modules/silent": {
            "version": "1.0.0", "resolved": "https://registry.npmjs.org/silent/-/silent-1.0.0.tgz", "integrity": "sha512-f"
          }
        }
      }
      """;

  @Test
  void defaultPolicyReportsInstallScriptsForeignRegistriesTyposquatsAndUnknownLicences() throws Exception {
    RecordingContext ctx = scan(null, SourceFile.of("package-lock.json", LOCK));
    assertThat(found(ctx, "deps/install")).containsExactly("5 deps/install/runs-install-script esbuild");
    assertThat(found(ctx, "deps/source/unapproved")).containsExactly("13 deps/source/unapproved-registry private-lib");
    assertThat(found(ctx, "deps/typosquat")).containsExactly("9 deps/typosquat/similar-name lodahs");
    assertThat(found(ctx, "deps/license")).containsExactly("17 deps/license/unknown odd", "21 deps/license/unknown bsd");
    Finding typo = ctx.findings().stream().filter(f -> f.ruleId().startsWith("deps/typosquat")).findFirst().orElseThrow();
    assertThat(typo.confidence()).isEqualTo(Confidence.HIGH);
    assertThat(typo.message()).contains("two characters swapped in lodash");
    assertThat(typo.properties()).containsEntry("resembles", "lodash");
    assertThat(ctx.findings().stream().filter(f -> f.ruleId().equals("deps/license/unknown")).map(Finding::message))
        .anyMatch(m -> m.contains("'SEE LICENSE IN LICENSE.md', which is not an SPDX expression (column 5"))
        .anyMatch(m -> m.contains("Made-Up-1.0 is not a licence or exception shipgate recognises"));
    assertThat(ctx.errors()).isEmpty();
  }

  @Test
  void policyAllowListsAndLicenceLists() throws Exception {
    RecordingContext ctx = scan("""
        registries:
          npm: [registry.npmjs.org, "https://npm.acme.example/"]
        install_scripts: {allow: [esbuild]}
        typosquat: {allow: [lodahs]}
        licenses:
          allow: [MIT, Apache-2.0, BSD-3-Clause]
          deny: ["GPL-*", AGPL-3.0-only]
        """, SourceFile.of("package-lock.json", LOCK));
    assertThat(found(ctx, "deps/install")).isEmpty();
    assertThat(found(ctx, "deps/source/unapproved")).isEmpty();
    assertThat(found(ctx, "deps/typosquat")).isEmpty();
    assertThat(found(ctx, "deps/license")).containsExactly(
        "9 deps/license/denied lodahs", // GPL-3.0-only
        "17 deps/license/unknown odd",
        "21 deps/license/not-allowed bsd", "21 deps/license/unknown bsd",
        "25 deps/license/unknown silent"); // the lockfile records licences, and this entry has none
  }

  @Test
  void registriesReplaceTheDefaultsOfTheirEcosystem() throws Exception {
    RecordingContext ctx = scan("registries: {npm: ['*.acme.example']}\n", SourceFile.of("package-lock.json", LOCK));
    assertThat(found(ctx, "deps/source/unapproved")).hasSize(5).doesNotContain("13 deps/source/unapproved-registry private-lib");
    String cargo = """
        version = 3

        [[package]]
        name = "serde"
        version = "1.0.0"
        source = "sparse+https://index.crates.io/"
        checksum = "aa"

        [[package]]
        name = "serde"
        version = "1.0.1"
        source = "registry+https://crates.evil.example/index"
        checksum = "bb"
        """;
    assertThat(found(scan(null, SourceFile.of("Cargo.lock", cargo)), "deps/source/unapproved"))
        .containsExactly("9 deps/source/unapproved-registry serde");
  }

  @Test
  void privateGemServersAndPythonIndexesMeetTheRegistryAllowList() throws Exception {
    String gemfile = """
        GEM
          remote: https://rubygems.org/
          specs:
            rack (3.0.10)

        GEM
          remote: https://gems.acme.example/
          specs:
            acme-auth (2.3.1)

        DEPENDENCIES
          acme-auth!
          rack
        """;
    String pipfile = """
        {
          "_meta": {"sources": [{"name": "pypi", "url": "https://pypi.org/simple"}, {"name": "acme", "url": "https://pypi.acme.example/simple"}]},
          "default": {
            "requests": {"index": "pypi", "version": "==2.31.0", "hashes": ["sha256:aa"]},
            "acme-auth": {"index": "acme", "version": "==0.9.1", "hashes": ["sha256:bb"]}
          }
        }
        """;
    assertThat(found(scan(null, SourceFile.of("Gemfile.lock", gemfile), SourceFile.of("Pipfile.lock", pipfile)), "deps/source/unapproved"))
        .containsExactlyInAnyOrder("9 deps/source/unapproved-registry acme-auth", "5 deps/source/unapproved-registry acme-auth");
    String uv = """
        version = 1

        [[package]]
        name = "requests"
        version = "2.31.0"
        source = { registry = "https://pypi.org/simple" }
        sdist = { url = "https://files.pythonhosted.org/packages/requests-2.31.0.tar.gz", hash = "sha256:aa" }

        [[package]]
        name = "acme-auth"
        version = "0.9.1"
        source = { registry = "https://pypi.acme.example/simple" }
        sdist = { url = "https://pypi.acme.example/files/acme_auth-0.9.1.tar.gz", hash = "sha256:bb" }
        """;
    String pylock = """
        lock-version = "1.0"

        [[packages]]
        name = "acme-auth"
        version = "0.9.1"
        index = "https://pypi.acme.example/simple"
        sdist = { url = "https://pypi.acme.example/files/acme_auth-0.9.1.tar.gz", hashes = { sha256 = "bb" } }
        """;
    assertThat(found(scan(null, SourceFile.of("uv.lock", uv), SourceFile.of("pylock.toml", pylock)), "deps/source/unapproved"))
        .containsExactlyInAnyOrder("9 deps/source/unapproved-registry acme-auth", "3 deps/source/unapproved-registry acme-auth");
  }

  /** Bundler 1.x: one GEM section, two remotes, and no record of which served each gem (CVE-2020-36327's shape). */
  private static final String BUNDLER1 = """
      GEM
        remote: https://rubygems.org/
        remote: https://token:x-oauth@gems.acme.example/
        specs:
          acme-auth (2.3.1)
            rack (>= 1.6)
          rack (2.2.3)

      PLATFORMS
        ruby

      DEPENDENCIES
        acme-auth
        rack

      BUNDLED WITH
         1.17.3
      """;

  @Test
  void everyRemoteOfABundler1SectionIsAPossibleSourceAndEachMustBeAllowed() throws Exception {
    RecordingContext ctx = scan(null, SourceFile.of("Gemfile.lock", BUNDLER1));
    assertThat(found(ctx, "deps/source/unapproved"))
        .containsExactly("5 deps/source/unapproved-registry acme-auth", "7 deps/source/unapproved-registry rack");
    Finding f = ctx.findings().stream().filter(x -> x.ruleId().startsWith("deps/source/unapproved")).findFirst().orElseThrow();
    assertThat(f.message())
        .contains("may be resolved from any of https://rubygems.org/, https://gems.acme.example/ (the lockfile does not record which)")
        .contains("https://gems.acme.example/ is not an allowed RubyGems registry")
        .doesNotContain("x-oauth");
    assertThat(ctx.skippedFiles()).anySatisfy(s -> assertThat(s.reason()).contains("GEM section with 2 remotes", "2 gems")
        .doesNotContain("x-oauth"));
    // Both remotes allowed: nothing to report, whichever served the gem.
    assertThat(found(scan("registries: {gem: [rubygems.org, gems.acme.example]}\n", SourceFile.of("Gemfile.lock", BUNDLER1)),
        "deps/source/unapproved")).isEmpty();
    // Bundler 2's section per source stays exact: only the gem of the private server's section is judged against it.
    String bundler2 = BUNDLER1.replace("  remote: https://token:x-oauth@gems.acme.example/\n", "")
        .replace("    rack (2.2.3)\n", "    rack (2.2.3)\n\nGEM\n  remote: https://gems.acme.example/\n  specs:\n    acme-sso (1.0.0)\n");
    assertThat(found(scan(null, SourceFile.of("Gemfile.lock", bundler2)), "deps/source/unapproved"))
        .containsExactly("11 deps/source/unapproved-registry acme-sso");
  }

  @Test
  void pnpmRequiresBuildIsAnInstallScriptAndPythonNamesAreComparedNormalised() throws Exception {
    String pnpm = """
        lockfileVersion: '6.0'
        dependencies:
          sharp:
            specifier: ^0.32.0
            version: 0.32.6
        packages:
          /sharp@0.32.6:
            resolution: {integrity: sha512-x}
            requiresBuild: true
            dev: false
        """;
    assertThat(found(scan(null, SourceFile.of("pnpm-lock.yaml", pnpm)), "deps/install"))
        .containsExactly("7 deps/install/runs-install-script sharp");
    RecordingContext py = scan("require_database: false\n",
        SourceFile.of("requirements.txt", "reqeusts==2.31.0\nPython_Dateutil==2.9.0\npythondateutil==1.0\n"));
    assertThat(found(py, "deps/typosquat")).containsExactly("1 deps/typosquat/similar-name reqeusts",
        "3 deps/typosquat/similar-name pythondateutil");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "registries: {rust: [x.example]}                     | 1 | unknown ecosystem 'rust'",
      "registries: {npm: ['ftp://x']}                      | 1 | 'ftp://x' is neither a host name",
      "install_scripts: {allowed: [x]}                     | 1 | unknown key 'allowed' in scanners.deps.install_scripts",
      "licenses: {allow: [MIT], deny: [mit]}               | 1 | licence 'MIT' is both allowed and denied",
      "licenses: {project: 'MIT or Apache'}                | 1 | 'project' must be an SPDX licence expression: column 5",
      "typosquat: {allow: {x: 1}}                          | 1 | 'allow' must be a list",
      "maven_build: {jdk: java17}                          | 1 | 'java17' is not a java.version",
      "maven_build: {jvm: 17}                              | 1 | unknown key 'jvm' in scanners.deps.maven_build",
      "maven_build: {os: {kernel: x}}                      | 1 | unknown key 'kernel' in scanners.deps.maven_build.os",
      "maven_build: {os: {family: windows, name: Linux}}   | 1 | family 'windows' does not fit os.name 'Linux'",
      "maven_build: {os: {family: '!unix'}}                | 1 | states the build machine's value, not a condition",
      "maven_build: {os: {family: beos}}                   | 1 | unknown OS family 'beos'",
      "maven_build: {profiles: [release, '!']}             | 1 | '!' names no profile",
      "maven_build: {properties: {env.CI: [a]}}            | 1 | 'env.CI' must be a single value",
      "maven_build: []                                     | 1 | an empty list states no build",
      "maven_build: [{jdk: 17}, release]                   | 1 | scanners.deps.maven_build[1] must be a mapping",
      "maven_build: [{jdk: 17}, {os: {kernel: x}}]         | 1 | unknown key 'kernel' in scanners.deps.maven_build[1].os"})
  void policyMistakesAreErrorsAtTheirLine(String yaml, int line, String message) throws Exception {
    RecordingContext ctx = scan(yaml + "\n", SourceFile.of("package-lock.json", LOCK));
    assertThat(ctx.errors()).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(line);
      assertThat(e.message()).contains(message);
    });
    assertThat(ctx.findings()).isEmpty();
  }

  @Test
  void policyMistakesAreAlsoFoundWhenThePolicyLoads() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DepsScanner().validate(settings("require_database: true\nlicenses: {deny: [MIT], allow: [MIT]}\n")))
        .isInstanceOf(dev.shipgate.core.policy.PolicyException.class).hasMessageContaining("both allowed and denied");
    org.assertj.core.api.Assertions.assertThatCode(() -> new DepsScanner().validate(settings("maven_repository: none\nregistries: {npm: [registry.npmjs.org]}\n")))
        .doesNotThrowAnyException();
  }

  @Test
  void sourceHeadersIncompatibleWithTheProjectLicence() throws Exception {
    SourceFile pkg = SourceFile.of("package.json", "{\"name\": \"app\", \"license\": \"Apache-2.0\"}");
    RecordingContext ctx = scan(null, pkg,
        SourceFile.of("src/copied.js", "// SPDX-License-Identifier: GPL-2.0-only\nmodule.exports = 1;\n"),
        SourceFile.of("src/dual.js", "/*\n * SPDX-License-Identifier: MIT OR GPL-3.0-or-later\n */\n"),
        SourceFile.of("src/mine.ts", "// SPDX-License-Identifier: Apache-2.0\n"),
        SourceFile.of("src/broken.py", "# SPDX-License-Identifier: GPL or something\n"),
        SourceFile.of("node_modules/x/index.js", "// SPDX-License-Identifier: AGPL-3.0-only\n"));
    assertThat(ctx.findings()).extracting(f -> f.location() + " " + f.ruleId()).containsExactly(
        "src/copied.js:1 deps/license/incompatible-source-header");
    assertThat(ctx.findings().get(0).message()).contains("licensed GPL-2.0-only", "project licensed Apache-2.0 (from package.json)");
    assertThat(ctx.skippedFiles()).anyMatch(s -> s.path().equals("src/broken.py") && s.reason().startsWith("line 1: the SPDX-License-Identifier"));
  }

  @Test
  void theProjectLicenceComesFromThePolicyOrTheLicenceFile() throws Exception {
    SourceFile apacheHeader = SourceFile.of("src/Main.java", "// SPDX-License-Identifier: Apache-2.0\nclass Main {}\n");
    SourceFile licence = SourceFile.of("LICENSE", "GNU GENERAL PUBLIC LICENSE\nVersion 2, June 1991\n");
    assertThat(scan(null, apacheHeader, licence).findings()).extracting(f -> f.ruleId() + " " + f.properties().get("project_license"))
        .containsExactly("deps/license/incompatible-source-header GPL-2.0-only");
    assertThat(scan("licenses: {project: GPL-2.0-or-later}\n", apacheHeader, licence).findings()).isEmpty();
    assertThat(scan(null, apacheHeader).findings()).as("no project licence, nothing to judge against").isEmpty();
  }
}
