package dev.shipgate.scanner.deps.extract;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import dev.shipgate.scanner.deps.Package.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradle dependency locking: {@code gradle.lockfile} (and {@code buildscript-gradle.lockfile},
 * {@code settings-gradle.lockfile}) with {@code group:artifact:version=configurations} lines, and the older
 * per-configuration {@code gradle/dependency-locks/*.lockfile}. Packages used only by test configurations are
 * test scope; the file does not say which are direct.
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

  @Override
  public List<Package> extract(SourceFile file, ExtractContext context) throws ExtractException {
    boolean perConfiguration = !Extractor.fileName(file.path()).endsWith("gradle.lockfile");
    String configuration = perConfiguration ? Extractor.fileName(file.path()).replaceFirst("\\.lockfile$", "") : "";
    String[] lines = Extractor.text(file).split("\r?\n", -1);
    List<Package> out = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String coordinates = eq >= 0 ? line.substring(0, eq) : line;
      String configurations = eq >= 0 ? line.substring(eq + 1) : configuration;
      if (coordinates.equals("empty")) {
        continue; // "empty=config1,config2": configurations that resolve nothing
      }
      String[] parts = coordinates.split(":");
      if (parts.length < 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
        throw new ExtractException(i + 1, "expected group:artifact:version but found: " + YarnLockExtractor.abbreviate(line));
      }
      out.add(Package.builder(Ecosystem.MAVEN, parts[0] + ":" + parts[1], file.path())
          .locked(parts[2])
          .scope(testOnly(configurations) ? Scope.TEST : Scope.RUNTIME)
          .line(i + 1)
          .build());
    }
    return out;
  }

  private static boolean testOnly(String configurations) {
    if (configurations.isBlank()) {
      return false;
    }
    for (String c : configurations.split(",")) {
      String name = c.strip();
      if (!name.startsWith("test") && !name.contains("Test")) {
        return false;
      }
    }
    return true;
  }
}
