package dev.shipgate.evidence;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signing keys with the JDK alone: Ed25519 and ECDSA P-256, stored as PEM (PKCS#8 private keys, SPKI public keys),
 * the formats {@code openssl} and {@code cosign} read. Error messages name the file, never the key's bytes.
 */
public final class Keys {

  /** The algorithms shipgate signs with. */
  public enum Algorithm {
    ED25519("ed25519"),
    P256("p256");

    private final String option;

    Algorithm(String option) {
      this.option = option;
    }

    /** The word used on the command line and in messages. */
    public String option() {
      return option;
    }

    /** {@code ed25519} or {@code p256} (also {@code ecdsa-p256}), case-insensitive; null for anything else. */
    public static Algorithm parse(String word) {
      String w = word.toLowerCase(Locale.ROOT);
      return switch (w) {
        case "ed25519" -> ED25519;
        case "p256", "p-256", "ecdsa-p256" -> P256;
        default -> null;
      };
    }
  }

  private static final String PRIVATE = "PRIVATE KEY";
  private static final String PUBLIC = "PUBLIC KEY";
  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END ([A-Z0-9 ]+)-----");
  private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");
  // The SPKI prefix of a 32-byte Ed25519 public key (RFC 8410): SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING }.
  private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
  private static final BigInteger P256_ORDER =
      new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);

  private Keys() {}

  public static KeyPair generate(Algorithm algorithm) {
    try {
      if (algorithm == Algorithm.ED25519) {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      }
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java runtime cannot generate " + algorithm.option() + " keys", e);
    }
  }

  /** Which of the supported algorithms a key is for; fails for any other key (RSA, other curves). */
  public static Algorithm algorithm(java.security.Key key) throws EvidenceException {
    if (key instanceof EdECPublicKey || key instanceof EdECPrivateKey) {
      String curve = key instanceof EdECPublicKey p ? p.getParams().getName() : ((EdECPrivateKey) key).getParams().getName();
      if (curve.equalsIgnoreCase("Ed25519")) {
        return Algorithm.ED25519;
      }
      throw new EvidenceException("unsupported key: " + curve + " (shipgate signs with Ed25519 or ECDSA P-256)");
    }
    ECParameterSpec params = key instanceof ECPublicKey p ? p.getParams()
        : key instanceof ECPrivateKey k ? k.getParams() : null;
    if (params != null) {
      if (params.getOrder().equals(P256_ORDER)) {
        return Algorithm.P256;
      }
      throw new EvidenceException("unsupported key: an EC key on a curve other than P-256 (shipgate signs with Ed25519 "
          + "or ECDSA P-256)");
    }
    throw new EvidenceException("unsupported key: " + key.getAlgorithm() + " (shipgate signs with Ed25519 or ECDSA P-256)");
  }

  /** Lowercase hex SHA-256 of the public key's SPKI DER encoding: the same id whatever file holds the key. */
  public static String keyId(PublicKey key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /**
   * The public half of a private key. The JDK does not expose it and PKCS#8 files often omit it, so it is computed:
   * the curve's base point multiplied by the private scalar.
   */
  public static PublicKey publicKey(PrivateKey key) throws EvidenceException {
    try {
      if (algorithm(key) == Algorithm.ED25519) {
        byte[] seed = ((EdECPrivateKey) key).getBytes()
            .orElseThrow(() -> new EvidenceException("the Ed25519 private key's bytes are not accessible"));
        byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
        System.arraycopy(Ed25519Point.publicKey(seed), 0, spki, ED25519_SPKI_PREFIX.length, 32);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
      }
      ECPrivateKey ec = (ECPrivateKey) key;
      ECParameterSpec params = ec.getParams();
      ECPoint q = multiply(params.getCurve(), params.getGenerator(), ec.getS());
      return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(q, params));
    } catch (GeneralSecurityException e) {
      throw new EvidenceException("cannot derive the public key: " + e.getMessage(), e);
    }
  }

  public static String toPem(PublicKey key) {
    return pem(PUBLIC, key.getEncoded());
  }

  public static String toPem(PrivateKey key) {
    return pem(PRIVATE, key.getEncoded());
  }

  /** Writes a private key readable by its owner only (mode 600 where the file system has POSIX permissions). */
  public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
    byte[] text = toPem(key).getBytes(StandardCharsets.US_ASCII);
    if (Files.exists(file)) {
      throw new FileAlreadyExistsException(file.toString(), null, "refusing to overwrite an existing key");
    }
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      // Created with the permissions already set, so the key is never readable by others, even briefly.
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(file, text, StandardOpenOption.TRUNCATE_EXISTING);
    } else {
      Files.write(file, text, StandardOpenOption.CREATE_NEW);
    }
  }

  public static void writePublicKey(Path file, PublicKey key) throws IOException {
    Files.writeString(file, toPem(key), StandardCharsets.US_ASCII);
  }

  public static PublicKey readPublicKey(Path file) throws EvidenceException {
    return parsePublicKey(read(file), file.toString());
  }

  public static PrivateKey readPrivateKey(Path file) throws EvidenceException {
    return parsePrivateKey(read(file), file.toString());
  }

  /** An SPKI {@code PUBLIC KEY} PEM block; {@code source} names where it came from in error messages. */
  public static PublicKey parsePublicKey(String pem, String source) throws EvidenceException {
    byte[] der = decode(pem, PUBLIC, source);
    PublicKey key = null;
    for (String alg : new String[] {"Ed25519", "EC"}) {
      try {
        key = KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(der));
        break;
      } catch (InvalidKeySpecException | NoSuchAlgorithmException e) {
        // Try the next algorithm; the key type is only known after a factory accepts it.
      }
    }
    if (key == null) {
      throw new EvidenceException(source + ": the PUBLIC KEY is not an Ed25519 or ECDSA P-256 key (or its encoding is damaged)");
    }
    check(key, source);
    return key;
  }

  /** An unencrypted PKCS#8 {@code PRIVATE KEY} PEM block. */
  public static PrivateKey parsePrivateKey(String pem, String source) throws EvidenceException {
    byte[] der = decode(pem, PRIVATE, source);
    PrivateKey key = null;
    for (String alg : new String[] {"Ed25519", "EC"}) {
      try {
        key = KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
        break;
      } catch (InvalidKeySpecException | NoSuchAlgorithmException e) {
        // As for public keys.
      }
    }
    Arrays.fill(der, (byte) 0);
    if (key == null) {
      throw new EvidenceException(source + ": the PRIVATE KEY is not an Ed25519 or ECDSA P-256 key (or its encoding is damaged)");
    }
    check(key, source);
    return key;
  }

  private static void check(java.security.Key key, String source) throws EvidenceException {
    try {
      algorithm(key);
    } catch (EvidenceException e) {
      throw new EvidenceException(source + ": " + e.getMessage(), e);
    }
  }

  private static String read(Path file) throws EvidenceException {
    try {
      if (Files.size(file) > 64 * 1024) {
        throw new EvidenceException(file + ": too large to be a PEM key file");
      }
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new EvidenceException(file + ": not a PEM key file (it contains non-ASCII bytes)", e);
    } catch (IOException e) {
      throw new EvidenceException("cannot read key file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The DER bytes of the one block of the expected kind, with a message that says what was found instead. */
  private static byte[] decode(String pem, String expected, String source) throws EvidenceException {
    Matcher m = PEM.matcher(pem);
    if (!m.find()) {
      Matcher begin = BEGIN.matcher(pem);
      if (begin.find()) {
        throw new EvidenceException(source + ": the PEM block -----BEGIN " + begin.group(1) + "----- has no matching "
            + "END line or contains characters that are not base64");
      }
      throw new EvidenceException(source + ": not a PEM file (expected a -----BEGIN " + expected + "----- block)");
    }
    String label = m.group(1);
    if (!label.equals(m.group(3))) {
      throw new EvidenceException(source + ": the PEM block begins with " + label + " but ends with " + m.group(3));
    }
    if (!label.equals(expected)) {
      throw new EvidenceException(source + ": holds a " + label + " where a " + expected + " is expected" + hint(label));
    }
    try {
      return Base64.getMimeDecoder().decode(m.group(2));
    } catch (IllegalArgumentException e) {
      throw new EvidenceException(source + ": the " + expected + " block is not valid base64");
    }
  }

  private static String hint(String label) {
    return switch (label) {
      case "EC PRIVATE KEY" -> " (SEC1 format: convert it with `openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8`)";
      case "ENCRYPTED PRIVATE KEY", "ENCRYPTED SIGSTORE PRIVATE KEY" ->
          " (encrypted keys are not supported: keep the key in a secret store and pass it decrypted)";
      case "PRIVATE KEY" -> " (pass the public key file, never the private key)";
      default -> "";
    };
  }

  private static String pem(String label, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }

  // Affine double-and-add over a prime field: a few milliseconds, and its timing depends on the private key. It runs
  // once when a key file is loaded, locally, where nobody can time repeated runs; signing uses the JDK's own code.
  private static ECPoint multiply(EllipticCurve curve, ECPoint g, BigInteger k) {
    BigInteger p = ((ECFieldFp) curve.getField()).getP();
    ECPoint r = ECPoint.POINT_INFINITY;
    for (int i = k.bitLength() - 1; i >= 0; i--) {
      r = add(curve, p, r, r);
      if (k.testBit(i)) {
        r = add(curve, p, r, g);
      }
    }
    return r;
  }

  private static ECPoint add(EllipticCurve curve, BigInteger p, ECPoint a, ECPoint b) {
    if (a.equals(ECPoint.POINT_INFINITY)) {
      return b;
    }
    if (b.equals(ECPoint.POINT_INFINITY)) {
      return a;
    }
    BigInteger lambda;
    if (a.getAffineX().equals(b.getAffineX())) {
      if (a.getAffineY().add(b.getAffineY()).mod(p).signum() == 0) {
        return ECPoint.POINT_INFINITY;
      }
      BigInteger x = a.getAffineX();
      lambda = x.pow(2).multiply(BigInteger.valueOf(3)).add(curve.getA())
          .multiply(a.getAffineY().shiftLeft(1).modInverse(p)).mod(p);
    } else {
      lambda = b.getAffineY().subtract(a.getAffineY())
          .multiply(b.getAffineX().subtract(a.getAffineX()).modInverse(p)).mod(p);
    }
    BigInteger x3 = lambda.pow(2).subtract(a.getAffineX()).subtract(b.getAffineX()).mod(p);
    BigInteger y3 = lambda.multiply(a.getAffineX().subtract(x3)).subtract(a.getAffineY()).mod(p);
    return new ECPoint(x3, y3);
  }
}
