package dev.shipgate.evidence;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;

/** A private key with its public half and key id, as read from one PKCS#8 PEM file. */
public record SigningKey(PrivateKey privateKey, PublicKey publicKey, String keyId) {

  public static SigningKey of(KeyPair pair) {
    return new SigningKey(pair.getPrivate(), pair.getPublic(), Keys.keyId(pair.getPublic()));
  }

  /** Reads a {@code PRIVATE KEY} PEM file and derives its public key (PKCS#8 files need not carry it). */
  public static SigningKey read(Path privateKeyFile) throws EvidenceException {
    PrivateKey key = Keys.readPrivateKey(privateKeyFile);
    PublicKey pub = Keys.publicKey(key);
    return new SigningKey(key, pub, Keys.keyId(pub));
  }

  public Keys.Algorithm algorithm() throws EvidenceException {
    return Keys.algorithm(publicKey);
  }

  @Override
  public String toString() {
    return "SigningKey[" + keyId + "]"; // never the private key
  }
}
