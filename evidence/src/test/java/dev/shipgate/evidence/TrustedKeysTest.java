package dev.shipgate.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;

class TrustedKeysTest {

  @TempDir Path repo;
  KeyPair alice;
  KeyPair team;

  @BeforeEach
  void keys() throws Exception {
    alice = Keys.generate(Keys.Algorithm.ED25519);
    team = Keys.generate(Keys.Algorithm.P256);
    Files.createDirectories(repo.resolve("keys"));
    Keys.writePublicKey(repo.resolve("keys/alice.pub"), alice.getPublic());
    Keys.writePublicKey(repo.resolve("keys/security.pub"), team.getPublic());
  }

  private static Settings change(String yaml) throws PolicyException {
    var node = new Compose(LoadSettings.builder().build()).composeString(yaml).orElseThrow();
    return Settings.of("shipgate.yml", node, "the policy").section("scanners").section("change");
  }

  @Test
  void readsIdentitiesAndKeys() throws Exception {
    Keys.writePublicKey(repo.resolve("keys/release.pub"), Keys.generate(Keys.Algorithm.ED25519).getPublic());
    TrustedKeys t = TrustedKeys.from(change("""
        version: 1
        scanners:
          change:
            trusted_keys:
              "@alice": keys/alice.pub
              "@acme/security": keys/security.pub
              "release@example.com": keys/release.pub
        """), repo);
    assertThat(t.all()).extracting(TrustedKeys.Trusted::identity)
        .containsExactly("@alice", "@acme/security", "release@example.com");
    assertThat(t.byKeyId(Keys.keyId(team.getPublic()))).get().extracting(TrustedKeys.Trusted::identity)
        .isEqualTo("@acme/security");
    assertThat(t.forIdentity("@alice")).singleElement().extracting(TrustedKeys.Trusted::source).isEqualTo("keys/alice.pub");
    assertThat(TrustedKeys.from(change("version: 1\n"), repo).isEmpty()).isTrue();
  }

  @Test
  void keyFilesCanComeFromElsewhereThanTheDisk() throws Exception {
    // E.g. the versions at a diff base: only the bytes given here count, whatever the work tree holds.
    java.util.Map<String, byte[]> base = java.util.Map.of("keys/alice.pub",
        Keys.toPem(team.getPublic()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    java.util.List<String> asked = new java.util.ArrayList<>();
    TrustedKeys t = TrustedKeys.from(change("""
        scanners:
          change:
            trusted_keys:
              "@alice": ./keys/../keys/alice.pub
        """), path -> {
          asked.add(path);
          return java.util.Optional.ofNullable(base.get(path));
        });
    assertThat(asked).containsExactly("keys/alice.pub");
    assertThat(t.forIdentity("@alice")).singleElement().extracting(TrustedKeys.Trusted::keyId)
        .isEqualTo(Keys.keyId(team.getPublic()));
    assertThatThrownBy(() -> TrustedKeys.from(change("""
        scanners:
          change:
            trusted_keys:
              "@bob": keys/bob.pub
        """), path -> java.util.Optional.empty())).hasMessage("shipgate.yml:4:15: the key file 'keys/bob.pub' of @bob "
        + "does not exist");
    assertThatThrownBy(() -> TrustedKeys.from(change("""
        scanners:
          change:
            trusted_keys:
              "@bob": keys/bob.pub
        """), path -> java.util.Optional.of(new byte[TrustedKeys.MAX_KEY_FILE + 1])))
        .hasMessageContaining("keys/bob.pub: too large to be a PEM key file");
  }

  @Test
  void problemsArePositionedInThePolicy() throws Exception {
    assertThatThrownBy(() -> TrustedKeys.from(change("""
        scanners:
          change:
            trusted_keys:
              "@alice": keys/missing.pub
        """), repo)).isInstanceOf(PolicyException.class)
        .hasMessage("shipgate.yml:4:17: the key file 'keys/missing.pub' of @alice does not exist");
    assertThatThrownBy(() -> TrustedKeys.from(change("""
        scanners:
          change:
            trusted_keys:
              "@alice": ../outside.pub
        """), repo)).hasMessageContaining("shipgate.yml:4:17: the key path '../outside.pub' of @alice must stay inside");
    assertThatThrownBy(() -> TrustedKeys.from(change("""
        scanners:
          change:
            trusted_keys:
              "alice smith": keys/alice.pub
        """), repo)).hasMessageStartingWith("shipgate.yml:4:7: 'alice smith' is not an identity");
    assertThatThrownBy(() -> TrustedKeys.from(change("""
        scanners:
          change:
            trusted_keys:
              "@alice": keys/alice.pub
              "@bob": keys/alice.pub
        """), repo)).hasMessageContaining("shipgate.yml:5:15: 'keys/alice.pub' holds the same key as keys/alice.pub "
        + "(trusted for @alice)");
    assertThatThrownBy(() -> TrustedKeys.from(change("""
        scanners:
          change:
            trusted_keys: [keys/alice.pub]
        """), repo)).hasMessageContaining("shipgate.yml:3:19: 'trusted_keys' must be a mapping");
    Files.writeString(repo.resolve("keys/bad.pub"), "-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----\n");
    assertThatThrownBy(() -> TrustedKeys.from(change("""
        scanners:
          change:
            trusted_keys:
              "@alice": keys/bad.pub
        """), repo)).hasMessageContaining("shipgate.yml:4:17: the trusted key of @alice is unusable: keys/bad.pub: "
        + "the PEM block -----BEGIN PUBLIC KEY----- has no matching END line or contains characters that are not base64");
    Keys.writePrivateKey(repo.resolve("keys/alice.key"), alice.getPrivate());
    assertThatThrownBy(() -> TrustedKeys.from(change("""
        scanners:
          change:
            trusted_keys:
              "@alice": keys/alice.key
        """), repo)).hasMessageContaining("holds a PRIVATE KEY where a PUBLIC KEY is expected");
  }
}
