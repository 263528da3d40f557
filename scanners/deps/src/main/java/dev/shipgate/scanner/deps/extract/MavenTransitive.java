package dev.shipgate.scanner.deps.extract;

import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.Package;
import dev.shipgate.scanner.deps.Package.Pin;
import dev.shipgate.scanner.deps.Package.Scope;
import dev.shipgate.scanner.deps.Package.Source;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import java.util.Collection;
import org.apache.maven.model.Activation;
import org.apache.maven.model.ActivationFile;
import org.apache.maven.model.ActivationOS;
import org.apache.maven.model.ActivationProperty;
import org.apache.maven.model.Profile;
import org.apache.maven.model.building.DefaultModelBuilderFactory;
import org.apache.maven.model.building.ModelBuilder;
import org.apache.maven.model.building.ModelProblemCollector;
import org.apache.maven.model.profile.ProfileActivationContext;
import org.apache.maven.model.profile.ProfileSelector;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.apache.maven.repository.internal.ModelCacheFactory;
import org.eclipse.aether.DefaultRepositoryCache;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.CollectResult;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.impl.ArtifactDescriptorReader;
import org.eclipse.aether.impl.ArtifactResolver;
import org.eclipse.aether.impl.RemoteRepositoryManager;
import org.eclipse.aether.impl.RepositoryEventDispatcher;
import org.eclipse.aether.impl.VersionRangeResolver;
import org.eclipse.aether.impl.VersionResolver;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.WorkspaceReader;
import org.eclipse.aether.repository.WorkspaceRepository;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.resolution.ArtifactDescriptorRequest;
import org.eclipse.aether.resolution.ArtifactDescriptorResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.graph.transformer.ConflictResolver;
import org.eclipse.aether.util.repository.SimpleArtifactDescriptorPolicy;

/**
 * Transitive dependencies of a {@code pom.xml}'s direct dependencies, collected by Maven's own resolver from the POMs
 * in a local repository: offline, with no remote repository at all (those named in POMs are ignored), so a scan never
 * downloads anything. Mediation (nearest wins), scopes, exclusions and the dependencies' own dependencyManagement are
 * Maven's; so is the project's dependencyManagement, which decides transitive versions. The scanned build's own
 * modules are read from the scanned tree ({@link #addReactorPom}), as a reactor build reads them. A POM missing from
 * the local repository ends that branch: the result says which were missing.
 *
 * <p>One instance serves one scan: every POM's resolution shares one repository system, one session and its caches,
 * and each artifact descriptor (one Maven model build) is read once per scan, even by POMs resolved in parallel.
 */
public final class MavenTransitive {

  /** Coordinates that can name a file in the repository layout: no path separators, dots alone or properties. */
  private static final Pattern COORDINATE = Pattern.compile("[A-Za-z0-9_.+\\-]+");

  /**
   * The packages found below the direct ones, the coordinates whose POM the local repository lacks, and the
   * dependency edges Maven resolved: {@code group:artifact} to the {@code group:artifact} of each dependency it pulls
   * in (versions are the mediated ones, unique per POM), for the direct packages as for the transitive ones; and the
   * profiles of those POMs (or their parents) whose activation {@link MavenProfiles} could not decide and which
   * declare dependencies, left out of the graph, one line each.
   */
  public record Result(List<Package> packages, List<String> missing, Map<String, List<String>> edges, List<String> undecidedProfiles) {}

  private final Path localRepository;
  private final RepositorySystem system;
  private final DefaultRepositorySystemSession session;
  /** The scanned build's own POMs on disk by {@code group:artifact:version}. */
  private final Map<String, File> reactor = new ConcurrentHashMap<>();
  private final Map<String, Optional<SourceFile>> poms = new ConcurrentHashMap<>();
  /** Undecided profiles per POM read ({@code group:artifact:version}), as {@link Result#undecidedProfiles} lines. */
  private final Map<String, List<String>> undecided = new ConcurrentHashMap<>();
  /** The POM whose descriptor this thread is reading, so the profile selector can say whose profiles it judged. */
  private final ThreadLocal<String> reading = new ThreadLocal<>();
  private volatile Path treeRoot;
  private volatile MavenProfiles.Build build = MavenProfiles.Build.PLAIN;
  private volatile java.util.function.Function<String, Optional<Boolean>> exists = path -> Optional.empty();

