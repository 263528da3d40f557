package dev.shipgate.scanner.change;

import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.evidence.TrustedKeys;
import dev.shipgate.git.ChangeSet;
import dev.shipgate.git.GitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The keys the policy trusted at the base of the change: the base version of the policy with the base versions of the
 * key files it names. Read through a private temporary copy because the trusted-key reader reads files from disk.
 */
final class BaseKeys {

  private BaseKeys() {}

  /**
   * Keys trusted for a change: those the policy trusts both at the base and now, for the same identity. A change that
   * adds a key or re-assigns one cannot use that key to approve itself.
   */
  static TrustedKeys forChange(Settings settings, ChangeSet cs, Path top) throws PolicyException, GitException, IOException {
    TrustedKeys now = TrustedKeys.from(settings, top);
    if (now.isEmpty()) {
      return now;
    }
    TrustedKeys before = read(settings, cs, now);
    Map<String, PublicKey> both = new LinkedHashMap<>();
    for (TrustedKeys.Trusted t : now.all()) {
      Optional<TrustedKeys.Trusted> b = before.byKeyId(t.keyId());
      if (b.isPresent() && b.get().identity().equals(t.identity())) {
        both.putIfAbsent(t.identity(), t.key());
      }
    }
    return TrustedKeys.of(both);
  }

  static TrustedKeys read(Settings settings, ChangeSet cs, TrustedKeys current) throws GitException, IOException {
    String policyPath = settings.file().replace('\\', '/');
    if (policyPath.startsWith("/") || policyPath.startsWith("<") || policyPath.matches("[A-Za-z]:.*")) {
      return current; // a policy outside the repository cannot be edited by the change
    }
    Optional<SourceFile> basePolicy = cs.before(policyPath);
    if (basePolicy.isEmpty()) {
      return TrustedKeys.none(); // the policy is new in this change: nothing was trusted before it
    }
    Settings base;
    try {
      base = PolicyFiles.parse(policyPath, basePolicy.get().text()).section("scanners").section("change");
      if (!base.has(ChangePolicy.TRUSTED_KEYS)) {
        return TrustedKeys.none();
      }
      Path dir = Files.createTempDirectory("shipgate-base-keys");
      try {
        Settings keys = base.section(ChangePolicy.TRUSTED_KEYS);
        for (String identity : keys.keys()) {
          String rel = keys.string(identity, "");
          Path target = dir.resolve(rel).normalize();
          if (rel.isBlank() || !target.startsWith(dir)) {
            continue; // the reader reports the bad path; nothing to copy
          }
          Optional<SourceFile> key = cs.before(rel.startsWith("./") ? rel.substring(2) : rel);
          if (key.isPresent() && key.get().size() <= 64 * 1024) {
            Files.createDirectories(target.getParent());
            Files.write(target, key.get().bytes());
          }
        }
        return TrustedKeys.from(base, dir);
      } finally {
        try (Stream<Path> all = Files.walk(dir)) {
          all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    } catch (PolicyException e) {
      // The base policy's keys were unusable: nothing was trusted at the base, so nothing counts now either.
      return TrustedKeys.none();
    }
  }
}
