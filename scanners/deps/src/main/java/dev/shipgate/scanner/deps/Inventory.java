package dev.shipgate.scanner.deps;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.extract.ExtractContext;
import dev.shipgate.scanner.deps.extract.ExtractException;
import dev.shipgate.scanner.deps.extract.Extractor;
import dev.shipgate.scanner.deps.extract.Extractors;
import dev.shipgate.scanner.deps.extract.LocalLicenses;
import dev.shipgate.scanner.deps.extract.MavenProfiles;
import dev.shipgate.scanner.deps.extract.MavenTransitive;
import dev.shipgate.scanner.deps.extract.PomExtractor;
import dev.shipgate.scanner.deps.version.HostileVersions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every package of a set of files: each file goes to the extractor that claims it; includes and parents are
 * looked up among the files, then on disk below the root. Usable on its own (SBOM, change review).
 */
public final class Inventory {

  /** Lockfiles beyond this size are refused with an error rather than parsed. */
  static final long MAX_BYTES = 128L * 1024 * 1024;

  /** A package list per manifest, plus what could not be read. */
  public record Result(List<Package> packages, Map<String, Extractor> extractors, List<Problem> problems, List<Note> notes) {}

  /** A file that failed to parse: fails the gate closed. */
  public record Problem(String path, int line, String message) {}

  /** Something not followed or not covered, with the file it concerns. */
  public record Note(String path, String message) {}

  private Inventory() {}

  /**
   * @param root the scanned directory, for includes and parent POMs that are not among {@code files}; null
   *     to look only among {@code files}
   */
  public static Result of(List<SourceFile> files, Path root) {
    return of(files, root, LocalLicenses.NONE);
  }

  /**
   * As {@link #of(List, Path)}, with licences the lockfiles do not state taken from local metadata
   * ({@code LocalLicenses.of(LocalLicenses.defaultMavenRepository(), root)}: POMs in ~/.m2, virtualenvs in the root).
   */
  public static Result of(List<SourceFile> files, Path root, LocalLicenses licences) {
    return of(files, root, licences, null);
  }

  /**
   * As {@link #of(List, Path, LocalLicenses)}, plus the transitive dependencies of every {@code pom.xml} collected from
   * a local Maven repository ({@code MavenTransitive.of(LocalLicenses.defaultMavenRepository())}); null for direct
   * dependencies only.
   */
  public static Result of(List<SourceFile> files, Path root, LocalLicenses licences, MavenTransitive maven) {
    return of(files, root, licences, maven, MavenProfiles.Build.PLAIN);
  }

  /**
   * As {@link #of(List, Path, LocalLicenses, MavenTransitive)}, with Maven profiles chosen for the build the policy
   * states ({@code scanners.deps.maven_build}, read by {@code policy.MavenBuild}) over each POM's {@code .mvn}
   * configuration.
   */
  public static Result of(List<SourceFile> files, Path root, LocalLicenses licences, MavenTransitive maven, MavenProfiles.Build stated) {
    Map<String, SourceFile> byPath = new HashMap<>();
    for (SourceFile f : files) {
      byPath.put(f.path(), f);
    }
    // Files are independent: extract them in parallel, then merge in input order so results are deterministic.
    List<FileResult> results = files.parallelStream().map(f -> extractOne(f, byPath, root, maven, stated)).toList();
    List<Package> packages = new ArrayList<>();
    Map<String, Extractor> used = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    // POMs are resolved independently (the resolver and its caches are thread-safe): in parallel, merged in order.
    Map<FileResult, MavenTransitive.Result> resolved = new java.util.concurrent.ConcurrentHashMap<>();
    if (maven != null) {
      // Dependencies' POMs are built by the JDK that builds the scanned projects: at least the lowest they need.
      int floor = results.stream().filter(r -> r != null && r.pom != null).mapToInt(r -> r.pom.jdkFloor()).min().orElse(0);
      maven.scannedTree(root, MavenProfiles.Build.of("", p -> byPath.containsKey(p) ? Optional.of(byPath.get(p)) : onDisk(root, p))
          .withJdkFloor(floor).overriddenBy(stated), p -> exists(byPath, root, p));
      if (root != null) {
        for (FileResult r : results) {
          if (r != null && r.pom != null && !r.pom.coordinates().isEmpty()) {
            maven.addReactorPom(r.pom.coordinates(), root.resolve(r.path));
          }
        }
      }
      results.parallelStream().filter(r -> r != null && r.pom != null)
          .forEach(r -> resolved.put(r, maven.resolve(r.path, r.pom)));
    }
    for (FileResult r : results) {
      if (r == null) {
        continue;
      }
      used.put(r.path, r.extractor);
      problems.addAll(r.problems);
      if (resolved.containsKey(r)) {
        transitive(r, resolved.get(r), packages, notes, problems);
      } else {
        packages.addAll(r.packages);
        notes.addAll(r.notes);
      }
    }
    return new Result(licences.apply(dedupe(packages)), used, problems, notes);
  }

