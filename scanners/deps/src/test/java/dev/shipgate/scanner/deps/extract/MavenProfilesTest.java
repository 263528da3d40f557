package dev.shipgate.scanner.deps.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.extract.MavenProfiles.Activation;
import dev.shipgate.scanner.deps.extract.MavenProfiles.Build;
import dev.shipgate.scanner.deps.extract.MavenProfiles.Place;
import dev.shipgate.scanner.deps.extract.MavenProfiles.State;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Profile activation decided from what the repository says, with Maven 3.9's rules as the reference. */
class MavenProfilesTest {

  private static final Place TREE = new Place("app/", path -> Optional.of(Set.of("app/src/main/jni", "app/marker", "shared").contains(path)));
  private static final Place LOCAL_REPOSITORY = new Place(null, path -> Optional.empty());

  private static Activation jdk(String spec) {
    return new Activation("p", false, spec, null, null, null, null, null);
  }

  private static Activation property(String name, String value) {
    return new Activation("p", false, null, null, name, value, null, null);
  }

  private static Activation file(String exists, String missing) {
    return new Activation("p", false, null, null, null, null, exists, missing);
  }

  private static State one(Activation a, Build build, Place place) {
    return MavenProfiles.select(List.of(a), build, place).get(0).state();
  }

  @ParameterizedTest(name = "<jdk>{0}</jdk> on a JDK {1} or later: {2}")
  @CsvSource({
      "1.8, 17, INACTIVE", "1.8, 8, UNDECIDED", "17, 17, UNDECIDED", "11, 17, INACTIVE", "'1', 17, UNDECIDED",
      "1.8.0_392, 8, UNDECIDED", "'2', 17, UNDECIDED", "!1.8, 11, ACTIVE", "!17, 17, UNDECIDED",
      "'[17,)', 17, ACTIVE", "'[1.8,)', 8, ACTIVE", "'[11,)', 8, UNDECIDED", "'(17,)', 17, UNDECIDED",
      "'[11,17)', 17, INACTIVE", "'[11,17]', 17, UNDECIDED", "'(,11]', 17, INACTIVE", "'[1.6,1.8]', 11, INACTIVE",
      "'!(,11]', 17, ACTIVE", "'[9,21)', 17, UNDECIDED", "'(,)', 8, ACTIVE",
      "java17, 17, UNDECIDED", "'[17', 17, UNDECIDED", "'', 17, UNDECIDED"})
  void jdkConditionsHoldForEveryPossibleBuildJdkOrNoneOrStayOpen(String spec, int floor, State want) {
    assertThat(one(jdk(spec), Build.PLAIN.withJdkFloor(floor), TREE)).isEqualTo(want);
  }

  @Property(tries = 300)
  void negatingAJdkConditionSwapsOnAndOffAndKeepsUndecided(@ForAll @StringLength(max = 12) String spec,
      @ForAll @IntRange(min = 8, max = 40) int floor) {
    if (spec.strip().startsWith("!")) {
      return;
    }
    Build build = Build.PLAIN.withJdkFloor(floor);
    State plain = MavenProfiles.jdk(jdk(spec), floor).state();
    State negated = MavenProfiles.jdk(jdk("!" + spec), floor).state();
    assertThat(negated).isEqualTo(plain == State.ACTIVE ? State.INACTIVE : plain == State.INACTIVE ? State.ACTIVE : State.UNDECIDED);
    assertThat(one(jdk(spec), build, TREE)).isEqualTo(plain);
  }

  @Property(tries = 200)
  void aHigherJdkFloorNeverTurnsAnInactiveVersionOn(@ForAll @IntRange(min = 1, max = 30) int feature,
      @ForAll @IntRange(min = 8, max = 30) int floor) {
    String spec = feature <= 8 ? "1." + feature : Integer.toString(feature);
    if (MavenProfiles.jdk(jdk(spec), floor).state() == State.INACTIVE) {
      assertThat(MavenProfiles.jdk(jdk(spec), floor + 1).state()).isEqualTo(State.INACTIVE);
    }
  }

  @Test
  void hostileJdkTextsAndReleasesStayUndecidedQuickly() {
    long start = System.nanoTime();
    for (String spec : List.of("1" + ".1".repeat(50_000), "[" + "1".repeat(100_000) + ",)", "!" + "9".repeat(100_000))) {
      assertThat(MavenProfiles.jdk(jdk(spec), 17).state()).isEqualTo(State.UNDECIDED);
    }
    Xml.Element pom = new Xml.Element("project", 1, new StringBuilder(), new java.util.ArrayList<>(), Map.of());
    Xml.Element properties = new Xml.Element("properties", 1, new StringBuilder(), new java.util.ArrayList<>(), Map.of());
    properties.children().add(new Xml.Element("maven.compiler.release", 1, new StringBuilder("1" + ".1".repeat(50_000)), List.of(), Map.of()));
    pom.children().add(properties);
    assertThat(PomExtractor.jdkFloor(List.of(pom))).isZero();
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
  }

