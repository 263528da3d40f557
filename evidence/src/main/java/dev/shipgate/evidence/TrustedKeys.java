package dev.shipgate.evidence;

import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The public keys whose signatures the gate trusts, each bound to one identity (a person {@code @alice}, a team
 * {@code @acme/security}, or an e-mail address). Read from the policy:
 *
 * <pre>
 * scanners:
 *   change:
 *     trusted_keys:
 *       "@alice": keys/alice.pub          # repository-relative path of a PEM public key
 *       "@acme/security": keys/security.pub
 * </pre>
 */
public final class TrustedKeys {

  /** The policy key under {@code scanners.change}. */
  public static final String SETTING = "trusted_keys";
  private static final Pattern IDENTITY = Pattern.compile(
      "@[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?(?:/[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?)?"
          + "|[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** One trusted key. */
  public record Trusted(String identity, String keyId, PublicKey key, String source) {}

  private final Map<String, Trusted> byKeyId;

  private TrustedKeys(Map<String, Trusted> byKeyId) {
    this.byKeyId = byKeyId;
  }

  public static TrustedKeys none() {
    return new TrustedKeys(Map.of());
  }

  /** Keys held in memory, for callers that obtained them elsewhere; {@code source} reads "(in memory)". */
  public static TrustedKeys of(Map<String, PublicKey> keys) {
    Map<String, Trusted> out = new LinkedHashMap<>();
    keys.forEach((id, key) -> out.put(Keys.keyId(key), new Trusted(id, Keys.keyId(key), key, "(in memory)")));
    return new TrustedKeys(Map.copyOf(out));
  }

  /**
   * Reads {@code trusted_keys} from the {@code scanners.change} section of the policy. Each problem (not a mapping,
   * a malformed identity, a path outside the repository, a missing or malformed key file, one key trusted for two
   * identities) is a {@link PolicyException} at the offending entry's line and column.
   *
   * @param changeSettings the {@code scanners.change} section, e.g. {@code policy.settings("change")}
   * @param repoRoot the directory key paths are relative to
   */
  public static TrustedKeys from(Settings changeSettings, Path repoRoot) throws PolicyException {
    if (!changeSettings.has(SETTING)) {
      return none();
    }
    Settings section = changeSettings.section(SETTING);
    Path root = repoRoot.toAbsolutePath().normalize();
    Map<String, Trusted> out = new LinkedHashMap<>();
    for (String identity : section.keys()) {
      if (!IDENTITY.matcher(identity).matches()) {
        throw section.errorAtKey(identity, "'" + identity + "' is not an identity: use @user, @org/team or an e-mail "
            + "address");
      }
      String relative = section.string(identity, "");
      if (relative.isBlank()) {
        throw section.errorAt(identity, "the trusted key of " + identity + " needs the repository-relative path of a "
            + "PEM public key");
      }
      Path rel = Path.of(relative);
      Path file = root.resolve(rel).normalize();
      if (rel.isAbsolute() || !file.startsWith(root)) {
        throw section.errorAt(identity, "the key path '" + relative + "' of " + identity + " must stay inside the "
            + "repository (a relative path without '..' escaping it)");
      }
      if (!Files.isRegularFile(file)) {
        throw section.errorAt(identity, "the key file '" + relative + "' of " + identity + " does not exist");
      }
      PublicKey key;
      try {
        key = Keys.parsePublicKey(readSmall(file, relative), relative);
      } catch (EvidenceException e) {
        throw section.errorAt(identity, "the trusted key of " + identity + " is unusable: " + e.getMessage());
      }
      String keyId = Keys.keyId(key);
      Trusted earlier = out.get(keyId);
      if (earlier != null) {
        throw section.errorAt(identity, "'" + relative + "' holds the same key as " + earlier.source() + " (trusted for "
            + earlier.identity() + "): one key must name one identity");
      }
      out.put(keyId, new Trusted(identity, keyId, key, relative));
    }
    return new TrustedKeys(java.util.Collections.unmodifiableMap(out));
  }

  private static String readSmall(Path file, String name) throws EvidenceException {
    try {
      if (Files.size(file) > 64 * 1024) {
        throw new EvidenceException(name + ": too large to be a PEM key file");
      }
      return Files.readString(file, java.nio.charset.StandardCharsets.US_ASCII);
    } catch (java.io.IOException e) {
      throw new EvidenceException(name + ": cannot read it (" + e.getMessage() + "), or it is not an ASCII PEM file", e);
    }
  }

  public Optional<Trusted> byKeyId(String keyId) {
    return Optional.ofNullable(byKeyId.get(keyId));
  }

  /** The keys trusted for one identity (one person may hold several keys). */
  public List<Trusted> forIdentity(String identity) {
    List<Trusted> out = new ArrayList<>();
    for (Trusted t : byKeyId.values()) {
      if (t.identity().equals(identity)) {
        out.add(t);
      }
    }
    return out;
  }

  public List<Trusted> all() {
    return List.copyOf(byKeyId.values());
  }

  public boolean isEmpty() {
    return byKeyId.isEmpty();
  }
}
