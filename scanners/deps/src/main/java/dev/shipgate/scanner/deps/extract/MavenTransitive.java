package dev.shipgate.scanner.deps.extract;

import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import dev.shipgate.scanner.deps.Package.Pin;
import dev.shipgate.scanner.deps.Package.Scope;
import dev.shipgate.scanner.deps.Package.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositoryCache;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.CollectResult;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.repository.SimpleArtifactDescriptorPolicy;

/**
 * Transitive dependencies of a {@code pom.xml}'s direct dependencies, collected by Maven's own resolver from the POMs
 * in a local repository: offline, with no remote repository at all (those named in POMs are ignored), so a scan never
 * downloads anything. Mediation (nearest wins), scopes, exclusions and the dependencies' own dependencyManagement are
 * Maven's. The project's dependencyManagement is not applied to transitive versions, and a POM missing from the local
 * repository ends that branch: the result says which were missing, and the file keeps its "direct dependencies only"
 * note, naming them.
 */
public final class MavenTransitive {

  /** The packages found below the direct ones, and the coordinates whose POM the local repository lacks. */
  public record Result(List<Package> packages, List<String> missing) {}

  private final Path localRepository;
  private final RepositorySystem system;
  private final DefaultRepositorySystemSession session;

  private MavenTransitive(Path localRepository) {
    this.localRepository = localRepository;
    this.system = new RepositorySystemSupplier().get();
    DefaultRepositorySystemSession s = MavenRepositorySystemUtils.newSession();
    s.setOffline(true);
    s.setIgnoreArtifactDescriptorRepositories(true);
    // A missing or broken POM must not fail the whole collection: it is reported as missing instead.
    s.setArtifactDescriptorPolicy(new SimpleArtifactDescriptorPolicy(true, true));
    // "simple": artifacts count as present whatever remote repository they once came from (no _remote.repositories check).
    s.setLocalRepositoryManager(system.newLocalRepositoryManager(s, new LocalRepository(localRepository.toFile(), "simple")));
    // Descriptors read once per scan: the modules of one build share most of their dependencies.
    s.setCache(new DefaultRepositoryCache());
    s.setReadOnly();
    this.session = s;
  }

  /** A resolver over the local repository, or null when there is none. */
  public static MavenTransitive of(Path localRepository) {
    return localRepository != null && Files.isDirectory(localRepository) ? new MavenTransitive(localRepository) : null;
  }

  /** The transitive packages of the exactly versioned direct dependencies in {@code direct}, declared in {@code manifest}. */
  public Result resolve(String manifest, List<Package> direct) {
    return resolve(manifest, direct, Map.of());
  }

  /**
   * As above, with the manifest's {@code dependencyManagement} ({@code group:artifact} to version), which Maven
   * applies to every transitive dependency it names.
   */
  public Result resolve(String manifest, List<Package> direct, Map<String, String> managed) {
    Map<String, Package> roots = new LinkedHashMap<>();
    CollectRequest request = new CollectRequest();
    managed.forEach((key, version) -> {
      int c = key.indexOf(':');
      if (c > 0) {
        request.addManagedDependency(new Dependency(new DefaultArtifact(key.substring(0, c), key.substring(c + 1), "jar", version), null));
      }
    });
    for (Package p : direct) {
      int colon = p.name().indexOf(':');
      if (p.ecosystem() != Ecosystem.MAVEN || p.pin() != Pin.PINNED || p.source() != Source.REGISTRY || colon < 0) {
        continue;
      }
      String g = p.name().substring(0, colon);
      String a = p.name().substring(colon + 1);
      request.addDependency(new Dependency(new DefaultArtifact(g, a, "jar", p.version()), p.scope() == Scope.TEST ? "test" : "compile",
          p.scope() == Scope.OPTIONAL));
      roots.put(g + ":" + a, p);
    }
    List<Package> out = new ArrayList<>();
    Set<String> missing = new LinkedHashSet<>();
    if (roots.isEmpty()) {
      return new Result(out, List.of());
    }
    CollectResult collected;
    try {
      collected = system.collectDependencies(session, request);
    } catch (DependencyCollectionException e) {
      collected = e.getResult(); // what could be collected before the failure
    }
    Set<String> seen = new LinkedHashSet<>(roots.keySet());
    for (DependencyNode top : collected.getRoot().getChildren()) {
      Artifact ta = top.getArtifact();
      Package root = roots.get(ta.getGroupId() + ":" + ta.getArtifactId());
      checkPom(ta, missing);
      walk(top, root, manifest, seen, missing, out, 0);
    }
    return new Result(out, List.copyOf(missing));
  }

  private void walk(DependencyNode node, Package root, String manifest, Set<String> seen, Set<String> missing, List<Package> out,
      int depth) {
    if (depth > 64) {
      return; // a cycle the resolver did not cut; Maven's graphs are far shallower
    }
    for (DependencyNode child : node.getChildren()) {
      Artifact a = child.getArtifact();
      String key = a.getGroupId() + ":" + a.getArtifactId();
      checkPom(a, missing);
      if (seen.add(key)) {
        boolean test = root != null && root.scope() == Scope.TEST || "test".equals(child.getDependency().getScope());
        out.add(Package.builder(Ecosystem.MAVEN, key, manifest)
            .version(a.getVersion(), Pin.PINNED)
            .direct(false)
            .scope(test ? Scope.TEST : child.getDependency().isOptional() ? Scope.OPTIONAL : Scope.RUNTIME)
            .line(root == null ? 0 : root.line())
            .build());
      }
      walk(child, root, manifest, seen, missing, out, depth + 1);
    }
  }

  private void checkPom(Artifact a, Set<String> missing) {
    Path pom = localRepository.resolve(a.getGroupId().replace('.', '/')).resolve(a.getArtifactId()).resolve(a.getBaseVersion())
        .resolve(a.getArtifactId() + "-" + a.getVersion() + ".pom");
    if (!Files.isRegularFile(pom)) {
      missing.add(a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion());
    }
  }
}
