package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.taint.CallEvent;
import dev.shipgate.scanner.java.taint.JavaCheck;
import dev.shipgate.scanner.java.taint.MethodVisitor;
import dev.shipgate.scanner.java.taint.Reporter;
import dev.shipgate.scanner.java.taint.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Asymmetric keys generated below today's minimum: {@code KeyPairGenerator} for RSA, DSA or Diffie-Hellman
 * initialised with fewer than 2048 bits, EC with fewer than 224, {@code RSAKeyGenParameterSpec} below 2048
 * bits, or a named curve under 224 bits. Sizes must be constants to be judged.
 */
public final class WeakKeySizeCheck implements JavaCheck {

  static final Rule RULE = Rule.builder("java/crypto/weak-key-size", "java")
      .title("Key size too small")
      .severity(Severity.MEDIUM)
      .confidence(Confidence.HIGH)
      .cwe("CWE-326")
      .tags("owasp-top10:A02:2021", "asvs:4.0.3-6.2.3")
      .description("The generated key is shorter than current guidance (NIST SP 800-57, BSI TR-02102): RSA, DSA and"
          + " Diffie-Hellman below 2048 bits and elliptic curves below 224 bits can be broken or are expected to be within"
          + " the lifetime of the data they protect.")
      .fix("Use at least 2048-bit RSA (3072 for data that must stay secret beyond 2030), or EC on P-256/X25519.")
      .build();

  private static final Map<String, Integer> MINIMUM = Map.of("RSA", 2048, "DSA", 2048, "DH", 2048, "DIFFIEHELLMAN", 2048,
      "EC", 224);
  private static final Set<String> WEAK_CURVES = Set.of("secp112r1", "secp112r2", "secp128r1", "secp128r2", "secp160k1",
      "secp160r1", "secp160r2", "secp192k1", "secp192r1", "prime192v1", "prime192v2", "prime192v3", "sect163k1", "sect163r1",
      "sect163r2", "sect193r1", "sect193r2", "c2pnb163v1", "c2tnb191v1", "brainpoolp160r1", "brainpoolp192r1");

  @Override
  public List<Rule> rules() {
    return List.of(RULE);
  }

  @Override
  public MethodVisitor begin(MethodInfo method) {
    return new MethodVisitor() {
      /** Generator variables and their algorithm, upper-cased. */
      final Map<String, String> generators = new HashMap<>();
      String justCreated;

      @Override
      public void call(CallEvent e) {
        justCreated = null;
        if (e.is("java.security.KeyPairGenerator", "getInstance") && e.constantArg(0) instanceof String alg) {
          justCreated = alg.toUpperCase(Locale.ROOT);
          return;
        }
        if (e.is("java.security.KeyPairGenerator", "initialize") && e.constantArg(0) instanceof Integer bits) {
          String alg = e.receiverVariable() != null ? generators.get(e.receiverVariable()) : chainedAlgorithm(e.tree());
          Integer min = alg == null ? null : MINIMUM.get(alg);
          if (min != null && bits < min) {
            e.reporter().report(RULE, e.tree(), alg + " key pair of " + bits + " bits (minimum " + min + ")", null);
          }
          return;
        }
        if (e.call().name().equals("<init>") && "java.security.spec.RSAKeyGenParameterSpec".equals(e.call().declaringType())
            && e.constantArg(0) instanceof Integer bits && bits < 2048) {
          e.reporter().report(RULE, e.tree(), "RSA key of " + bits + " bits (minimum 2048)", null);
        }
        if (e.call().name().equals("<init>") && "java.security.spec.ECGenParameterSpec".equals(e.call().declaringType())
            && e.constantArg(0) instanceof String curve && WEAK_CURVES.contains(curve.toLowerCase(Locale.ROOT))) {
          e.reporter().report(RULE, e.tree(), "Elliptic curve " + curve + " is below 224 bits", null);
        }
      }

      @Override
      public void assign(String variable, Value value, Tree at, Reporter reporter) {
        if (justCreated != null) {
          generators.put(variable, justCreated);
          justCreated = null;
        } else {
          generators.remove(variable);
        }
      }
    };
  }

  /** {@code KeyPairGenerator.getInstance("RSA").initialize(1024)}: the algorithm of the inline receiver. */
  private static String chainedAlgorithm(Tree call) {
    if (call instanceof MethodInvocationTree mi && mi.getMethodSelect() instanceof MemberSelectTree ms
        && ms.getExpression() instanceof MethodInvocationTree inner && inner.getMethodSelect() instanceof MemberSelectTree ims
        && ims.getIdentifier().contentEquals("getInstance") && !inner.getArguments().isEmpty()) {
      ExpressionTree arg = inner.getArguments().get(0);
      if (arg instanceof com.sun.source.tree.LiteralTree l && l.getValue() instanceof String s) {
        return s.toUpperCase(Locale.ROOT);
      }
    }
    return null;
  }
}
