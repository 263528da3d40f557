package dev.shipgate.scanner.deps.extract;

import dev.shipgate.core.scan.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Maven profiles a build of the scanned repository activates, decided from what the scan knows, with Maven
 * 3.9's rules as the reference (every condition of a profile must hold; {@code activeByDefault} only while no other
 * profile of the same POM is active; {@code -P} ids win). shipgate never runs Maven, and the JDK and OS the gate runs
 * on are not the project's build machine, so a condition is decided only when the repository settles it, or the
 * policy states the build ({@code scanners.deps.maven_build}: {@link Machine}, {@code -D}, {@code -P}):
 * <ul>
 *   <li>{@code <jdk>}: against the JDK the policy states; else the build JDK is at least the project's {@code
 *       maven.compiler.release}/{@code target}/{@code source} (javac cannot emit a newer release) and at least 8
 *       (Maven 3.9 needs it), with no upper bound; a toolchain breaks the link, leaving only 8. A version or range
 *       wholly below that bound is off, a range covering every JDK from it upwards is on, anything else undecided.
 *   <li>{@code <os>}: against the OS the policy states, with Maven's rules for families; else undecided (the build
 *       machine is unknown; builds often run on several).
 *   <li>{@code <property>}: the properties a plain {@code mvn} run in the repository sets ({@code -D} in
 *       {@code .mvn/maven.config} and {@code .mvn/jvm.config}) and those the policy states; any other is unset, except
 *       machine-dependent ones ({@code env.*}, {@code java.*}, {@code os.*}, {@code user.*}, ...), which are
 *       undecided.
 *   <li>{@code <file>}: {@code exists}/{@code missing} resolved against the POM's directory ({@code ${basedir}}) in
 *       the scanned tree; a path leaving the tree, absolute, under the build's {@code target/} output or with a
 *       property we cannot expand is undecided. A POM of the local repository has no directory: there Maven finds
 *       no relative file (off), and an absolute path is the build machine's (undecided).
 * </ul>
 */
public final class MavenProfiles {

  /** What Maven would do with a profile. */
  public enum State { ACTIVE, INACTIVE, UNDECIDED }

  /**
   * An {@code <os>} condition as written (each part "" when absent, {@code !} negates it), or the build machine's OS as
   * the policy states it (Java's {@code os.name}, {@code os.arch}, {@code os.version}; "" when not stated).
   */
  public record Os(String family, String name, String arch, String version) {

    /** Nothing stated. */
    public static final Os UNKNOWN = new Os("", "", "", "");

    public Os {
      family = family == null ? "" : family.strip();
      name = name == null ? "" : name.strip();
      arch = arch == null ? "" : arch.strip();
      version = version == null ? "" : version.strip();
    }

    boolean isEmpty() {
      return family.isEmpty() && name.isEmpty() && arch.isEmpty() && version.isEmpty();
    }

    @Override
    public String toString() {
      List<String> parts = new ArrayList<>();
      for (String[] kv : new String[][] {{"family", family}, {"name", name}, {"arch", arch}, {"version", version}}) {
        if (!kv[1].isEmpty()) {
          parts.add(kv[0] + " " + kv[1]);
        }
      }
      return String.join(", ", parts);
    }
  }

  /**
   * The machine that runs Maven as the policy states it: {@code jdk} is its {@code java.version} ("17", "21.0.2",
   * "1.8.0_392"; null when not stated).
   */
  public record Machine(String jdk, Os os) {

    /** Nothing stated: the JDK is known only from below, the OS not at all. */
    public static final Machine UNKNOWN = new Machine(null, Os.UNKNOWN);
  }

