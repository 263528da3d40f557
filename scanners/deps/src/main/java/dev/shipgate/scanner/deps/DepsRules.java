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

  public static final Rule INSTALL_SCRIPT = Rule.builder("deps/install/runs-install-script", FAMILY)
      .title("Dependency runs its own code when installed")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-829")
      .description("The lockfile records that installing this package runs a script it ships (npm hasInstallScript: "
          + "preinstall, install or postinstall; pnpm requiresBuild). That code runs with the rights of whoever "
          + "installs, on developer machines and CI runners, before any test or review of the package; it is the usual "
          + "way compromised and malicious packages steal credentials.")
      .fix("Check why the package needs an install step (native builds usually do); if it is expected, list it under "
          + "scanners.deps.install_scripts.allow with the decision recorded in review. Otherwise replace it, or install "
          + "with scripts disabled (npm ci --ignore-scripts, pnpm's onlyBuiltDependencies).")
      .tags("owasp-top10:A08:2021", "ssdf:PW.4.1", "ssdf:PW.4.4")
      .build();

  public static final Rule UNAPPROVED_REGISTRY = Rule.builder("deps/source/unapproved-registry", FAMILY)
      .title("Dependency resolved from a registry outside the allow-list")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-494", "CWE-829")
      .description("The lockfile resolves this package from a registry that the policy does not allow for its "
          + "ecosystem (by default only the public registry). A package from an unexpected registry is how dependency "
          + "confusion works: a look-alike registry or a public package shadowing an internal name.")
      .fix("Resolve the package from an allowed registry (fix the registry configuration, .npmrc or the index URL, and "
          + "regenerate the lockfile), or add the registry under scanners.deps.registries.<ecosystem> if it is one the "
          + "organisation trusts.")
      .tags("owasp-top10:A08:2021", "ssdf:PW.4.1", "ssdf:PS.3.2")
      .build();

  public static final Rule TYPOSQUAT = Rule.builder("deps/typosquat/similar-name", FAMILY)
      .title("Dependency name imitates a popular package")
      .severity(Severity.HIGH)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-829", "CWE-1357")
      .description("The name is a small edit away from a popular package of the same ecosystem, or the same name with "
          + "other separators, look-alike characters or a dropped npm scope (or, for Maven, a groupId close to a "
          + "popular one). Typosquats copy the real package and add a payload. Confidence is high for swaps and "
          + "look-alikes, which are rarely accidental, and medium for other edits.")
      .fix("Check that this is the package meant: compare its publisher, repository and downloads with the popular one "
          + "named in the finding, and depend on that one if it was a typo. If the name is genuine, add it to "
          + "scanners.deps.typosquat.allow.")
      .tags("owasp-top10:A08:2021", "ssdf:PW.4.1", "ssdf:PW.4.4")
      .build();

  public static final Rule LICENSE_DENIED = Rule.builder("deps/license/denied", FAMILY)
      .title("Dependency licence is on the policy's deny list")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .description("Every way of complying with this package's licence expression uses a licence that "
          + "scanners.deps.licenses.deny forbids (for an OR, each alternative does), so shipping it breaks the "
          + "organisation's licence policy.")
      .fix("Replace the package with one under an allowed licence, or get the licence approved and change the policy "
          + "(or waive this package with the decision recorded).")
      .tags("ssdf:PW.4.4", "iso27001:2022-A.5.21")
      .build();

  public static final Rule LICENSE_NOT_ALLOWED = Rule.builder("deps/license/not-allowed", FAMILY)
      .title("Dependency licence is not on the policy's allow list")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .description("The policy lists the allowed licences (scanners.deps.licenses.allow), and no way of complying with "
          + "this package's licence expression uses allowed licences only.")
      .fix("Have the licence reviewed; add it to the allow list if it is acceptable, otherwise replace the package.")
      .tags("ssdf:PW.4.4", "iso27001:2022-A.5.21")
      .build();

  public static final Rule LICENSE_UNKNOWN = Rule.builder("deps/license/unknown", FAMILY)
      .title("Dependency licence is unknown")
      .severity(Severity.LOW)
      .confidence(Confidence.HIGH)
      .description("The licence the lockfile or local metadata states is not a valid SPDX expression, names "
          + "identifiers shipgate does not recognise, or is missing where the lockfile records licences; the licence "
          + "policy cannot judge the package.")
      .fix("Find the package's real licence (its repository, its published metadata) and record the decision, or ask "
          + "the maintainers to declare an SPDX expression.")
      .tags("ssdf:PW.4.4", "ssdf:PS.3.2")
      .build();

  public static final Rule LICENSE_INCOMPATIBLE_HEADER = Rule.builder("deps/license/incompatible-source-header", FAMILY)
      .title("Source file licence is incompatible with the project's licence")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .description("The file's SPDX-License-Identifier header names a licence that cannot be part of a work under the "
          + "project's declared licence (copyleft code in a permissive or proprietary project, Apache-2.0 in a "
          + "GPL-2.0-only one, ...): typically code copied from another project, often by a coding assistant.")
      .fix("Remove or rewrite the copied code, or obtain it under a compatible licence; if the header is wrong, "
          + "correct it. The project licence comes from scanners.deps.licenses.project, package.json, Cargo.toml, "
          + "pyproject.toml, pom.xml or the LICENSE file.")
      .tags("ssdf:PW.4.4", "iso27001:2022-A.5.21")
      .build();

  public static final List<Rule> ALL = List.of(KNOWN_ADVISORY, UNPINNED_VERSION, NON_REGISTRY_SOURCE, MISSING_INTEGRITY,
      INSTALL_SCRIPT, UNAPPROVED_REGISTRY, TYPOSQUAT, LICENSE_DENIED, LICENSE_NOT_ALLOWED, LICENSE_UNKNOWN,
      LICENSE_INCOMPATIBLE_HEADER);

  private DepsRules() {}
}