  @Test
  void theBuildMachinesOsIsNeverGuessed() {
    Activation unix = new Activation("unix", false, null, new MavenProfiles.Os("unix", "", "", ""), null, null, null, null);
    MavenProfiles.Decision d = MavenProfiles.select(List.of(unix), Build.PLAIN, TREE).get(0);
    assertThat(d.state()).isEqualTo(State.UNDECIDED);
    assertThat(d.reason()).contains("family unix", "cannot know");
  }

  @Test
  void propertiesAreThoseAPlainBuildOfTheRepositorySets() {
    Build build = new Build(Map.of("flavour", "postgres"), Set.of(), Set.of(), 8);
    assertThat(one(property("flavour", null), build, TREE)).isEqualTo(State.ACTIVE);
    assertThat(one(property("flavour", "postgres"), build, TREE)).isEqualTo(State.ACTIVE);
    assertThat(one(property("flavour", "mysql"), build, TREE)).isEqualTo(State.INACTIVE);
    assertThat(one(property("flavour", "!mysql"), build, TREE)).isEqualTo(State.ACTIVE);
    assertThat(one(property("!flavour", null), build, TREE)).isEqualTo(State.INACTIVE);
    assertThat(one(property("release", null), build, TREE)).isEqualTo(State.INACTIVE);
    assertThat(one(property("!release", null), build, TREE)).isEqualTo(State.ACTIVE);
    assertThat(one(property("release", "!true"), build, TREE)).isEqualTo(State.ACTIVE);
    assertThat(one(property("", null), build, TREE)).isEqualTo(State.INACTIVE);
    for (String machine : List.of("env.CI", "!env.CI", "java.vendor", "os.name", "user.name")) {
      assertThat(one(property(machine, null), build, TREE)).as(machine).isEqualTo(State.UNDECIDED);
    }
  }

  @Test
  void filesAreLookedUpInTheScannedTreeOnlyAndRelativeToThePom() {
    Build build = new Build(Map.of("dir", "src/main"), Set.of(), Set.of(), 8);
    assertThat(one(file("${basedir}/src/main/jni", null), build, TREE)).isEqualTo(State.ACTIVE);
    assertThat(one(file("${project.basedir}/${dir}/jni", null), build, TREE)).isEqualTo(State.ACTIVE);
    assertThat(one(file("marker", null), build, TREE)).isEqualTo(State.ACTIVE);
    assertThat(one(file(null, "marker"), build, TREE)).isEqualTo(State.INACTIVE);
    assertThat(one(file(null, "absent"), build, TREE)).isEqualTo(State.ACTIVE);
    assertThat(one(file("../shared", null), build, TREE)).isEqualTo(State.ACTIVE);
    assertThat(one(file("..\\shared", null), build, TREE)).isEqualTo(State.ACTIVE);
    for (String outside : List.of("../../etc/passwd", "/etc/passwd", "C:/Windows", "${user.home}/.m2/settings.xml", "target/classes/x",
        "${basedir}/target/generated")) {
      assertThat(one(file(outside, null), build, TREE)).as(outside).isEqualTo(State.UNDECIDED);
    }
    // Unknown: a context that cannot look files up.
    assertThat(one(file("marker", null), build, new Place("app/", p -> Optional.empty()))).isEqualTo(State.UNDECIDED);
  }

  @Test
  void aPomOfTheLocalRepositoryHasNoDirectory() {
    assertThat(one(file("src/main/jni", null), Build.PLAIN, LOCAL_REPOSITORY)).isEqualTo(State.INACTIVE);
    assertThat(one(file("${basedir}/x", null), Build.PLAIN, LOCAL_REPOSITORY)).isEqualTo(State.INACTIVE);
    assertThat(one(file(null, "x"), Build.PLAIN, LOCAL_REPOSITORY)).isEqualTo(State.INACTIVE);
    assertThat(one(file("/opt/tools/lib/tools.jar", null), Build.PLAIN, LOCAL_REPOSITORY)).isEqualTo(State.UNDECIDED);
  }