  /** A profile's activation, as written in the POM ({@code null} when absent). */
  public record Activation(String id, boolean activeByDefault, String jdk, Os os, String propertyName, String propertyValue,
      String fileExists, String fileMissing) {

    /** From a {@code <profile>} element of {@link Xml}. */
    static Activation of(Xml.Element profile) {
      Xml.Element a = profile.child("activation");
      if (a == null) {
        return new Activation(profile.childText("id"), false, null, null, null, null, null, null);
      }
      Xml.Element os = a.child("os");
      Xml.Element property = a.child("property");
      Xml.Element file = a.child("file");
      return new Activation(profile.childText("id"), a.childText("activeByDefault").equals("true"),
          a.child("jdk") == null ? null : a.childText("jdk"),
          os == null ? null : new Os(os.childText("family"), os.childText("name"), os.childText("arch"), os.childText("version")),
          property == null ? null : property.childText("name"), property == null || property.child("value") == null ? null : property.childText("value"),
          file == null || file.childText("exists").isEmpty() ? null : file.childText("exists"),
          file == null || file.childText("missing").isEmpty() ? null : file.childText("missing"));
    }
  }

  /** A profile with Maven's verdict and, when not active, why. */
  public record Decision(Activation profile, State state, String reason) {}

  /**
   * What a plain {@code mvn} run knows: {@code -D} properties and {@code -P} profile ids from {@code .mvn/maven.config}
   * and {@code .mvn/jvm.config}, and the lowest JDK that can build the project; with {@link #overriddenBy} also what
   * the policy states about the CI build (its machine, {@code -D} and {@code -P}).
   *
   * @param matrix the builds of a CI matrix (the policy's {@code maven_build} as a list), each a whole build; a profile
   *     is active when any of them activates it ({@link #select}), and the other fields are then not consulted; empty
   *     for one build
   */
  public record Build(Map<String, String> properties, Set<String> activeIds, Set<String> inactiveIds, int jdkFloor, Machine machine,
      List<Build> matrix) {

    /** Maven 3.9 runs on Java 8 and later. */
    public static final int MAVEN_JDK_FLOOR = 8;

    /** Nothing configured. */
    public static final Build PLAIN = new Build(Map.of(), Set.of(), Set.of(), MAVEN_JDK_FLOOR);

    public Build {
      matrix = List.copyOf(matrix);
    }

    /** One build on a stated machine. */
    public Build(Map<String, String> properties, Set<String> activeIds, Set<String> inactiveIds, int jdkFloor, Machine machine) {
      this(properties, activeIds, inactiveIds, jdkFloor, machine, List.of());
    }

    /** A build on a machine nothing is stated about. */
    public Build(Map<String, String> properties, Set<String> activeIds, Set<String> inactiveIds, int jdkFloor) {
      this(properties, activeIds, inactiveIds, jdkFloor, Machine.UNKNOWN);
    }

    /** A CI matrix of at least two builds (see {@link #matrix}). */
    public static Build matrixOf(List<Build> builds) {
      if (builds.size() < 2) {
        throw new IllegalArgumentException("a matrix has at least two builds");
      }
      return new Build(Map.of(), Set.of(), Set.of(), MAVEN_JDK_FLOOR, Machine.UNKNOWN, builds);
    }

    /** The same build without {@code -P} ids, as Maven builds the POMs of dependencies. */
    public Build withoutProfileIds() {
      return new Build(properties, Set.of(), Set.of(), jdkFloor, machine, matrix.stream().map(Build::withoutProfileIds).toList());
    }

    public Build withJdkFloor(int floor) {
      return new Build(properties, activeIds, inactiveIds, Math.max(MAVEN_JDK_FLOOR, floor), machine,
          matrix.stream().map(b -> b.withJdkFloor(floor)).toList());
    }

    /**
     * This build run as the policy states CI runs it: {@code stated}'s machine, its {@code -D} properties over these
     * (the command line comes after {@code .mvn/maven.config}), its {@code -P} ids winning over these.
     */
    public Build overriddenBy(Build stated) {
      if (stated.equals(PLAIN)) {
        return this;
      }
      if (!stated.matrix().isEmpty()) {
        return new Build(properties, activeIds, inactiveIds, jdkFloor, machine, stated.matrix().stream().map(this::overriddenBy).toList());
      }
      Map<String, String> props = new HashMap<>(properties);
      props.putAll(stated.properties());
      Set<String> active = new HashSet<>(activeIds);
      active.removeAll(stated.inactiveIds());
      active.addAll(stated.activeIds());
      Set<String> inactive = new HashSet<>(inactiveIds);
      inactive.removeAll(stated.activeIds());
      inactive.addAll(stated.inactiveIds());
      return new Build(Map.copyOf(props), Set.copyOf(active), Set.copyOf(inactive), jdkFloor, stated.machine());
    }

    /**
     * The {@code .mvn} directory Maven uses for a POM in {@code directory} (repository-relative, "" or ending in
     * {@code /}): the nearest one at or above it, as Maven looks upwards from where it runs.
     */
    public static Build of(String directory, Function<String, Optional<SourceFile>> find) {
      String dir = directory;
      while (true) {
        Optional<SourceFile> config = find.apply(dir + ".mvn/maven.config");
        Optional<SourceFile> jvm = find.apply(dir + ".mvn/jvm.config");
        if (config.isPresent() || jvm.isPresent()) {
          Map<String, String> properties = new HashMap<>();
          Set<String> active = new HashSet<>();
          Set<String> inactive = new HashSet<>();
          jvm.ifPresent(f -> arguments(Extractor.text(f), properties, active, inactive, false));
          config.ifPresent(f -> arguments(Extractor.text(f), properties, active, inactive, true));
          return new Build(Map.copyOf(properties), Set.copyOf(active), Set.copyOf(inactive), MAVEN_JDK_FLOOR);
        }
        if (dir.isEmpty()) {
          return PLAIN;
        }
        String trimmed = dir.substring(0, dir.length() - 1);
        dir = trimmed.contains("/") ? trimmed.substring(0, trimmed.lastIndexOf('/') + 1) : "";
      }
    }

    private static void arguments(String text, Map<String, String> properties, Set<String> active, Set<String> inactive, boolean maven) {
      List<String> args = new ArrayList<>(List.of(text.strip().split("\\s+")));
      for (int i = 0; i < args.size(); i++) {
        String arg = args.get(i).replace("\"", "");
        if (arg.startsWith("-D") && arg.length() > 2) {
          int eq = arg.indexOf('=');
          properties.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
        } else if (maven && (arg.equals("-P") || arg.equals("--activate-profiles")) && i + 1 < args.size()) {
          profiles(args.get(++i), active, inactive);
        } else if (maven && arg.startsWith("-P") && arg.length() > 2) {
          profiles(arg.substring(2), active, inactive);
        }
      }
    }

    private static void profiles(String list, Set<String> active, Set<String> inactive) {
      for (String id : list.split(",")) {
        String t = id.strip();
        if (t.startsWith("!") || t.startsWith("-")) {
          inactive.add(t.substring(1));
        } else if (t.startsWith("+")) {
          active.add(t.substring(1));
        } else if (!t.isEmpty()) {
          active.add(t);
        }
      }
    }
  }

