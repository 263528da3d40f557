package dev.shipgate.evidence;

import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

  /** Reads key files by repository-relative path ({@code /}-separated, normalised, never escaping the repository). */
  @FunctionalInterface
  public interface KeyFiles {
    /** The file's bytes (at least {@link #MAX_KEY_FILE} + 1 of them when it is larger), or empty when it is absent. */
    Optional<byte[]> read(String path) throws IOException;
  }

  /** Larger files are not key files. */
  public static final int MAX_KEY_FILE = 64 * 1024;

  /**
   * Reads {@code trusted_keys} from the {@code scanners.change} section of the policy, key files from disk. Each
   * problem (not a mapping, a malformed identity, a path outside the repository, a missing or malformed key file, one
   * key trusted for two identities) is a {@link PolicyException} at the offending entry's line and column.
   *
   * @param changeSettings the {@code scanners.change} section, e.g. {@code policy.settings("change")}
   * @param repoRoot the directory key paths are relative to
   */
  public static TrustedKeys from(Settings changeSettings, Path repoRoot) throws PolicyException {
    Path root = repoRoot.toAbsolutePath().normalize();
    return from(changeSettings, path -> {
      Path file = root.resolve(path);
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      try (InputStream in = Files.newInputStream(file)) {
        return Optional.of(in.readNBytes(MAX_KEY_FILE + 1));
      }
    });
  }

  /**
   * As {@link #from(Settings, Path)}, with key files read by {@code files}: e.g. the versions at a diff base, so that
   * a change cannot approve itself with a key it adds.
   */
  public static TrustedKeys from(Settings changeSettings, KeyFiles files) throws PolicyException {
    if (!changeSettings.has(SETTING)) {
      return none();
    }
    Settings section = changeSettings.section(SETTING);
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
      Path rel = Path.of(relative).normalize();
      if (rel.isAbsolute() || rel.startsWith("..") || rel.toString().isEmpty()) {
        throw section.errorAt(identity, "the key path '" + relative + "' of " + identity + " must stay inside the "
            + "repository (a relative path without '..' escaping it)");
      }
      Optional<byte[]> bytes;
      try {
        bytes = files.read(rel.toString().replace(java.io.File.separatorChar, '/'));
      } catch (IOException e) {
        throw section.errorAt(identity, "the key file '" + relative + "' of " + identity + " cannot be read: "
            + e.getMessage());
      }
      if (bytes.isEmpty()) {
        throw section.errorAt(identity, "the key file '" + relative + "' of " + identity + " does not exist");
      }
      PublicKey key;
      try {
        if (bytes.get().length > MAX_KEY_FILE) {
          throw new EvidenceException(relative + ": too large to be a PEM key file");
        }
        key = Keys.parsePublicKey(new String(bytes.get(), StandardCharsets.US_ASCII), relative);
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