  @Test
  void everyConditionMustHold() {
    Build build = new Build(Map.of("flavour", "x"), Set.of(), Set.of(), 17);
    Activation offAndOn = new Activation("p", false, "1.8", null, "flavour", null, null, null);
    Activation openAndOn = new Activation("p", false, "17", null, "flavour", null, null, null);
    Activation openAndOff = new Activation("p", false, null, new MavenProfiles.Os("unix", "", "", ""), "release", null, null, null);
    assertThat(one(offAndOn, build, TREE)).isEqualTo(State.INACTIVE);
    assertThat(one(openAndOn, build, TREE)).isEqualTo(State.UNDECIDED);
    assertThat(one(openAndOff, build, TREE)).isEqualTo(State.INACTIVE);
  }

  @Test
  void activeByDefaultIsOffWhenAnotherProfileOfThePomIsOnAndExplicitIdsWin() {
    Activation byDefault = new Activation("default", true, null, null, null, null, null, null);
    Activation conditionalDefault = new Activation("cond", true, "1.8", null, null, null, null, null);
    Activation on = new Activation("on", false, null, null, "!skip", null, null, null);
    Activation open = new Activation("open", false, null, new MavenProfiles.Os("windows", "", "", ""), null, null, null, null);
    Activation named = new Activation("named", false, null, null, null, null, null, null);
    Build plain = Build.PLAIN.withJdkFloor(17);
    assertThat(states(List.of(byDefault, conditionalDefault), plain)).containsExactly(State.ACTIVE, State.ACTIVE);
    assertThat(states(List.of(byDefault, on), plain)).containsExactly(State.INACTIVE, State.ACTIVE);
    // Undecided profiles leave it open; the default stays on, as in the build the repository describes.
    assertThat(states(List.of(byDefault, open), plain)).containsExactly(State.ACTIVE, State.UNDECIDED);
    // A default with an undecided condition: on when nothing else is (its condition or the default rule), open otherwise.
    Activation openDefault = new Activation("open-default", true, "17", null, null, null, null, null);
    assertThat(states(List.of(openDefault), plain)).containsExactly(State.ACTIVE);
    assertThat(states(List.of(openDefault, on), plain)).containsExactly(State.UNDECIDED, State.ACTIVE);
    Build config = new Build(Map.of(), Set.of("named"), Set.of("on"), 17);
    assertThat(states(List.of(byDefault, on, named), config)).containsExactly(State.INACTIVE, State.INACTIVE, State.ACTIVE);
    Build deactivateDefault = new Build(Map.of(), Set.of(), Set.of("default"), 17);
    assertThat(states(List.of(byDefault), deactivateDefault)).containsExactly(State.INACTIVE);
  }

  private static List<State> states(List<Activation> profiles, Build build) {
    return MavenProfiles.select(profiles, build, TREE).stream().map(MavenProfiles.Decision::state).toList();
  }

  @Test
  void theNearestMvnDirectoryUpwardsConfiguresTheBuild() {
    Map<String, String> files = Map.of(
        ".mvn/maven.config", "-B --no-transfer-progress\n-Dflavour=postgres -Dflag\n-P extras,!legacy,-old,+more\n",
        ".mvn/jvm.config", "-Xmx2g -Dfrom.jvm=1",
        "nested/.mvn/maven.config", "-Pnested");
    Build root = Build.of("a/b/", path -> Optional.ofNullable(files.get(path)).map(t -> SourceFile.of(path, t.getBytes())));
    assertThat(root.properties()).containsEntry("flavour", "postgres").containsEntry("flag", "true").containsEntry("from.jvm", "1");
    assertThat(root.activeIds()).containsExactlyInAnyOrder("extras", "more");
    assertThat(root.inactiveIds()).containsExactlyInAnyOrder("legacy", "old");
    Build nested = Build.of("nested/x/", path -> Optional.ofNullable(files.get(path)).map(t -> SourceFile.of(path, t.getBytes())));
    assertThat(nested.activeIds()).containsExactly("nested");
    assertThat(Build.of("", path -> Optional.empty())).isEqualTo(Build.PLAIN);
  }

  /** A build run on the machine the policy states, with its -D properties and -P ids. */
  private static Build stated(String jdk, MavenProfiles.Os os, Map<String, String> properties, Set<String> active, Set<String> inactive) {
    return new Build(properties, active, inactive, Build.MAVEN_JDK_FLOOR, new MavenProfiles.Machine(jdk, os));
  }

  private static Build onJdk(String jdk) {
    return stated(jdk, MavenProfiles.Os.UNKNOWN, Map.of(), Set.of(), Set.of());
  }