  /**
   * Where a POM sits: its repository-relative directory ("" or ending in {@code /}), or null for a POM of the local
   * Maven repository; {@code exists} says whether a repository-relative path is there (empty when unknown).
   */
  public record Place(String directory, Function<String, Optional<Boolean>> exists) {}

  /** System properties that depend on the machine and JVM that run Maven, never on the repository. */
  private static final Pattern MACHINE_PROPERTY = Pattern.compile("(env|java|os|user|file|sun|jdk|line|path|maven)\\..*");
  private static final Pattern NUMBERS = Pattern.compile("\\d+(?:[._-]\\d+)*");
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]*)}");
  /** One Maven range: {@code [17,)}, {@code (,1.8]}. */
  private static final Pattern RANGE = Pattern.compile("([\\[(])\\s*([^,\\])]*)\\s*,\\s*([^,\\])]*)\\s*([])])");
  /** Longer {@code <jdk>} texts are no JDK version or range (and stay away from the regex engine's recursion). */
  private static final int MAX_JDK_SPEC = 64;
  /** Java feature versions tried for textual {@code <jdk>} prefixes ("1" matches "17.0.2"). */
  private static final int HIGHEST_FEATURE = 99;

  private MavenProfiles() {}

  /**
   * Every profile of one POM with Maven's verdict: explicit ids, then conditions, then {@code activeByDefault}. For a
   * matrix, each build decides on its own and a profile is active when any build activates it (the artifact may ship
   * from any leg), else undecided when any build leaves it open, else inactive.
   */
  public static List<Decision> select(List<Activation> profiles, Build build, Place place) {
    if (!build.matrix().isEmpty()) {
      return anyBuild(profiles, build.matrix(), place);
    }
    List<Decision> out = new ArrayList<>();
    boolean anyActive = false;
    for (Activation p : profiles) {
      Decision d;
      if (build.inactiveIds().contains(p.id())) {
        d = new Decision(p, State.INACTIVE, "deactivated in .mvn/maven.config or the policy's maven_build");
      } else if (build.activeIds().contains(p.id())) {
        d = new Decision(p, State.ACTIVE, "");
      } else {
        d = conditions(p, build, place);
      }
      anyActive |= d.state() == State.ACTIVE;
      out.add(d);
    }
    for (int i = 0; i < out.size(); i++) {
      Decision d = out.get(i);
      if (d.profile().activeByDefault() && d.state() != State.ACTIVE && !build.inactiveIds().contains(d.profile().id())) {
        // Maven turns default profiles off when another is active, and on otherwise even when their own conditions
        // fail, so with none active an undecided default is on too. Undecided other profiles leave that open; the
        // default stays on, as in the build the repository describes.
        if (!anyActive) {
          out.set(i, new Decision(d.profile(), State.ACTIVE, ""));
        } else if (d.state() == State.INACTIVE) {
          out.set(i, new Decision(d.profile(), State.INACTIVE, "another profile of the POM is active"));
        }
      }
    }
    return out;
  }

  private static List<Decision> anyBuild(List<Activation> profiles, List<Build> builds, Place place) {
    List<List<Decision>> each = new ArrayList<>();
    for (Build b : builds) {
      each.add(select(profiles, b, place));
    }
    List<Decision> out = new ArrayList<>();
    for (int i = 0; i < profiles.size(); i++) {
      Decision active = null;
      Decision undecided = null;
      int undecidedIn = 0;
      Set<String> reasons = new java.util.LinkedHashSet<>();
      for (int b = 0; b < builds.size(); b++) {
        Decision d = each.get(b).get(i);
        if (d.state() == State.ACTIVE && active == null) {
          active = d;
        } else if (d.state() == State.UNDECIDED && undecided == null) {
          undecided = d;
          undecidedIn = b + 1;
        }
        reasons.add(d.reason());
      }
      if (active != null) {
        out.add(active);
      } else if (undecided != null) {
        out.add(new Decision(undecided.profile(), State.UNDECIDED, "in build " + undecidedIn + " of maven_build: " + undecided.reason()));
      } else {
        out.add(new Decision(profiles.get(i), State.INACTIVE, "in every build of maven_build: " + String.join("; ", reasons)));
      }
    }
    return out;
  }

  private static boolean hasConditions(Activation p) {
    return p.jdk() != null || p.os() != null || p.propertyName() != null || p.fileExists() != null || p.fileMissing() != null;
  }

  /** All conditions together, as Maven 3.2.2+ requires: one off makes the profile off, one undecided leaves it open. */
  private static Decision conditions(Activation p, Build build, Place place) {
    if (!hasConditions(p)) {
      return new Decision(p, State.INACTIVE, "no activation");
    }
    List<Decision> parts = new ArrayList<>();
    if (p.jdk() != null) {
      parts.add(jdk(p, build.jdkFloor(), build.machine().jdk()));
    }
    if (p.os() != null) {
      parts.add(os(p, build.machine().os()));
    }
    if (p.propertyName() != null) {
      parts.add(property(p, build));
    }
    if (p.fileExists() != null || p.fileMissing() != null) {
      parts.add(file(p, build, place));
    }
    for (Decision d : parts) {
      if (d.state() == State.INACTIVE) {
        return d;
      }
    }
    for (Decision d : parts) {
      if (d.state() == State.UNDECIDED) {
        return d;
      }
    }
    return new Decision(p, State.ACTIVE, "");
  }

  /**
   * {@code <jdk>}: a prefix of {@code java.version} ({@code 1.8}, {@code 17}) or one range ({@code [17,)},
   * {@code [1.8,11)}), optionally negated with {@code !}; the build JDK is any from {@code floor} upwards.
   */
  static Decision jdk(Activation p, int floor) {
    return jdk(p, floor, null);
  }

  /**
   * As {@link #jdk(Activation, int)}, on the {@code java.version} the policy states when {@code stated} is not null. A
   * stated version with fewer than three numbers ("17", "21.0") stands for every update of it: a condition that holds
   * for some of them only is undecided.
   */
  static Decision jdk(Activation p, int floor, String stated) {
    String spec = p.jdk().strip();
    if (spec.length() > MAX_JDK_SPEC) {
      return new Decision(p, State.UNDECIDED, "<jdk> of " + spec.length() + " characters is not a JDK version or range");
    }
    boolean negated = spec.startsWith("!");
    String s = negated ? spec.substring(1).strip() : spec;
    int[] numbers = stated == null ? null : jdkNumbers(stated);
    State matches;
    if (stated != null && numbers == null) {
      matches = null;
    } else if (s.startsWith("[") || s.startsWith("(")) {
      Range range = Range.parse(s);
      matches = range == null ? null : numbers == null ? jdkRange(range, floor) : statedRange(range, numbers);
    } else if (s.isEmpty() || !NUMBERS.matcher(s).matches()) {
      matches = null;
    } else {
      matches = numbers == null ? jdkPrefix(s, floor) : statedPrefix(s, stated, numbers);
    }
    if (matches == null) {
      return new Decision(p, State.UNDECIDED, "<jdk>" + spec + "</jdk> is not a JDK version or range");
    }
    State state = !negated ? matches : matches == State.ACTIVE ? State.INACTIVE : matches == State.INACTIVE ? State.ACTIVE : State.UNDECIDED;
    String known = stated == null ? "the scan knows only that it is " + floor + " or later" : "the policy states JDK " + stated + " but not which update";
    String reason = state == State.UNDECIDED
        ? "activated by the build JDK (<jdk>" + spec + "</jdk>); " + known
        : state == State.INACTIVE ? "<jdk>" + spec + "</jdk> " + (stated == null ? "cannot hold on a JDK " + floor + " or later"
            : "does not hold on JDK " + stated + ", the build JDK the policy states") : "";
    return new Decision(p, state, reason);
  }

  /** One Maven version range, its bounds as JDK numbers (null when open). */
  private record Range(String open, int[] lower, int[] upper, String close) {

    static Range parse(String text) {
      Matcher m = RANGE.matcher(text);
      if (!m.matches()) {
        return null;
      }
      int[] lower = m.group(2).isEmpty() ? null : jdkNumbers(m.group(2));
      int[] upper = m.group(3).isEmpty() ? null : jdkNumbers(m.group(3));
      if ((!m.group(2).isEmpty() && lower == null) || (!m.group(3).isEmpty() && upper == null)) {
        return null;
      }
      return new Range(m.group(1), lower, upper, m.group(4));
    }

    /** Maven's rule: each number compared, the shorter version padded with zeros. */
    boolean contains(int[] v) {
      if (lower != null) {
        int c = compare(v, lower);
        if (c < 0 || (c == 0 && open.equals("("))) {
          return false;
        }
      }
      if (upper != null) {
        int c = compare(v, upper);
        return c < 0 || (c == 0 && close.equals("]"));
      }
      return true;
    }
  }

  /** Whether the stated JDK is in the range: for a version without its update number, whether every update is. */
  private static State statedRange(Range range, int[] stated) {
    boolean first = range.contains(stated);
    if (stated.length >= 3) {
      return first ? State.ACTIVE : State.INACTIVE;
    }
    int[] newest = java.util.Arrays.copyOf(stated, stated.length + 1);
    newest[stated.length] = Integer.MAX_VALUE;
    return first != range.contains(newest) ? State.UNDECIDED : first ? State.ACTIVE : State.INACTIVE;
  }

  /** Whether the stated {@code java.version} ("1.8.0_392" up to Java 8, "17.0.9" after) starts with the prefix. */
  private static State statedPrefix(String prefix, String stated, int[] numbers) {
    String version = numbers[0] <= 8 && !stated.startsWith("1.") ? "1." + stated : stated;
    if (version.startsWith(prefix)) {
      return State.ACTIVE;
    }
    // A prefix longer than a stated version without its update ("17.0.2" for "17") names updates it does not tell apart.
    boolean finer = numbers.length < 3 && prefix.length() > version.length() && prefix.startsWith(version)
        && !Character.isDigit(prefix.charAt(version.length()));
    return finer ? State.UNDECIDED : State.INACTIVE;
  }

  /**
   * {@code <os>} against the OS the policy states: every part of the condition must hold (Maven's
   * {@code OperatingSystemProfileActivator}); a part the policy does not state is undecided, an empty {@code <os/>} off.
   */
  static Decision os(Activation p, Os machine) {
    Os want = p.os();
    if (want.isEmpty()) {
      return new Decision(p, State.INACTIVE, "<os> states no condition (Maven leaves the profile off)");
    }
    if (machine.isEmpty()) {
      return new Decision(p, State.UNDECIDED, "activated by the build machine's OS (" + want + "), which the scan cannot know");
    }
    List<String> unknown = new ArrayList<>();
    String[][] parts = {{"family", want.family()}, {"name", want.name()}, {"arch", want.arch()}, {"version", want.version()}};
    for (String[] part : parts) {
      if (part[1].isEmpty()) {
        continue;
      }
      boolean negated = part[1].startsWith("!");
      String value = (negated ? part[1].substring(1) : part[1]).toLowerCase(Locale.ENGLISH);
      Boolean holds = switch (part[0]) {
        case "family" -> family(value, machine);
        case "name" -> machine.name().isEmpty() ? null : machine.name().toLowerCase(Locale.ENGLISH).equals(value);
        case "arch" -> machine.arch().isEmpty() ? null : machine.arch().toLowerCase(Locale.ENGLISH).equals(value);
        default -> machine.version().isEmpty() ? null : machine.version().toLowerCase(Locale.ENGLISH).equals(value);
      };
      if (holds == null) {
        unknown.add(part[0]);
      } else if (holds == negated) {
        return new Decision(p, State.INACTIVE, "<os> " + want + " does not hold on the build machine the policy states (" + machine + ")");
      }
    }
    if (!unknown.isEmpty()) {
      return new Decision(p, State.UNDECIDED, "activated by the build machine's OS (" + want + "), whose " + String.join(", ", unknown)
          + " the policy's maven_build does not state");
    }
    return new Decision(p, State.ACTIVE, "");
  }

  /**
   * Whether the stated machine is of an OS family, as plexus-utils' {@code Os.isFamily} (Maven 3.9) decides it from
   * {@code os.name} and the path separator (";" on Windows, OS/2 and NetWare); with only a family stated, the same
   * family holds, Windows and Unix-likes exclude each other, and anything else is unknown (null).
   */
  static Boolean family(String family, Os machine) {
    if (machine.name().isEmpty()) {
      String stated = machine.family().toLowerCase(Locale.ENGLISH);
      if (stated.isEmpty()) {
        return null;
      }
      if (stated.equals(family) || (stated.equals("mac") && family.equals("unix")) || (stated.equals("windows") && family.equals("dos"))) {
        return true;
      }
      boolean windowsStated = stated.equals("windows") || stated.equals("winnt") || stated.equals("win9x");
      boolean windowsAsked = family.equals("windows") || family.equals("winnt") || family.equals("win9x") || family.equals("dos");
      boolean unixStated = stated.equals("unix") || stated.equals("mac");
      boolean unixAsked = family.equals("unix") || family.equals("mac");
      return (windowsStated && unixAsked) || (unixStated && windowsAsked) ? false : null;
    }
    return isFamily(family, machine.name().toLowerCase(Locale.ENGLISH));
  }

  /** plexus-utils {@code Os.isFamily} for a machine whose {@code os.name} (lower case) is {@code name}. */
  public static boolean isFamily(String family, String name) {
    boolean semicolon = name.contains("windows") || name.contains("os/2") || name.contains("netware");
    return switch (family) {
      case "windows" -> name.contains("windows");
      case "os/2" -> name.contains("os/2");
      case "netware" -> name.contains("netware");
      case "dos" -> semicolon && !isFamily("netware", name);
      case "mac" -> name.contains("mac");
      case "tandem" -> name.contains("nonstop_kernel");
      case "unix" -> !semicolon && !isFamily("openvms", name) && (!isFamily("mac", name) || name.endsWith("x"));
      case "win9x" -> isFamily("windows", name) && (name.contains("95") || name.contains("98") || name.contains("me") || name.contains("ce"));
      case "winnt" -> isFamily("windows", name) && !isFamily("win9x", name);
      case "z/os" -> name.contains("z/os") || name.contains("os/390");
      case "os/400" -> name.contains("os/400");
      case "openvms" -> name.contains("openvms");
      default -> name.contains(family);
    };
  }

  /** Whether every ({@code ACTIVE}), no ({@code INACTIVE}) or some JDK from {@code floor} up starts with the prefix. */
  private static State jdkPrefix(String prefix, int floor) {
    for (int f = floor; f <= HIGHEST_FEATURE; f++) {
      for (String v : javaVersions(f)) {
        boolean longer = prefix.startsWith(v) && prefix.length() > v.length() && !Character.isDigit(prefix.charAt(v.length()));
        if (v.startsWith(prefix) || longer) {
          return State.UNDECIDED; // some JDK matches, and a newer one never does
        }
      }
    }
    return State.INACTIVE;
  }

  /** How {@code java.version} reads for a feature release: "1.8.0_392" up to 8, "17", "17.0.9" after. */
  private static List<String> javaVersions(int feature) {
    return feature <= 8 ? List.of("1." + feature + ".0") : List.of(Integer.toString(feature));
  }

  private static State jdkRange(Range range, int floor) {
    int[] first = {floor};
    if (range.upper() != null) {
      int c = compare(first, range.upper());
      if (c > 0 || (c == 0 && range.close().equals(")"))) {
        return State.INACTIVE; // every possible JDK is above the range
      }
      return State.UNDECIDED; // newer JDKs leave it
    }
    if (range.lower() == null) {
      return State.ACTIVE;
    }
    int c = compare(first, range.lower());
    return c > 0 || (c == 0 && range.open().equals("[")) ? State.ACTIVE : State.UNDECIDED;
  }

  /** "1.8" and "8" alike: Java's old numbering folded into feature releases, as range bounds use both. */
  private static int[] jdkNumbers(String v) {
    String s = v.strip();
    if (!NUMBERS.matcher(s).matches() || s.length() > 32) {
      return null;
    }
    String[] parts = s.split("[._-]");
    int start = parts.length > 1 && parts[0].equals("1") ? 1 : 0;
    int[] out = new int[parts.length - start];
    for (int i = start; i < parts.length; i++) {
      try {
        out[i - start] = Integer.parseInt(parts[i]);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return out;
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      int x = i < a.length ? a[i] : 0;
      int y = i < b.length ? b[i] : 0;
      if (x != y) {
        return Integer.compare(x, y);
      }
    }
    return 0;
  }

  private static Decision property(Activation p, Build build) {
    String raw = p.propertyName().strip();
    boolean negatedName = raw.startsWith("!");
    String name = negatedName ? raw.substring(1) : raw;
    String described = "<property>" + raw + (p.propertyValue() == null ? "" : "=" + p.propertyValue()) + "</property>";
    if (name.isEmpty()) {
      return new Decision(p, State.INACTIVE, described + " names no property (Maven reports it and leaves the profile off)");
    }
    String value = build.properties().get(name);
    if (value == null && MACHINE_PROPERTY.matcher(name).matches()) {
      return new Decision(p, State.UNDECIDED, "activated by " + described + ", a property of the machine that runs Maven");
    }
    boolean on;
    if (negatedName) {
      on = value == null;
    } else if (p.propertyValue() == null || p.propertyValue().isEmpty()) {
      on = value != null;
    } else {
      String want = p.propertyValue().strip();
      boolean negatedValue = want.startsWith("!");
      boolean equal = (negatedValue ? want.substring(1) : want).equals(value);
      on = negatedValue != equal;
    }
    return new Decision(p, on ? State.ACTIVE : State.INACTIVE, on ? "" : described + " does not hold in a plain build of the repository");
  }

  private static Decision file(Activation p, Build build, Place place) {
    boolean missing = p.fileExists() == null;
    String raw = (missing ? p.fileMissing() : p.fileExists()).strip();
    String described = "<" + (missing ? "missing" : "exists") + ">" + raw + "</" + (missing ? "missing" : "exists") + ">";
    // ${basedir} becomes "", so the path is relative to the POM's directory; -D properties are expanded as Maven does.
    Matcher m = PROPERTY.matcher(raw);
    StringBuilder sb = new StringBuilder();
    boolean basedir = false;
    while (m.find()) {
      String key = m.group(1);
      String value = key.equals("basedir") || key.equals("project.basedir") ? "" : build.properties().get(key);
      if (value == null) {
        return new Decision(p, State.UNDECIDED, "activated by " + described + ", whose ${" + key + "} the scan cannot expand");
      }
      basedir |= value.isEmpty();
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    String path = sb.toString().replace('\\', '/');
    if (basedir) {
      path = path.replaceFirst("^/+", "");
    }
    if (place.directory() == null) {
      // A POM of the local repository: Maven has no directory to resolve a relative path against and leaves the
      // profile off, for <missing> too.
      if (basedir || !(path.startsWith("/") || path.matches("[A-Za-z]:/.*"))) {
        return new Decision(p, State.INACTIVE, described + " is relative, and a POM of the local repository has no directory");
      }
      return new Decision(p, State.UNDECIDED, "activated by " + described + " on the build machine, outside the scanned tree");
    }
    String target = path.startsWith("/") || path.matches("[A-Za-z]:/.*") ? null : ExtractContext.resolve(place.directory(), path);
    if (target == null) {
      return new Decision(p, State.UNDECIDED, "activated by " + described + ", a path outside the scanned tree");
    }
    if (("/" + target + "/").contains("/target/")) {
      return new Decision(p, State.UNDECIDED, "activated by " + described + ", inside the build's output, which the build creates");
    }
    Optional<Boolean> exists = target.isEmpty() ? Optional.of(true) : place.exists().apply(target);
    if (exists.isEmpty()) {
      return new Decision(p, State.UNDECIDED, "activated by " + described
          + ", which the scan cannot look up (no tree on disk, or a link leading out of it)");
    }
    return inactiveOr(p, missing, exists.get(), described);
  }

  private static Decision inactiveOr(Activation p, boolean missing, boolean exists, String described) {
    boolean on = missing != exists;
    return new Decision(p, on ? State.ACTIVE : State.INACTIVE, on ? "" : described + " does not hold in the scanned tree");
  }
}
