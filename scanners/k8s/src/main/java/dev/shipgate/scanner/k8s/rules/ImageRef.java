package dev.shipgate.scanner.k8s.rules;

import java.util.Optional;

/**
 * A container image reference split the way container runtimes read it: {@code [registry[:port]/]path[:tag][@digest]};
 * a colon before the last slash belongs to the registry's port.
 */
record ImageRef(String name, String tag, String digest) {

  /** Empty for references that are not literal (template or shell variables) or empty. */
  static Optional<ImageRef> parse(String image) {
    String ref = image.trim();
    if (ref.isEmpty() || ref.contains("$") || ref.contains("{{") || ref.contains(" ")) {
      return Optional.empty();
    }
    String digest = "";
    int at = ref.indexOf('@');
    if (at >= 0) {
      digest = ref.substring(at + 1);
      ref = ref.substring(0, at);
    }
    int slash = ref.lastIndexOf('/');
    int colon = ref.lastIndexOf(':');
    String tag = "";
    if (colon > slash) {
      tag = ref.substring(colon + 1);
      ref = ref.substring(0, colon);
    }
    return Optional.of(new ImageRef(ref, tag, digest));
  }
}
