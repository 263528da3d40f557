package dev.shipgate.scanner.deps.license;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * SPDX identifiers for the licence names and URLs that POMs, PyPI classifiers and LICENSE files use instead of
 * identifiers. Only names that fix the version are mapped ("Apache Software License" without one is not); anything
 * else stays unknown rather than guessed.
 */
public final class LicenseNames {

  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("apache license version 2 0", "Apache-2.0"),
      Map.entry("apache software license version 2 0", "Apache-2.0"),
      Map.entry("apache license 2 0", "Apache-2.0"),
      Map.entry("apache license v2 0", "Apache-2.0"),
      Map.entry("apache 2 0", "Apache-2.0"),
      Map.entry("apache 2", "Apache-2.0"),
      Map.entry("asl 2 0", "Apache-2.0"),
      Map.entry("apache software license 2 0", "Apache-2.0"),
      Map.entry("mit license", "MIT"),
      Map.entry("mit", "MIT"),
      Map.entry("bsd 3 clause", "BSD-3-Clause"),
      Map.entry("bsd 3 clause license", "BSD-3-Clause"),
      Map.entry("new bsd license", "BSD-3-Clause"),
      Map.entry("revised bsd license", "BSD-3-Clause"),
      Map.entry("modified bsd license", "BSD-3-Clause"),
      Map.entry("eclipse distribution license v 1 0", "BSD-3-Clause"),
      Map.entry("eclipse distribution license 1 0", "BSD-3-Clause"),
      Map.entry("edl 1 0", "BSD-3-Clause"),
      Map.entry("bsd 2 clause", "BSD-2-Clause"),
      Map.entry("bsd 2 clause license", "BSD-2-Clause"),
      Map.entry("simplified bsd license", "BSD-2-Clause"),
      Map.entry("eclipse public license 1 0", "EPL-1.0"),
      Map.entry("eclipse public license v 1 0", "EPL-1.0"),
      Map.entry("eclipse public license v1 0", "EPL-1.0"),
      Map.entry("epl 1 0", "EPL-1.0"),
      Map.entry("eclipse public license 2 0", "EPL-2.0"),
      Map.entry("eclipse public license v 2 0", "EPL-2.0"),
      Map.entry("eclipse public license v2 0", "EPL-2.0"),
      Map.entry("epl 2 0", "EPL-2.0"),
      Map.entry("mozilla public license 2 0", "MPL-2.0"),
      Map.entry("mozilla public license version 2 0", "MPL-2.0"),
      Map.entry("mpl 2 0", "MPL-2.0"),
      Map.entry("gnu lesser general public license v2 1", "LGPL-2.1-only"),
      Map.entry("gnu lesser general public license version 2 1", "LGPL-2.1-only"),
      Map.entry("lgpl 2 1", "LGPL-2.1-only"),
      Map.entry("gnu lesser general public license v3 0", "LGPL-3.0-only"),
      Map.entry("gnu lesser general public license version 3", "LGPL-3.0-only"),
      Map.entry("lgpl 3 0", "LGPL-3.0-only"),
      Map.entry("gnu general public license v2 0", "GPL-2.0-only"),
      Map.entry("gnu general public license version 2", "GPL-2.0-only"),
      Map.entry("gpl 2 0", "GPL-2.0-only"),
      Map.entry("gnu general public license v3 0", "GPL-3.0-only"),
      Map.entry("gnu general public license version 3", "GPL-3.0-only"),
      Map.entry("gpl 3 0", "GPL-3.0-only"),
      Map.entry("gnu affero general public license v3 0", "AGPL-3.0-only"),
      Map.entry("gnu affero general public license version 3", "AGPL-3.0-only"),
      Map.entry("gpl2 w cpe", "GPL-2.0-only WITH Classpath-exception-2.0"),
      Map.entry("gnu general public license version 2 with the classpath exception", "GPL-2.0-only WITH Classpath-exception-2.0"),
      Map.entry("isc license", "ISC"),
      Map.entry("isc", "ISC"),
      Map.entry("the unlicense", "Unlicense"),
      Map.entry("cc0", "CC0-1.0"),
      Map.entry("cc0 1 0 universal", "CC0-1.0"),
      Map.entry("zlib license", "Zlib"),
      Map.entry("boost software license 1 0", "BSL-1.0"),
      Map.entry("universal permissive license v 1 0", "UPL-1.0"));

  private static final Map<String, String> URLS = Map.ofEntries(
      Map.entry("apache.org/licenses/license-2.0", "Apache-2.0"),
      Map.entry("opensource.org/licenses/mit", "MIT"),
      Map.entry("opensource.org/licenses/bsd-3-clause", "BSD-3-Clause"),
      Map.entry("opensource.org/licenses/bsd-2-clause", "BSD-2-Clause"),
      Map.entry("eclipse.org/legal/epl-2.0", "EPL-2.0"),
      Map.entry("eclipse.org/legal/epl-v20", "EPL-2.0"),
      Map.entry("eclipse.org/legal/epl-v10", "EPL-1.0"),
      Map.entry("eclipse.org/org/documents/edl-v10", "BSD-3-Clause"),
      Map.entry("mozilla.org/mpl/2.0", "MPL-2.0"),
      Map.entry("gnu.org/licenses/old-licenses/lgpl-2.1", "LGPL-2.1-only"),
      Map.entry("gnu.org/licenses/lgpl-3.0", "LGPL-3.0-only"),
      Map.entry("gnu.org/licenses/old-licenses/gpl-2.0", "GPL-2.0-only"),
      Map.entry("gnu.org/licenses/gpl-3.0", "GPL-3.0-only"),
      Map.entry("gnu.org/licenses/agpl-3.0", "AGPL-3.0-only"));

  private LicenseNames() {}

  /** The SPDX expression for a licence name (or an SPDX expression already), and/or its URL; empty when unknown. */
  public static Optional<String> spdx(String name, String url) {
    String n = name == null ? "" : name.strip();
    if (!n.isEmpty()) {
      try {
        SpdxExpression e = SpdxExpression.parse(n);
        if (Licenses.unrecognised(e).isEmpty() && !(e instanceof SpdxExpression.Ref)) {
          return Optional.of(e.toString());
        }
      } catch (SpdxExpression.ParseException notAnExpression) {
        // A prose name: looked up below.
      }
      String mapped = NAMES.get(normalise(n));
      if (mapped != null) {
        return Optional.of(mapped);
      }
    }
    String u = url == null ? "" : url.strip().toLowerCase(Locale.ROOT).replaceFirst("^https?://(www\\.)?", "")
        .replaceFirst("(\\.txt|\\.html|\\.php|/)+$", "");
    return Optional.ofNullable(URLS.get(u));
  }

  /** Lower case, "the" dropped, punctuation as spaces: "The Apache License, Version 2.0" → "apache license version 2 0". */
  static String normalise(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    return s.startsWith("the ") ? s.substring(4) : s;
  }
}
