package dev.shipgate.scanner.java.rules;

import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.taint.CallEvent;
import dev.shipgate.scanner.java.taint.JavaCheck;
import dev.shipgate.scanner.java.taint.MethodVisitor;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cipher.getInstance with a broken algorithm (DES, 3DES, RC2, RC4, Blowfish) or a block cipher in ECB mode, named by a
 * constant there or passed to a repository method that hands its parameter to {@code getInstance}.
 */
public final class WeakCipherCheck implements JavaCheck {

  static final Rule WEAK = Rule.builder("java/crypto/weak-cipher", "java")
      .title("Weak cipher algorithm")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-327")
      .tags("owasp-top10:A02:2021", "asvs:4.0.3-6.2.2")
      .description("The cipher (DES, triple DES, RC2, RC4 or Blowfish) has a small key or block size and known attacks;"
          + " data encrypted with it should be treated as readable.")
      .fix("Use AES-GCM (\"AES/GCM/NoPadding\") with a random 12-byte IV per message, or ChaCha20-Poly1305.")
      .build();

  static final Rule ECB = Rule.builder("java/crypto/ecb-mode", "java")
      .title("Block cipher in ECB mode")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-327")
      .tags("owasp-top10:A02:2021", "asvs:4.0.3-6.2.5")
      .description("ECB encrypts equal blocks to equal ciphertext, so patterns in the data stay visible; \"AES\" alone"
          + " also means AES/ECB with the default providers.")
      .fix("Use an authenticated mode: \"AES/GCM/NoPadding\" with a random IV per message.")
      .build();

  private static final Set<String> WEAK_ALGORITHMS = Set.of("DES", "DESEDE", "TRIPLEDES", "3DES", "RC2", "RC4", "ARCFOUR",
      "BLOWFISH");
  private static final Set<String> BLOCK_CIPHERS = Set.of("AES", "AES_128", "AES_192", "AES_256", "CAMELLIA", "ARIA", "SEED");

  @Override
  public List<Rule> rules() {
    return List.of(WEAK, ECB);
  }

  /**
   * The weak cipher behind a password-based scheme ({@code PBEWithMD5AndDES} encrypts with DES); otherwise
   * {@code alg} unchanged (a PBE scheme over AES runs in CBC mode, not ECB).
   */
  static String pbeCipher(String alg) {
    int and = alg.lastIndexOf("AND");
    if (!alg.startsWith("PBEWITH") || and < 0) {
      return alg;
    }
    String cipher = alg.substring(and + 3);
    for (String weak : WEAK_ALGORITHMS) {
      if (cipher.startsWith(weak)) {
        return weak;
      }
    }
    return alg;
  }

  private final AlgorithmParameters parameters = new AlgorithmParameters();

  @Override
  public MethodVisitor begin(MethodInfo method) {
    return new MethodVisitor() {
      @Override
      public void call(CallEvent e) {
        if (e.is("javax.crypto.Cipher", "getInstance") && !e.argTrees().isEmpty()) {
          if (e.constantArg(0) instanceof String transformation) {
            judge(e, transformation, "Cipher.getInstance(\"" + transformation + "\")");
          } else {
            parameters.record(method, e.argTrees().get(0));
          }
          return;
        }
        parameters.passed(e, method, (transformation, target) -> judge(e, transformation,
            "\"" + transformation + "\", passed to `" + target.name() + "` for Cipher.getInstance,"));
      }
    };
  }

  private static void judge(CallEvent e, String transformation, String what) {
    String[] parts = transformation.toUpperCase(Locale.ROOT).split("/");
    String alg = pbeCipher(parts[0].trim());
    if (WEAK_ALGORITHMS.contains(alg)) {
      e.reporter().report(WEAK, e.tree(), what + " uses the broken " + parts[0] + " cipher", null);
    } else if (BLOCK_CIPHERS.contains(alg) && (parts.length == 1 || parts.length > 1 && parts[1].trim().equals("ECB"))) {
      e.reporter().report(ECB, e.tree(), what + " encrypts in ECB mode", null);
    }
  }
}
