package dev.shipgate.scanner.docker.dockerfile;

import java.util.Locale;

/**
 * An image reference {@code [registry[:port]/]repository[:tag][@digest]}.
 *
 * @param repository everything before the tag and digest, as written
 * @param tag the tag, or null when none is written (Docker then pulls {@code latest})
 * @param digest the digest ({@code sha256:…}), or null
 */
public record ImageRef(String repository, String tag, String digest) {

  public static ImageRef parse(String reference) {
    String name = reference;
    String digest = null;
    int at = name.indexOf('@');
    if (at >= 0) {
      digest = name.substring(at + 1);
      name = name.substring(0, at);
    }
    String tag = null;
    int colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/')) {
      tag = name.substring(colon + 1);
      name = name.substring(0, colon);
    }
    return new ImageRef(name, tag, digest);
  }

  /**
   * The repository as Docker Hub users write it: lower case, without {@code docker.io/} and
   * {@code library/}, so that {@code docker.io/library/node} and {@code node} compare equal.
   */
  public String familiar() {
    String r = repository.toLowerCase(Locale.ROOT);
    for (String prefix : new String[] {"docker.io/", "index.docker.io/", "registry-1.docker.io/"}) {
      if (r.startsWith(prefix)) {
        r = r.substring(prefix.length());
        break;
      }
    }
    return r.startsWith("library/") ? r.substring("library/".length()) : r;
  }

  public boolean hasDigest() {
    return digest != null && !digest.isEmpty();
  }

  /** No digest, and no tag or the moving tag {@code latest}. */
  public boolean isFloating() {
    return !hasDigest() && (tag == null || tag.isEmpty() || tag.equalsIgnoreCase("latest"));
  }
}
