package dev.shipgate.scanner.deps.policy;

import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.scanner.deps.Ecosystem;
import dev.shipgate.scanner.deps.license.LicensePolicy;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependency policy of {@code scanners.deps}: allowed registries per ecosystem, packages allowed to run
 * install scripts, names exempt from the typosquat check, and the licence lists. Every mistake is a positioned
 * policy error, so a misspelt key never silently turns a check off.
 *
 * @param registries the allowed registries of each ecosystem (the defaults, or the policy's list for it)
 * @param installScriptsAllowed package names (each ecosystem's canonical form) that may run install scripts
 * @param typosquatAllowed package names never reported as typosquats
 */
public record DepsPolicy(Map<Ecosystem, List<String>> registries, Set<String> installScriptsAllowed,
    Set<String> typosquatAllowed, LicensePolicy licenses) {

  public static final String REGISTRIES = "registries";
  public static final String INSTALL_SCRIPTS = "install_scripts";
  public static final String TYPOSQUAT = "typosquat";
  public static final String LICENSES = "licenses";
  static final String ALLOW = "allow";

  /** The policy with nothing configured: public registries only, no exemptions, no licence lists. */
  public static DepsPolicy defaults() {
    return new DepsPolicy(Registries.DEFAULTS, Set.of(), Set.of(), LicensePolicy.NONE);
  }

  public static DepsPolicy from(Settings deps) throws PolicyException {
    Map<Ecosystem, List<String>> registries = new EnumMap<>(Registries.DEFAULTS);
    Settings r = deps.section(REGISTRIES);
    for (String key : r.keys()) {
      Ecosystem e = byPolicyName(key);
      if (e == null) {
        throw r.errorAtKey(key, "unknown ecosystem '" + key + "' in scanners.deps.registries (known: npm, maven, pypi, "
            + "golang, cargo, gem, composer, nuget)");
      }
      List<String> allowed = r.strings(key);
      for (String entry : allowed) {
        if (!Registries.valid(entry)) {
          throw r.errorAt(key, "'" + entry + "' is neither a host name (registry.npmjs.org, *.acme.example) nor an "
              + "http(s) URL prefix");
        }
      }
      registries.put(e, List.copyOf(allowed));
    }
    return new DepsPolicy(Map.copyOf(registries), allowList(deps, INSTALL_SCRIPTS), allowList(deps, TYPOSQUAT),
        LicensePolicy.from(deps.section(LICENSES)));
  }

  private static Set<String> allowList(Settings deps, String key) throws PolicyException {
    Settings s = deps.section(key);
    s.requireOnly(Set.of(ALLOW), "scanners.deps." + key);
    Set<String> out = new LinkedHashSet<>();
    for (String name : s.strings(ALLOW)) {
      out.add(Names.canonical(name));
      out.add(Names.canonical(Ecosystem.PYPI, name)); // entries name no ecosystem: keep PyPI's folded form too
    }
    return Set.copyOf(out);
  }

  public boolean installScriptsAllowed(Ecosystem ecosystem, String name) {
    return installScriptsAllowed.contains(Names.canonical(ecosystem, name));
  }

  public boolean typosquatAllowed(Ecosystem ecosystem, String name) {
    return typosquatAllowed.contains(Names.canonical(ecosystem, name));
  }

  /** Ecosystems are named in the policy as in PURLs and the database layout ({@code npm}, {@code pypi}, ...). */
  static Ecosystem byPolicyName(String name) {
    for (Ecosystem e : Ecosystem.values()) {
      if (e.purlType().equals(name)) {
        return e;
      }
    }
    return null;
  }
}
