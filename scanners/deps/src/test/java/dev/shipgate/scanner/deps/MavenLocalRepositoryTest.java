package dev.shipgate.scanner.deps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.extract.LocalLicenses;
import dev.shipgate.scanner.deps.extract.MavenTransitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parents and BOMs that live only in the local Maven repository, the scanned build's own modules, exclusions and the
 * resolved edges. Each test writes a throw-away local repository (POMs only) under {@code @TempDir}.
 */
class MavenLocalRepositoryTest {

  @TempDir
  Path m2;

  @TempDir
  Path tree;

  private void pom(String g, String a, String v, String body) throws IOException {
    Path dir = m2.resolve(g.replace('.', '/')).resolve(a).resolve(v);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(a + "-" + v + ".pom"), "<project><modelVersion>4.0.0</modelVersion><groupId>" + g + "</groupId><artifactId>" + a
        + "</artifactId><version>" + v + "</version>" + body + "</project>");
  }

  private void lib(String a, String v, String... deps) throws IOException {
    StringBuilder b = new StringBuilder("<dependencies>");
    for (String d : deps) {
      String[] gav = d.split(":");
      b.append("<dependency><groupId>").append(gav[0]).append("</groupId><artifactId>").append(gav[1]).append("</artifactId><version>")
          .append(gav[2]).append("</version></dependency>");
    }
    pom("org.lib", a, v, b.append("</dependencies>").toString());
  }

  private Inventory.Result scan(String... pathAndText) throws IOException {
    List<SourceFile> files = new ArrayList<>();
    for (int i = 0; i < pathAndText.length; i += 2) {
      Path p = tree.resolve(pathAndText[i]);
      Files.createDirectories(p.getParent());
      Files.writeString(p, pathAndText[i + 1]);
      files.add(SourceFile.of(pathAndText[i], Files.readAllBytes(p)));
    }
    return Inventory.of(files, tree, LocalLicenses.NONE, MavenTransitive.of(m2));
  }

  private static String version(Inventory.Result r, String name) {
    return r.packages().stream().filter(p -> p.name().equals(name)).map(Package::version).findFirst().orElse("(absent)");
  }

  private static final String CHILD_HEAD = "<project><modelVersion>4.0.0</modelVersion>";

  @Test
  void aParentOnlyInTheLocalRepositoryGivesPropertiesAndManagedVersionsWithItsOwnParent() throws IOException {
    pom("org.corp", "grandparent", "7", "<packaging>pom</packaging><properties><base.version>2.0</base.version></properties>");
    pom("org.corp", "parent", "3", "<packaging>pom</packaging><parent><groupId>org.corp</groupId><artifactId>grandparent</artifactId><version>7</version>"
        + "</parent><properties><util.version>1.5</util.version></properties><dependencyManagement><dependencies>"
        + "<dependency><groupId>org.lib</groupId><artifactId>base</artifactId><version>${base.version}</version></dependency>"
        + "<dependency><groupId>org.lib</groupId><artifactId>util</artifactId><version>${util.version}</version></dependency>"
        + "</dependencies></dependencyManagement>");
    lib("base", "2.0", "org.lib:util:1.0");
    lib("util", "1.0");
    lib("util", "1.5");
    // relativePath points at a file that is not there: Maven then takes the parent from the repository.
    Inventory.Result r = scan("app/pom.xml", CHILD_HEAD + "<parent><groupId>org.corp</groupId><artifactId>parent</artifactId><version>3</version></parent>"
        + "<artifactId>app</artifactId><dependencies><dependency><groupId>org.lib</groupId><artifactId>base</artifactId></dependency>"
        + "</dependencies></project>");
    assertThat(version(r, "org.lib:base")).isEqualTo("2.0");
    // base 2.0 asks for util 1.0; the inherited dependencyManagement says 1.5, and Maven applies it transitively.
    assertThat(version(r, "org.lib:util")).isEqualTo("1.5");
    assertThat(r.notes()).isEmpty();
  }

  @Test
  void aChildPropertyDecidesAVersionItsRepositoryParentManagesThroughThatProperty() throws IOException {
    pom("org.corp", "parent", "3", "<packaging>pom</packaging><properties><util.version>1.0</util.version></properties><dependencyManagement>"
        + "<dependencies><dependency><groupId>org.lib</groupId><artifactId>util</artifactId><version>${util.version}</version></dependency>"
        + "</dependencies></dependencyManagement>");
    lib("util", "1.1");
    Inventory.Result r = scan("pom.xml", CHILD_HEAD + "<parent><groupId>org.corp</groupId><artifactId>parent</artifactId><version>3</version>"
        + "<relativePath/></parent><artifactId>app</artifactId><properties><util.version>1.1</util.version></properties><dependencies>"
        + "<dependency><groupId>org.lib</groupId><artifactId>util</artifactId></dependency></dependencies></project>");
    assertThat(version(r, "org.lib:util")).isEqualTo("1.1");
  }

  @Test
  void aBomOnlyInTheLocalRepositoryManagesDirectAndTransitiveVersionsAfterExplicitEntries() throws IOException {
    pom("org.corp", "bom-parent", "1", "<packaging>pom</packaging><properties><json.version>3.2</json.version></properties>");
    pom("org.corp", "platform-bom", "5", "<packaging>pom</packaging><parent><groupId>org.corp</groupId><artifactId>bom-parent</artifactId>"
        + "<version>1</version></parent><dependencyManagement><dependencies>"
        + "<dependency><groupId>org.lib</groupId><artifactId>json</artifactId><version>${json.version}</version></dependency>"
        + "<dependency><groupId>org.lib</groupId><artifactId>http</artifactId><version>4.0</version></dependency>"
        + "<dependency><groupId>org.lib</groupId><artifactId>log</artifactId><version>9.0</version></dependency>"
        + "</dependencies></dependencyManagement>");
    lib("http", "4.0", "org.lib:json:3.0", "org.lib:log:1.0");
    lib("json", "3.2");
    lib("log", "2.0");
    Inventory.Result r = scan("pom.xml", CHILD_HEAD + "<groupId>org.corp</groupId><artifactId>app</artifactId><version>1</version>"
        + "<properties><bom.version>5</bom.version></properties><dependencyManagement><dependencies>"
        + "<dependency><groupId>org.lib</groupId><artifactId>log</artifactId><version>2.0</version></dependency>"
        + "<dependency><groupId>org.corp</groupId><artifactId>platform-bom</artifactId><version>${bom.version}</version><type>pom</type>"
        + "<scope>import</scope></dependency></dependencies></dependencyManagement><dependencies>"
        + "<dependency><groupId>org.lib</groupId><artifactId>http</artifactId></dependency></dependencies></project>");
    assertThat(version(r, "org.lib:http")).isEqualTo("4.0");
    assertThat(version(r, "org.lib:json")).isEqualTo("3.2"); // the BOM's, from its own parent's property
    assertThat(version(r, "org.lib:log")).isEqualTo("2.0"); // the POM's explicit entry wins over the import
    assertThat(r.notes()).isEmpty();
  }

  @Test
  void parentsAndBomsFoundNowhereAreNamedInTheFilesNote() throws IOException {
    Inventory.Result r = scan("pom.xml", CHILD_HEAD + "<parent><groupId>org.gone</groupId><artifactId>parent</artifactId><version>1</version>"
        + "</parent><artifactId>app</artifactId><dependencyManagement><dependencies><dependency><groupId>org.gone</groupId>"
        + "<artifactId>bom</artifactId><version>2</version><type>pom</type><scope>import</scope></dependency></dependencies>"
        + "</dependencyManagement><dependencies><dependency><groupId>org.lib</groupId><artifactId>util</artifactId></dependency>"
        + "</dependencies></project>");
    assertThat(r.packages()).singleElement().satisfies(p -> assertThat(p.pin()).isEqualTo(Package.Pin.NONE));
    assertThat(r.notes()).extracting(Inventory.Note::message).containsExactly("POMs found neither in the repository nor in the local Maven "
        + "repository: org.gone:parent:1 (parent), org.gone:bom:2 (BOM); the versions and properties they define are unknown");
  }

  @Test
  void theBuildsOwnModulesComeFromTheTreeEvenWhenNeverInstalled() throws IOException {
    lib("json", "3.2");
    Inventory.Result r = scan(
        "pom.xml", CHILD_HEAD + "<groupId>org.corp</groupId><artifactId>root</artifactId><version>1-SNAPSHOT</version><packaging>pom</packaging>"
            + "<dependencyManagement><dependencies><dependency><groupId>org.corp</groupId><artifactId>core</artifactId>"
            + "<version>${project.version}</version></dependency></dependencies></dependencyManagement></project>",
        "core/pom.xml", CHILD_HEAD + "<parent><groupId>org.corp</groupId><artifactId>root</artifactId><version>1-SNAPSHOT</version></parent>"
            + "<artifactId>core</artifactId><dependencies><dependency><groupId>org.lib</groupId><artifactId>json</artifactId>"
            + "<version>3.2</version></dependency></dependencies></project>",
        "web/pom.xml", CHILD_HEAD + "<parent><groupId>org.corp</groupId><artifactId>root</artifactId><version>1-SNAPSHOT</version></parent>"
            + "<artifactId>web</artifactId><dependencies><dependency><groupId>org.corp</groupId><artifactId>core</artifactId></dependency>"
            + "</dependencies></project>");
    assertThat(r.packages()).filteredOn(p -> p.manifest().equals("web/pom.xml")).extracting(MavenLocalRepositoryTest::render)
        .containsExactlyInAnyOrder("org.corp:core@1-SNAPSHOT direct", "org.lib:json@3.2 transitive");
    assertThat(r.notes()).isEmpty();
  }

  @Test
  void exclusionsOnDirectDependenciesAreHonoured() throws IOException {
    lib("http", "4.0", "org.lib:json:3.2", "org.lib:log:2.0");
    lib("json", "3.2");
    lib("log", "2.0");
    Inventory.Result r = scan("pom.xml", CHILD_HEAD + "<groupId>org.corp</groupId><artifactId>app</artifactId><version>1</version><dependencies>"
        + "<dependency><groupId>org.lib</groupId><artifactId>http</artifactId><version>4.0</version><exclusions>"
        + "<exclusion><groupId>org.lib</groupId><artifactId>log</artifactId></exclusion></exclusions></dependency></dependencies></project>");
    assertThat(r.packages()).extracting(Package::name).containsExactlyInAnyOrder("org.lib:http", "org.lib:json");
  }

  @Test
  void resolvedEdgesLinkEachPackageToWhatItPullsIn() throws IOException {
    lib("http", "4.0", "org.lib:json:3.2");
    lib("json", "3.2", "org.lib:text:1.0");
    lib("text", "1.0");
    Inventory.Result r = scan("pom.xml", CHILD_HEAD + "<groupId>org.corp</groupId><artifactId>app</artifactId><version>1</version><dependencies>"
        + "<dependency><groupId>org.lib</groupId><artifactId>http</artifactId><version>4.0</version></dependency></dependencies></project>");
    assertThat(r.packages()).extracting(p -> p.name() + " -> " + p.dependsOn()).containsExactlyInAnyOrder(
        "org.lib:http -> [pkg:maven/org.lib/json@3.2]", "org.lib:json -> [pkg:maven/org.lib/text@1.0]", "org.lib:text -> []");
  }

  @Test
  void profilesOfDependencyPomsAreDecidedFromTheScannedBuildAndUndecidedOnesNoted() throws IOException {
    String profiles = "<profiles>"
        + "<profile><id>old-jdk</id><activation><jdk>1.8</jdk></activation><dependencies>" + dep("org.lib:jdk8-only:1") + "</dependencies></profile>"
        + "<profile><id>new-jdk</id><activation><jdk>[11,)</jdk></activation><dependencies>" + dep("org.lib:jdk11-up:1") + "</dependencies></profile>"
        + "<profile><id>linux</id><activation><os><family>unix</family></os></activation><dependencies>" + dep("org.lib:epoll:1")
        + "</dependencies></profile>"
        + "<profile><id>unless-lite</id><activation><property><name>!lite</name></property></activation><dependencies>" + dep("org.lib:full:1")
        + "</dependencies></profile>"
        + "<profile><id>tools</id><activation><file><exists>${java.home}/../lib/tools.jar</exists></file></activation><dependencies>"
        + dep("com.sun:tools:1.8") + "</dependencies></profile>"
        + "</profiles>";
    pom("org.lib", "netlib", "2", profiles);
    for (String a : List.of("jdk8-only", "jdk11-up", "epoll", "full")) {
      lib(a, "1");
    }
    Inventory.Result r = scan("pom.xml", CHILD_HEAD + "<groupId>org.app</groupId><artifactId>app</artifactId><version>1</version>"
        + "<properties><maven.compiler.release>17</maven.compiler.release></properties><dependencies>" + dep("org.lib:netlib:2")
        + "</dependencies></project>");
    assertThat(r.packages()).extracting(MavenLocalRepositoryTest::render)
        .containsExactly("org.lib:netlib@2 direct", "org.lib:jdk11-up@1 transitive", "org.lib:full@1 transitive");
    assertThat(r.notes()).extracting(Inventory.Note::message).singleElement().asString()
        .startsWith("profiles of dependency POMs not inventoried, their activation undecided: org.lib:netlib:2 (or a parent): profile 'linux': ")
        .contains("OS (family unix)", "it declares org.lib:epoll:1", "profile 'tools'", "${java.home}", "com.sun:tools:1.8")
        .doesNotContain("jdk8-only");
  }

  /**
   * Maven's own JDK activator, given the session's empty system properties, reported "Failed to determine Java version"
   * as a model error, and the lenient descriptor policy then dropped every dependency of any POM whose lineage has a
   * JDK-activated profile (this repository's parent has one: reactor modules lost all their transitive dependencies).
   */
  @Test
  void aJdkActivatedProfileInAParentNoLongerEmptiesTheDependencysDescriptor() throws IOException {
    pom("org.corp", "parent", "3", "<packaging>pom</packaging><profiles><profile><id>errorprone</id><activation><jdk>[21,)</jdk></activation>"
        + "<build><plugins></plugins></build></profile></profiles>");
    pom("org.lib", "framework", "1", "<parent><groupId>org.corp</groupId><artifactId>parent</artifactId><version>3</version></parent>"
        + "<dependencies>" + dep("org.lib:util:1") + "</dependencies>");
    lib("util", "1");
    Inventory.Result r = scan("pom.xml", CHILD_HEAD + "<groupId>org.app</groupId><artifactId>app</artifactId><version>1</version><dependencies>"
        + dep("org.lib:framework:1") + "</dependencies></project>");
    assertThat(r.packages()).extracting(MavenLocalRepositoryTest::render).containsExactly("org.lib:framework@1 direct", "org.lib:util@1 transitive");
    assertThat(r.notes()).isEmpty();
  }

  @Test
  void undecidedProfilesOfTheScannedPomAndItsParentsAreNotedWithWhatTheyDeclare() throws IOException {
    pom("org.corp", "parent", "3", "<packaging>pom</packaging><profiles><profile><id>win</id><activation><os><family>windows</family></os>"
        + "</activation><dependencyManagement><dependencies>" + dep("org.lib:util:2") + "</dependencies></dependencyManagement></profile></profiles>");
    Inventory.Result r = scan("app/pom.xml", CHILD_HEAD + "<parent><groupId>org.corp</groupId><artifactId>parent</artifactId><version>3</version>"
        + "<relativePath/></parent><artifactId>app</artifactId>\n<profiles>\n<profile><id>ci</id><activation><property><name>env.CI</name></property>"
        + "</activation><dependencies>" + dep("org.lib:reporter:1") + "</dependencies></profile></profiles></project>");
    assertThat(r.packages()).isEmpty();
    assertThat(r.notes()).extracting(Inventory.Note::message).containsExactly(
        "profile 'ci' (line 3) not inventoried: activated by <property>env.CI</property>, a property of the machine that runs Maven; "
            + "it declares org.lib:reporter:1",
        "profile 'win' (in org.corp:parent:3 line 1) not inventoried: activated by the build machine's OS (family windows), which the scan "
            + "cannot know; it declares org.lib:util:2 (managed)");
  }

  @Test
  void aHostileVersionInADependencysPomIsAnErrorAtTheDirectDependencysLine() throws IOException {
    lib("base", "1", "org.lib:evil:\u0662.\u0661\u0664.\u0661", "org.lib:util:1");
    lib("util", "1");
    Inventory.Result r = scan("pom.xml", CHILD_HEAD + "<groupId>org.app</groupId><artifactId>app</artifactId><version>1</version>\n<dependencies>\n"
        + dep("org.lib:base:1") + "\n</dependencies></project>");
    assertThat(r.packages()).extracting(MavenLocalRepositoryTest::render).containsExactly("org.lib:base@1 direct", "org.lib:util@1 transitive");
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("pom.xml");
      assertThat(p.line()).isEqualTo(3);
      assertThat(p.message()).contains("org.lib:evil", "local Maven repository", "non-ASCII digit U+0662");
    });
  }

  @Test
  void theResolverTakesHugeVersionsInDependencyPomsQuicklyAndEachIsAnError() throws IOException {
    String dotted = "1" + ".1".repeat(5_000);
    String qualifiers = "1-" + "alpha-beta-rc-sp-".repeat(40) + "1";
    lib("base", "1", "org.lib:dotted:" + dotted, "org.lib:qualified:" + qualifiers, "org.lib:util:1");
    lib("util", "1");
    long start = System.nanoTime();
    Inventory.Result r = scan("pom.xml", CHILD_HEAD + "<groupId>org.app</groupId><artifactId>app</artifactId><version>1</version>\n<dependencies>\n"
        + dep("org.lib:base:1") + "\n</dependencies></project>");
    assertThat(System.nanoTime() - start).as("nanoseconds").isLessThan(10_000_000_000L);
    assertThat(r.packages()).extracting(MavenLocalRepositoryTest::render).containsExactly("org.lib:base@1 direct", "org.lib:util@1 transitive");
    assertThat(r.problems()).extracting(Inventory.Problem::line).containsExactly(3, 3);
    assertThat(r.problems()).extracting(Inventory.Problem::message).allSatisfy(m -> assertThat(m).contains("characters are refused").hasSizeLessThan(300));
  }

  @Test
  void fileActivationLooksInTheTreeAndNeverThroughALinkLeavingIt() throws IOException {
    Files.createDirectories(tree.resolve("app/src/main/native"));
    Files.writeString(m2.resolve("secret"), "x");
    Files.createSymbolicLink(tree.resolve("app/out"), m2);
    String profile = "<profile><id>%s</id><activation><file><%s>%s</%s></file></activation><dependencies>%s</dependencies></profile>";
    Inventory.Result r = scan("app/pom.xml", CHILD_HEAD + "<groupId>org.app</groupId><artifactId>app</artifactId><version>1</version><profiles>"
        + String.format(profile, "native", "exists", "${basedir}/src/main/native", "exists", dep("org.lib:native:1"))
        + String.format(profile, "no-docs", "missing", "docs", "missing", dep("org.lib:no-docs:1"))
        + String.format(profile, "linked", "exists", "out/secret", "exists", dep("org.lib:linked:1"))
        + String.format(profile, "linked-missing", "missing", "out/none", "missing", dep("org.lib:linked-missing:1"))
        + "</profiles></project>");
    assertThat(r.packages()).extracting(MavenLocalRepositoryTest::render).containsExactly("org.lib:native@1 direct", "org.lib:no-docs@1 direct");
    assertThat(r.notes()).extracting(Inventory.Note::message).filteredOn(m -> m.startsWith("profile"))
        .containsExactly(
            "profile 'linked' (line 1) not inventoried: activated by <exists>out/secret</exists>, which the scan cannot look up "
                + "(no tree on disk, or a link leading out of it); it declares org.lib:linked:1",
            "profile 'linked-missing' (line 1) not inventoried: activated by <missing>out/none</missing>, which the scan cannot look up "
                + "(no tree on disk, or a link leading out of it); it declares org.lib:linked-missing:1");
  }

  @Test
  void profileIdsChooseTheReactorsProfilesButNotThoseOfDependencyPomsWhilePropertiesReachBoth() throws IOException {
    String releaseProfile = "<profiles><profile><id>release</id><dependencies>%s</dependencies></profile>"
        + "<profile><id>flavoured</id><activation><property><name>flavour</name></property></activation><dependencies>%s</dependencies>"
        + "</profile></profiles>";
    pom("org.lib", "netlib", "2", releaseProfile.formatted(dep("org.lib:signer:1"), dep("org.lib:flavour-lib:1")));
    for (String a : List.of("signer", "flavour-lib", "core-signer", "core-flavour")) {
      lib(a, "1");
    }
    Inventory.Result r = scan(
        ".mvn/maven.config", "-Prelease -Dflavour=x\n",
        "pom.xml", CHILD_HEAD + "<groupId>org.corp</groupId><artifactId>root</artifactId><version>1</version><packaging>pom</packaging></project>",
        "core/pom.xml", CHILD_HEAD + "<parent><groupId>org.corp</groupId><artifactId>root</artifactId><version>1</version></parent>"
            + "<artifactId>core</artifactId>" + releaseProfile.formatted(dep("org.lib:core-signer:1"), dep("org.lib:core-flavour:1")) + "</project>",
        "web/pom.xml", CHILD_HEAD + "<parent><groupId>org.corp</groupId><artifactId>root</artifactId><version>1</version></parent>"
            + "<artifactId>web</artifactId><dependencies>" + dep("org.corp:core:1") + dep("org.lib:netlib:2") + "</dependencies></project>");
    // As mvn -Prelease -Dflavour=x: the module core is built with both; netlib, a dependency's POM, only sees -D.
    assertThat(r.packages()).filteredOn(p -> p.manifest().equals("web/pom.xml")).extracting(MavenLocalRepositoryTest::render)
        .containsExactlyInAnyOrder("org.corp:core@1 direct", "org.lib:netlib@2 direct", "org.lib:core-signer@1 transitive",
            "org.lib:core-flavour@1 transitive", "org.lib:flavour-lib@1 transitive");
  }

  private static String dep(String gav) {
    String[] p = gav.split(":");
    return "<dependency><groupId>" + p[0] + "</groupId><artifactId>" + p[1] + "</artifactId><version>" + p[2] + "</version></dependency>";
  }

  private static String render(Package p) {
    return p.name() + "@" + p.version() + (p.direct() ? " direct" : " transitive");
  }
}
