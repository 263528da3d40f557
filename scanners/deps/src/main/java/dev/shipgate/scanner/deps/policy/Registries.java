package dev.shipgate.scanner.deps.policy;

import dev.shipgate.scanner.deps.Ecosystem;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which registries a package may come from. An allowed entry is a host name ({@code registry.npmjs.org}, or
 * {@code *.acme.example} for every host below it) or an http(s) URL prefix ({@code https://nexus.acme.example/npm/}).
 * Only the URL a lockfile records for a registry package is judged; formats that record none (pom.xml, go.mod,
 * Gradle and NuGet lockfiles, most Python lockfiles) are not.
 */
public final class Registries {

  /** The public registries, and the hosts their lockfiles name for them. */
  static final Map<Ecosystem, List<String>> DEFAULTS;

  static {
    Map<Ecosystem, List<String>> d = new EnumMap<>(Ecosystem.class);
    d.put(Ecosystem.NPM, List.of("registry.npmjs.org", "registry.yarnpkg.com"));
    d.put(Ecosystem.PYPI, List.of("pypi.org", "files.pythonhosted.org"));
    d.put(Ecosystem.MAVEN, List.of("repo.maven.apache.org", "repo1.maven.org"));
    d.put(Ecosystem.GO, List.of("proxy.golang.org"));
    // Cargo.lock names the index: the git index on GitHub, or the sparse index.
    d.put(Ecosystem.CRATES_IO, List.of("https://github.com/rust-lang/crates.io-index", "https://index.crates.io/",
        "static.crates.io"));
    d.put(Ecosystem.RUBYGEMS, List.of("rubygems.org"));
    // Packagist serves metadata; composer.lock's dist URL is the code host's archive of the tagged release.
    d.put(Ecosystem.PACKAGIST, List.of("repo.packagist.org", "api.github.com", "codeload.github.com", "gitlab.com",
        "bitbucket.org"));
    d.put(Ecosystem.NUGET, List.of("api.nuget.org"));
    DEFAULTS = Map.copyOf(d);
  }

  private Registries() {}

  static boolean valid(String entry) {
    if (entry.startsWith("http://") || entry.startsWith("https://")) {
      return host(entry).isPresent();
    }
    return entry.matches("(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:[0-9]{1,5})?");
  }

  /**
   * The registry location a lockfile records for a package ({@code resolved}), as a URL; empty when it is no URL
   * (yarn Berry's {@code name@npm:1.0.0}, a bare version).
   */
  public static Optional<String> url(String resolved) {
    String r = resolved;
    // Cargo: "registry+https://..." or "sparse+https://...".
    int plus = r.indexOf('+');
    if (plus > 0 && plus < 10 && r.startsWith("http", plus + 1)) {
      r = r.substring(plus + 1);
    }
    return (r.startsWith("https://") || r.startsWith("http://")) && host(r).isPresent() ? Optional.of(r) : Optional.empty();
  }

  /** Whether {@code url} is at one of the allowed registries. */
  public static boolean allowed(String url, List<String> allowed) {
    Optional<String> host = host(url);
    if (host.isEmpty()) {
      return false;
    }
    for (String a : allowed) {
      if (a.startsWith("http://") || a.startsWith("https://")) {
        // A prefix must end at a path boundary: https://npm.acme.example must not admit https://npm.acme.example.evil.
        String prefix = a.endsWith("/") ? a : a + "/";
        if (url.startsWith(prefix) || url.equals(a)) {
          return true;
        }
      } else if (a.startsWith("*.")) {
        String suffix = a.substring(1).toLowerCase(Locale.ROOT);
        if (host.get().endsWith(suffix)) {
          return true;
        }
      } else if (host.get().equals(a.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** {@code url} for messages: without user information, which may hold a token. */
  public static String display(String url) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return url;
    }
    int end = url.indexOf('/', scheme + 3);
    int at = url.lastIndexOf('@', end < 0 ? url.length() - 1 : end);
    return at > scheme ? url.substring(0, scheme + 3) + url.substring(at + 1) : url;
  }

  /** Host, with the port when the URL has one, in lower case; user info is dropped. */
  static Optional<String> host(String url) {
    try {
      URI u = new URI(url);
      if (u.getHost() == null) {
        return Optional.empty();
      }
      String h = u.getHost().toLowerCase(Locale.ROOT);
      return Optional.of(u.getPort() >= 0 ? h + ":" + u.getPort() : h);
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }
}