  private static Build onOs(String family, String name, String arch) {
    return stated(null, new MavenProfiles.Os(family, name, arch, ""), Map.of(), Set.of(), Set.of());
  }

  private static Activation os(String family, String name, String arch, String version) {
    return new Activation("p", false, null, new MavenProfiles.Os(family, name, arch, version), null, null, null, null);
  }

  @ParameterizedTest(name = "<jdk>{0}</jdk> on the stated JDK {1}: {2}")
  @CsvSource({
      "17, 17, ACTIVE", "17, 21.0.2, INACTIVE", "1.8, 8, ACTIVE", "1.8, 1.8.0_392, ACTIVE", "11, 17.0.9, INACTIVE",
      "17.0.2, 17, UNDECIDED", "17.0.2, 17.0.9, INACTIVE", "'1', 17, ACTIVE", "170, 17, INACTIVE", "!1.8, 17, ACTIVE",
      "!17.0.2, 17, UNDECIDED", "'[17,)', 17, ACTIVE", "'[17,)', 11.0.21, INACTIVE", "'[9,21)', 17.0.9, ACTIVE",
      "'[11,17)', 17, INACTIVE", "'(17,)', 17, UNDECIDED", "'(17,)', 21, ACTIVE", "'(,11]', 11, UNDECIDED",
      "'(,11]', 11.0.21, INACTIVE", "'[1.6,1.8]', 1.8.0_392, INACTIVE", "'!(,11]', 17, ACTIVE", "java17, 17, UNDECIDED",
      "'[17', 17, UNDECIDED"})
  void jdkConditionsAreDecidedOnTheJdkThePolicyStates(String spec, String jdk, State want) {
    // Maven pads java.version with zeros to a range bound's length: "(,11]" excludes 11.0.21, and "11" may be any 11.
    assertThat(one(jdk(spec), onJdk(jdk).withJdkFloor(21), TREE)).as("the stated JDK wins over the floor").isEqualTo(want);
  }

  @ParameterizedTest(name = "<os> {0}/{1}/{2}/{3} on {4}/{5}/{6}: {7}")
  @CsvSource({
      "unix, , , , , Linux, amd64, ACTIVE", "windows, , , , , Linux, amd64, INACTIVE", "!windows, , , , , Linux, amd64, ACTIVE",
      "mac, , , , , Linux, amd64, INACTIVE", ", linux, , , , Linux, amd64, ACTIVE", ", , aarch64, , , Linux, amd64, INACTIVE",
      "unix, , amd64, , , Linux, amd64, ACTIVE", ", , , 6.5.0, , Linux, amd64, UNDECIDED", "unix, , , , , Mac OS X, aarch64, ACTIVE",
      "mac, , , , , Mac OS X, aarch64, ACTIVE", "windows, , , , , Windows 11, amd64, ACTIVE", "dos, , , , , Windows 11, amd64, ACTIVE",
      "winnt, , , , , Windows 11, amd64, ACTIVE", "unix, , , , , Windows 11, amd64, INACTIVE", "win9x, , , , , Windows 11, amd64, INACTIVE",
      "unix, , , , unix, , , ACTIVE", "windows, , , , unix, , , INACTIVE", "mac, , , , unix, , , UNDECIDED",
      "unix, , , , mac, , , ACTIVE", ", linux, , , unix, , , UNDECIDED", "dos, , , , windows, , , ACTIVE",
      "unix, , amd64, , unix, , , UNDECIDED", ", , , , , Linux, amd64, INACTIVE"})
  void osConditionsAreDecidedOnTheOsThePolicyStates(String family, String name, String arch, String version, String statedFamily,
      String statedName, String statedArch, State want) {
    assertThat(one(os(family, name, arch, version), onOs(statedFamily, statedName, statedArch), TREE)).isEqualTo(want);
  }

  @Test
  void anUnstatedOsStaysUndecidedAndAnEmptyOsConditionIsOff() {
    assertThat(one(os("unix", "", "", ""), Build.PLAIN, TREE)).isEqualTo(State.UNDECIDED);
    assertThat(one(os("", "", "", ""), Build.PLAIN, TREE)).isEqualTo(State.INACTIVE);
    MavenProfiles.Decision d = MavenProfiles.select(List.of(os("unix", "", "", "6.5")), onOs("", "Linux", ""), TREE).get(0);
    assertThat(d.reason()).contains("version", "does not state");
  }