  private MavenTransitive(Path localRepository) {
    this.localRepository = localRepository;
    this.system = new OnceSupplier().get();
    DefaultRepositorySystemSession s = MavenRepositorySystemUtils.newSession();
    s.setOffline(true);
    s.setIgnoreArtifactDescriptorRepositories(true);
    // A missing or broken POM must not fail the whole collection: it is reported as missing instead.
    s.setArtifactDescriptorPolicy(new SimpleArtifactDescriptorPolicy(true, true));
    // "simple": artifacts count as present whatever remote repository they once came from (no _remote.repositories check).
    s.setLocalRepositoryManager(system.newLocalRepositoryManager(s, new LocalRepository(localRepository.toFile(), "simple")));
    s.setWorkspaceReader(new Reactor());
    // Keep the versions mediation dropped as leaves pointing at the winner: "util needs core" stays an edge when
    // util's core 3.0 lost to core 2.5 elsewhere.
    s.setConfigProperty(ConflictResolver.CONFIG_PROP_VERBOSE, true);
    // Parents and imported BOMs (Maven's model cache) are read once per scan: the modules of one build share most.
    s.setCache(new DefaultRepositoryCache());
    s.setReadOnly();
    this.session = s;
  }

  /** A resolver over the local repository, or null when there is none. */
  public static MavenTransitive of(Path localRepository) {
    return localRepository != null && Files.isDirectory(localRepository) ? new MavenTransitive(localRepository) : null;
  }

  /**
   * Makes a POM of the scanned build resolvable as {@code coordinates} ({@code group:artifact:version}) from its file,
   * ahead of the local repository: another module depending on it gets the dependencies the tree declares, whether
   * or not the build was ever installed.
   */
  public void addReactorPom(String coordinates, Path pom) {
    if (Files.isRegularFile(pom, LinkOption.NOFOLLOW_LINKS)) {
      reactor.putIfAbsent(coordinates, pom.toFile());
    }
  }

  /**
   * What the scanned tree tells about its build, for the profiles of the POMs the resolver reads (dependencies and
   * their parents, reactor modules): the {@code .mvn} configuration and lowest JDK ({@code build}), and whether a
   * repository-relative path exists below {@code root} (file activation of reactor modules).
   */
  public void scannedTree(Path root, MavenProfiles.Build build, java.util.function.Function<String, Optional<Boolean>> exists) {
    this.treeRoot = root == null ? null : root.toAbsolutePath().normalize();
    this.build = build;
    this.exists = exists;
  }

  /** {@code group/artifact/version/artifact-version.pom} in the local repository, read once per scan; at most 2 MB. */
  public Optional<SourceFile> pom(String group, String artifact, String version) {
    if (!COORDINATE.matcher(group + artifact + version).matches() || (group + artifact + version).contains("..")) {
      return Optional.empty();
    }
    return poms.computeIfAbsent(group + ":" + artifact + ":" + version, k -> {
      Path p = pomPath(group, artifact, version, version);
      try {
        if (!Files.isRegularFile(p) || Files.size(p) > LocalLicenses.MAX_POM_BYTES) {
          return Optional.empty();
        }
        return Optional.of(SourceFile.of(k, Files.readAllBytes(p)));
      } catch (IOException e) {
        return Optional.empty();
      }
    });
  }

