package dev.shipgate.sbom;

import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.PolicyLoader;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.yaml.YamlException;
import dev.shipgate.core.yaml.YamlFile;
import dev.shipgate.scanner.deps.DepsScanner;
import dev.shipgate.scanner.deps.extract.MavenProfiles;
import dev.shipgate.scanner.deps.policy.MavenBuild;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the SBOM takes from the policy, read as {@code scan} reads it so that both see the same packages: the Maven
 * build CI runs ({@code scanners.deps.maven_build}, which decides the profiles) and the local Maven repository
 * ({@code scanners.deps.maven_repository}). Only {@code scanners.deps} is read; {@code scan} validates the rest.
 *
 * @param source how messages name the policy file, empty without one
 * @param mavenRepository {@code scanners.deps.maven_repository} as written ({@link DepsScanner#mavenRepository} resolves
 *     it), null when the policy does not set it
 */
public record SbomPolicy(String source, MavenProfiles.Build mavenBuild, String mavenRepository) {

  /** No policy: the plain build and the default repository, as {@code scan --no-config}. */
  public static final SbomPolicy NONE = new SbomPolicy("", MavenProfiles.Build.PLAIN, null);

  /**
   * The policy {@code scan} would use for {@code root}: {@code config} when given, else {@code shipgate.yml} found from
   * {@code root} upward to the git work tree's top (or the file system's root outside one).
   */
  public static SbomPolicy find(Path root, Path config) throws PolicyException {
    Path top = ProjectInventory.gitTop(root);
    Optional<Path> file = config != null ? Optional.of(config.toAbsolutePath().normalize()) : PolicyLoader.discover(root, top);
    if (file.isEmpty()) {
      return NONE;
    }
    Path f = file.get();
    String name = top != null && f.startsWith(top) ? top.relativize(f).toString().replace('\\', '/') : f.toString();
    String text;
    try {
      text = Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PolicyException(name, 0, 0, "cannot read policy: " + e.getMessage());
    }
    return parse(name, text);
  }

  static SbomPolicy parse(String name, String text) throws PolicyException {
    YamlFile yaml;
    try {
      yaml = YamlFile.parse(name, text);
    } catch (YamlException e) {
      throw new PolicyException(name, e.line(), e.column(), e.getMessage());
    }
    if (yaml.documents().isEmpty()) {
      return new SbomPolicy(name, MavenProfiles.Build.PLAIN, null);
    }
    Settings deps = Settings.of(name, yaml.documents().get(0), "the policy").section("scanners").section("deps");
    return new SbomPolicy(name, MavenBuild.from(deps), deps.string(DepsScanner.SETTING_MAVEN_REPOSITORY, null));
  }
}
