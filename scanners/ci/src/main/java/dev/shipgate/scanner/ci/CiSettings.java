package dev.shipgate.scanner.ci;

import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The policy section {@code scanners.ci}.
 *
 * @param firstPartyActions how an unpinned action of GitHub itself ({@code actions/*}, {@code github/*}) or of
 *     a trusted owner is reported: {@code low} (default), {@code same} as third-party, or {@code ignore}
 * @param trustedOwners GitHub owners (your organisation) whose actions and reusable workflows count as first-party
 */
public record CiSettings(String firstPartyActions, Set<String> trustedOwners) {

  static final String FIRST_PARTY_ACTIONS = "first_party_actions";
  static final String TRUSTED_OWNERS = "trusted_owners";
  static final Set<String> KEYS = Set.of(FIRST_PARTY_ACTIONS, TRUSTED_OWNERS);

  public static final CiSettings DEFAULTS = new CiSettings("low", Set.of());

  static CiSettings of(Settings settings) throws PolicyException {
    String mode = settings.string(FIRST_PARTY_ACTIONS, "low").trim().toLowerCase(Locale.ROOT);
    if (!Set.of("low", "same", "ignore").contains(mode)) {
      throw settings.errorAt(FIRST_PARTY_ACTIONS, "'" + FIRST_PARTY_ACTIONS + "' must be low, same or ignore, not '" + mode + "'");
    }
    Set<String> owners = new LinkedHashSet<>();
    for (String o : settings.strings(TRUSTED_OWNERS)) {
      owners.add(o.trim().toLowerCase(Locale.ROOT));
    }
    return new CiSettings(mode, Set.copyOf(owners));
  }

  /** Whether {@code owner} (of {@code owner/repo}) is GitHub itself or listed as trusted. */
  public boolean firstParty(String owner) {
    String o = owner.toLowerCase(Locale.ROOT);
    return o.equals("actions") || o.equals("github") || trustedOwners.contains(o);
  }
}
