package dev.shipgate.sbom;

import dev.shipgate.scanner.deps.Package;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Folds the inventory's declarations into one component per distinct package, in a stable order. */
public final class Components {

  /** Runtime first: a package some file needs at runtime is required, whatever other files say. */
  private static final List<Package.Scope> WIDEST_FIRST =
      List.of(Package.Scope.RUNTIME, Package.Scope.OPTIONAL, Package.Scope.PROVIDED, Package.Scope.DEV, Package.Scope.TEST);

  private Components() {}

  public static List<SbomComponent> of(List<Package> packages) {
    Map<String, List<Package>> groups = new LinkedHashMap<>();
    for (Package p : packages) {
      groups.computeIfAbsent(key(p), k -> new ArrayList<>()).add(p);
    }
    List<SbomComponent> out = new ArrayList<>(groups.size());
    for (List<Package> group : groups.values()) {
      out.add(merge(group, groups.keySet()));
    }
    out.sort(Comparator.comparing((SbomComponent c) -> c.ecosystem().purlType())
        .thenComparing(c -> c.name().toLowerCase(Locale.ROOT))
        .thenComparing(SbomComponent::name)
        .thenComparing(SbomComponent::version)
        .thenComparing(SbomComponent::ref));
    return out;
  }

  private static boolean exact(Package p) {
    return p.pin() == Package.Pin.LOCKED || p.pin() == Package.Pin.PINNED;
  }

  /**
   * The PURL is the package's canonical identity (PyPI's {@code Foo_Bar} and {@code foo-bar} are one package);
   * without an exact version the requirement text is part of the key, so two different ranges stay apart.
   */
  private static String key(Package p) {
    if (exact(p) && !p.purl().isEmpty()) {
      return p.purl();
    }
    return "shipgate:" + p.ecosystem().purlType() + "/" + encode(p.name()) + (p.version().isEmpty() ? "" : "@" + encode(p.version()));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** @param refs every component's ref: an edge to a package the document does not list is left out */
  private static SbomComponent merge(List<Package> group, java.util.Set<String> refs) {
    group.sort(Comparator.comparing(Package::manifest).thenComparingInt(Package::line));
    Package first = group.get(0);
    Package.Scope scope = null;
    Package.Scope directScope = null;
    TreeSet<Digest> hashes = new TreeSet<>();
    TreeSet<String> downloads = new TreeSet<>();
    TreeSet<Occurrence> occurrences = new TreeSet<>();
    // Dependency edges point at exact versions' PURLs, which are those packages' refs.
    TreeSet<String> dependsOn = new TreeSet<>();
    // Files rarely disagree on a version's licence; when they do, the first file in path order speaks for it.
    String license = "";
    for (Package p : group) {
      if (license.isEmpty()) {
        license = p.license();
      }
      scope = wider(scope, p.scope());
      if (p.direct()) {
        directScope = wider(directScope, p.scope());
      }
      hashes.addAll(Integrity.parse(p.ecosystem(), p.integrity()));
      String url = Urls.publishable(p.resolved());
      if (!url.isEmpty()) {
        downloads.add(url);
      }
      occurrences.add(new Occurrence(p.manifest(), Math.max(0, p.line())));
      p.dependsOn().stream().filter(refs::contains).forEach(dependsOn::add);
    }
    dependsOn.remove(key(first));
    boolean exact = exact(first);
    return new SbomComponent(key(first), first.ecosystem(), first.name(), exact ? first.version() : "", exact ? "" : first.version(),
        first.purl(), scope, directScope, first.source(), List.copyOf(hashes), license, List.copyOf(downloads), List.copyOf(occurrences),
        List.copyOf(dependsOn));
  }

  private static Package.Scope wider(Package.Scope a, Package.Scope b) {
    return a == null || WIDEST_FIRST.indexOf(b) < WIDEST_FIRST.indexOf(a) ? b : a;
  }
}
