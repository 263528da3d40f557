package dev.shipgate.evidence.command;

import dev.shipgate.core.policy.Policy;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.PolicyLoader;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.evidence.EvidenceException;
import dev.shipgate.evidence.Keys;
import dev.shipgate.evidence.Subject;
import dev.shipgate.evidence.TrustedKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The policy as the evidence commands need it: its digest (what attestations record) and its trusted keys. Only
 * {@code scanners.change.trusted_keys} is read here; {@code shipgate scan} validates the rest of the file.
 *
 * @param name how messages name the policy
 * @param digest {@code sha256:HEX} of the file's bytes, or of the built-in defaults when there is no file
 */
record PolicyFile(String name, String digest, TrustedKeys trusted) {

  /**
   * Reads {@code config}, or else the {@code shipgate.yml} found from {@code dir} upward to the git root, or else the
   * built-in defaults (which trust no key). {@code extraKey} is a public key trusted in addition ({@code --key}).
   */
  static PolicyFile load(Optional<Path> config, Path dir, Optional<Path> extraKey) throws PolicyException,
      EvidenceException {
    Path root = Subject.root(dir);
    Optional<Path> file = config.isPresent() ? config : PolicyLoader.discover(dir, root);
    PolicyFile policy;
    if (file.isEmpty()) {
      policy = new PolicyFile(Policy.defaults().source(), Policy.defaults().digest(), TrustedKeys.none());
    } else {
      Path f = file.get();
      String name = f.toString();
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(f);
      } catch (IOException e) {
        throw new PolicyException(name, 0, 0, "cannot read policy: " + e.getMessage());
      }
      Node node = compose(new String(bytes, StandardCharsets.UTF_8), name);
      TrustedKeys trusted = TrustedKeys.none();
      if (node != null) {
        Settings change = Settings.of(name, node, "the policy").section("scanners").section("change");
        Path base = f.toAbsolutePath().getParent();
        // Key paths are relative to the repository; a policy outside any repository resolves them beside itself.
        trusted = TrustedKeys.from(change, Subject.root(base));
      }
      policy = new PolicyFile(name, PolicyLoader.sha256(bytes), trusted);
    }
    if (extraKey.isEmpty()) {
      return policy;
    }
    PublicKey key = Keys.readPublicKey(extraKey.get());
    Map<String, PublicKey> keys = new LinkedHashMap<>();
    policy.trusted().all().forEach(t -> keys.put(t.identity(), t.key()));
    keys.put("--key " + extraKey.get(), key);
    return new PolicyFile(policy.name(), policy.digest(), TrustedKeys.of(keys));
  }

  private static Node compose(String yaml, String name) throws PolicyException {
    LoadSettings settings = LoadSettings.builder().setLabel(name).setAllowDuplicateKeys(false)
        .setMaxAliasesForCollections(50).setCodePointLimit(1024 * 1024).build();
    try {
      return new Compose(settings).composeString(yaml).orElse(null);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      int col = e.getProblemMark().map(m -> m.getColumn() + 1).orElse(0);
      throw new PolicyException(name, line, col, "not valid YAML: " + e.getProblem());
    } catch (YamlEngineException e) {
      throw new PolicyException(name, 0, 0, "not valid YAML: " + e.getMessage());
    }
  }
}