  @Test
  void statedPropertiesDecideMachinePropertiesAndFileConditionsAndWinOverTheMvnDirectory() {
    Build mvn = new Build(Map.of("flavour", "postgres"), Set.of(), Set.of(), 17);
    Build ci = mvn.overriddenBy(stated(null, MavenProfiles.Os.UNKNOWN, Map.of("env.CI", "true", "flavour", "mysql", "dir", "src/main"),
        Set.of(), Set.of()));
    assertThat(one(property("env.CI", null), mvn, TREE)).isEqualTo(State.UNDECIDED);
    assertThat(one(property("env.CI", "true"), ci, TREE)).isEqualTo(State.ACTIVE);
    assertThat(one(property("env.OTHER", null), ci, TREE)).isEqualTo(State.UNDECIDED);
    assertThat(one(property("flavour", "mysql"), ci, TREE)).isEqualTo(State.ACTIVE);
    assertThat(one(property("flavour", "postgres"), ci, TREE)).isEqualTo(State.INACTIVE);
    assertThat(one(file("${dir}/jni", null), mvn, TREE)).isEqualTo(State.UNDECIDED);
    assertThat(one(file("${dir}/jni", null), ci, TREE)).isEqualTo(State.ACTIVE);
    assertThat(ci.jdkFloor()).isEqualTo(17);
  }

  @Test
  void statedProfileIdsWinOverTheMvnDirectorysAndNothingStatedChangesNothing() {
    Build mvn = new Build(Map.of(), Set.of("extras"), Set.of("legacy"), 17);
    Build ci = mvn.overriddenBy(stated(null, MavenProfiles.Os.UNKNOWN, Map.of(), Set.of("legacy", "release"), Set.of("extras")));
    assertThat(ci.activeIds()).containsExactlyInAnyOrder("legacy", "release");
    assertThat(ci.inactiveIds()).containsExactly("extras");
    assertThat(mvn.overriddenBy(Build.PLAIN)).isSameAs(mvn);
  }

  private static Build on(String jdk, MavenProfiles.Os os) {
    return new Build(Map.of(), Set.of(), Set.of(), Build.MAVEN_JDK_FLOOR, new MavenProfiles.Machine(jdk, os));
  }

  @Test
  void inAMatrixAProfileIsActiveWhenAnyBuildActivatesItAndOffOnlyWhenEveryBuildTurnsItOff() {
    MavenProfiles.Os linux = new MavenProfiles.Os("", "Linux", "amd64", "");
    MavenProfiles.Os windows = new MavenProfiles.Os("", "Windows 11", "amd64", "");
    Build matrix = Build.matrixOf(List.of(on("17.0.9", linux), on("21.0.1", windows)));
    Activation unix = new Activation("unix", false, null, new MavenProfiles.Os("unix", "", "", ""), null, null, null, null);
    Activation win = new Activation("win", false, null, new MavenProfiles.Os("windows", "", "", ""), null, null, null, null);
    Activation fallback = new Activation("fallback", true, null, null, null, null, null, null);
    List<MavenProfiles.Decision> d = MavenProfiles.select(List.of(jdk("17"), jdk("21"), jdk("1.8"), unix, win, fallback), matrix, TREE);
    assertThat(d).extracting(MavenProfiles.Decision::state)
        .containsExactly(State.ACTIVE, State.ACTIVE, State.INACTIVE, State.ACTIVE, State.ACTIVE, State.INACTIVE);
    assertThat(d.get(2).reason()).startsWith("in every build of maven_build: ").contains("JDK 17.0.9").contains("JDK 21.0.1");
    // One build that cannot settle a condition leaves it open, named by its place in the list.
    Build partly = Build.matrixOf(List.of(on("17.0.9", linux), on("21.0.1", MavenProfiles.Os.UNKNOWN)));
    MavenProfiles.Decision w = MavenProfiles.select(List.of(win), partly, TREE).get(0);
    assertThat(w.state()).isEqualTo(State.UNDECIDED);
    assertThat(w.reason()).startsWith("in build 2 of maven_build: ");
    // The matrix applies over .mvn/maven.config as one stated build does, leg by leg.
    Build mvn = new Build(Map.of("flavour", "postgres"), Set.of(), Set.of(), Build.MAVEN_JDK_FLOOR);
    assertThat(one(property("flavour", "postgres"), mvn.overriddenBy(matrix), TREE)).isEqualTo(State.ACTIVE);
    assertThat(mvn.overriddenBy(matrix).withJdkFloor(17).matrix()).extracting(Build::jdkFloor).containsExactly(17, 17);
  }
}