  /**
   * Adds a POM's direct and transitive packages with the edges Maven resolved between them; its "direct dependencies
   * only" note stays only while POMs are missing.
   */
  private static void transitive(FileResult r, MavenTransitive.Result t, List<Package> packages, List<Note> notes, List<Problem> problems) {
    List<Package> all = new ArrayList<>(r.packages);
    for (Package p : t.packages()) {
      Optional<String> refused = HostileVersions.refusal(p.version());
      if (refused.isPresent()) {
        problems.add(new Problem(r.path, p.line(), "maven/pom: " + p.name() + ", a transitive dependency from the local Maven repository: "
            + refused.get()));
      } else {
        all.add(p);
      }
    }
    Map<String, String> purls = new HashMap<>();
    for (Package p : all) {
      if (p.pin() == Package.Pin.PINNED && !p.purl().isEmpty()) {
        purls.putIfAbsent(p.name(), p.purl());
      }
    }
    for (Package p : all) {
      List<String> targets = t.edges().getOrDefault(p.name(), List.of()).stream().map(purls::get).filter(java.util.Objects::nonNull).toList();
      packages.add(targets.isEmpty() ? p : p.withDependencies(targets));
    }
    if (!t.undecidedProfiles().isEmpty()) {
      notes.add(new Note(r.path, "profiles of dependency POMs not inventoried, their activation undecided: "
          + String.join("; ", t.undecidedProfiles())));
    }
    for (Note n : r.notes) {
      if (!n.message().equals(r.extractor.coverageNote())) {
        notes.add(n);
      } else if (!t.missing().isEmpty()) {
        notes.add(new Note(r.path, "transitive dependencies incomplete: the local Maven repository has no POM for "
            + String.join(", ", t.missing().stream().limit(10).toList()) + (t.missing().size() > 10 ? " and "
            + (t.missing().size() - 10) + " more" : "") + ", so what they depend on is not known"));
      }
    }
  }

  /** {@code pom}: what a {@code pom.xml} declares for the transitive resolution (null for other files). */
  private record FileResult(String path, Extractor extractor, List<Package> packages, List<Problem> problems, List<Note> notes,
      PomExtractor.Declared pom) {}

