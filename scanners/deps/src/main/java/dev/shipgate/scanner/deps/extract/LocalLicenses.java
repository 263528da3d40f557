package dev.shipgate.scanner.deps.extract;

import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import dev.shipgate.scanner.deps.Package.Pin;
import dev.shipgate.scanner.deps.license.LicenseNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Licences of packages whose lockfile states none, from metadata already on the machine, read only: POMs in the
 * local Maven repository (following {@code <parent>} there, as Maven inherits {@code <licenses>}), and the
 * {@code METADATA} of packages installed in a virtualenv inside the repository ({@code .venv}, {@code venv},
 * {@code env}). Nothing is downloaded and no package manager runs. A licence name we cannot map to an SPDX
 * identifier becomes {@code LicenseRef-<name>}, so an allow list still sees it.
 */
public final class LocalLicenses {

  /** No local metadata: lockfile licences only. */
  public static final LocalLicenses NONE = new LocalLicenses(null, Map.of());

  static final int MAX_POM_BYTES = 2 * 1024 * 1024;
  static final int MAX_PARENTS = 8;
  private static final List<String> VENVS = List.of(".venv", "venv", "env");

  private final Path mavenRepository;
  /** PEP 503 name + NUL + version to the licence of the installed distribution. */
  private final Map<String, String> python;
  private final Map<String, Optional<String>> poms = new ConcurrentHashMap<>();

  private LocalLicenses(Path mavenRepository, Map<String, String> python) {
    this.mavenRepository = mavenRepository;
    this.python = python;
  }

  /** The user's local Maven repository, {@code ~/.m2/repository}. */
  public static Path defaultMavenRepository() {
    return Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  /**
   * @param mavenRepository a local Maven repository, or null for none
   * @param root the scanned directory whose virtualenvs are read, or null
   */
  public static LocalLicenses of(Path mavenRepository, Path root) {
    Map<String, String> python = new HashMap<>();
    if (root != null) {
      for (String venv : VENVS) {
        readVirtualenv(root.resolve(venv), python);
      }
    }
    boolean maven = mavenRepository != null && Files.isDirectory(mavenRepository);
    return new LocalLicenses(maven ? mavenRepository : null, Map.copyOf(python));
  }

  /** The packages, with a licence filled in where the lockfile had none and local metadata has one. */
  public List<Package> apply(List<Package> packages) {
    if (mavenRepository == null && python.isEmpty()) {
      return packages;
    }
    List<Package> out = new ArrayList<>(packages.size());
    for (Package p : packages) {
      Optional<String> found = p.license().isEmpty() && (p.pin() == Pin.LOCKED || p.pin() == Pin.PINNED) ? lookup(p) : Optional.empty();
      out.add(found.map(p::withLicense).orElse(p));
    }
    return out;
  }

  private Optional<String> lookup(Package p) {
    if (p.ecosystem() == Ecosystem.PYPI) {
      return Optional.ofNullable(python.get(RequirementsExtractor.normalise(p.name()) + "\u0000" + p.version()));
    }
    if (p.ecosystem() == Ecosystem.MAVEN && mavenRepository != null) {
      int colon = p.name().indexOf(':');
      return colon < 0 ? Optional.empty() : pom(p.name().substring(0, colon), p.name().substring(colon + 1), p.version(), 0);
    }
    return Optional.empty();
  }

  private Optional<String> pom(String group, String artifact, String version, int depth) {
    String key = group + ":" + artifact + ":" + version;
    Optional<String> cached = poms.get(key);
    if (cached != null) {
      return cached;
    }
    Optional<String> result = readPom(group, artifact, version, depth);
    poms.put(key, result);
    return result;
  }

  private Optional<String> readPom(String group, String artifact, String version, int depth) {
    if (depth > MAX_PARENTS || !safe(group) || !safe(artifact) || !safe(version)) {
      return Optional.empty();
    }
    Path file = mavenRepository.resolve(group.replace('.', '/')).resolve(artifact).resolve(version)
        .resolve(artifact + "-" + version + ".pom");
    Xml.Element project;
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_POM_BYTES) {
        return Optional.empty();
      }
      project = Xml.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | ExtractException e) {
      return Optional.empty(); // an unreadable POM tells us nothing; the package stays without a licence
    }
    List<String> terms = new ArrayList<>();
    for (Xml.Element l : project.list("licenses", "license")) {
      String name = l.childText("name");
      Optional<String> spdx = LicenseNames.spdx(name, l.childText("url"));
      if (spdx.isPresent()) {
        terms.add(spdx.get());
      } else if (!name.isEmpty()) {
        terms.add("LicenseRef-" + name.replaceAll("[^A-Za-z0-9.]+", "-").replaceAll("^-+|-+$", ""));
      }
    }
    if (!terms.isEmpty()) {
      // A POM listing several licences offers them as alternatives (dual licensing), as Maven's own reports read it.
      return Optional.of(terms.size() == 1 ? terms.get(0)
          : String.join(" OR ", terms.stream().map(t -> t.contains(" ") ? "(" + t + ")" : t).toList()));
    }
    Xml.Element parent = project.child("parent");
    if (parent == null) {
      return Optional.empty();
    }
    return pom(parent.childText("groupId"), parent.childText("artifactId"), parent.childText("version"), depth + 1);
  }

  /** Coordinates become path segments: nothing that could climb out of the repository. */
  private static boolean safe(String part) {
    return !part.isEmpty() && part.matches("[A-Za-z0-9_.-]+") && !part.contains("..");
  }

  private static void readVirtualenv(Path venv, Map<String, String> out) {
    for (Path sitePackages : sitePackages(venv)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(sitePackages, "*.dist-info")) {
        for (Path dist : entries) {
          Path metadata = dist.resolve("METADATA");
          if (Files.isRegularFile(metadata, LinkOption.NOFOLLOW_LINKS) && Files.size(metadata) < MAX_POM_BYTES) {
            PythonMetadata.read(Files.readString(metadata, StandardCharsets.UTF_8))
                .ifPresent(m -> out.put(RequirementsExtractor.normalise(m.name()) + "\u0000" + m.version(), m.license()));
          }
        }
      } catch (IOException | java.io.UncheckedIOException e) {
        // An unreadable virtualenv adds no licences.
      }
    }
  }

  private static List<Path> sitePackages(Path venv) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(venv, LinkOption.NOFOLLOW_LINKS)) {
      return out;
    }
    Path windows = venv.resolve("Lib").resolve("site-packages");
    if (Files.isDirectory(windows, LinkOption.NOFOLLOW_LINKS)) {
      out.add(windows);
    }
    try (DirectoryStream<Path> libs = Files.newDirectoryStream(venv.resolve("lib"), "python*")) {
      for (Path lib : libs) {
        Path sp = lib.resolve("site-packages");
        if (Files.isDirectory(sp, LinkOption.NOFOLLOW_LINKS)) {
          out.add(sp);
        }
      }
    } catch (IOException e) {
      // no lib/ directory: not a POSIX virtualenv
    }
    return out;
  }
}