  /** The transitive packages of the exactly versioned direct dependencies of a POM read by {@link PomExtractor#read}. */
  public Result resolve(String manifest, PomExtractor.Declared pom) {
    Map<String, Package> roots = new LinkedHashMap<>();
    CollectRequest request = new CollectRequest();
    pom.managed().forEach((key, version) -> {
      int c = key.indexOf(':');
      if (c > 0) {
        request.addManagedDependency(new Dependency(new DefaultArtifact(key.substring(0, c), key.substring(c + 1), "jar", version), null));
      }
    });
    for (Package p : pom.packages()) {
      int colon = p.name().indexOf(':');
      if (p.ecosystem() != Ecosystem.MAVEN || p.pin() != Pin.PINNED || p.source() != Source.REGISTRY || colon < 0) {
        continue;
      }
      String g = p.name().substring(0, colon);
      String a = p.name().substring(colon + 1);
      List<Exclusion> exclusions = new ArrayList<>();
      for (String x : pom.exclusions().getOrDefault(p.name(), List.of())) {
        int xc = x.indexOf(':');
        exclusions.add(new Exclusion(x.substring(0, xc), x.substring(xc + 1), "*", "*"));
      }
      String scope = p.scope() == Scope.TEST ? "test" : p.scope() == Scope.PROVIDED ? "provided" : "compile";
      request.addDependency(new Dependency(new DefaultArtifact(g, a, "jar", p.version()), scope, p.scope() == Scope.OPTIONAL, exclusions));
      roots.put(g + ":" + a, p);
    }
    List<Package> out = new ArrayList<>();
    Set<String> missing = new LinkedHashSet<>();
    Map<String, List<String>> edges = new LinkedHashMap<>();
    if (roots.isEmpty()) {
      return new Result(out, List.of(), Map.of(), List.of());
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
      Package root = roots.get(key(ta));
      checkPom(ta, missing);
      walk(top, root, manifest, seen, missing, out, edges, 0);
    }
    Set<String> profiles = new LinkedHashSet<>();
    collected.getRoot().accept(new org.eclipse.aether.graph.DependencyVisitor() {
      @Override
      public boolean visitEnter(DependencyNode node) {
        if (node.getArtifact() != null) {
          Artifact a = node.getArtifact();
          profiles.addAll(undecided.getOrDefault(a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion(), List.of()));
        }
        return true;
      }

      @Override
      public boolean visitLeave(DependencyNode node) {
        return true;
      }
    });
    return new Result(out, List.copyOf(missing), edges, List.copyOf(profiles));
  }

  private void walk(DependencyNode node, Package root, String manifest, Set<String> seen, Set<String> missing, List<Package> out,
      Map<String, List<String>> edges, int depth) {
    if (depth > 64) {
      return; // a cycle the resolver did not cut; Maven's graphs are far shallower
    }
    String from = key(node.getArtifact());
    for (DependencyNode child : node.getChildren()) {
      Artifact a = child.getArtifact();
      String key = key(a);
      List<String> targets = edges.computeIfAbsent(from, k -> new ArrayList<>());
      if (!targets.contains(key)) {
        targets.add(key);
      }
      if (child.getData().get(ConflictResolver.NODE_DATA_WINNER) != null) {
        continue; // a version mediation dropped: the edge goes to the winner (same group:artifact), listed where it is
      }
      checkPom(a, missing);
      if (seen.add(key)) {
        boolean test = root != null && root.scope() == Scope.TEST || "test".equals(child.getDependency().getScope());
        out.add(Package.builder(Ecosystem.MAVEN, key, manifest)
            .version(a.getVersion(), Pin.PINNED)
            .direct(false)
            .scope(test ? Scope.TEST : "provided".equals(child.getDependency().getScope()) ? Scope.PROVIDED
                : child.getDependency().isOptional() ? Scope.OPTIONAL : Scope.RUNTIME)
            .line(root == null ? 0 : root.line())
            .build());
      }
      walk(child, root, manifest, seen, missing, out, edges, depth + 1);
    }
  }

  private static String key(Artifact a) {
    return a.getGroupId() + ":" + a.getArtifactId();
  }

  private void checkPom(Artifact a, Set<String> missing) {
    String coordinates = a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion();
    if (!reactor.containsKey(coordinates) && !Files.isRegularFile(pomPath(a.getGroupId(), a.getArtifactId(), a.getBaseVersion(), a.getVersion()))) {
      missing.add(coordinates);
    }
  }

