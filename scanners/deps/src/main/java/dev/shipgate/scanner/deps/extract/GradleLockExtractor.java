package dev.shipgate.scanner.deps.extract;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import dev.shipgate.scanner.deps.Package.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gradle dependency locking: {@code gradle.lockfile} (and {@code buildscript-gradle.lockfile},
 * {@code settings-gradle.lockfile}) with {@code group:artifact:version=configurations} lines, and the older
 * per-configuration {@code gradle/dependency-locks/<configuration>.lockfile} of Gradle 4.8 to 6 (the files of one
 * directory together are what one {@code gradle.lockfile} says). Scope comes from the configurations that lock a
 * package ({@link #scope}); the file does not say which are direct. Hashes come from {@code gradle/verification-metadata.xml}
 * when the project verifies dependencies.
 */
public final class GradleLockExtractor implements Extractor {

  @Override
  public String name() {
    return "maven/gradle-lockfile";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public boolean accepts(String path) {
    String n = Extractor.fileName(path);
    return n.endsWith("gradle.lockfile") || (path.contains("gradle/dependency-locks/") && n.endsWith(".lockfile"));
  }

  /**
   * Hashes from Gradle's dependency verification file ({@code gradle/verification-metadata.xml} next to the
   * lockfile's project), keyed by {@code group:name:version}; the strongest algorithm of the first artifact.
   */
  private static Map<String, String> verification(String lockfile, ExtractContext context) {
    Map<String, String> hashes = new HashMap<>();
    String dir = Extractor.directory(lockfile);
    if (dir.endsWith("gradle/dependency-locks/")) {
      dir = dir.substring(0, dir.length() - "gradle/dependency-locks/".length());
    }
    Optional<SourceFile> f = context.find(dir + "gradle/verification-metadata.xml");
    if (f.isEmpty()) {
      return hashes;
    }
    Xml.Element root;
    try {
      root = Xml.parse(Extractor.text(f.get()));
    } catch (ExtractException e) {
      context.note(f.get().path(), e.line(), "verification metadata unreadable: " + e.getMessage());
      return hashes;
    }
    for (Xml.Element component : root.list("components", "component")) {
      String key = component.attribute("group") + ":" + component.attribute("name") + ":" + component.attribute("version");
      for (Xml.Element artifact : component.all("artifact")) {
        for (String algorithm : new String[] {"sha512", "sha256", "sha1"}) {
          Xml.Element h = artifact.child(algorithm);
          if (h != null && !h.attribute("value").isEmpty()) {
            hashes.putIfAbsent(key, algorithm + ":" + h.attribute("value"));
            break;
          }
        }
      }
    }
    return hashes;
  }

  @Override
  public List<Package> extract(SourceFile file, ExtractContext context) throws ExtractException {
    Map<String, String> verified = verification(file.path(), context);
    boolean perConfiguration = !Extractor.fileName(file.path()).endsWith("gradle.lockfile");
    String[] lines = Extractor.text(file).split("\r?\n", -1);
    Set<String> locked = new HashSet<>();
    // Per-configuration files: which configurations lock each coordinate, read from every lockfile of the directory.
    Map<String, Set<String>> lockedBy = new HashMap<>();
    if (perConfiguration) {
      Map<String, SourceFile> siblings = new java.util.TreeMap<>();
      for (SourceFile f : context.inDirectory(Extractor.directory(file.path()))) {
        siblings.put(f.path(), f);
      }
      siblings.put(file.path(), file);
      for (SourceFile f : siblings.values()) {
        if (accepts(f.path()) && !Extractor.fileName(f.path()).endsWith("gradle.lockfile")) {
          String configuration = configurationOf(f.path());
          locked.add(configuration);
          for (String c : coordinates(f == file ? lines : Extractor.text(f).split("\r?\n", -1))) {
            lockedBy.computeIfAbsent(c, k -> new TreeSet<>()).add(configuration);
          }
        }
      }
    } else {
      locked = lockedConfigurations(lines);
    }
    List<Package> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String coordinates = eq >= 0 ? line.substring(0, eq) : line;
      String configurations = eq >= 0 ? line.substring(eq + 1) : String.join(",", lockedBy.getOrDefault(coordinates, Set.of()));
      if (coordinates.equals("empty")) {
        continue; // "empty=config1,config2": configurations that resolve nothing
      }
      String[] parts = coordinates.split(":");
      if (parts.length < 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
        throw new ExtractException(i + 1, "expected group:artifact:version but found: " + YarnLockExtractor.abbreviate(line));
      }
      out.add(Package.builder(Ecosystem.MAVEN, parts[0] + ":" + parts[1], file.path())
          .locked(parts[2])
          .scope(scope(configurations, locked))
          .line(i + 1)
          .integrity(verified.getOrDefault(coordinates, ""))
          .build());
    }
    return out;
  }

  /** {@code compileClasspath} of {@code gradle/dependency-locks/compileClasspath.lockfile}. */
  private static String configurationOf(String path) {
    return Extractor.fileName(path).replaceFirst("\\.lockfile$", "");
  }

  /** The {@code group:artifact:version} of each line of a per-configuration lockfile (malformed lines are its own error). */
  private static List<String> coordinates(String[] lines) {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      String line = l.strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        int eq = line.indexOf('=');
        out.add(eq >= 0 ? line.substring(0, eq) : line);
      }
    }
    return out;
  }

  /** Every configuration a {@code gradle.lockfile} locks, those of {@code empty=} included. */
  private static Set<String> lockedConfigurations(String[] lines) {
    Set<String> out = new HashSet<>();
    for (String line : lines) {
      int eq = line.indexOf('=');
      if (eq >= 0 && !line.strip().startsWith("#")) {
        for (String c : line.substring(eq + 1).split(",")) {
          out.add(c.strip());
        }
      }
    }
    return out;
  }

  /**
   * Test when only test configurations lock the package. When the file also locks a runtime classpath (so a package
   * missing from it is really not there): provided when only compile classpaths and annotation processors lock it
   * (Gradle's {@code compileOnly}: needed to compile, never shipped); dev when only Spring Boot's {@code developmentOnly}
   * does, or, where the file locks {@code productionRuntimeClasspath} (what {@code bootJar} packages), it is on
   * {@code runtimeClasspath} but not there (devtools, {@code testAndDevelopmentOnly}). Anything else (a runtime
   * classpath, a buildscript's {@code classpath}, a custom configuration) is runtime.
   */
  static Scope scope(String configurations, Set<String> locked) {
    boolean boot = locked.contains("productionRuntimeClasspath");
    boolean compileOnly = false;
    boolean development = false;
    boolean runtime = false;
    boolean any = false;
    for (String c : configurations.split(",")) {
      String name = c.strip();
      if (name.isEmpty() || isTest(name)) {
        continue;
      }
      any = true;
      if (name.equals("compileClasspath") || name.endsWith("CompileClasspath") || name.equals("annotationProcessor")
          || name.endsWith("AnnotationProcessor") || name.startsWith("kapt")) {
        compileOnly = true;
      } else if (name.equals("developmentOnly") || (boot && name.equals("runtimeClasspath"))) {
        development = true;
      } else {
        runtime = true;
      }
    }
    if (!any) {
      return configurations.isBlank() ? Scope.RUNTIME : Scope.TEST;
    }
    boolean locksRuntime = locked.stream().anyMatch(c -> (c.equals("runtimeClasspath") || c.endsWith("RuntimeClasspath")) && !isTest(c));
    if (runtime || !locksRuntime) {
      return Scope.RUNTIME;
    }
    return compileOnly ? Scope.PROVIDED : Scope.DEV;
  }

  /** {@code test*}, {@code integrationTest*}, {@code testFixtures*}, Spring Boot's {@code testAndDevelopmentOnly}. */
  private static boolean isTest(String configuration) {
    return configuration.startsWith("test") || configuration.contains("Test");
  }
}
