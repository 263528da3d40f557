package dev.shipgate.sbom.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command as a user runs it: through picocli, against directories on disk. */
class SbomCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SRI = "sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+LFTGHVxVjcXPs17LhbZVGedAJv8XZ1tvj5FvSg==";

  @TempDir Path repo;
  @TempDir Path out;

  private final Map<String, String> env = new HashMap<>();

  record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    CommandLine cl = new CommandLine(new SbomCommand(Clock.fixed(Instant.parse("2026-11-22T05:00:00Z"), ZoneOffset.UTC), env::get));
    cl.setOut(new PrintWriter(o, true));
    cl.setErr(new PrintWriter(e, true));
    int exit = cl.execute(args);
    return new Run(exit, o.toString(), e.toString());
  }

  private static String packageLock(String name, String... entries) {
    StringBuilder direct = new StringBuilder();
    StringBuilder packages = new StringBuilder();
    for (int i = 0; i < entries.length; i += 2) {
      direct.append(i == 0 ? "" : ", ").append('"').append(entries[i]).append("\": \"").append(entries[i + 1]).append('"');
      packages.append(",\n    \"node_modules/").append(entries[i]).append("\": {\"version\": \"").append(entries[i + 1])
          .append("\", \"resolved\": \"https://ci:topsecret@registry.npmjs.org/").append(entries[i]).append("/-/x.tgz\", \"integrity\": \"")
          .append(SRI).append("\"}");
    }
    return "{\n  \"name\": \"" + name + "\",\n  \"lockfileVersion\": 3,\n  \"packages\": {\n    \"\": {\"name\": \"" + name
        + "\", \"dependencies\": {" + direct + "}}" + packages + "\n  }\n}\n";
  }

  private void write(String path, String text) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void writesBothFormatsWithOccurrencesFromEveryFile() throws Exception {
    write("web/package-lock.json", packageLock("web", "lodash", "4.17.21", "left-pad", "1.3.0"));
    write("api/package-lock.json", packageLock("api", "lodash", "4.17.21"));
    write("tools/requirements.txt", "requests==2.31.0\nflask>=2.0\n");
    Path cdx = out.resolve("bom.cdx.json");
    Path spdx = out.resolve("bom.spdx.json");
    Run r = run(repo.toString(), "--format", "cyclonedx=" + cdx, "--format", "spdx=" + spdx);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("cyclonedx: 4 components written to " + cdx);

    JsonNode bom = JSON.readTree(cdx.toFile());
    assertThat(bom.at("/metadata/component/name").asText()).isEqualTo(repo.getFileName().toString());
    assertThat(bom.at("/metadata/timestamp").asText()).isEqualTo("2026-11-22T05:00:00Z");
    List<String> names = new ArrayList<>();
    bom.path("components").forEach(c -> names.add(c.path("name").asText()));
    assertThat(names).containsExactly("left-pad", "lodash", "flask", "requests");
    JsonNode lodash = bom.path("components").get(1);
    assertThat(lodash.at("/evidence/occurrences/0/location").asText()).isEqualTo("api/package-lock.json");
    assertThat(lodash.at("/evidence/occurrences/1/location").asText()).isEqualTo("web/package-lock.json");
    assertThat(lodash.at("/evidence/occurrences/0/line").asInt()).isPositive();
    assertThat(Files.readString(cdx) + Files.readString(spdx)).doesNotContain("topsecret");
    assertThat(JSON.readTree(spdx.toFile()).path("packages")).hasSize(5);
    assertThat(r.out()).isEmpty();
    Path plain = Files.writeString(out.resolve("plain.txt"), "");
    assertThat(Files.getPosixFilePermissions(cdx)).as("mode as for any new file").isEqualTo(Files.getPosixFilePermissions(plain));
    try (var listing = Files.list(out)) {
      assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("bom.cdx.json", "bom.spdx.json", "plain.txt");
    }
  }

  @Test
  void theLocalMavenRepositoryAddsTransitivePackagesAndEdgesUnlessTurnedOff(@TempDir Path m2) throws Exception {
    write("pom.xml", "<project><modelVersion>4.0.0</modelVersion><groupId>org.shop</groupId><artifactId>app</artifactId>"
        + "<version>1</version><dependencies><dependency><groupId>org.acme</groupId><artifactId>lib</artifactId>"
        + "<version>1.0</version></dependency></dependencies></project>\n");
    Path lib = Files.createDirectories(m2.resolve("org/acme/lib/1.0"));
    Files.writeString(lib.resolve("lib-1.0.pom"), "<project><modelVersion>4.0.0</modelVersion><groupId>org.acme</groupId>"
        + "<artifactId>lib</artifactId><version>1.0</version><dependencies><dependency><groupId>org.acme</groupId>"
        + "<artifactId>core</artifactId><version>2.0</version></dependency></dependencies></project>\n");
    Path core = Files.createDirectories(m2.resolve("org/acme/core/2.0"));
    Files.writeString(core.resolve("core-2.0.pom"), "<project><modelVersion>4.0.0</modelVersion><groupId>org.acme</groupId>"
        + "<artifactId>core</artifactId><version>2.0</version></project>\n");

    Run full = run(repo.toString(), "--format", "cyclonedx=-", "--maven-repository", m2.toString());
    assertThat(full.exit()).as(full.err()).isZero();
    JsonNode bom = JSON.readTree(full.out());
    assertThat(bom.at("/components").findValuesAsText("name")).containsExactlyInAnyOrder("lib", "core");
    String libRef = bom.at("/components").findParents("name").stream().filter(c -> c.get("name").asText().equals("lib"))
        .findFirst().orElseThrow().get("bom-ref").asText();
    assertThat(bom.at("/dependencies").findParents("ref").stream().filter(d -> d.get("ref").asText().equals(libRef))
        .flatMap(d -> java.util.stream.StreamSupport.stream(d.get("dependsOn").spliterator(), false)).map(JsonNode::asText))
        .singleElement().asString().contains("core");

    Run direct = run(repo.toString(), "--format", "cyclonedx=-", "--maven-repository", "none");
    assertThat(direct.exit()).as(direct.err()).isZero();
    assertThat(JSON.readTree(direct.out()).at("/components").findValuesAsText("name")).containsExactly("lib");
    assertThat(direct.err()).contains("direct dependencies only");
  }

  @Test
  void pathsAreRelativeToTheRepositoryWhenASubdirectoryIsScanned() throws Exception {
    Files.createDirectories(repo.resolve(".git"));
    write("services/web/package-lock.json", packageLock("web", "lodash", "4.17.21"));
    Run r = run(repo.resolve("services").toString(), "--format", "cyclonedx=-");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode bom = JSON.readTree(r.out());
    assertThat(bom.at("/metadata/component/name").asText()).isEqualTo("services");
    assertThat(bom.at("/components/0/evidence/occurrences/0/location").asText()).isEqualTo("services/web/package-lock.json");
  }

  @Test
  void malformedLockfileIsReportedWithFileAndLineAndNothingIsWritten() throws Exception {
    write("web/package-lock.json", "{\n  \"lockfileVersion\": 3,\n  \"packages\": {\n    \"node_modules/a\": {\"version\": \"1.0.0\",}\n  }\n}\n");
    write("ok/requirements.txt", "requests==2.31.0\n");
    Path cdx = out.resolve("bom.json");
    Run r = run(repo.toString(), "--format", "cyclonedx=" + cdx);
    assertThat(r.exit()).isEqualTo(SbomCommand.ERROR);
    assertThat(r.err()).contains("error: web/package-lock.json:4: npm/package-lock: malformed JSON");
    assertThat(r.err()).contains("no SBOM written");
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
    assertThat(cdx).doesNotExist();
  }

  @Test
  void aLockfileThatCannotBeReadFailsClosed() throws Exception {
    write("real/package-lock.json", packageLock("real", "lodash", "4.17.21"));
    Files.createDirectories(repo.resolve("web"));
    Files.createSymbolicLink(repo.resolve("web/package-lock.json"), repo.resolve("real/package-lock.json"));
    Run r = run(repo.toString(), "--format", "spdx=" + out.resolve("s.json"));
    assertThat(r.exit()).isEqualTo(SbomCommand.ERROR);
    assertThat(r.err()).contains("error: web/package-lock.json: symbolic link (not followed)");
    assertThat(out.resolve("s.json")).doesNotExist();
  }

  @Test
  void emptyRepositoryGivesValidEmptyDocuments() throws Exception {
    write("README.md", "nothing here\n");
    Run r = run(repo.toString(), "--format", "cyclonedx=" + out.resolve("c.json") + ",spdx=" + out.resolve("s.json"));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("no manifest or lockfile found");
    assertThat(JSON.readTree(out.resolve("c.json").toFile()).path("components")).isEmpty();
    assertThat(JSON.readTree(out.resolve("s.json").toFile()).path("packages")).hasSize(1);
  }

  @Test
  void sameRepositorySameBytes() throws Exception {
    write("package-lock.json", packageLock("web", "lodash", "4.17.21", "a", "1.0.0", "b", "2.0.0"));
    env.put(SbomCommand.SOURCE_DATE_EPOCH, "1700000000");
    Run first = run(repo.toString(), "--format", "spdx=-");
    Run second = run(repo.toString(), "--format", "spdx=-");
    assertThat(first.exit()).isZero();
    assertThat(first.out()).isEqualTo(second.out()).contains("\"created\" : \"2023-11-14T22:13:20Z\"");
    Run unique = run(repo.toString(), "--format", "spdx=-", "--unique-id");
    assertThat(unique.out()).isNotEqualTo(first.out());
  }

  @Test
  void usageErrors() throws Exception {
    assertThat(run(repo.resolve("missing").toString(), "--format", "cyclonedx=x.json").err()).contains("not a directory");
    assertThat(run(repo.resolve("missing").toString(), "--format", "cyclonedx=x.json").exit()).isEqualTo(SbomCommand.USAGE);
    Run unknown = run(repo.toString(), "--format", "swid=x.xml");
    assertThat(unknown.exit()).isEqualTo(SbomCommand.USAGE);
    assertThat(unknown.err()).contains("unknown SBOM format 'swid' (known: cyclonedx, spdx)");
    assertThat(run(repo.toString(), "--format", "cyclonedx").err()).contains("needs a file");
    assertThat(run(repo.toString(), "--format", "cyclonedx=-", "--format", "spdx=-").err()).contains("only one format");
    assertThat(run(repo.toString()).exit()).isEqualTo(SbomCommand.USAGE);
    env.put(SbomCommand.SOURCE_DATE_EPOCH, "yesterday");
    assertThat(run(repo.toString(), "--format", "spdx=-").err()).contains("SOURCE_DATE_EPOCH must be whole seconds");
    env.put(SbomCommand.SOURCE_DATE_EPOCH, "99999999999999999");
    assertThat(run(repo.toString(), "--format", "spdx=-").exit()).isEqualTo(SbomCommand.USAGE);
  }

  @Test
  void anUnwritableOutputIsAnErrorNotAStackTrace() {
    Run r = run(repo.toString(), "--format", "cyclonedx=" + out.resolve("no/such/dir/bom.json"));
    assertThat(r.exit()).isEqualTo(SbomCommand.ERROR);
    assertThat(r.err()).contains("cannot write").doesNotContain("\tat ");
  }

  @Test
  void licencesTheLockfileStatesReachBothDocuments() throws Exception {
    write("package-lock.json", """
        {
          "name": "web",
          "lockfileVersion": 3,
          "packages": {
            "": {"name": "web", "dependencies": {"a": "1.0.0", "b": "1.0.0"}},
            "node_modules/a": {"version": "1.0.0", "license": "MIT"},
            "node_modules/b": {"version": "1.0.0", "license": "SEE LICENSE IN LICENSE.md"}
          }
        }
        """);
    Run r = run(repo.toString(), "--format", "cyclonedx=" + out.resolve("c.json"), "--format", "spdx=" + out.resolve("s.json"));
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode components = JSON.readTree(out.resolve("c.json").toFile()).path("components");
    assertThat(components.at("/0/licenses/0/license/id").asText()).isEqualTo("MIT");
    assertThat(components.at("/1/licenses/0/license/name").asText()).isEqualTo("SEE LICENSE IN LICENSE.md");
    JsonNode packages = JSON.readTree(out.resolve("s.json").toFile()).path("packages");
    assertThat(packages.at("/1/licenseDeclared").asText()).isEqualTo("MIT");
    assertThat(packages.at("/2/licenseDeclared").asText()).isEqualTo("NOASSERTION");
  }

  /** 20 lockfiles of 1,500 packages each, every file sharing half its packages with the next: 15,750 components. */
  @Test
  void aGeneratedMonorepoInventory() throws Exception {
    int files = 20;
    int perFile = 1500;
    for (int f = 0; f < files; f++) {
      List<String> entries = new ArrayList<>();
      for (int i = 0; i < perFile; i++) {
        int n = f * perFile / 2 + i;
        entries.add("pkg-" + n);
        entries.add("1." + (n % 7) + ".0");
      }
      write("apps/app" + f + "/package-lock.json", packageLock("app" + f, entries.toArray(String[]::new)));
    }
    Path cdx = out.resolve("c.json");
    Path spdx = out.resolve("s.json");
    Run r = run(repo.toString(), "--format", "cyclonedx=" + cdx, "--format", "spdx=" + spdx);
    assertThat(r.exit()).as(r.err()).isZero();
    int distinct = (files + 1) * perFile / 2;
    JsonNode bom = JSON.readTree(cdx.toFile());
    assertThat(bom.path("components")).hasSize(distinct);
    Map<String, Integer> occurrences = new HashMap<>();
    bom.path("components").forEach(c -> occurrences.put(c.path("name").asText(), c.at("/evidence/occurrences").size()));
    assertThat(occurrences).containsEntry("pkg-0", 1).containsEntry("pkg-750", 2).containsEntry("pkg-15499", 1);
    assertThat(bom.at("/dependencies/0/dependsOn")).hasSize(distinct);
    assertThat(new org.cyclonedx.parsers.JsonParser().validate(cdx.toFile(), org.cyclonedx.Version.VERSION_16)).isEmpty();
    assertThat(JSON.readTree(spdx.toFile()).path("packages")).hasSize(distinct + 1);
  }

  @Test
  void excludedFixturesNeitherCountNorFail() throws Exception {
    Files.createDirectories(repo.resolve(".git"));
    write("app/package-lock.json", packageLock("app", "lodash", "4.17.21"));
    write("app/src/test/resources/fixtures/broken/package-lock.json", "{ not json");
    write("app/src/test/resources/fixtures/old/requirements.txt", "django==1.2\n");
    Run failing = run(repo.resolve("app").toString(), "--format", "cyclonedx=-");
    assertThat(failing.exit()).isEqualTo(SbomCommand.ERROR);
    Run r = run(repo.resolve("app").toString(), "--format", "cyclonedx=-", "--exclude", "src/test/resources/**");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode bom = JSON.readTree(r.out());
    assertThat(bom.path("components")).hasSize(1);
    assertThat(bom.at("/components/0/evidence/occurrences/0/location").asText()).isEqualTo("app/package-lock.json");
    Run bad = run(repo.toString(), "--format", "cyclonedx=-", "--exclude", "[unclosed");
    assertThat(bad.exit()).isEqualTo(SbomCommand.USAGE);
    assertThat(bad.err()).contains("--exclude '[unclosed'");
  }

  /** A POM whose release profile, activated by -Drelease, adds BouncyCastle. */
  private static final String PROFILE_POM = """
      <project>
        <modelVersion>4.0.0</modelVersion>
        <groupId>org.acme</groupId>
        <artifactId>app</artifactId>
        <version>1.0.0</version>
        <dependencies>
          <dependency><groupId>com.google.guava</groupId><artifactId>guava</artifactId><version>33.0.0-jre</version></dependency>
        </dependencies>
        <profiles>
          <profile>
            <id>release</id>
            <activation><property><name>release</name></property></activation>
            <dependencies>
              <dependency><groupId>org.bouncycastle</groupId><artifactId>bcprov-jdk18on</artifactId><version>1.78</version></dependency>
            </dependencies>
          </profile>
        </profiles>
      </project>
      """;

  private List<String> componentNames(Run r) throws IOException {
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> names = new ArrayList<>();
    JSON.readTree(r.out()).path("components").forEach(c -> names.add(c.path("name").asText()));
    return names;
  }

  @Test
  void theMavenBuildOfThePolicyChoosesProfilesAsInScan() throws Exception {
    Files.createDirectories(repo.resolve(".git"));
    write("app/pom.xml", PROFILE_POM);
    String app = repo.resolve("app").toString();
    assertThat(componentNames(run(app, "--format", "cyclonedx=-", "--maven-repository", "none"))).containsExactly("guava");
    // Found upward from the scanned directory to the repository's top, as scan finds it.
    write("shipgate.yml", "version: 1\nscanners:\n  deps:\n    maven_build:\n      properties: {release: \"true\"}\n");
    assertThat(componentNames(run(app, "--format", "cyclonedx=-", "--maven-repository", "none"))).containsExactly("guava", "bcprov-jdk18on");
    assertThat(componentNames(run(app, "--format", "cyclonedx=-", "--maven-repository", "none", "--no-config"))).containsExactly("guava");
    // --config names another policy: -P release states the same build.
    Path ci = out.resolve("ci.yml");
    Files.writeString(ci, "version: 1\nscanners:\n  deps:\n    maven_build:\n      profiles: [release]\n");
    write("shipgate.yml", "version: 1\n");
    assertThat(componentNames(run(app, "--format", "cyclonedx=-", "--maven-repository", "none", "--config", ci.toString())))
        .containsExactly("guava", "bcprov-jdk18on");
    assertThat(componentNames(run(app, "--format", "cyclonedx=-", "--maven-repository", "none"))).containsExactly("guava");
    // A matrix: the release leg's profile is in the SBOM, as any leg may be the one that ships.
    write("shipgate.yml", "version: 1\nscanners:\n  deps:\n    maven_build:\n      - {jdk: '17'}\n      - {jdk: '21', properties: {release: 'true'}}\n");
    assertThat(componentNames(run(app, "--format", "cyclonedx=-", "--maven-repository", "none"))).containsExactly("guava", "bcprov-jdk18on");
  }

  @Test
  void aPolicyTheDepsFamilyWouldRefuseIsAUsageErrorWithItsPosition() throws Exception {
    write("pom.xml", PROFILE_POM);
    write("shipgate.yml", "version: 1\nscanners:\n  deps:\n    maven_build:\n      jdk: seventeen\n");
    Run bad = run(repo.toString(), "--format", "cyclonedx=-", "--maven-repository", "none");
    assertThat(bad.exit()).isEqualTo(SbomCommand.USAGE);
    assertThat(bad.err()).contains("shipgate.yml:5").contains("'seventeen' is not a java.version");
    write("shipgate.yml", "version: 1\nscanners: [unclosed\n");
    Run malformed = run(repo.toString(), "--format", "cyclonedx=-", "--maven-repository", "none");
    assertThat(malformed.exit()).isEqualTo(SbomCommand.USAGE);
    assertThat(malformed.err()).contains("shipgate.yml:");
    Run missing = run(repo.toString(), "--format", "cyclonedx=-", "--config", out.resolve("nope.yml").toString());
    assertThat(missing.exit()).isEqualTo(SbomCommand.USAGE);
    assertThat(missing.err()).contains("policy file not found");
    Run both = run(repo.toString(), "--format", "cyclonedx=-", "--config", "x.yml", "--no-config");
    assertThat(both.exit()).isEqualTo(SbomCommand.USAGE);
  }
}
