package dev.shipgate.scanner.deps.policy;

import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.scanner.deps.extract.MavenProfiles;
import dev.shipgate.scanner.deps.extract.MavenProfiles.Build;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * {@code scanners.deps.maven_build}: the Maven build CI runs, which the repository cannot tell, so that profiles
 * activated by the build JDK, the OS, {@code -D} properties or {@code -P} are chosen as that build chooses them:
 * <pre>
 * maven_build:
 *   jdk: "21.0.2"              # java.version of the JDK that runs Maven ("21": any 21 update)
 *   os: {name: Linux, arch: amd64, version: "6.5.0"}   # os.name/os.arch/os.version; family: unix, windows, mac, ...
 *   properties: {release: "true", env.CI: "true"}     # -Dname=value
 *   profiles: [release, "!docs"]                      # -P release,!docs
 * </pre>
 * A CI matrix is a list of such builds ({@code maven_build: [{jdk: "17"}, {jdk: "21", profiles: [jdk21]}]}): a profile
 * counts as active when any build activates it, since the shipped artifact may come from any leg and its dependencies
 * are then the project's ({@link MavenProfiles#select}). Nothing stated keeps today's decisions ({@link Build#PLAIN});
 * every mistake is a positioned policy error.
 */
public final class MavenBuild {

  public static final String KEY = "maven_build";
  private static final String JDK = "jdk";
  private static final String OS = "os";
  private static final String PROPERTIES = "properties";
  private static final String PROFILES = "profiles";
  /** A {@code java.version}: "17", "21.0.2", "1.8", "1.8.0_392". */
  private static final Pattern JDK_VERSION = Pattern.compile("\\d{1,3}(?:[._]\\d{1,9}){0,4}");
  /** The families plexus-utils' {@code Os} knows (Maven 3.9's {@code <os><family>}). */
  private static final Set<String> FAMILIES = Set.of("windows", "win9x", "winnt", "os/2", "netware", "dos", "mac", "tandem", "unix", "z/os",
      "os/400", "openvms");

  private MavenBuild() {}

  /** The build, or the matrix of builds, {@code deps} (the {@code scanners.deps} section) states. */
  public static Build from(Settings deps) throws PolicyException {
    if (deps.node(KEY) instanceof SequenceNode list) {
      List<Build> builds = new ArrayList<>();
      for (Node item : list.getValue()) {
        String what = "scanners.deps." + KEY + "[" + builds.size() + "]";
        builds.add(one(Settings.of(deps.file(), item, what), what));
      }
      if (builds.isEmpty()) {
        throw deps.errorAt(KEY, "an empty list states no build; leave " + KEY + " out for a plain build");
      }
      return builds.size() == 1 ? builds.get(0) : Build.matrixOf(builds);
    }
    return one(deps.section(KEY), "scanners.deps." + KEY);
  }

  private static Build one(Settings s, String what) throws PolicyException {
    if (s.isEmpty()) {
      return Build.PLAIN;
    }
    s.requireOnly(Set.of(JDK, OS, PROPERTIES, PROFILES), what);
    String jdk = s.string(JDK, null);
    if (jdk != null) {
      jdk = jdk.strip();
      if (!JDK_VERSION.matcher(jdk).matches()) {
        throw s.errorAt(JDK, "'" + jdk + "' is not a java.version (17, 21.0.2, 1.8.0_392)");
      }
    }
    return new Build(properties(s), profiles(s, true), profiles(s, false), Build.MAVEN_JDK_FLOOR, new MavenProfiles.Machine(jdk, os(s, what)));
  }

  private static MavenProfiles.Os os(Settings build, String buildWhat) throws PolicyException {
    Settings s = build.section(OS);
    String what = buildWhat + "." + OS;
    s.requireOnly(Set.of("family", "name", "arch", "version"), what);
    for (String key : s.keys()) {
      String v = s.string(key, "").strip();
      if (v.isEmpty() || v.startsWith("!")) {
        throw s.errorAt(key, "'" + key + "' in " + what + " states the build machine's value, not a condition: '" + v + "'");
      }
    }
    MavenProfiles.Os os = new MavenProfiles.Os(s.string("family", ""), s.string("name", ""), s.string("arch", ""), s.string("version", ""));
    String family = os.family().toLowerCase(Locale.ENGLISH);
    if (!family.isEmpty() && !FAMILIES.contains(family)) {
      throw s.errorAt("family", "unknown OS family '" + os.family() + "' (known: " + String.join(", ", new java.util.TreeSet<>(FAMILIES)) + ")");
    }
    if (!family.isEmpty() && !os.name().isEmpty() && !MavenProfiles.isFamily(family, os.name().toLowerCase(Locale.ENGLISH))) {
      throw s.errorAt("family", "family '" + os.family() + "' does not fit os.name '" + os.name() + "' by Maven's rules");
    }
    return os;
  }

  private static Map<String, String> properties(Settings build) throws PolicyException {
    Settings s = build.section(PROPERTIES);
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : s.keys()) {
      if (name.isBlank() || name.startsWith("!")) {
        throw s.errorAtKey(name, "'" + name + "' is not a property name");
      }
      out.put(name, s.string(name, ""));
    }
    return Map.copyOf(out);
  }

  /** {@code -P} ids: {@code id} or {@code +id} activates, {@code !id} or {@code -id} deactivates. */
  private static Set<String> profiles(Settings build, boolean active) throws PolicyException {
    Set<String> out = new HashSet<>();
    for (String entry : build.strings(PROFILES)) {
      String t = entry.strip();
      boolean off = t.startsWith("!") || t.startsWith("-");
      String id = off || t.startsWith("+") ? t.substring(1).strip() : t;
      if (id.isEmpty()) {
        throw build.errorAt(PROFILES, "'" + entry + "' names no profile");
      }
      if (off != active) {
        out.add(id);
      }
    }
    return Set.copyOf(out);
  }
}
