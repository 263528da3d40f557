package dev.shipgate.scanner.deps;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.scan.ScanContext;
import dev.shipgate.scanner.deps.Package.Source;
import dev.shipgate.scanner.deps.license.Licenses;
import dev.shipgate.scanner.deps.license.LicensePolicy;
import dev.shipgate.scanner.deps.license.SpdxExpression;
import dev.shipgate.scanner.deps.policy.DepsPolicy;
import dev.shipgate.scanner.deps.policy.Registries;
import dev.shipgate.scanner.deps.policy.Typosquats;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The policy rules judged per package: install scripts, registries, typosquats and licences. */
final class PolicyChecks {

  private final DepsPolicy policy;
  private final ScanContext context;
  /** Typosquat results per ecosystem and name: a monorepo repeats names across lockfiles. */
  private final Map<String, Optional<Typosquats.Match>> typos = new ConcurrentHashMap<>();

  PolicyChecks(DepsPolicy policy, ScanContext context) {
    this.policy = policy;
    this.context = context;
  }

  void check(List<Package> packages) {
    Set<String> manifestsWithLicences = new HashSet<>();
    for (Package p : packages) {
      // Only npm and composer lockfiles state licences themselves; elsewhere a licence came from local metadata,
      // whose absence for one package says nothing about what the package declares.
      if (!p.license().isEmpty() && (p.ecosystem() == Ecosystem.NPM || p.ecosystem() == Ecosystem.PACKAGIST)) {
        manifestsWithLicences.add(p.manifest());
      }
    }
    // The typosquat comparison is the costly part (every name against a popular list): done for all names on every
    // core first, the reports then follow in package order.
    packages.parallelStream().filter(p -> p.source() == Source.REGISTRY && !policy.typosquatAllowed(p.ecosystem(), p.name()))
        .forEach(p -> typos.computeIfAbsent(p.ecosystem() + "\u0000" + p.name(), k -> Typosquats.of(p.ecosystem()).check(p.name())));
    Map<String, Integer> withoutLicence = new LinkedHashMap<>();
    for (Package p : packages) {
      if (context.cancelled()) {
        return;
      }
      installScripts(p);
      registry(p);
      typosquat(p);
      if (!p.license().isEmpty()) {
        license(p);
      } else if (policy.licenses().configured() && manifestsWithLicences.contains(p.manifest())) {
        // This lockfile records licences, so a package without one declares none.
        report(DepsRules.LICENSE_UNKNOWN, p, p.name() + " " + p.version() + " declares no licence in " + p.manifest(), null);
      } else if (policy.licenses().configured()) {
        withoutLicence.merge(p.manifest(), 1, Integer::sum);
      }
    }
    withoutLicence.forEach((manifest, count) -> context.skipped(manifest, "licence policy not applied to " + count
        + (count == 1 ? " package" : " packages") + ": the file records no licences and no local metadata (~/.m2 POMs, "
        + "a virtualenv's METADATA) names them"));
  }

  private void installScripts(Package p) {
    if (p.installScripts() && !policy.installScriptsAllowed(p.ecosystem(), p.name())) {
      report(DepsRules.INSTALL_SCRIPT, p, p.name() + " " + p.version() + " runs an install script when installed ("
          + (p.direct() ? "a direct dependency" : "pulled in by another package") + "); allow it under "
          + "scanners.deps.install_scripts.allow if that is expected", null);
    }
  }

