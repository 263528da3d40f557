package dev.shipgate.sbom;

import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.policy.Glob;
import dev.shipgate.core.policy.Policy;
import dev.shipgate.core.walk.FileWalker;
import dev.shipgate.scanner.deps.Inventory;
import dev.shipgate.scanner.deps.extract.Extractors;
import dev.shipgate.scanner.deps.extract.LocalLicenses;
import dev.shipgate.scanner.deps.extract.MavenProfiles;
import dev.shipgate.scanner.deps.extract.MavenTransitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads every manifest and lockfile below a directory into components. A file the SBOM would need but could not
 * read (malformed, unreadable, a symlink, too large) is a problem: the caller must not publish a document that
 * silently lacks it.
 */
public final class ProjectInventory {

  /** A file that keeps the document from being complete. */
  public record Problem(String path, int line, String message) {
    @Override
    public String toString() {
      return path + (line > 0 ? ":" + line : "") + ": " + message;
    }
  }

  /**
   * The components, and what keeps them from being the whole truth.
   *
   * @param notes coverage remarks that do not make the document wrong (a {@code pom.xml} gives direct dependencies
   *     only), as {@code path: message}
   * @param manifests how many files an extractor read
   */
  public record Result(List<SbomComponent> components, List<Problem> problems, List<String> notes, int manifests) {}

  private ProjectInventory() {}

  /**
   * Walks {@code dir} and reads every manifest and lockfile an extractor claims.
   *
   * @param excludes files to leave out, relative to {@code dir} as the policy's {@code paths.exclude} globs are to
   *     the policy's directory (test fixtures and vendored samples are not part of what ships)
   * @param mavenRepository a local Maven repository for POM licences, parents, BOMs and transitive dependencies, as
   *     the deps family reads it; null for direct dependencies only
   * @param mavenBuild the Maven build the policy states ({@code scanners.deps.maven_build}), which chooses profiles as
   *     in {@code scan}
   */
  public static Result collect(Path dir, List<Glob> excludes, Path mavenRepository, MavenProfiles.Build mavenBuild) throws IOException {
    Path root = dir.toAbsolutePath().normalize();
    Path gitTop = gitTop(root);
    String prefix = gitTop == null || gitTop.equals(root) ? "" : gitTop.relativize(root).toString().replace('\\', '/');
    // No size limit of the walk's own: Inventory refuses oversized lockfiles itself, with a message that says so,
    // instead of the walk skipping them.
    Policy d = Policy.defaults();
    Policy policy = new Policy(d.source(), d.digest(), d.version(), d.failOn(), d.report(), d.families(), d.disabledFamilies(),
        d.ruleOverrides(), List.of(), List.copyOf(excludes), prefix, Long.MAX_VALUE, d.scannerTimeout(), d.failOnErrors());
    FileWalker.Result walked = new FileWalker(root, gitTop, policy).walk();
    List<Problem> problems = new ArrayList<>();
    for (Coverage.Skipped s : walked.skipped()) {
      // An unreadable directory may hold lockfiles: the document cannot claim to be complete either.
      if (s.path().endsWith("/") || Extractors.forPath(s.path()) != null) {
        problems.add(new Problem(s.path(), 0, s.reason()));
      }
    }
    // Paths are relative to the git top level, so includes and parent POMs are looked up from there.
    Path base = gitTop != null ? gitTop : root;
    // Maven's resolver takes a moment to assemble: only when there is a POM to resolve.
    boolean poms = walked.files().stream().anyMatch(f -> f.path().equals("pom.xml") || f.path().endsWith("/pom.xml"));
    Inventory.Result inventory = Inventory.of(walked.files(), base, LocalLicenses.of(mavenRepository, base),
        poms && mavenRepository != null ? MavenTransitive.of(mavenRepository) : null, mavenBuild);
    for (Inventory.Problem p : inventory.problems()) {
      problems.add(new Problem(p.path(), p.line(), p.message()));
    }
    problems.sort(Comparator.comparing(Problem::path).thenComparingInt(Problem::line).thenComparing(Problem::message));
    List<String> notes = new ArrayList<>();
    for (Inventory.Note n : inventory.notes()) {
      notes.add(n.path() + ": " + n.message());
    }
    notes.sort(null);
    return new Result(Components.of(inventory.packages()), problems, notes, inventory.extractors().size());
  }

  static Path gitTop(Path dir) {
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(".git"))) {
        return d;
      }
    }
    return null;
  }
}
