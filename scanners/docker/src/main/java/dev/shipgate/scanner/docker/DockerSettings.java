package dev.shipgate.scanner.docker;

import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The policy section {@code scanners.docker}.
 *
 * @param pins image repository (as Docker Hub users write it) to the tag, digest or {@code tag@digest} that an
 *     unpinned reference should be pinned to; shipgate is offline, so it only pins to what the policy says
 * @param requireDigest also report tagged images without a {@code @sha256:} digest
 * @param requirePackagePins report package installs without versions
 * @param user the user a fix adds to a final stage that runs as root, when the base image has none of its own
 */
public record DockerSettings(Map<String, String> pins, boolean requireDigest, boolean requirePackagePins, String user) {

  static final String PINS = "pins";
  static final String REQUIRE_DIGEST = "require_digest";
  static final String REQUIRE_PACKAGE_PINS = "require_package_pins";
  static final String USER = "user";
  static final Set<String> KEYS = Set.of(PINS, REQUIRE_DIGEST, REQUIRE_PACKAGE_PINS, USER);

  public static final DockerSettings DEFAULTS = new DockerSettings(Map.of(), false, false, "10001:10001");

  private static final Pattern PIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}(?:@sha256:[0-9a-f]{64})?|sha256:[0-9a-f]{64}");
  private static final Pattern USER_VALUE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*(?::[A-Za-z0-9_][A-Za-z0-9_.-]*)?");

  /** Reads and validates the section; every mistake names its line in the policy file. */
  static DockerSettings read(Settings s) throws PolicyException {
    Map<String, String> pins = new LinkedHashMap<>();
    Settings section = s.section(PINS);
    for (String image : section.keys()) {
      String pin = section.string(image, "");
      if (!PIN.matcher(pin).matches()) {
        throw section.errorAt(image, "pin for '" + image + "' must be a tag, sha256:<64 hex> or tag@sha256:<64 hex>, not '" + pin + "'");
      }
      pins.put(image.toLowerCase(Locale.ROOT), pin);
    }
    String user = s.string(USER, DEFAULTS.user());
    if (!USER_VALUE.matcher(user).matches() || isRoot(user)) {
      throw s.errorAt(USER, "'user' must be a non-root user or uid, optionally with :group, not '" + user + "'");
    }
    return new DockerSettings(Map.copyOf(pins), s.bool(REQUIRE_DIGEST, false), s.bool(REQUIRE_PACKAGE_PINS, false), user);
  }

  /** The policy's pin for an image repository. */
  public Optional<String> pin(String familiarRepository) {
    return Optional.ofNullable(pins.get(familiarRepository));
  }

  /** {@code root}, {@code 0}, with or without a group. */
  public static boolean isRoot(String user) {
    String u = user.strip();
    int colon = u.indexOf(':');
    String name = colon < 0 ? u : u.substring(0, colon);
    return name.equals("root") || name.matches("0+");
  }
}
