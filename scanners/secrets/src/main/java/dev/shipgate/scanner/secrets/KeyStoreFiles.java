package dev.shipgate.scanner.secrets;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Location;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Binary key stores committed as files: PKCS#12 ({@code .p12}, {@code .pfx}), JKS and JCEKS ({@code .jks},
 * {@code .keystore}, {@code .jceks}). Their keys are encrypted, but with passwords that sit next to them in build
 * files or are the tools' defaults ({@code changeit}, {@code android}), and an offline guess costs nothing. A file is
 * reported only when its content is the format its name says; a JKS or JCEKS store that holds certificates only (a
 * trust store) is not, since it carries no key.
 */
final class KeyStoreFiles {

  static final String ID = "secrets/private-key/keystore";

  static final Rule RULE = Rule.builder(ID, DetectorCatalog.FAMILY)
      .title("Private key store file (PKCS#12, JKS, JCEKS)")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-321", "CWE-798")
      .description("A binary key store that holds private or secret keys is committed. Its keys are protected by a "
          + "password that is usually in the same repository (build scripts, gradle.properties, CI files) or a "
          + "tool default, and anyone with a clone can try passwords offline as often as they like. Signing keys "
          + "committed this way let others sign releases or app updates as you.")
      .fix(DetectorCatalog.DEFAULT_FIX + " For signing keys, issue a new key (and for Android apps, use Play App "
          + "Signing's key upgrade) because an exposed signing key cannot be made secret again.")
      .tags("owasp-top10:A02:2021", "owasp-top10:A07:2021", "asvs:4.0.3-2.10.4", "asvs:4.0.3-6.4.1")
      .build();

  private static final Set<String> EXTENSIONS = Set.of("p12", "pfx", "jks", "keystore", "jceks");
  private static final int JKS_MAGIC = 0xFEEDFEED;
  private static final int JCEKS_MAGIC = 0xCECECECE;
  /** The JKS/JCEKS entry tag of a trusted certificate (1 is a private key with its chain, 3 a secret key). */
  private static final int TRUSTED_CERT = 2;

  private KeyStoreFiles() {}

  static boolean isKeyStoreName(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1));
  }

  /** The store's format when {@code b} is a key store holding keys, else null (another file, or a trust store). */
  static String keyStoreKind(byte[] b) {
    if (b.length >= 4) {
      int magic = (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | b[3] & 0xff;
      if (magic == JKS_MAGIC || magic == JCEKS_MAGIC) {
        return holdsKeys(b) ? (magic == JKS_MAGIC ? "JKS" : "JCEKS") : null;
      }
    }
    return pkcs12(b) ? "PKCS#12" : null;
  }

  /**
   * PKCS#12's outer structure (RFC 7292): a DER SEQUENCE whose first element is the version INTEGER 3. Its bags are
   * encrypted, so whether they hold a key is not visible; PKCS#12 files are made to carry keys.
   */
  private static boolean pkcs12(byte[] b) {
    if (b.length < 8 || (b[0] & 0xff) != 0x30) {
      return false;
    }
    // The SEQUENCE's length: short form, long form (up to four length bytes) or BER's indefinite 0x80.
    int lengthByte = b[1] & 0xff;
    int lengthBytes = lengthByte > 0x80 ? lengthByte & 0x7f : 0;
    if (lengthBytes > 4) {
      return false;
    }
    int i = 2 + lengthBytes;
    return i + 2 < b.length && b[i] == 0x02 && b[i + 1] == 0x01 && b[i + 2] == 0x03;
  }

  /**
   * Walks the JKS/JCEKS entry list (its layout is readable without the password: tag, alias, date, then the entry) and
   * answers whether any entry is a private or secret key. A damaged or truncated list counts as holding keys: the file
   * still says it is a key store.
   */
  private static boolean holdsKeys(byte[] b) {
    Cursor c = new Cursor(b, 8);
    long count = c.u32();
    for (long e = 0; e < count && c.ok(); e++) {
      // Private (1) and secret (3) key entries, and tags this reader does not know, make it a key store.
      if (c.u32() != TRUSTED_CERT) {
        return true;
      }
      c.skip(c.u16()); // alias
      c.skip(8); // creation date
      c.skip(c.u16()); // certificate type, e.g. "X.509"
      c.skip(c.u32()); // certificate
    }
    return !c.ok();
  }

  /** Big-endian reads that turn into a failed state, never an exception, past the end. */
  private static final class Cursor {
    private final byte[] b;
    private long at;

    Cursor(byte[] b, int at) {
      this.b = b;
      this.at = at;
    }

    boolean ok() {
      return at <= b.length;
    }

    long u16() {
      if (at + 2 > b.length) {
        at = Long.MAX_VALUE / 2;
        return 0;
      }
      long v = (b[(int) at] & 0xff) << 8 | b[(int) at + 1] & 0xff;
      at += 2;
      return v;
    }

    long u32() {
      if (at + 4 > b.length) {
        at = Long.MAX_VALUE / 2;
        return 0;
      }
      int i = (int) at;
      long v = ((long) (b[i] & 0xff) << 24) | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | b[i + 3] & 0xff;
      at += 4;
      return v;
    }

    void skip(long n) {
      at = n < 0 || at + n > b.length ? Long.MAX_VALUE / 2 : at + n;
    }
  }

  /**
   * The finding for a key store at {@code path}. Its hash stands in for the secret, so the same file reported again
   * (another path, another commit) keeps its context key; no byte of the file is printed.
   */
  static Finding finding(String path, byte[] content, String kind, Map<String, String> extra) {
    String hash = SecretText.sha256Hex(new String(content, StandardCharsets.ISO_8859_1));
    boolean debug = path.toLowerCase(Locale.ROOT).contains("debug");
    Finding.Builder b = Finding.builder(RULE)
        .severity(debug ? Severity.LOW : Severity.HIGH)
        .confidence(Confidence.HIGH)
        .message(kind + " key store committed (" + content.length + " bytes, sha256 " + hash.substring(0, 12) + ")"
            + (debug ? ", named as a debug key store" : ""))
        .at(new Location(path, 1, 1, 1, 0))
        .snippet("(binary " + kind + " key store)")
        .contextKey(ID + ":" + hash)
        .property("provider", kind)
        .property("secret_sha256_prefix", hash.substring(0, 12))
        .property("validated", "not-applicable");
    extra.forEach(b::property);
    return b.build();
  }
}
