package dev.shipgate.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeysTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Keys.Algorithm.class)
  void pemRoundTripAndDerivedPublicKey(Keys.Algorithm alg) throws Exception {
    KeyPair pair = Keys.generate(alg);
    Path priv = dir.resolve("k.pem");
    Path pub = dir.resolve("k.pub");
    Keys.writePrivateKey(priv, pair.getPrivate());
    Keys.writePublicKey(pub, pair.getPublic());
    assertThat(Files.readString(priv)).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
    assertThat(Files.readString(pub)).startsWith("-----BEGIN PUBLIC KEY-----\n");
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(priv))
          .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
    PrivateKey readPriv = Keys.readPrivateKey(priv);
    PublicKey readPub = Keys.readPublicKey(pub);
    assertThat(readPub.getEncoded()).isEqualTo(pair.getPublic().getEncoded());
    assertThat(readPriv.getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
    // The public half is computed from the private key alone.
    assertThat(Keys.publicKey(readPriv).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
    SigningKey sk = SigningKey.read(priv);
    assertThat(sk.keyId()).isEqualTo(Keys.keyId(pair.getPublic()));
    assertThat(sk.toString()).doesNotContain(HexFormat.of().formatHex(pair.getPrivate().getEncoded()));
    assertThatThrownBy(() -> Keys.writePrivateKey(priv, pair.getPrivate())).hasMessageContaining("refusing to overwrite");
  }

  @Test
  void keyIdIsSha256OfSpki() throws Exception {
    KeyPair pair = Keys.generate(Keys.Algorithm.ED25519);
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded()));
    assertThat(Keys.keyId(pair.getPublic())).isEqualTo(expected).matches("[0-9a-f]{64}");
  }

  @Test
  void ed25519PublicKeyMatchesRfc8032TestVector() throws Exception {
    // RFC 8032 section 7.1, TEST 1.
    byte[] seed = HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    assertThat(HexFormat.of().formatHex(Ed25519Point.publicKey(seed)))
        .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  }

  @Test
  void opensslStyleKeysAreRead() throws Exception {
    // The example key pair of RFC 8410 section 10, in the PEM encoding openssl writes.
    // shipgate:ignore secrets/private-key/pem -- the published RFC 8410 section 10.3 example key, a test vector
    String priv = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----\n";
    String pub = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n";
    PublicKey derived = Keys.publicKey(Keys.parsePrivateKey(priv, "rfc.pem"));
    assertThat(derived.getEncoded()).isEqualTo(Keys.parsePublicKey(pub, "rfc.pub").getEncoded());
  }

  @Test
  void malformedPemIsAClearErrorNamingTheFile() throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "hello\n");
    assertThatThrownBy(() -> Keys.readPublicKey(garbage)).isInstanceOf(EvidenceException.class)
        .hasMessage(garbage + ": not a PEM file (expected a -----BEGIN PUBLIC KEY----- block)");
    Path badBase64 = Files.writeString(dir.resolve("b.pub"), "-----BEGIN PUBLIC KEY-----\nAAA=A\n-----END PUBLIC KEY-----\n");
    assertThatThrownBy(() -> Keys.readPublicKey(badBase64)).hasMessage(badBase64 + ": the PUBLIC KEY block is not valid base64");
    Path notAKey = Files.writeString(dir.resolve("c.pub"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
    assertThatThrownBy(() -> Keys.readPublicKey(notAKey)).hasMessageContaining("not an Ed25519 or ECDSA P-256 key");
    Path unterminated = Files.writeString(dir.resolve("d.pub"), "-----BEGIN PUBLIC KEY-----\nAAAA\n");
    assertThatThrownBy(() -> Keys.readPublicKey(unterminated)).hasMessageContaining("has no matching END line");

    KeyPair pair = Keys.generate(Keys.Algorithm.P256);
    Path priv = dir.resolve("secret.pem");
    Keys.writePrivateKey(priv, pair.getPrivate());
    String privText = Files.readString(priv);
    // A private key where a public one belongs: the message says so without echoing the key.
    assertThatThrownBy(() -> Keys.readPublicKey(priv)).hasMessageContaining("holds a PRIVATE KEY where a PUBLIC KEY is expected")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(privText.lines().skip(1).findFirst().orElseThrow()));
    Path sec1 = Files.writeString(dir.resolve("e.pem"), "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");
    assertThatThrownBy(() -> Keys.readPrivateKey(sec1)).hasMessageContaining("openssl pkcs8 -topk8");
    Path encrypted = Files.writeString(dir.resolve("f.pem"),
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
    assertThatThrownBy(() -> Keys.readPrivateKey(encrypted)).hasMessageContaining("encrypted keys are not supported");
    assertThatThrownBy(() -> Keys.readPrivateKey(dir.resolve("missing.pem"))).hasMessageStartingWith("cannot read key file");
  }

  @Test
  void otherCurvesAreRefused() throws Exception {
    java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
    g.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
    String pem = Keys.toPem(g.generateKeyPair().getPublic());
    assertThatThrownBy(() -> Keys.parsePublicKey(pem, "p384.pub")).hasMessageContaining("p384.pub: unsupported key")
        .hasMessageContaining("other than P-256");
    assertThat(Keys.Algorithm.parse("P256")).isEqualTo(Keys.Algorithm.P256);
    assertThat(Keys.Algorithm.parse("rsa")).isNull();
    assertThat(Set.of(Keys.Algorithm.values())).hasSize(2);
  }
}