  private Path pomPath(String group, String artifact, String baseVersion, String version) {
    return localRepository.resolve(group.replace('.', '/')).resolve(artifact).resolve(baseVersion).resolve(artifact + "-" + version + ".pom");
  }

  /** The scanned build's modules, as Maven's reactor offers them to each other: only their POMs are needed. */
  private final class Reactor implements WorkspaceReader {
    private final WorkspaceRepository repository = new WorkspaceRepository("shipgate-scanned-tree");

    @Override
    public WorkspaceRepository getRepository() {
      return repository;
    }

    @Override
    public File findArtifact(Artifact artifact) {
      return artifact.getExtension().equals("pom") ? reactor.get(key(artifact) + ":" + artifact.getBaseVersion()) : null;
    }

    @Override
    public List<String> findVersions(Artifact artifact) {
      String prefix = key(artifact) + ":";
      return reactor.keySet().stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length())).toList();
    }
  }

  /**
   * Maven's repository system, with an artifact descriptor reader that reads each descriptor once and a model builder
   * whose profiles are chosen by {@link MavenProfiles} (Maven's own activators would judge the JDK and OS of the
   * machine running the scan, or, with the session's empty system properties, silently turn such profiles off).
   */
  private final class OnceSupplier extends RepositorySystemSupplier {
    @Override
    protected ArtifactDescriptorReader getArtifactDescriptorReader(RemoteRepositoryManager remoteRepositoryManager, VersionResolver versionResolver,
        VersionRangeResolver versionRangeResolver, ArtifactResolver artifactResolver, ModelBuilder modelBuilder,
        RepositoryEventDispatcher repositoryEventDispatcher, ModelCacheFactory modelCacheFactory) {
      return new OnceDescriptorReader(super.getArtifactDescriptorReader(remoteRepositoryManager, versionResolver, versionRangeResolver,
          artifactResolver, modelBuilder, repositoryEventDispatcher, modelCacheFactory));
    }

    @Override
    protected ModelBuilder getModelBuilder() {
      return new DefaultModelBuilderFactory() {
        @Override
        protected ProfileSelector newProfileSelector() {
          return new Selector();
        }
      }.newInstance();
    }
  }

  /** Chooses the profiles of every POM the resolver builds, recording those it cannot decide. */
  private final class Selector implements ProfileSelector {
    @Override
    public List<Profile> getActiveProfiles(Collection<Profile> profiles, ProfileActivationContext context, ModelProblemCollector problems) {
      List<Profile> all = List.copyOf(profiles);
      List<MavenProfiles.Activation> activations = all.stream().map(MavenTransitive::activation).toList();
      MavenProfiles.Place place = place(context.getProjectDirectory());
      // Maven hands -D to the models of dependencies but no -P ids (DefaultArtifactDescriptorReader sets none): those
      // choose the profiles of the reactor's modules only.
      List<MavenProfiles.Decision> decisions = MavenProfiles.select(activations, place.directory() == null ? build.withoutProfileIds() : build,
          place);
      List<Profile> out = new ArrayList<>();
      String pom = reading.get();
      for (int i = 0; i < all.size(); i++) {
        Profile p = all.get(i);
        MavenProfiles.State state = decisions.get(i).state();
        if (state == MavenProfiles.State.ACTIVE) {
          out.add(p);
        } else if (state == MavenProfiles.State.UNDECIDED && pom != null) {
          List<String> brought = new ArrayList<>();
          p.getDependencies().forEach(d -> brought.add(d.getGroupId() + ":" + d.getArtifactId() + (d.getVersion() == null ? "" : ":" + d.getVersion())));
          if (p.getDependencyManagement() != null) {
            p.getDependencyManagement().getDependencies().forEach(d -> brought.add(d.getGroupId() + ":" + d.getArtifactId()
                + (d.getVersion() == null ? "" : ":" + d.getVersion()) + " (managed)"));
          }
          if (!brought.isEmpty()) {
            String line = pom + " (or a parent): profile '" + p.getId() + "': " + decisions.get(i).reason() + "; it declares " + String.join(", ", brought);
            List<String> lines = undecided.computeIfAbsent(pom, k -> new java.util.concurrent.CopyOnWriteArrayList<>());
            if (!lines.contains(line)) {
              lines.add(line);
            }
          }
        }
      }
      return out;
    }

    /** A reactor module's directory inside the scanned tree, else none (a POM of the local repository). */
    private MavenProfiles.Place place(File projectDirectory) {
      Path root = treeRoot;
      if (projectDirectory != null && root != null) {
        Path dir = projectDirectory.toPath().toAbsolutePath().normalize();
        if (dir.startsWith(root)) {
          String rel = root.relativize(dir).toString().replace(File.separatorChar, '/');
          return new MavenProfiles.Place(rel.isEmpty() ? "" : rel + "/", exists);
        }
      }
      return new MavenProfiles.Place(null, exists);
    }
  }

  private static MavenProfiles.Activation activation(Profile p) {
    Activation a = p.getActivation();
    if (a == null) {
      return new MavenProfiles.Activation(p.getId(), false, null, null, null, null, null, null);
    }
    ActivationOS os = a.getOs();
    ActivationProperty property = a.getProperty();
    ActivationFile file = a.getFile();
    return new MavenProfiles.Activation(p.getId(), a.isActiveByDefault(), a.getJdk(),
        os == null ? null : new MavenProfiles.Os(os.getFamily(), os.getName(), os.getArch(), os.getVersion()),
        property == null ? null : property.getName() == null ? "" : property.getName(), property == null ? null : property.getValue(),
        file == null || file.getExists() == null || file.getExists().isEmpty() ? null : file.getExists(),
        file == null || file.getMissing() == null || file.getMissing().isEmpty() ? null : file.getMissing());
  }

  /**
   * Maven's collector caches descriptors per session, but only once read: POMs resolved in parallel would build the
   * models of shared dependencies (most of them) once per thread. Here the first caller reads, the others wait for its
   * result. Reading a descriptor never reads another through this reader (parents and BOMs go through the model
   * builder), so a wait cannot deadlock.
   */
  private final class OnceDescriptorReader implements ArtifactDescriptorReader {
    private final ArtifactDescriptorReader delegate;
    private final Map<String, CompletableFuture<ArtifactDescriptorResult>> results = new ConcurrentHashMap<>();

    OnceDescriptorReader(ArtifactDescriptorReader delegate) {
      this.delegate = delegate;
    }

    @Override
    public ArtifactDescriptorResult readArtifactDescriptor(RepositorySystemSession session, ArtifactDescriptorRequest request)
        throws ArtifactDescriptorException {
      // One repository system per scan, never a remote repository: the coordinates alone identify the request (not
      // the session, which the collector copies per request, nor the artifact's equality, which also compares
      // properties that differ with the path that reached it).
      String key = request.getArtifact().toString();
      CompletableFuture<ArtifactDescriptorResult> mine = new CompletableFuture<>();
      CompletableFuture<ArtifactDescriptorResult> first = results.putIfAbsent(key, mine);
      if (first == null) {
        Artifact a = request.getArtifact();
        reading.set(a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getVersion());
        try {
          ArtifactDescriptorResult r = delegate.readArtifactDescriptor(session, request);
          mine.complete(r);
          return r;
        } catch (ArtifactDescriptorException | RuntimeException e) {
          mine.completeExceptionally(e);
          throw e;
        } finally {
          reading.remove();
        }
      }
      try {
        return first.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ArtifactDescriptorException(new ArtifactDescriptorResult(request), "interrupted");
      } catch (ExecutionException e) {
        if (e.getCause() instanceof ArtifactDescriptorException ade) {
          throw ade;
        }
        throw (RuntimeException) e.getCause();
      }
    }
  }
}