  private void registry(Package p) {
    if (p.source() != Source.REGISTRY) {
      return;
    }
    List<String> allowed = policy.registries().getOrDefault(p.ecosystem(), List.of());
    String where = "; scanners.deps.registries." + p.ecosystem().purlType() + ")";
    if (p.possibleSources().isEmpty()) {
      Optional<String> url = Registries.url(p.resolved());
      if (url.isPresent() && !Registries.allowed(url.get(), allowed)) {
        report(DepsRules.UNAPPROVED_REGISTRY, p, p.name() + " " + p.version() + " is resolved from " + Registries.display(url.get())
            + ", which is not an allowed " + p.ecosystem().osvName() + " registry (allowed: " + String.join(", ", allowed) + where, null);
      }
      return;
    }
    // The lockfile cannot say which of several registries served it: any of them may have, so each must be allowed.
    List<String> outside = p.possibleSources().stream().map(Registries::url).flatMap(Optional::stream)
        .filter(u -> !Registries.allowed(u, allowed)).map(Registries::display).toList();
    if (!outside.isEmpty()) {
      report(DepsRules.UNAPPROVED_REGISTRY, p, p.name() + " " + p.version() + " may be resolved from any of "
          + String.join(", ", p.possibleSources().stream().map(Registries::display).toList()) + " (the lockfile does not record which), and "
          + String.join(", ", outside) + (outside.size() == 1 ? " is not an allowed " : " are not allowed ") + p.ecosystem().osvName()
          + (outside.size() == 1 ? " registry" : " registries") + " (allowed: " + String.join(", ", allowed) + where, null);
    }
  }

  private void typosquat(Package p) {
    if (p.source() != Source.REGISTRY || policy.typosquatAllowed(p.ecosystem(), p.name())) {
      return;
    }
    Optional<Typosquats.Match> m = typos.computeIfAbsent(p.ecosystem() + "\u0000" + p.name(),
        k -> Typosquats.of(p.ecosystem()).check(p.name()));
    if (m.isPresent()) {
      Typosquats.Match match = m.get();
      Finding f = DepsScanner.builder(DepsRules.TYPOSQUAT, p, "the name " + p.name() + " is " + match.how() + " "
              + match.popular() + ", a popular " + p.ecosystem().osvName() + " package: check that it is the package "
              + "meant (allow it under scanners.deps.typosquat.allow if it is)", null)
          .confidence(match.confusion() ? Confidence.HIGH : Confidence.MEDIUM)
          .contextKey(DepsRules.TYPOSQUAT.id() + "|" + p.ecosystem() + "|" + p.name())
          .property("resembles", match.popular())
          .build();
      context.report(f);
    }
  }

  private void license(Package p) {
    SpdxExpression e;
    try {
      e = SpdxExpression.parse(p.license());
    } catch (SpdxExpression.ParseException ex) {
      report(DepsRules.LICENSE_UNKNOWN, p, p.name() + " " + p.version() + " states the licence '" + abbreviate(p.license())
          + "', which is not an SPDX expression (" + ex.getMessage() + ")", null);
      return;
    }
    LicensePolicy lp = policy.licenses();
    if (lp.denied(e)) {
      report(DepsRules.LICENSE_DENIED, p, p.name() + " " + p.version() + " is licensed " + e + ", and every choice "
          + "it offers uses a licence in scanners.deps.licenses.deny (" + String.join(", ", lp.deny()) + ")", null);
    } else if (lp.notAllowed(e)) {
      report(DepsRules.LICENSE_NOT_ALLOWED, p, p.name() + " " + p.version() + " is licensed " + e + ", which "
          + "scanners.deps.licenses.allow does not cover (" + String.join(", ", lp.allow()) + ")", null);
    }
    List<String> unknown = Licenses.unrecognised(e);
    if (!unknown.isEmpty()) {
      report(DepsRules.LICENSE_UNKNOWN, p, p.name() + " " + p.version() + " is licensed " + e + ", and "
          + String.join(", ", unknown) + (unknown.size() == 1 ? " is not a licence or exception" : " are not licences or exceptions")
          + " shipgate recognises", null);
    }
  }

  private void report(dev.shipgate.core.model.Rule rule, Package p, String message, dev.shipgate.core.model.Severity severity) {
    context.report(DepsScanner.builder(rule, p, message, severity).contextKey(rule.id() + "|" + p.ecosystem() + "|" + p.name())
        .property("license", p.license()).build());
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