  private static FileResult extractOne(SourceFile f, Map<String, SourceFile> byPath, Path root, MavenTransitive maven,
      MavenProfiles.Build stated) {
    Extractor extractor = Extractors.forPath(f.path());
    if (extractor == null) {
      return null;
    }
    List<Note> notes = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<Package> packages = List.of();
    ExtractContext context = new ExtractContext() {
      @Override
      public Optional<SourceFile> find(String path) {
        SourceFile other = byPath.get(path);
        return other != null ? Optional.of(other) : onDisk(root, path);
      }

      @Override
      public List<SourceFile> named(String fileName) {
        List<SourceFile> out = new ArrayList<>();
        for (SourceFile f : byPath.values()) {
          if (f.name().equals(fileName)) {
            out.add(f);
          }
        }
        out.sort(java.util.Comparator.comparing(SourceFile::path));
        return out;
      }

      @Override
      public List<SourceFile> inDirectory(String directory) {
        List<SourceFile> out = new ArrayList<>();
        for (SourceFile f : byPath.values()) {
          if (f.path().startsWith(directory) && f.path().indexOf('/', directory.length()) < 0) {
            out.add(f);
          }
        }
        out.sort(java.util.Comparator.comparing(SourceFile::path));
        return out;
      }

      @Override
      public Optional<SourceFile> repositoryPom(String groupId, String artifactId, String version) {
        return maven == null ? Optional.empty() : maven.pom(groupId, artifactId, version);
      }

      @Override
      public Optional<Boolean> exists(String path) {
        return Inventory.exists(byPath, root, path);
      }

      @Override
      public MavenProfiles.Build statedMavenBuild() {
        return stated;
      }

      @Override
      public void note(String path, int line, String message) {
        notes.add(new Note(path, (line > 0 ? "line " + line + ": " : "") + message));
      }
    };
    if (f.size() > MAX_BYTES) {
      problems.add(new Problem(f.path(), 0, "file is " + f.size() + " bytes; " + extractor.name() + " reads at most " + MAX_BYTES));
      return new FileResult(f.path(), extractor, packages, problems, notes, null);
    }
    PomExtractor.Declared pom = null;
    try {
      if (extractor instanceof PomExtractor pomExtractor) {
        pom = pomExtractor.read(f, context);
        packages = pom.packages();
      } else {
        packages = extractor.extract(f, context);
      }
      packages = withoutHostileVersions(f.path(), extractor, packages, problems);
      if (pom != null) {
        pom = new PomExtractor.Declared(packages, pom.managed(), pom.exclusions(), pom.coordinates(), pom.jdkFloor());
      }
      if (extractor.coverageNote() != null) {
        notes.add(new Note(f.path(), extractor.coverageNote()));
      }
    } catch (ExtractException e) {
      problems.add(new Problem(f.path(), e.line(), extractor.name() + ": " + e.getMessage()));
    } catch (UncheckedIOException e) {
      problems.add(new Problem(f.path(), 0, "unreadable: " + e.getMessage()));
    }
    return new FileResult(f.path(), extractor, packages, problems, notes, pom);
  }

  /** Packages whose version no registry publishes become positioned errors instead ({@link HostileVersions}). */
  private static List<Package> withoutHostileVersions(String path, Extractor extractor, List<Package> packages, List<Problem> problems) {
    List<Package> out = new ArrayList<>(packages.size());
    for (Package p : packages) {
      Optional<String> refused = HostileVersions.refusal(p.version());
      if (refused.isPresent()) {
        problems.add(new Problem(p.manifest().isEmpty() ? path : p.manifest(), p.line(), extractor.name() + ": " + p.name() + ": " + refused.get()));
      } else {
        out.add(p);
      }
    }
    return out.size() == packages.size() ? packages : List.copyOf(out);
  }

  /** A file included from two scanned files is extracted twice; keep the first of each declaration. */
  private static List<Package> dedupe(List<Package> packages) {
    Map<String, Package> seen = new LinkedHashMap<>();
    for (Package p : packages) {
      seen.putIfAbsent(p.manifest() + "\u0000" + p.line() + "\u0000" + p.ecosystem() + "\u0000" + p.name() + "\u0000" + p.version(), p);
    }
    return List.copyOf(seen.values());
  }

  private static Optional<Boolean> exists(Map<String, SourceFile> byPath, Path root, String path) {
    if (byPath.containsKey(path)) {
      return Optional.of(true);
    }
    return root == null ? Optional.empty() : existsOnDisk(root, path);
  }

  /**
   * Whether a file or directory is below the root; unknown (empty) when a symbolic link leads out of it, which is
   * never followed further.
   */
  private static Optional<Boolean> existsOnDisk(Path root, String path) {
    Path base = root.toAbsolutePath().normalize();
    Path p = base.resolve(path).normalize();
    if (!p.startsWith(base)) {
      return Optional.empty();
    }
    // The nearest existing ancestor (or the path itself) must really be inside: a linked directory may lead out.
    Path existing = p;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return Optional.empty();
    }
    try {
      if (!existing.toRealPath().startsWith(base.toRealPath())) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.of(false); // a link whose target is gone: Maven's File.exists says false too
    }
    return Optional.of(existing.equals(p));
  }

  private static Optional<SourceFile> onDisk(Path root, String path) {
    if (root == null) {
      return Optional.empty();
    }
    Path base = root.toAbsolutePath().normalize();
    Path p = base.resolve(path).normalize();
    try {
      // Includes must stay inside the repository, and symlinks must not lead out of it.
      if (!p.startsWith(base) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.size(p) > MAX_BYTES) {
        return Optional.empty();
      }
      return Optional.of(SourceFile.of(path, Files.readAllBytes(p)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
