package dev.shipgate.evidence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DSSE signing and verification (https://github.com/secure-systems-lab/dsse/blob/master/protocol.md). The signature
 * covers PAE(type, payload), never the base64 text, so re-encoding an envelope does not break it. Ed25519 signatures
 * are the raw 64 bytes; ECDSA P-256 signatures are ASN.1 DER over SHA-256, which is what cosign produces and checks.
 */
public final class Dsse {

  /** The payload type of in-toto statements. */
  public static final String IN_TOTO = "application/vnd.in-toto+json";

  private Dsse() {}

  /**
   * The outcome of verifying an envelope: the trusted identity and key that signed it, or why none did.
   *
   * @param identity who signed (as named in the trusted keys), or empty when verification failed
   * @param failure empty when verified, else a sentence saying what is wrong
   */
  public record Verification(String identity, String keyId, String failure) {
    static Verification ok(String identity, String keyId) {
      return new Verification(identity, keyId, "");
    }

    static Verification failed(String failure) {
      return new Verification("", "", failure);
    }

    public boolean verified() {
      return failure.isEmpty();
    }
  }

  /** Pre-Authentication Encoding: {@code "DSSEv1" SP LEN(type) SP type SP LEN(payload) SP payload}, lengths in bytes. */
  public static byte[] pae(String payloadType, byte[] payload) {
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + type.length + 32);
    out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(type);
    out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(payload);
    return out.toByteArray();
  }

  /** An envelope with one signature by {@code key}, labelled {@code keyId} (normally {@link Keys#keyId}). */
  public static Envelope sign(String payloadType, byte[] payload, PrivateKey key, String keyId) throws EvidenceException {
    try {
      java.security.Signature s = java.security.Signature.getInstance(jcaName(Keys.algorithm(key)));
      s.initSign(key);
      s.update(pae(payloadType, payload));
      return new Envelope(payloadType, payload, List.of(new Envelope.Signature(keyId, s.sign())));
    } catch (GeneralSecurityException e) {
      throw new EvidenceException("cannot sign: " + e.getMessage(), e);
    }
  }

  /** Signs with a key read by {@link SigningKey#read}, labelled with its key id. */
  public static Envelope sign(String payloadType, byte[] payload, SigningKey key) throws EvidenceException {
    return sign(payloadType, payload, key.privateKey(), key.keyId());
  }

  /**
   * Verifies an envelope against the trusted keys. A signature whose keyid names a trusted key is checked with that
   * key only; one with an empty or unknown keyid is tried against every trusted key (cosign leaves keyid empty). The
   * first valid signature wins.
   */
  public static Verification verify(Envelope envelope, TrustedKeys trusted) {
    if (envelope.signatures().isEmpty()) {
      return Verification.failed("the envelope carries no signature");
    }
    if (trusted.isEmpty()) {
      return Verification.failed("no trusted keys are configured (scanners.change.trusted_keys), so no signature can "
          + "be trusted");
    }
    byte[] pae = pae(envelope.payloadType(), envelope.payload());
    List<String> problems = new ArrayList<>();
    for (Envelope.Signature sig : envelope.signatures()) {
      Optional<TrustedKeys.Trusted> named = sig.keyid().isEmpty() ? Optional.empty() : trusted.byKeyId(sig.keyid());
      List<TrustedKeys.Trusted> candidates = named.map(List::of).orElse(trusted.all());
      for (TrustedKeys.Trusted t : candidates) {
        if (valid(pae, sig.sig(), t.key())) {
          return Verification.ok(t.identity(), t.keyId());
        }
      }
      if (named.isPresent()) {
        problems.add("the signature by " + named.get().identity() + " (key " + sig.keyid() + ") does not match "
            + "the payload: the envelope was altered after signing");
      } else if (sig.keyid().isEmpty()) {
        problems.add("the signature (without keyid) matches none of the trusted keys (" + identities(trusted) + "): the "
            + "envelope was altered after signing, or signed with a key that is not trusted");
      } else {
        problems.add("signed with key " + sig.keyid() + ", which is not a trusted key (scanners.change.trusted_keys), "
            + "and the signature matches no trusted key");
      }
    }
    return Verification.failed(String.join("; ", problems));
  }

  private static String identities(TrustedKeys trusted) {
    return String.join(", ", trusted.all().stream().map(TrustedKeys.Trusted::identity).toList());
  }

  /** Checks one signature with one public key: true only for a well-formed, valid signature. */
  public static boolean valid(byte[] pae, byte[] sig, PublicKey key) {
    try {
      java.security.Signature s = java.security.Signature.getInstance(jcaName(Keys.algorithm(key)));
      s.initVerify(key);
      s.update(pae);
      return s.verify(sig);
    } catch (SignatureException | InvalidKeyException | EvidenceException e) {
      return false; // a malformed signature (bad DER, wrong length) is simply not a valid one
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java runtime cannot verify " + key.getAlgorithm() + " signatures", e);
    }
  }

  private static String jcaName(Keys.Algorithm algorithm) {
    return algorithm == Keys.Algorithm.ED25519 ? "Ed25519" : "SHA256withECDSA";
  }
}
