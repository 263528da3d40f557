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
 * MD5, MD2, MD4 or SHA-1 requested from MessageDigest: the algorithm name as a literal or a folded constant, or a
 * constant passed to a repository method that hands its parameter to {@code getInstance} (reported at that call).
 */
public final class WeakHashCheck implements JavaCheck {

  static final Rule RULE = Rule.builder("java/crypto/weak-hash", "java")
      .title("Weak hash algorithm")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-328")
      .tags("owasp-top10:A02:2021", "asvs:4.0.3-6.2.5")
      .description("MessageDigest is asked for MD5, MD2, MD4 or SHA-1, whose collisions are practical; as a password"
          + " or signature hash they protect nothing.")
      .fix("Use SHA-256 or stronger for integrity; for passwords use a slow, salted KDF (Argon2id, bcrypt, scrypt, PBKDF2).")
      .build();

  private static final Set<String> WEAK = Set.of("MD2", "MD4", "MD5", "SHA1", "SHA-1", "SHA");

  @Override
  public List<Rule> rules() {
    return List.of(RULE);
  }

  private final AlgorithmParameters parameters = new AlgorithmParameters();

  @Override
  public MethodVisitor begin(MethodInfo method) {
    return new MethodVisitor() {
      @Override
      public void call(CallEvent e) {
        if (e.is("java.security.MessageDigest", "getInstance") && !e.argTrees().isEmpty()) {
          if (!(e.constantArg(0) instanceof String alg)) {
            parameters.record(method, e.argTrees().get(0));
          } else if (WEAK.contains(alg.toUpperCase(Locale.ROOT))) {
            e.reporter().report(RULE, e.tree(), "MessageDigest.getInstance(\"" + alg + "\") uses a broken hash algorithm", null);
          }
          return;
        }
        parameters.passed(e, method, (alg, target) -> {
          if (WEAK.contains(alg.toUpperCase(Locale.ROOT))) {
            e.reporter().report(RULE, e.tree(), "\"" + alg + "\" is passed to `" + target.name()
                + "`, which hands it to MessageDigest.getInstance: a broken hash algorithm", null);
          }
        });
      }
    };
  }
}
