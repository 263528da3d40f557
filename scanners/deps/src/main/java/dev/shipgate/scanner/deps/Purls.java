package dev.shipgate.scanner.deps;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;

/** Package URLs (purl-spec) for the ecosystems we extract. */
final class Purls {

  private Purls() {}

  /** The canonical PURL, or "" when the name cannot form one (an empty name, a Maven name without group). */
  static String of(Ecosystem ecosystem, String name, String version) {
    String namespace = null;
    String local = name;
    switch (ecosystem) {
      case MAVEN -> {
        int colon = name.indexOf(':');
        if (colon <= 0) {
          return "";
        }
        namespace = name.substring(0, colon);
        local = name.substring(colon + 1);
      }
      case NPM, GO, PACKAGIST -> {
        int slash = name.lastIndexOf('/');
        if (slash > 0) {
          namespace = name.substring(0, slash);
          local = name.substring(slash + 1);
        }
      }
      default -> {}
    }
    try {
      return new PackageURL(ecosystem.purlType(), namespace, local, version == null || version.isEmpty() ? null : version, null, null).canonicalize();
    } catch (MalformedPackageURLException | RuntimeException e) {
      return "";
    }
  }
}
