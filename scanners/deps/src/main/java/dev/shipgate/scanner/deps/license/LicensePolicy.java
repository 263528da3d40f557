package dev.shipgate.scanner.deps.license;

import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code scanners.deps.licenses}: {@code allow} and {@code deny} lists of licence identifiers (a trailing {@code *}
 * matches a prefix, {@code GPL-*}; {@code LicenseRef-…} and {@code X WITH Y} entries match exactly), and
 * {@code project}, the project's own licence as an SPDX expression when it is not found in the repository.
 *
 * @param project the configured project licence, or null
 */
public record LicensePolicy(List<String> allow, List<String> deny, SpdxExpression project) {

  public static final LicensePolicy NONE = new LicensePolicy(List.of(), List.of(), null);

  public LicensePolicy {
    allow = List.copyOf(allow);
    deny = List.copyOf(deny);
  }

  public static LicensePolicy from(Settings s) throws PolicyException {
    s.requireOnly(Set.of("allow", "deny", "project"), "scanners.deps.licenses");
    List<String> allow = s.strings("allow");
    List<String> deny = s.strings("deny");
    for (String a : allow) {
      if (deny.stream().anyMatch(d -> d.equalsIgnoreCase(a))) {
        throw s.errorAt("deny", "licence '" + a + "' is both allowed and denied");
      }
    }
    SpdxExpression project = null;
    String p = s.string("project", null);
    if (p != null) {
      try {
        project = SpdxExpression.parse(p);
      } catch (SpdxExpression.ParseException e) {
        throw s.errorAt("project", "'project' must be an SPDX licence expression: " + e.getMessage());
      }
    }
    return new LicensePolicy(allow, deny, project);
  }

  /** Whether any list is configured, so that packages without licence data matter. */
  public boolean configured() {
    return !allow.isEmpty() || !deny.isEmpty();
  }

  /** True when every way of complying with the expression uses a denied licence. */
  public boolean denied(SpdxExpression e) {
    // A denied licence WITH an exception the allow list names in full ("GPL-2.0-only WITH Classpath-exception-2.0") passes.
    return !deny.isEmpty() && !e.satisfiable(leaf -> !matchesAny(leaf, deny)
        || (leaf instanceof SpdxExpression.With && allow.stream().anyMatch(a -> a.strip().equalsIgnoreCase(leaf.toString()))));
  }

  /** True when an allow list exists and no way of complying uses allowed licences only. */
  public boolean notAllowed(SpdxExpression e) {
    return !allow.isEmpty() && !e.satisfiable(leaf -> matchesAny(leaf, allow));
  }

  static boolean matchesAny(SpdxExpression leaf, List<String> entries) {
    String whole = leaf.toString().toUpperCase(Locale.ROOT);
    String id = SpdxExpression.idOf(leaf);
    for (String entry : entries) {
      String e = entry.strip().toUpperCase(Locale.ROOT);
      if (e.endsWith("*") ? !id.isEmpty() && id.startsWith(e.substring(0, e.length() - 1)) : e.equals(whole) || e.equals(id)) {
        return true;
      }
    }
    return false;
  }
}
