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
import java.util.regex.Pattern;

/** Folds the inventory's declarations into one component per distinct package, in a stable order. */
public final class Components {

  /** Runtime first: a package some file needs at runtime is required, whatever other files say. */
  private static final List<Package.Scope> WIDEST_FIRST =
      List.of(Package.Scope.RUNTIME, Package.Scope.OPTIONAL, Package.Scope.DEV, Package.Scope.TEST);

  private static final Pattern SIGN_EXTENDED = Pattern.compile("%FFFFFF([0-9A-F]{2})");

  private Components() {}

  public static List<SbomComponent> of(List<Package> packages) {
    Map<String, List<Package>> groups = new LinkedHashMap<>();
    for (Package p : packages) {
      groups.computeIfAbsent(key(p), k -> new ArrayList<>()).add(p);
    }
    List<SbomComponent> out = new ArrayList<>(groups.size());
    for (List<Package> group : groups.values()) {
      out.add(merge(group));
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
    String purl = purl(p);
    if (exact(p) && !purl.isEmpty()) {
      return purl;
    }
    return "shipgate:" + p.ecosystem().purlType() + "/" + encode(p.name()) + (p.version().isEmpty() ? "" : "@" + encode(p.version()));
  }

  /**
   * The inventory's PURL, repaired where packageurl-java 1.5.0 percent-encodes wrongly: it sign-extends bytes
   * above 0x7F ({@code %FFFFFFC3} for {@code %C3}), which is unambiguous to undo, and writes bytes below 0x10 with
   * one hex digit, which is not: names or versions with control characters get no PURL rather than a wrong one.
   */
  static String purl(Package p) {
    if ((p.name() + p.version()).chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return "";
    }
    return SIGN_EXTENDED.matcher(p.purl()).replaceAll("%$1");
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static SbomComponent merge(List<Package> group) {
    group.sort(Comparator.comparing(Package::manifest).thenComparingInt(Package::line));
    Package first = group.get(0);
    Package.Scope scope = null;
    Package.Scope directScope = null;
    TreeSet<Digest> hashes = new TreeSet<>();
    TreeSet<String> downloads = new TreeSet<>();
    TreeSet<Occurrence> occurrences = new TreeSet<>();
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
    }
    boolean exact = exact(first);
    return new SbomComponent(key(first), first.ecosystem(), first.name(), exact ? first.version() : "", exact ? "" : first.version(),
        purl(first), scope, directScope, first.source(), List.copyOf(hashes), license, List.copyOf(downloads), List.copyOf(occurrences));
  }

  private static Package.Scope wider(Package.Scope a, Package.Scope b) {
    return a == null || WIDEST_FIRST.indexOf(b) < WIDEST_FIRST.indexOf(a) ? b : a;
  }
}
