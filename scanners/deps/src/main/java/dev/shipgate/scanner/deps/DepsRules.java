package dev.shipgate.scanner.deps;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import java.util.List;

/** The rules of the {@code deps} family, one declarative entry each. */
public final class DepsRules {

  static final String FAMILY = "deps";

  public static final Rule KNOWN_ADVISORY = Rule.builder("deps/vulnerable/known-advisory", FAMILY)
      .title("Dependency version with a known vulnerability")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-1395")
      .description("The locked or pinned version of this package is inside the affected range of a published advisory "
          + "(OSV: GHSA, CVE, PYSEC, GO, RUSTSEC). Severity comes from the advisory's CVSS vector, computed, or its "
          + "database's rating; aliases of one vulnerability are reported once.")
      .fix("Upgrade to the fixed version named in the finding (the smallest one that resolves every range of the "
          + "advisory), regenerate the lockfile, and run the tests; if no fix exists, remove or isolate the package or "
          + "record a waiver with an expiry.")
      .tags("owasp-top10:A06:2021", "ssdf:PW.4.4", "ssdf:RV.1.1")
      .build();

  public static final Rule UNPINNED_VERSION = Rule.builder("deps/pinning/unpinned-version", FAMILY)
      .title("Dependency without an exact version")
      .severity(Severity.LOW)
      .confidence(Confidence.HIGH)
      .cwe("CWE-1357", "CWE-829")
      .description("The manifest accepts a range of versions (or any version), so each install may resolve to a "
          + "different release, including a compromised or vulnerable one published later; advisory matching cannot "
          + "tell which version is installed.")
      .fix("Pin the exact version (== in requirements files, a plain version in pom.xml) or commit the lockfile the "
          + "package manager writes, and update it deliberately.")
      .tags("owasp-top10:A08:2021", "ssdf:PS.3.2", "ssdf:PW.4.1")
      .build();

  public static final Rule NON_REGISTRY_SOURCE = Rule.builder("deps/source/non-registry", FAMILY)
      .title("Dependency fetched from outside a package registry")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-494", "CWE-829")
      .description("The package comes from a git repository, a plain URL or a local path instead of a registry: it "
          + "escapes the registry's immutability and advisory coverage, and whoever controls that location controls "
          + "the code that is built.")
      .fix("Publish the package to the registry (or a private one the policy allows) and depend on a released "
          + "version; if the source must stay, pin a full commit hash or an integrity hash and record the decision.")
      .tags("owasp-top10:A08:2021", "ssdf:PW.4.1", "ssdf:PS.3.2")
      .build();

  public static final Rule MISSING_INTEGRITY = Rule.builder("deps/integrity/missing-hash", FAMILY)
      .title("Locked dependency without an integrity hash")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-494", "CWE-353")
      .description("The lockfile format records a hash of every downloaded artifact (or, for pip, this file uses "
          + "hash-checking mode), but this package has none, so a substituted artifact would install unnoticed; "
          + "a missing hash usually means a hand-edited or partially regenerated lockfile.")
      .fix("Regenerate the lockfile with the package manager (npm install, yarn, pnpm install, cargo update -p, "
          + "poetry lock, pip-compile --generate-hashes) so that every entry carries its hash.")
      .tags("owasp-top10:A08:2021", "ssdf:PS.3.2")
      .build();

  public static final List<Rule> ALL = List.of(KNOWN_ADVISORY, UNPINNED_VERSION, NON_REGISTRY_SOURCE, MISSING_INTEGRITY);

  private DepsRules() {}
}
